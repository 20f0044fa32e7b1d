"""Views for data requests fulfilled: per role, uploads, downloads, register, search."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from layanan.models import BerkasSurat, KlasifikasiSurat, NomorSurat, PermintaanData, RiwayatLayanan, Status, Tag
from layanan.surat import beri_nomor_surat

from tests.berkas_uji import PDF

from .conftest import kunci


def docx_bytes():
    isi = io.BytesIO()
    Document().save(isi)
    return isi.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def permintaan(buat_layanan):
    return buat_layanan("permintaan-data", nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat",
                        jenis_instansi="pendidikan", nomor_surat_permintaan="012/FEB-ULM/XI/2026")


def beri(layanan, oleh):
    return beri_nomor_surat(layanan=layanan, klasifikasi="HM.340", tujuan="Dekan FEB ULM", perihal="Penyampaian Data", oleh=oleh)


def pesan(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


# --- Generate Nomor Surat Balasan --------------------------------------------------------------

@pytest.mark.django_db
def test_detail_shows_the_letter_panel_with_suggested_klasifikasi(masuk, petugas, permintaan):
    response = masuk(petugas).get(reverse("layanan:detail", args=[permintaan.pk]))
    html = response.content.decode()
    assert "Generate Nomor Surat Balasan" in html
    assert 'value="HM.340" selected' in html
    assert "Pimpinan Universitas Lambung Mangkurat" in html


@pytest.mark.django_db
def test_detail_reads_the_klasifikasi_table_once_for_the_suggestion_and_the_choices(masuk, petugas, permintaan):
    KlasifikasiSurat.objects.filter(jenis_instansi="pendidikan").update(kode="PR.100")  # as an Admin edits it
    klien = masuk(petugas)
    with CaptureQueriesContext(connection) as q:
        html = klien.get(reverse("layanan:detail", args=[permintaan.pk])).content.decode()
    assert 'value="PR.100" selected' in html
    assert "PR.100 — Perguruan tinggi / sekolah" in html and "HM.310 — Instansi pemerintah" in html
    assert sum("layanan_klasifikasisurat" in x["sql"] for x in q.captured_queries) == 1


@pytest.mark.parametrize("jenis_instansi", ["pemerintah", "organisasi", "perusahaan", "pendidikan", "perorangan", "lainnya", "tidak-ada"])
@pytest.mark.django_db
def test_klasifikasi_suggested_from_rows_already_read_is_the_same_as_read_alone(jenis_instansi):
    KlasifikasiSurat.objects.filter(jenis_instansi="perusahaan").delete()  # a type left out falls back to the default
    baris = list(KlasifikasiSurat.objects.all())
    assert KlasifikasiSurat.saran_untuk(jenis_instansi, baris) == KlasifikasiSurat.saran_untuk(jenis_instansi)
    assert KlasifikasiSurat.pilihan(baris) == KlasifikasiSurat.pilihan()


@pytest.mark.django_db
def test_detail_of_other_services_has_no_letter_panel(masuk, petugas, buat_layanan):
    layanan = buat_layanan("konsultasi")
    assert "Generate Nomor Surat Balasan" not in masuk(petugas).get(reverse("layanan:detail", args=[layanan.pk])).content.decode()


@pytest.mark.django_db
def test_petugas_generates_a_number(masuk, petugas, permintaan):
    client = masuk(petugas)
    response = client.post(
        reverse("layanan:generate_nomor", args=[permintaan.pk]),
        {**kunci("nomor_surat"), "klasifikasi": "HM.340", "tujuan": "Dekan FEB ULM", "perihal": "Penyampaian Data"}, follow=True,
    )
    nomor = NomorSurat.objects.get()
    assert nomor.nomor.startswith("B-001/63100/HM.340/")
    assert nomor.dibuat_oleh == petugas and nomor.tujuan == "Dekan FEB ULM"
    assert f"Nomor surat balasan: {nomor.nomor}" in pesan(response)
    assert nomor.nomor in response.content.decode()


@pytest.mark.django_db
def test_generate_with_missing_fields_explains_and_gives_no_number(masuk, petugas, permintaan):
    response = masuk(petugas).post(reverse("layanan:generate_nomor", args=[permintaan.pk]), {"klasifikasi": "HM.340"}, follow=True)
    assert NomorSurat.objects.count() == 0
    assert any("Tujuan (Yth.) wajib diisi" in m for m in pesan(response))


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas2", "pimpinan"])
def test_generate_is_refused_to_others(masuk, permintaan, peran, request):
    user = request.getfixturevalue(peran)
    response = masuk(user).post(reverse("layanan:generate_nomor", args=[permintaan.pk]),
                                {"klasifikasi": "HM.340", "tujuan": "x", "perihal": "y"})
    assert response.status_code == 403
    assert NomorSurat.objects.count() == 0


@pytest.mark.django_db
def test_generate_is_allowed_to_admin_and_refused_to_anonymous(client, masuk, admin_user, permintaan):
    url = reverse("layanan:generate_nomor", args=[permintaan.pk])
    data = {**kunci("nomor_surat"), "klasifikasi": "HM.340", "tujuan": "x", "perihal": "y"}
    assert client.post(url, data).status_code == 302 and NomorSurat.objects.count() == 0
    masuk(admin_user).post(url, data)
    assert NomorSurat.objects.count() == 1


@pytest.mark.django_db
def test_generate_on_a_non_data_request_is_not_found(masuk, petugas, buat_layanan):
    layanan = buat_layanan("konsultasi")
    response = masuk(petugas).post(reverse("layanan:generate_nomor", args=[layanan.pk]), {"klasifikasi": "HM.310", "tujuan": "x", "perihal": "y"})
    assert response.status_code == 404


@pytest.mark.django_db
def test_void_from_the_detail_page_keeps_the_number_in_the_register(masuk, petugas, permintaan):
    nomor = beri(permintaan, petugas)
    client = masuk(petugas)
    client.post(reverse("layanan:batal_nomor", args=[nomor.pk]), {"alasan": "Salah klasifikasi"})
    nomor.refresh_from_db()
    assert nomor.dibatalkan and nomor.alasan_batal == "Salah klasifikasi"
    html = client.get(reverse("layanan:register_surat")).content.decode()
    assert nomor.nomor in html and "Salah klasifikasi" in html


@pytest.mark.django_db
def test_void_without_reason_is_refused(masuk, petugas, permintaan):
    nomor = beri(permintaan, petugas)
    response = masuk(petugas).post(reverse("layanan:batal_nomor", args=[nomor.pk]), {"alasan": ""}, follow=True)
    nomor.refresh_from_db()
    assert not nomor.dibatalkan
    assert any("Alasan pembatalan wajib diisi" in m for m in pesan(response))


@pytest.mark.django_db
def test_void_by_another_officer_is_refused(masuk, petugas, petugas2, permintaan):
    nomor = beri(permintaan, petugas)
    assert masuk(petugas2).post(reverse("layanan:batal_nomor", args=[nomor.pk]), {"alasan": "x"}).status_code == 403


# --- Buat Draf Surat -----------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas", "petugas2", "pimpinan", "admin_user"])
def test_draf_surat_is_a_docx_for_staff(masuk, permintaan, petugas, peran, request):
    nomor = beri(permintaan, petugas)
    response = masuk(request.getfixturevalue(peran)).get(reverse("layanan:draf_surat", args=[permintaan.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    teks = "\n".join(p.text for p in Document(io.BytesIO(b"".join(response.streaming_content))).paragraphs)
    assert nomor.nomor in teks and "Dekan FEB ULM" in teks and "012/FEB-ULM/XI/2026" in teks


@pytest.mark.django_db
def test_draf_surat_is_refused_to_anonymous(client, permintaan):
    response = client.get(reverse("layanan:draf_surat", args=[permintaan.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.django_db
def test_default_template_download_is_for_admin_only(masuk, admin_user, petugas):
    url = reverse("layanan:template_surat_bawaan")
    assert masuk(petugas).get(url).status_code == 403
    response = masuk(admin_user).get(url)
    assert response.status_code == 200
    assert "{{nomor_surat}}" in "\n".join(p.text for p in Document(io.BytesIO(b"".join(response.streaming_content))).paragraphs)


# --- Signed file upload and download ---------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("nama, isi, jenis_berkas", [("surat.pdf", PDF, "pdf"), ("surat.docx", None, "docx")])
def test_upload_pdf_or_docx_is_stored_under_a_random_name(masuk, petugas, permintaan, media, nama, isi, jenis_berkas):
    isi = isi or docx_bytes()
    response = masuk(petugas).post(reverse("layanan:unggah_berkas", args=[permintaan.pk]),
                                   {**kunci("berkas_surat"), "berkas": SimpleUploadedFile(nama, isi)}, follow=True)
    berkas = BerkasSurat.objects.get()
    assert berkas.jenis == jenis_berkas and berkas.nama_asli == nama and berkas.diunggah_oleh == petugas
    assert "surat" not in berkas.berkas.name.rsplit("/", 1)[1]  # uuid, not the visitor's name
    assert (media / berkas.berkas.name).read_bytes() == isi
    assert f"Berkas {nama} tersimpan." in pesan(response)


@pytest.mark.django_db
def test_upload_of_an_executable_renamed_pdf_is_refused_with_a_clear_message(masuk, petugas, permintaan):
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 100
    response = masuk(petugas).post(reverse("layanan:unggah_berkas", args=[permintaan.pk]),
                                   {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("surat-balasan.pdf", exe)}, follow=True)
    assert BerkasSurat.objects.count() == 0
    assert any("bukan PDF atau DOCX yang sah" in m for m in pesan(response))


@pytest.mark.django_db
def test_upload_of_a_zip_that_is_not_docx_is_refused(masuk, petugas, permintaan):
    isi = io.BytesIO()
    with zipfile.ZipFile(isi, "w") as z:
        z.writestr("virus.exe", b"MZ")
    masuk(petugas).post(reverse("layanan:unggah_berkas", args=[permintaan.pk]), {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("surat.docx", isi.getvalue())})
    assert BerkasSurat.objects.count() == 0


@pytest.mark.django_db
def test_upload_over_10_mb_is_refused_with_a_clear_message(masuk, petugas, permintaan):
    besar = PDF + b"0" * (10 * 1024 * 1024)
    response = masuk(petugas).post(reverse("layanan:unggah_berkas", args=[permintaan.pk]),
                                   {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("surat.pdf", besar)}, follow=True)
    assert BerkasSurat.objects.count() == 0
    assert any("terlalu besar" in m and "10 MB" in m for m in pesan(response))


@pytest.mark.django_db
def test_upload_without_a_file_explains(masuk, petugas, permintaan):
    response = masuk(petugas).post(reverse("layanan:unggah_berkas", args=[permintaan.pk]), {}, follow=True)
    assert any("Pilih berkas surat balasan" in m for m in pesan(response))


@pytest.mark.django_db
def test_the_same_upload_form_sent_twice_keeps_one_file(masuk, petugas, permintaan, media):
    """A double click on Unggah Berkas, or a resend after a timeout: one file, one history entry."""
    client = masuk(petugas)
    url = reverse("layanan:unggah_berkas", args=[permintaan.pk])
    data = kunci("berkas_surat")

    client.post(url, {**data, "berkas": SimpleUploadedFile("surat.pdf", PDF)})
    kedua = client.post(url, {**data, "berkas": SimpleUploadedFile("surat.pdf", PDF)}, follow=True)

    assert BerkasSurat.objects.count() == 1
    assert RiwayatLayanan.objects.filter(catatan__startswith="Berkas surat balasan diunggah").count() == 1
    assert any("tidak dicatat dua kali" in m for m in pesan(kedua))
    assert len([p for p in media.rglob("*") if p.is_file()]) == 1


@pytest.mark.django_db
def test_an_upload_form_without_its_key_keeps_nothing_and_says_send_again(masuk, petugas, permintaan, media):
    """A page from before the key, or left open for more than a day: nothing stored, the form says why."""
    jawaban = masuk(petugas).post(reverse("layanan:unggah_berkas", args=[permintaan.pk]),
                                  {"berkas": SimpleUploadedFile("surat.pdf", PDF)})

    assert jawaban.status_code == 400 and "kirim sekali lagi" in jawaban.content.decode()
    assert BerkasSurat.objects.count() == 0 and not [p for p in media.rglob("*") if p.is_file()]


@pytest.mark.django_db
def test_replacing_the_file_keeps_the_old_one_in_the_history(masuk, petugas, permintaan):
    client = masuk(petugas)
    url = reverse("layanan:unggah_berkas", args=[permintaan.pk])
    client.post(url, {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("versi-1.pdf", PDF)})
    client.post(url, {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("versi-2.pdf", PDF + b"2")})
    lama, baru = BerkasSurat.objects.order_by("id")
    assert lama.diganti_pada is not None and baru.aktif
    assert lama.berkas.storage.exists(lama.berkas.name)
    assert RiwayatLayanan.objects.filter(catatan__contains="menggantikan versi-1.pdf").exists()
    html = client.get(reverse("layanan:detail", args=[permintaan.pk])).content.decode()
    assert "Berkas sebelumnya (1)" in html and "versi-1.pdf" in html


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas2", "pimpinan"])
def test_upload_is_refused_to_others(masuk, permintaan, peran, request):
    response = masuk(request.getfixturevalue(peran)).post(
        reverse("layanan:unggah_berkas", args=[permintaan.pk]), {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("s.pdf", PDF)})
    assert response.status_code == 403 and BerkasSurat.objects.count() == 0


@pytest.mark.django_db
def test_download_is_refused_to_anonymous_and_served_to_staff(client, masuk, petugas, pimpinan, permintaan):
    masuk(petugas).post(reverse("layanan:unggah_berkas", args=[permintaan.pk]), {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("surat.pdf", PDF)})
    client.logout()
    url = reverse("layanan:unduh_berkas", args=[BerkasSurat.objects.get().pk])

    anonim = client.get(url)
    assert anonim.status_code == 302 and "/login/" in anonim["Location"]

    response = masuk(pimpinan).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.django_db
def test_media_files_are_not_served_by_any_url(client, masuk, petugas, permintaan):
    masuk(petugas).post(reverse("layanan:unggah_berkas", args=[permintaan.pk]), {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("surat.pdf", PDF)})
    nama = BerkasSurat.objects.get().berkas.name
    client.logout()
    for awalan in ("/media/", "/static/", "/"):
        assert client.get(awalan + nama).status_code in (302, 404)


# --- Tags and details ---------------------------------------------------------------------------------

@pytest.mark.django_db
def test_tags_are_added_normalised_and_suggested(masuk, petugas, permintaan, buat_layanan):
    Tag.objects.create(nama="kemiskinan")
    client = masuk(petugas)
    client.post(reverse("layanan:tambah_tag", args=[permintaan.pk]), {"tag": " IPM , Kecamatan,ipm"})
    assert sorted(PermintaanData.objects.get(layanan=permintaan).tags.values_list("nama", flat=True)) == ["ipm", "kecamatan"]
    html = client.get(reverse("layanan:detail", args=[permintaan.pk])).content.decode()
    assert '<option value="kemiskinan">' in html and "#ipm" in html


@pytest.mark.django_db
def test_tag_can_be_removed_and_the_history_says_so(masuk, petugas, permintaan):
    client = masuk(petugas)
    client.post(reverse("layanan:tambah_tag", args=[permintaan.pk]), {"tag": "ipm"})
    tag = Tag.objects.get(nama="ipm")
    client.post(reverse("layanan:lepas_tag", args=[permintaan.pk, tag.pk]))
    assert not PermintaanData.objects.get(layanan=permintaan).tags.exists()
    assert RiwayatLayanan.objects.filter(layanan=permintaan, catatan="Tag dilepas: ipm.").exists()


@pytest.mark.django_db
def test_empty_tag_is_refused(masuk, petugas, permintaan):
    response = masuk(petugas).post(reverse("layanan:tambah_tag", args=[permintaan.pk]), {"tag": " , "}, follow=True)
    assert not Tag.objects.exists()
    assert any("Tulis tag" in m for m in pesan(response))


@pytest.mark.django_db
def test_rincian_permintaan_saves_letter_items_format_and_delivery(masuk, petugas, permintaan):
    client = masuk(petugas)
    url = reverse("layanan:rincian_permintaan", args=[permintaan.pk])
    awal = client.get(url)
    assert awal.status_code == 200 and "012/FEB-ULM/XI/2026" in awal.content.decode()
    data = {
        "nomor_surat_permintaan": "012/FEB-ULM/XI/2026", "tanggal_surat_permintaan": "2026-11-02",
        "format_data": "excel", "cara_penyampaian": "email", "catatan": "Tabel IPM dikirim",
        "item-TOTAL_FORMS": "3", "item-INITIAL_FORMS": "0", "item-MIN_NUM_FORMS": "0", "item-MAX_NUM_FORMS": "30",
        "item-0-topik": "IPM", "item-0-periode": "2020–2025", "item-0-tingkat_wilayah": "kecamatan",
        "item-1-topik": "Penduduk", "item-1-periode": "2025", "item-1-tingkat_wilayah": "desa",
        **kunci("rincian_permintaan"),
    }
    response = client.post(url, data)
    assert response.status_code == 302
    p = PermintaanData.objects.get(layanan=permintaan)
    assert p.tanggal_surat_permintaan == datetime.date(2026, 11, 2)
    assert (p.format_data, p.cara_penyampaian) == ("excel", "email")
    assert [i.uraian for i in p.item.all()] == ["IPM, 2020–2025, Kecamatan", "Penduduk, 2025, Desa/Kelurahan"]


@pytest.mark.django_db
def test_rincian_permintaan_with_bad_date_keeps_what_was_typed(masuk, petugas, permintaan):
    response = masuk(petugas).post(reverse("layanan:rincian_permintaan", args=[permintaan.pk]), {
        "nomor_surat_permintaan": "ABC/1", "tanggal_surat_permintaan": "2099-01-01", "format_data": "", "cara_penyampaian": "",
        "item-TOTAL_FORMS": "1", "item-INITIAL_FORMS": "0", "item-0-topik": "Inflasi bulanan", **kunci("rincian_permintaan"),
    })
    assert response.status_code == 400
    html = response.content.decode()
    assert "tidak boleh sesudah hari ini" in html and "Inflasi bulanan" in html and "ABC/1" in html
    assert not PermintaanData.objects.exists()


@pytest.mark.django_db
def test_rincian_permintaan_refused_to_pimpinan(masuk, pimpinan, permintaan):
    assert masuk(pimpinan).get(reverse("layanan:rincian_permintaan", args=[permintaan.pk])).status_code == 403


# --- Kirim WA to the visitor ---------------------------------------------------------------------

@pytest.mark.django_db
def test_kirim_wa_appears_when_siap_diambil(masuk, petugas, permintaan):
    client = masuk(petugas)
    url = reverse("layanan:detail", args=[permintaan.pk])
    assert "kirim-wa-pengunjung" not in client.get(url).content.decode()
    permintaan.ubah_status(Status.SIAP_DIAMBIL, oleh=petugas)
    html = client.get(url).content.decode()
    assert f"https://wa.me/{permintaan.pengunjung.no_hp}?text=Yth.%20Dewi%20Lestari" in html
    assert "Siap%20Diambil" in html


# --- Register Surat ---------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas", "pimpinan", "admin_user"])
def test_register_is_open_to_staff(masuk, peran, request):
    assert masuk(request.getfixturevalue(peran)).get(reverse("layanan:register_surat")).status_code == 200


@pytest.mark.django_db
def test_register_and_search_refuse_anonymous(client):
    for nama in ("layanan:register_surat", "layanan:register_surat_excel", "layanan:cari_permintaan"):
        response = client.get(reverse(nama))
        assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.django_db
def test_register_filters_by_year_words_and_status(masuk, petugas, buat_layanan):
    a = beri(buat_layanan("permintaan-data", nama="Ani Bappeda"), petugas)
    b = beri(buat_layanan("permintaan-data", nama="Budi Kampus"), petugas)
    b.batalkan(alasan="Keliru", oleh=petugas)
    client = masuk(petugas)

    def hasil(**f):
        return list(client.get(reverse("layanan:register_surat"), f).context["halaman"].object_list)

    assert hasil() == [b, a]
    assert hasil(tahun=a.tahun, q="Ani") == [a]
    assert hasil(tahun=a.tahun, status="dibatalkan") == [b]
    assert hasil(tahun=a.tahun - 1) == []


@pytest.mark.django_db
def test_register_exports_to_excel(masuk, pimpinan, petugas, buat_layanan):
    a = beri(buat_layanan("permintaan-data", nama="Ani Bappeda"), petugas)
    response = masuk(pimpinan).get(reverse("layanan:register_surat_excel"), {"tahun": a.tahun})
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    baris = list(ws.iter_rows(values_only=True))
    assert baris[0][:2] == ("No. urut", "Nomor surat")
    assert baris[1][0] == 1 and baris[1][1] == a.nomor and baris[1][6] == "Ani Bappeda" and baris[1][11] == "Berlaku"


# --- Search over past data requests ----------------------------------------------------------------

@pytest.mark.django_db
def test_search_finds_past_requests_by_tag_words_instansi_and_date(masuk, petugas, buat_layanan):
    ipm = buat_layanan("permintaan-data", nama="Dewi", instansi="Universitas Lambung Mangkurat", keperluan="Data IPM")
    PermintaanData.untuk(ipm).tambah_tag("ipm", oleh=petugas)
    PermintaanData.untuk(ipm).item.create(topik="Indeks Pembangunan Manusia", periode="2024")
    inflasi = buat_layanan("permintaan-data", nama="Budi", instansi="Bank Kalsel", keperluan="Inflasi")
    buat_layanan("konsultasi", keperluan="IPM")  # not a data request
    client = masuk(petugas)

    def hasil(**f):
        return list(client.get(reverse("layanan:cari_permintaan"), f).context["halaman"].object_list)

    assert hasil() == [inflasi, ipm]
    assert hasil(tag="IPM") == [ipm]
    assert hasil(q="pembangunan manusia") == [ipm]
    assert hasil(instansi="bank") == [inflasi]
    besok = (timezone.localdate(ipm.dibuat) + datetime.timedelta(days=1)).isoformat()
    assert hasil(dari=besok) == []


@pytest.mark.django_db
def test_search_result_shows_what_was_sent(masuk, petugas, permintaan):
    nomor = beri(permintaan, petugas)
    client = masuk(petugas)
    client.post(reverse("layanan:unggah_berkas", args=[permintaan.pk]), {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("balasan.pdf", PDF)})
    html = client.get(reverse("layanan:cari_permintaan"), {"q": "Dewi"}).content.decode()
    assert nomor.nomor in html and "balasan.pdf" in html


# --- N+1 guards -----------------------------------------------------------------------------------------

def _isi_lengkap(layanan, oleh, n):
    beri(layanan, oleh)
    p = PermintaanData.untuk(layanan)
    p.tambah_tag(f"tag{n}, umum", oleh=oleh)
    p.item.create(topik=f"Topik {n}")
    BerkasSurat.objects.create(layanan=layanan, berkas=f"surat-balasan/x{n}.pdf", nama_asli=f"s{n}.pdf", jenis="pdf", ukuran=1, diunggah_oleh=oleh)


@pytest.mark.django_db
@pytest.mark.parametrize("nama", ["layanan:register_surat", "layanan:cari_permintaan"])
def test_list_pages_use_the_same_number_of_queries_for_1_and_5_rows(masuk, petugas, buat_layanan, django_assert_num_queries, nama):
    client = masuk(petugas)
    _isi_lengkap(buat_layanan("permintaan-data"), petugas, 0)
    client.get(reverse(nama))
    with CaptureQueriesContext(connection) as satu:
        client.get(reverse(nama))
    for n in range(1, 5):
        _isi_lengkap(buat_layanan("permintaan-data"), petugas, n)
    with django_assert_num_queries(len(satu)):
        response = client.get(reverse(nama))
    assert len(response.context["halaman"].object_list) == 5


@pytest.mark.django_db
def test_upload_on_a_full_disk_says_so_and_leaves_no_file_or_record(masuk, petugas, permintaan, settings, media):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "tests.test_gangguan.DiskPenuh"}}

    response = masuk(petugas).post(reverse("layanan:unggah_berkas", args=[permintaan.pk]),
                                   {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("surat.pdf", PDF)}, follow=True)

    assert any("ruang penyimpanan server penuh" in m for m in pesan(response))
    assert BerkasSurat.objects.count() == 0
    assert not [p for p in media.rglob("*") if p.is_file()]
