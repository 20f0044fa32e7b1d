"""The visitor at the top of a service, their other services and letters, and internal notes."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bukutamu.pengunjung import Keputusan
from layanan.layanan import BATAS_RIWAYAT_PENGUNJUNG
from layanan.models import CatatanInternal
from layanan.surat import beri_nomor_surat, unggah_berkas_surat
from tests.berkas_uji import PDF
from tests.conftest import kunci

pytestmark = pytest.mark.django_db

HP = "6281298765432"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def dewi(buat_layanan):
    """Dewi's data request today; she came twice before (a consultation, a data request answered by letter)."""
    sekarang = timezone.now()
    kemarin = buat_layanan("konsultasi", nama="Dewi Lestari", no_hp=HP, waktu=sekarang - datetime.timedelta(days=30))
    lalu = buat_layanan("permintaan-data", nama="Dewi Lestari", no_hp=HP, waktu=sekarang - datetime.timedelta(days=10))
    ini = buat_layanan(
        "permintaan-data", nama="Dewi Lestari", no_hp=HP, email="dewi@ulm.ac.id", instansi="Universitas Lambung Mangkurat",
        jenis_instansi="pendidikan", sarana="online", kanal_online="email",
        keputusan=Keputusan.PERBARUI,  # she now comes from the university: the officer updates her record
    )
    return {"kemarin": kemarin, "lalu": lalu, "ini": ini}


def _detail(client, layanan):
    return client.get(reverse("layanan:detail", args=[layanan.pk]))


def test_title_and_header_name_the_visitor_not_only_the_service(masuk, petugas, dewi):
    html = _detail(masuk(petugas), dewi["ini"]).content.decode()
    assert f"<title>Dewi Lestari · Permintaan Data #{dewi['ini'].pk} · " in html
    kepala = html[html.index('<div class="kepala-layanan'):html.index('<div class="row g-3">')]
    for teks in ("Dewi Lestari", "Universitas Lambung Mangkurat", "0812-9876-5432", f"https://wa.me/{HP}",
                 "dewi@ulm.ac.id", "Online (E-mail)", "Diterima", "tenggat-aman", "Perguruan tinggi / sekolah"):
        assert teks in kepala, teks


def test_header_shows_who_came_that_day_not_a_later_edit_of_the_visitor(masuk, petugas, buat_layanan, dewi):
    # She comes again under her married name, from another agency; the officer updates her record.
    baru = buat_layanan("konsultasi", nama="Dewi Siregar", no_hp=HP, instansi="Bappeda Kalsel", keputusan=Keputusan.PERBARUI)
    assert baru.kunjungan.pengunjung.nama == "Dewi Siregar" and baru.kunjungan.pengunjung_id == dewi["ini"].kunjungan.pengunjung_id

    html = _detail(masuk(petugas), dewi["ini"]).content.decode()

    assert f"<title>Dewi Lestari · Permintaan Data #{dewi['ini'].pk} · " in html
    kepala = html[html.index('<div class="kepala-layanan'):html.index('<div class="row g-3">')]
    assert "Dewi Lestari" in kepala and "Universitas Lambung Mangkurat" in kepala
    assert "Siregar" not in kepala and "Bappeda Kalsel" not in kepala
    # The earlier-visits panel still groups by the person, and says under which name each visit came.
    panel = html[html.index('id="riwayat-pengunjung"'):]
    panel = panel[:panel.index("</section>")]
    assert f'href="/layanan/{baru.pk}/"' in panel and "sebagai Dewi Siregar (Bappeda Kalsel)" in panel
    assert "{#" not in html  # template comments stay comments


def test_visitor_history_lists_their_other_services_and_letters(masuk, petugas, dewi):
    nomor = beri_nomor_surat(layanan=dewi["lalu"], klasifikasi="HM.340", tujuan="Dekan", perihal="Data", oleh=petugas)
    berkas = unggah_berkas_surat(
        layanan=dewi["lalu"], berkas=SimpleUploadedFile("balasan.pdf", PDF, "application/pdf"), oleh=petugas
    )
    response = _detail(masuk(petugas), dewi["ini"])
    assert [l.pk for l in response.context["riwayat_pengunjung"]] == [dewi["lalu"].pk, dewi["kemarin"].pk]
    html = response.content.decode()
    panel = html[html.index('id="riwayat-pengunjung"'):]
    panel = panel[:panel.index("</section>")]
    assert f'href="/layanan/{dewi["lalu"].pk}/"' in panel and f'href="/layanan/{dewi["kemarin"].pk}/"' in panel
    # The letter is one click away: its signed file.
    assert f'href="{reverse("layanan:unduh_berkas", args=[berkas.pk])}"' in panel and nomor.nomor in panel
    assert f'href="/layanan/{dewi["ini"].pk}/"' not in panel  # not the service itself


def test_visitor_history_beyond_its_rows_leads_to_all_their_services(masuk, petugas, buat_layanan, dewi):
    for i in range(BATAS_RIWAYAT_PENGUNJUNG):
        buat_layanan("konsultasi", nama="Dewi Lestari", no_hp=HP, waktu=timezone.now() - datetime.timedelta(days=40 + i))
    client = masuk(petugas)
    response = _detail(client, dewi["ini"])
    assert len(response.context["riwayat_pengunjung"]) == BATAS_RIWAYAT_PENGUNJUNG
    assert response.context["jumlah_riwayat_pengunjung"] == BATAS_RIWAYAT_PENGUNJUNG + 2
    pengunjung = dewi["ini"].kunjungan.pengunjung_id
    assert f'href="/layanan/?pengunjung={pengunjung}"' in response.content.decode()

    semua = client.get(reverse("layanan:semua"), {"pengunjung": pengunjung})
    assert semua.context["halaman"].paginator.count == BATAS_RIWAYAT_PENGUNJUNG + 3
    assert "Pengunjung: Dewi Lestari" in semua.content.decode()  # the list says whose services these are


def test_first_visit_says_there_is_no_other_service(masuk, petugas, buat_layanan):
    layanan = buat_layanan(nama="Orang Baru")
    assert "belum ada layanan lain" in _detail(masuk(petugas), layanan).content.decode()


@pytest.mark.parametrize("peran", ["petugas", "admin_user", "pimpinan"])
def test_detail_query_count_does_not_grow_with_the_visitors_history(
    request, buat_layanan, masuk, petugas, django_assert_num_queries, peran
):
    client = masuk(request.getfixturevalue(peran))
    ini = buat_layanan("permintaan-data", nama="Dewi", no_hp=HP)
    CatatanInternal.objects.create(layanan=ini, isi="Pertama", oleh=petugas)
    lama = buat_layanan("permintaan-data", nama="Dewi", no_hp=HP, waktu=timezone.now() - datetime.timedelta(days=3))
    beri_nomor_surat(layanan=lama, klasifikasi="HM.340", tujuan="Dekan", perihal="Data", oleh=petugas)
    _detail(client, ini)
    with CaptureQueriesContext(connection) as satu:
        _detail(client, ini)
    for hari in range(4, 8):
        lain = buat_layanan("permintaan-data", nama="Dewi", no_hp=HP, waktu=timezone.now() - datetime.timedelta(days=hari))
        beri_nomor_surat(layanan=lain, klasifikasi="HM.340", tujuan="Dekan", perihal="Data", oleh=petugas)
        CatatanInternal.objects.create(layanan=ini, isi=f"Catatan {hari}", oleh=petugas)
    with django_assert_num_queries(len(satu)):
        response = _detail(client, ini)
    assert len(response.context["riwayat_pengunjung"]) == 5


# ---- Internal notes ----------------------------------------------------------------------


def test_any_officer_adds_an_internal_note_with_author_and_time(masuk, petugas, petugas2, dewi, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 9, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=8))))
    url = reverse("layanan:tambah_catatan", args=[dewi["ini"].pk])
    response = masuk(petugas2).post(url, {"isi": "Pengunjung menelepon: data boleh dikirim lewat email.", **kunci("catatan_internal")})

    assert response.status_code == 302 and response["Location"].endswith(f"/layanan/{dewi['ini'].pk}/#catatan-internal")
    catatan = CatatanInternal.objects.get()
    assert (catatan.layanan, catatan.oleh, catatan.isi) == (dewi["ini"], petugas2, "Pengunjung menelepon: data boleh dikirim lewat email.")
    html = _detail(masuk(petugas), dewi["ini"]).content.decode()
    assert "Pengunjung menelepon" in html and "Ahmad Petugas" in html and "23 November 2026, 09.05" in html


def test_internal_note_by_htmx_redraws_the_notes_only(masuk, petugas, dewi):
    CatatanInternal.objects.create(layanan=dewi["ini"], isi="Yang pertama", oleh=petugas)
    response = masuk(petugas).post(
        reverse("layanan:tambah_catatan", args=[dewi["ini"].pk]), {"isi": "Yang kedua", **kunci("catatan_internal")},
        headers={"HX-Request": "true", "HX-Target": "catatan-internal"},
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card mb-3" id="catatan-internal"')
    assert html.index("Yang pertama") < html.index("Yang kedua")  # appended, oldest first
    assert "Catatan internal ditambahkan." in html  # the toast, out of band


def test_empty_internal_note_is_refused_in_place(masuk, petugas, dewi):
    response = masuk(petugas).post(reverse("layanan:tambah_catatan", args=[dewi["ini"].pk]), {"isi": "   ", **kunci("catatan_internal")})
    assert response.status_code == 400
    assert "Catatan baru wajib diisi." in response.content.decode()
    assert not CatatanInternal.objects.exists()


def test_internal_note_keeps_a_too_long_text_and_says_so(masuk, petugas, dewi):
    response = masuk(petugas).post(
        reverse("layanan:tambah_catatan", args=[dewi["ini"].pk]), {"isi": "x" * 2001, **kunci("catatan_internal")},
        headers={"HX-Request": "true", "HX-Target": "catatan-internal"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "terlalu panjang" in html and "x" * 2001 in html
    assert not CatatanInternal.objects.exists()


def test_head_of_office_neither_reads_nor_writes_internal_notes(masuk, pimpinan, petugas, dewi):
    CatatanInternal.objects.create(layanan=dewi["ini"], isi="Rahasia meja", oleh=petugas)
    client = masuk(pimpinan)
    html = _detail(client, dewi["ini"]).content.decode()
    assert "Rahasia meja" not in html and "catatan-internal" not in html
    response = client.post(reverse("layanan:tambah_catatan", args=[dewi["ini"].pk]), {"isi": "Boleh?", **kunci("catatan_internal")})
    assert response.status_code == 403
    assert CatatanInternal.objects.count() == 1


def test_internal_notes_never_reach_the_visitors_status_page(client, petugas, dewi):
    CatatanInternal.objects.create(layanan=dewi["ini"], isi="Rahasia meja", oleh=petugas)
    html = client.get(reverse("layanan:lacak", args=[dewi["ini"].token_lacak])).content.decode()
    assert "Rahasia meja" not in html


def test_anonymous_cannot_add_a_note(client, dewi):
    response = client.post(reverse("layanan:tambah_catatan", args=[dewi["ini"].pk]), {"isi": "Halo"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not CatatanInternal.objects.exists()
