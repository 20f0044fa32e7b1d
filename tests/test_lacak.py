"""Lacak layanan: the visitor's public status page, its token, the ticket's QR code, the reply
letter the officer shares, and the link in the WhatsApp texts and on the Rating panel."""

import datetime
import gzip
import re
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from bukutamu import antrian as aturan_antrian
from bukutamu.models import Antrian
from layanan.lacak import HARI_BERLAKU_SETELAH_SELESAI
from layanan.models import Layanan, Status
from layanan.surat import beri_nomor_surat, unggah_berkas_surat
from rating import services as rating

from .berkas_uji import PDF
from .qr import dekode_qr
from .test_rating import SEMUA_EMPAT, rasterkan_svg
from .conftest import kunci


# The rate-limit counts live in the memory cache, which outlives a test: each starts and ends at zero.
pytestmark = pytest.mark.usefixtures("batas_bersih")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def lacak(layanan):
    return reverse("layanan:lacak", args=[layanan.token_lacak])


@pytest.mark.django_db
def test_every_service_gets_its_own_unguessable_token(buat_layanan):
    a, b = buat_layanan(), buat_layanan()
    assert a.token_lacak != b.token_lacak and len(a.token_lacak) >= 22
    assert re.fullmatch(r"[\w-]+", a.token_lacak)


@pytest.mark.django_db
def test_status_page_shows_what_the_visitor_needs_and_nothing_internal(client, buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data", nama="Budi Rahasia", instansi="Instansi Rahasia")
    layanan.catat_riwayat("Catatan internal: tanya subject matter", oleh=petugas)
    layanan.ubah_status(Status.DIPROSES, oleh=petugas, catatan="catatan status internal")

    html = client.get(lacak(layanan)).content.decode()

    for teks in ("Permintaan Data", "Diproses", "Petugas sedang memproses", "Dicatat", "Target selesai", "Diterima"):
        assert teks in html
    for rahasia in ("Rina Petugas", petugas.nama, "Catatan internal", "catatan status internal", "Budi Rahasia",
                    "Instansi Rahasia", "<script"):
        assert rahasia not in html


@pytest.mark.django_db
def test_status_page_shows_the_letter_number_once_given_and_selesai(client, buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data")
    nomor = beri_nomor_surat(layanan=layanan, klasifikasi="HM.340", tujuan="Dekan", perihal="Penyampaian Data", oleh=petugas)
    layanan.ubah_status(Status.SELESAI, oleh=petugas)

    html = client.get(lacak(layanan)).content.decode()

    assert nomor.nomor in html and "Selesai" in html and "Target selesai" not in html


@pytest.mark.django_db
def test_status_page_is_small_when_compressed(client, buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data")
    for ke in (Status.DIPROSES, Status.SIAP_DIAMBIL, Status.SELESAI):
        layanan.ubah_status(ke, oleh=petugas)
    html = client.get(lacak(layanan)).content
    assert len(html) < 30_000
    assert len(gzip.compress(html)) < 3_000  # plus the one shared stylesheet, already cached from the form


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["salah", "x" * 200])
def test_a_wrong_token_gets_a_friendly_page(client, token, jenis):
    response = client.get(reverse("layanan:lacak", args=[token]))
    assert response.status_code == 404 and "Tautan tidak berlaku" in response.content.decode()


@pytest.mark.django_db
def test_the_link_expires_long_after_the_service_closed(client, buat_layanan, petugas, time_machine):
    layanan = buat_layanan()
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    assert client.get(lacak(layanan)).status_code == 200

    time_machine.move_to(timezone.now() + datetime.timedelta(days=HARI_BERLAKU_SETELAH_SELESAI + 1), tick=False)

    response = client.get(lacak(layanan))
    assert response.status_code == 404 and "kedaluwarsa" in response.content.decode()


@pytest.mark.django_db
def test_the_reply_letter_downloads_only_once_the_officer_shares_it(client, masuk, buat_layanan, petugas, petugas2):
    layanan = buat_layanan("permintaan-data", oleh=petugas)
    berkas = unggah_berkas_surat(layanan=layanan, berkas=SimpleUploadedFile("balasan.pdf", PDF), oleh=petugas)
    unduh = reverse("layanan:lacak_surat", args=[layanan.token_lacak])
    assert client.get(unduh).status_code == 404
    assert "Unduh Surat Balasan" not in client.get(lacak(layanan)).content.decode()

    # Another officer who does not handle the service is refused.
    assert masuk(petugas2).post(reverse("layanan:bagikan_surat", args=[berkas.pk])).status_code == 403
    masuk(petugas).post(reverse("layanan:bagikan_surat", args=[berkas.pk]))
    client.logout()

    assert "Unduh Surat Balasan" in client.get(lacak(layanan)).content.decode()
    response = client.get(unduh)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "dapat diunduh pengunjung" in layanan.riwayat.last().catatan


@pytest.fixture
def kios_buka(kantor, jenis, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 2, 2, 0, tzinfo=datetime.UTC), tick=False)  # Wed 10.00 WITA


@pytest.mark.django_db
def test_the_kiosk_ticket_carries_a_qr_code_of_its_tracking_page(client, jenis, kios_buka):
    response = client.post(reverse("antrian:kios"), {**kunci("kios"), "jenis_layanan": jenis["konsultasi"].pk})
    antrian = Antrian.objects.get()
    html = client.get(response["Location"]).content.decode()
    svg = re.search(r'<div class="tiket-qr">(<svg.*?</svg>)', html, re.S).group(1)

    url = dekode_qr(rasterkan_svg(svg))
    assert url == "http://testserver" + reverse("layanan:lacak_antrian", args=[antrian.token])
    halaman = client.get(url).content.decode()
    assert antrian.nomor in halaman and "Anda berikutnya" in halaman


@pytest.mark.django_db
def test_a_guessed_ticket_number_does_not_reveal_the_tracking_code(client, masuk, jenis, kios_buka, petugas):
    antrian = aturan_antrian.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    url = reverse("antrian:tiket", args=[antrian.pk])

    assert antrian.token not in client.get(url).content.decode()
    assert 'class="tiket-qr"' not in client.get(url).content.decode()
    assert 'class="tiket-qr"' in masuk(petugas).get(url).content.decode()  # the desk prints it


@pytest.mark.django_db
def test_the_ticket_page_leads_to_the_service_once_the_buku_tamu_is_saved(client, buat_kunjungan, jenis, kantor):
    antrian = aturan_antrian.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    kunjungan = buat_kunjungan("konsultasi")
    antrian.kunjungan = kunjungan
    antrian.save(update_fields=["kunjungan"])
    url = reverse("layanan:lacak_antrian", args=[antrian.token])

    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == lacak(kunjungan.layanan.get())

    kunjungan.jenis_layanan.add(jenis["perpustakaan"])  # two services: the page lists both
    Layanan.objects.create(kunjungan=kunjungan, jenis=jenis["perpustakaan"], petugas=kunjungan.dicatat_oleh)
    html = client.get(url).content.decode()
    assert html.count("/lacak/") == 2 and "Lacak Perpustakaan" in html


@pytest.mark.django_db
def test_whatsapp_texts_and_rating_panel_carry_the_tracking_link(masuk, buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data", oleh=petugas)
    layanan.ubah_status(Status.SIAP_DIAMBIL, oleh=petugas)
    klien = masuk(petugas)
    url = "http://testserver" + lacak(layanan)

    detail = klien.get(reverse("layanan:detail", args=[layanan.pk])).content.decode()
    klien.post(reverse("rating:buat_tautan", args=[layanan.pk]))  # the Rating button makes the link
    panel = klien.get(reverse("rating:panel", args=[layanan.pk])).content.decode()

    assert quote(f"Lacak layanan: {url}", safe="") in detail  # the WA notification to the visitor
    assert url in panel and quote(url, safe="") in panel  # shown, and inside the WA rating text


@pytest.mark.django_db
def test_lacak_is_rate_limited_per_link_so_a_shared_address_serves_every_visitor(client, buat_layanan, jenis, satu_jendela):
    from django.core.cache import cache

    # The waiting room on the office Wi-Fi: one address. Twenty-five queue pages, each refreshing
    # three times a minute (lacak_antrian.js), are 75 views; every one of them is answered.
    tiket = [aturan_antrian.ambil_nomor(jenis_layanan=jenis["konsultasi"]) for _ in range(25)]
    kode = {client.get(reverse("layanan:lacak_antrian", args=[a.token])).status_code for _ in range(3) for a in tiket}
    assert kode == {200}

    # One link opened more than 60 times in a minute is refused, with the time to wait; the others are not.
    layanan, lain = buat_layanan(), buat_layanan()
    assert {client.get(lacak(layanan)).status_code for _ in range(60)} == {200}
    ditolak = client.get(lacak(layanan))
    assert ditolak.status_code == 429 and ditolak["Retry-After"] == "60"
    assert "Terlalu banyak permintaan" in ditolak.content.decode()
    assert "Isian Anda belum terkirim" not in ditolak.content.decode()  # a page view, nothing was typed
    # The visitor's phone gets the light page of their other pages, not the officers' Bootstrap.
    assert "css/ponsel.css" in ditolak.content.decode() and "bootstrap" not in ditolak.content.decode()
    assert client.get(lacak(lain)).status_code == 200
    # Links are counted under a hash: the cache never holds a visitor's link.
    assert not any(layanan.token_lacak in k or a.token in k for k in cache._cache for a in tiket)


@pytest.mark.django_db
def test_unknown_lacak_links_are_limited_per_address(client, buat_layanan, satu_jendela):
    layanan = buat_layanan()
    tebakan = [client.get(f"/lacak/tebakan{i:04d}/").status_code for i in range(31)]
    assert tebakan == [404] * 30 + [429]
    # Over the cap, this address gets no link answered until the window ends, so guessing stays
    # capped even when a guess would be right; another address is not affected.
    assert client.get(lacak(layanan)).status_code == 429
    assert client.get(lacak(layanan), REMOTE_ADDR="10.0.0.9").status_code == 200
    assert client.get("/lacak/tebakan9999/", REMOTE_ADDR="10.0.0.9").status_code == 404


def _kotak(html, id_):
    cocok = re.search(rf'<section[^>]*id="{id_}".*?</section>', html, re.S)
    return cocok.group(0) if cocok else ""


@pytest.mark.django_db
def test_the_tracking_page_keeps_the_rating_and_skd_links_the_office_gave(client, buat_layanan, petugas, kantor):
    layanan = buat_layanan("permintaan-data")
    html = client.get(lacak(layanan)).content.decode()
    assert not _kotak(html, "penilaian-lacak") and not _kotak(html, "skd-pengunjung")  # the office decides whom it asks

    penilaian = rating.siapkan_tautan(layanan, oleh=petugas, kantor=kantor)  # the Rating button, or Selesai
    skd = layanan.skd
    html = client.get(lacak(layanan)).content.decode()
    assert f'href="{penilaian.get_absolute_url()}">Beri Penilaian</a>' in _kotak(html, "penilaian-lacak")
    kotak_skd = _kotak(html, "skd-pengunjung")
    assert f'href="{reverse("rating:skd", args=[skd.token])}"' in kotak_skd and "Isi SKD" in kotak_skd
    assert reverse("rating:skd_selesai", args=[skd.token]) in kotak_skd

    # The visitor rates and confirms the SKD: the page thanks them and offers the links no more.
    assert client.post(penilaian.get_absolute_url(), SEMUA_EMPAT).status_code == 302
    client.post(reverse("rating:skd_selesai", args=[skd.token]))
    html = client.get(lacak(layanan)).content.decode()
    assert "Sudah dinilai" in _kotak(html, "penilaian-lacak") and "Beri Penilaian" not in html
    assert "SKD Diisi" in _kotak(html, "skd-pengunjung") and "Isi SKD" not in html


@pytest.mark.django_db
def test_the_tracking_page_offers_no_dead_rating_or_skd_link(client, buat_layanan, petugas, kantor, settings, time_machine):
    kadaluwarsa, batal, tanpa_skd = (buat_layanan("permintaan-data") for _ in range(3))
    for layanan in (kadaluwarsa, batal, tanpa_skd):
        rating.siapkan_tautan(layanan, oleh=petugas, kantor=kantor)
    batal.ubah_status(Status.DIBATALKAN, oleh=petugas, catatan="Salah input")
    kantor.url_skd = ""  # the SKD short link would have nowhere to go
    kantor.save()

    html = client.get(lacak(tanpa_skd)).content.decode()
    assert _kotak(html, "penilaian-lacak") and not _kotak(html, "skd-pengunjung")
    html = client.get(lacak(batal)).content.decode()  # a cancelled service is not rated
    assert not _kotak(html, "penilaian-lacak") and "Beri Penilaian" not in html
    time_machine.move_to(timezone.now() + datetime.timedelta(days=settings.RATING_MASA_BERLAKU_HARI, minutes=1))
    html = client.get(lacak(kadaluwarsa)).content.decode()  # still open, its rating link expired unused
    assert "Dibatalkan" not in html and not _kotak(html, "penilaian-lacak")
