"""Reply-letter numbers: format, yearly sequence, uniqueness, voiding; the .docx draft."""

import datetime
import io
import zoneinfo
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from docx import Document

from layanan.draf_surat import PLACEHOLDER, buat_draf_surat, template_bawaan
from layanan.models import KlasifikasiSurat, NomorSurat, PermintaanData, RiwayatLayanan
from layanan.surat import beri_nomor_surat, format_nomor, tanggal_indonesia
from pst_frontoffice.models import PengaturanKantor, validasi_format_nomor

WITA = zoneinfo.ZoneInfo("Asia/Makassar")


def pada(y, m, d, h=10):
    return datetime.datetime(y, m, d, h, tzinfo=WITA)


def beri(layanan, oleh, **kw):
    kw.setdefault("klasifikasi", "HM.310")
    return beri_nomor_surat(layanan=layanan, tujuan="Kepala Bappeda", perihal="Penyampaian Data", oleh=oleh, **kw)


@pytest.mark.parametrize(
    "format_, hasil",
    [
        ("B-{urut:03}/{kode_unit}/{klasifikasi}/{bulan:02}/{tahun}", "B-007/63100/HM.310/03/2026"),
        ("B-{urut:03}/{kode_unit}/{klasifikasi}/{tahun}", "B-007/63100/HM.310/2026"),
        ("{urut}/{kode_unit}/{klasifikasi}/{bulan}/{tahun}", "7/63100/HM.310/3/2026"),
        ("B-{urut:04}/BPS/{tahun}", "B-0007/BPS/2026"),
    ],
)
def test_format_nomor_follows_the_office_setting(format_, hasil):
    validasi_format_nomor(format_)
    nomor = format_nomor(format_, urut=7, kode_unit="63100", klasifikasi="HM.310", tanggal=datetime.date(2026, 3, 9))
    assert nomor == hasil


@pytest.mark.parametrize("format_", [
    "B-{nomor}/{tahun}", "B-{urut:03}/{kode_unit}", "B-{urut:03/{tahun}", "{urut:zz}/{tahun}",
    # Attribute access, indexing and other format specs: only {name} and {name:0N} are filled.
    "{urut.__class__}/{tahun}", "{urut}/{tahun.real}", "{urut[0]}/{tahun}", "{urut:>30}/{tahun}", "{urut:3}/{tahun}",
])
def test_format_nomor_without_sequence_and_year_or_with_unknown_placeholders_is_refused(format_):
    with pytest.raises(ValidationError):
        validasi_format_nomor(format_)


def test_a_format_saved_before_the_check_falls_back_to_the_default():
    nomor = format_nomor("{urut.__class__}/{tahun}", urut=7, kode_unit="63100", klasifikasi="HM.310",
                         tanggal=datetime.date(2026, 3, 9))
    assert nomor == "B-007/63100/HM.310/03/2026"


@pytest.mark.django_db
def test_nomor_uses_the_default_bps_form(buat_layanan, petugas, kantor):
    layanan = buat_layanan("permintaan-data")
    nomor = beri(layanan, petugas, pada=pada(2026, 11, 22))
    assert nomor.nomor == "B-001/63100/HM.310/11/2026"
    assert (nomor.tahun, nomor.urut, nomor.tanggal) == (2026, 1, datetime.date(2026, 11, 22))
    assert nomor.dibuat_oleh == petugas and nomor.layanan == layanan and nomor.tujuan == "Kepala Bappeda"


@pytest.mark.django_db
def test_nomor_uses_changed_format_and_unit_code(buat_layanan, petugas, kantor):
    kantor.format_nomor_surat = "B-{urut:03}/{kode_unit}/{klasifikasi}/{tahun}"
    kantor.kode_unit = "17000"
    kantor.save()
    nomor = beri(buat_layanan("permintaan-data"), petugas, klasifikasi="HM.340", pada=pada(2024, 1, 5))
    assert nomor.nomor == "B-001/17000/HM.340/2024"


@pytest.mark.django_db
def test_nomor_sequence_is_one_for_the_office_and_consecutive(buat_layanan, petugas, petugas2):
    nomor = [
        beri(buat_layanan("permintaan-data"), petugas, klasifikasi="HM.310", pada=pada(2026, 2, 1)),
        beri(buat_layanan("permintaan-data", oleh=petugas2), petugas2, klasifikasi="HM.340", pada=pada(2026, 2, 1)),
        beri(buat_layanan("permintaan-data"), petugas, klasifikasi="VS.620", pada=pada(2026, 3, 1)),
    ]
    assert [n.urut for n in nomor] == [1, 2, 3]
    assert len({n.nomor for n in nomor}) == 3


@pytest.mark.django_db
def test_nomor_sequence_restarts_on_1_january(buat_layanan, petugas):
    akhir_tahun = beri(buat_layanan("permintaan-data"), petugas, pada=pada(2026, 12, 31, 23))
    beri(buat_layanan("permintaan-data"), petugas, pada=pada(2026, 12, 31, 23))
    awal_tahun = beri(buat_layanan("permintaan-data"), petugas, pada=pada(2027, 1, 1, 0))
    assert (akhir_tahun.urut, awal_tahun.urut) == (1, 1)
    assert awal_tahun.nomor == "B-001/63100/HM.310/01/2027"


@pytest.mark.django_db
def test_nomor_year_follows_the_office_time_zone(buat_layanan, petugas):
    # 31 Dec 2026 17:30 UTC is already 1 January 2027 in WITA.
    nomor = beri(buat_layanan("permintaan-data"), petugas, pada=datetime.datetime(2026, 12, 31, 17, 30, tzinfo=datetime.UTC))
    assert nomor.tahun == 2027


@pytest.mark.django_db
def test_voided_nomor_is_kept_and_never_reused(buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data")
    keliru = beri(layanan, petugas, pada=pada(2026, 5, 1))
    keliru.batalkan(alasan="Salah tujuan", oleh=petugas)
    pengganti = beri(layanan, petugas, pada=pada(2026, 5, 1))

    assert pengganti.urut == 2
    keliru.refresh_from_db()
    assert keliru.dibatalkan and keliru.alasan_batal == "Salah tujuan" and keliru.dibatalkan_oleh == petugas
    assert NomorSurat.objects.count() == 2
    assert RiwayatLayanan.objects.filter(layanan=layanan, catatan__contains="dibatalkan: Salah tujuan").exists()


@pytest.mark.django_db
def test_void_needs_a_reason(buat_layanan, petugas):
    nomor = beri(buat_layanan("permintaan-data"), petugas)
    with pytest.raises(ValidationError, match="Alasan"):
        nomor.batalkan(alasan="  ", oleh=petugas)


@pytest.mark.django_db
def test_a_service_gets_one_valid_number_at_a_time(buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data")
    beri(layanan, petugas)
    with pytest.raises(ValidationError, match="sudah punya nomor"):
        beri(layanan, petugas)
    assert NomorSurat.objects.count() == 1


@pytest.mark.django_db
def test_only_data_requests_get_a_number(buat_layanan, petugas):
    with pytest.raises(ValidationError, match="Permintaan Data"):
        beri(buat_layanan("konsultasi"), petugas)


@pytest.mark.django_db
def test_database_refuses_a_repeated_sequence_number(buat_layanan, petugas):
    nomor = beri(buat_layanan("permintaan-data"), petugas, pada=pada(2026, 4, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        NomorSurat.objects.create(
            tahun=2026, urut=nomor.urut, nomor="B-001/lain", klasifikasi="HM.310", tanggal=nomor.tanggal,
            layanan=buat_layanan("permintaan-data"), tujuan="x", perihal="x", dibuat_oleh=petugas,
        )


@pytest.mark.django_db
def test_many_sequential_numbers_are_distinct_and_consecutive(buat_layanan, petugas):
    nomor = [beri(buat_layanan("permintaan-data"), petugas, pada=pada(2026, 6, 1)) for _ in range(20)]
    assert sorted(n.urut for n in nomor) == list(range(1, 21))
    assert len({n.nomor for n in nomor}) == 20


@pytest.mark.django_db
@pytest.mark.parametrize(
    "jenis_instansi, kode",
    [("pemerintah", "HM.310"), ("organisasi", "HM.320"), ("perusahaan", "HM.330"), ("pendidikan", "HM.340"), ("lainnya", "VS.620")],
)
def test_klasifikasi_is_suggested_from_the_instansi_type(jenis_instansi, kode):
    assert KlasifikasiSurat.saran_untuk(jenis_instansi) == kode


@pytest.mark.django_db
def test_klasifikasi_table_is_editable(db):
    KlasifikasiSurat.objects.filter(jenis_instansi="pendidikan").update(kode="PR.100")
    assert KlasifikasiSurat.saran_untuk("pendidikan") == "PR.100"


def test_tanggal_indonesia_writes_month_names():
    assert tanggal_indonesia(datetime.date(2026, 11, 22)) == "22 November 2026"
    assert tanggal_indonesia(datetime.date(2026, 8, 1)) == "1 Agustus 2026"


def _teks(dokumen):
    return "\n".join(p.text for p in dokumen.paragraphs)


@pytest.mark.django_db
def test_draf_surat_opens_with_python_docx_and_holds_number_and_indonesian_date(buat_layanan, petugas, kantor):
    layanan = buat_layanan("permintaan-data", nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat")
    permintaan = PermintaanData.untuk(layanan)
    permintaan.nomor_surat_permintaan = "012/FEB-ULM/XI/2026"
    permintaan.tanggal_surat_permintaan = datetime.date(2026, 11, 2)
    permintaan.save()
    permintaan.item.create(topik="Indeks Pembangunan Manusia", periode="2020–2025", tingkat_wilayah="kecamatan")
    nomor = beri(layanan, petugas, pada=pada(2026, 11, 22))

    dokumen = Document(buat_draf_surat(layanan, kantor=kantor, permintaan=permintaan, nomor=nomor))
    teks = _teks(dokumen)

    assert "B-001/63100/HM.310/11/2026" in teks
    assert "22 November 2026" in teks
    assert "012/FEB-ULM/XI/2026" in teks and "2 November 2026" in teks
    assert "1. Indeks Pembangunan Manusia, 2020–2025, Kecamatan" in teks
    assert "Universitas Lambung Mangkurat" in teks and kantor.nama_kantor in teks
    assert "{{" not in teks


@pytest.mark.django_db
def test_draf_surat_uses_the_office_template_even_when_word_splits_a_placeholder(buat_layanan, petugas, kantor, settings, tmp_path):
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    d = Document()
    par = d.add_paragraph("Nomor kami: ")
    par.add_run("{{nomor_")
    par.add_run("surat}}").bold = True
    d.add_paragraph("Tanggal {{ tanggal_surat }}; {{tidak_dikenal}}")
    isi = io.BytesIO()
    d.save(isi)
    kantor.template_surat_balasan.save("kantor.docx", ContentFile(isi.getvalue()))
    layanan = buat_layanan("permintaan-data")
    nomor = beri(layanan, petugas, pada=pada(2026, 8, 17))

    teks = _teks(Document(buat_draf_surat(layanan, kantor=PengaturanKantor.get(), nomor=nomor)))

    assert "Nomor kami: B-001/63100/HM.310/08/2026" in teks
    assert "Tanggal 17 Agustus 2026; {{tidak_dikenal}}" in teks


def test_template_bawaan_lists_the_documented_placeholders():
    teks = _teks(template_bawaan())
    for nama in ("nomor_surat", "tanggal_surat", "tujuan", "perihal", "daftar_data", "nomor_surat_permintaan"):
        assert "{{" + nama + "}}" in teks


@pytest.mark.django_db
def test_office_template_must_really_be_a_docx(kantor, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    kantor.template_surat_balasan = SimpleUploadedFile("template.docx", b"MZ bukan docx")
    with pytest.raises(ValidationError) as galat:
        kantor.full_clean()
    assert "bukan DOCX yang sah" in str(galat.value.message_dict["template_surat_balasan"])


@pytest.mark.django_db
def test_format_setting_is_validated_on_the_office_record(kantor):
    kantor.format_nomor_surat = "B-{urut:03}/{kode_unit}"
    with pytest.raises(ValidationError) as galat:
        kantor.full_clean()
    assert "format_nomor_surat" in galat.value.message_dict


def test_docs_list_every_letter_template_placeholder():
    teks = (Path(__file__).resolve().parent.parent / "docs" / "surat.md").read_text()
    assert [nama for nama in PLACEHOLDER if f"`{{{{{nama}}}}}`" not in teks] == []
