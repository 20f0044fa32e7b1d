"""The visitor's phone pages stay light: under 30 KB transferred each, compressed, all files included.

Each page is requested as a phone's browser asks for it (Accept-Encoding: gzip) and weighed as the
app serves it: the compressed HTML on the wire, plus every file it loads."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from layanan.models import Layanan, Status
from layanan.surat import beri_nomor_surat
from pst_frontoffice.skm import FIELD_UNSUR
from rating import services
from scripts.bobot import BATAS_PONSEL, TERIMA_GZIP, berkas_tertaut, bobot, bobot_respons, isi_statis

from .conftest import kunci

pytestmark = pytest.mark.usefixtures("batas_bersih")

WITA = ZoneInfo("Asia/Makassar")
RABU_10 = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=WITA)  # within service hours
SABTU_10 = datetime.datetime(2026, 12, 5, 10, 0, tzinfo=WITA)  # outside them
DAFTAR = reverse("bukutamu:daftar")


@pytest.fixture
def permintaan(buat_layanan, petugas):
    """A finished data request: its pages are the heaviest (rating, then the SKD on the thank-you page)."""
    layanan = buat_layanan("permintaan-data")
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    return layanan


def _halaman(client, url, *, data=None, status=200):
    response = client.post(url, data, **TERIMA_GZIP) if data is not None else client.get(url, **TERIMA_GZIP)
    assert response.status_code == status
    return response


def _halaman_ponsel(client, layanan, petugas):
    penilaian = services.pastikan_penilaian(layanan, oleh=petugas)
    skd = services.pastikan_skd(layanan, oleh=petugas)
    halaman = {
        "rating": _halaman(client, reverse("rating:isi", args=[penilaian.token])),
        "rating dengan galat": _halaman(client, reverse("rating:isi", args=[penilaian.token]), data={"komentar": "Sudah baik."}, status=400),
        "konfirmasi SKD": _halaman(client, reverse("rating:skd_selesai", args=[skd.token])),
        "tautan tidak dikenal": _halaman(client, reverse("rating:isi", args=["tidak-ada"]), status=404),
    }
    services.simpan_penilaian(token=penilaian.token, jawaban={f: 4 for f in FIELD_UNSUR}, pengaduan="Parkir sempit.")
    halaman["terima kasih"] = _halaman(client, reverse("rating:terima_kasih", args=[penilaian.token]))
    return halaman


def _isian(jenis, **lain):
    """Every Buku Tamu field filled to its longest likely length: the heaviest pages."""
    return {
        "nama": "Siti Pendaftar Nurhaliza", "instansi": "Universitas Lambung Mangkurat", "jenis_instansi": "pendidikan",
        "no_hp": "0812 3456 7890", "email": "siti@example.org", "nomor_surat_permintaan": "B-12/ULM/2026",
        "jenis_layanan": [jenis["permintaan-data"].pk, jenis["konsultasi"].pk],
        "keperluan": "Data kemiskinan per kecamatan 2020-2025 untuk penelitian skripsi " * 5,
        "sarana": "langsung", "setuju": "on", "situs_web": "", **kunci("daftar_mandiri"), **lain,
    }


def _halaman_pendaftaran_dan_lacak(client, time_machine, jenis, petugas):
    """Self-registration (form, errors, queue number, appointment, online request) and tracking."""
    time_machine.move_to(RABU_10, tick=False)
    halaman = {
        "daftar mandiri": _halaman(client, DAFTAR),
        # Everything missing: an error under every field, the form kept.
        "daftar mandiri dengan galat": _halaman(client, DAFTAR, data={"situs_web": "", "sarana": "langsung"}, status=400),
    }
    antrian = client.post(DAFTAR, _isian(jenis))
    halaman["nomor antrian"] = _halaman(client, antrian["Location"])

    time_machine.move_to(SABTU_10, tick=False)
    janji = client.post(DAFTAR, _isian(jenis))["Location"]
    halaman["janji temu"] = _halaman(client, janji)
    halaman["janji temu dengan galat"] = _halaman(client, janji, data={"waktu": "kemarin", "no_hp": ""}, status=400)
    terkirim = client.post(DAFTAR, _isian(jenis, sarana="online"))["Location"]
    halaman["permintaan online terkirim"] = _halaman(client, terkirim)
    halaman["pendaftaran tidak berlaku"] = _halaman(client, reverse("bukutamu:daftar_janji") + "?t=palsu", status=404)

    layanan = Layanan.objects.filter(jenis__kode="permintaan-data").latest("pk")
    for status in (Status.DIPROSES, Status.MENUNGGU, Status.DIPROSES):
        layanan.ubah_status(status, oleh=petugas)  # a long status history
    beri_nomor_surat(layanan=layanan, klasifikasi="HM.340", tujuan="Dekan", perihal="Penyampaian Data", oleh=petugas)
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    halaman["lacak layanan"] = _halaman(client, reverse("layanan:lacak", args=[layanan.token_lacak]))
    halaman["lacak tidak berlaku"] = _halaman(client, reverse("layanan:lacak", args=["tidak-ada"]), status=404)
    return halaman


@pytest.mark.django_db
def test_registration_and_tracking_pages_weigh_under_30_kb_with_ponsel_css_only(client, time_machine, kantor, jenis, petugas):
    halaman = _halaman_pendaftaran_dan_lacak(client, time_machine, jenis, petugas)

    assert len(halaman) == 9
    for nama, response in halaman.items():
        hasil = bobot_respons(response)
        teks = hasil.pop("teks")
        assert hasil["total"] < BATAS_PONSEL, f"{nama}: {hasil}"
        # The one written exception (CONTRIBUTING): the waiting queue number updates itself with a small script.
        skrip = {"/static/js/lacak_antrian.js"} if nama == "nomor antrian" else set()
        assert set(hasil["berkas"]) == {"/static/css/ponsel.css", "/static/img/favicon.svg"} | skrip, nama
        assert ("<script" in teks) == bool(skrip), nama
        assert '<main class="container halaman-publik' in teks and 'class="kepala-ponsel"' in teks, nama


@pytest.mark.django_db
def test_phone_pages_weigh_under_30_kb_compressed_with_every_file(client, permintaan, petugas, kantor):
    kantor.telepon = "(0518) 6070 123"  # every complaint channel shown: the longest page
    kantor.save()
    for nama, response in _halaman_ponsel(client, permintaan, petugas).items():
        hasil = bobot_respons(response)
        hasil.pop("teks")
        assert hasil["total"] < BATAS_PONSEL, f"{nama}: {hasil}"
        assert hasil["html"] == len(response.content) and response["Content-Encoding"] == "gzip", nama
        assert hasil["total"] == hasil["html"] + sum(hasil["berkas"].values())
        assert set(hasil["berkas"]) == {"/static/css/ponsel.css", "/static/img/favicon.svg"}, nama


@pytest.mark.django_db
def test_phone_pages_load_no_bootstrap_and_no_script(client, permintaan, petugas):
    for nama, response in _halaman_ponsel(client, permintaan, petugas).items():
        teks = bobot_respons(response)["teks"]
        assert not any("bootstrap" in url for url in berkas_tertaut(teks)), nama
        assert "<script" not in teks, nama  # the pages work without JavaScript
    # The stylesheet pulls in nothing more (no fonts, no images): the weight above is all there is.
    assert "url(" not in isi_statis("/static/css/ponsel.css").decode()


def test_weight_counts_the_html_and_each_linked_file_compressed_once():
    html = ('<link rel="stylesheet" href="/static/css/ponsel.css"><link rel="icon" href="/static/img/favicon.svg">'
            '<link rel="stylesheet" href="/static/css/ponsel.css">')
    isi = {"/static/css/ponsel.css": b"a" * 10_000, "/static/img/favicon.svg": b"<svg/>"}
    hasil = bobot(html, ambil=isi.__getitem__)
    assert list(hasil["berkas"]) == ["/static/css/ponsel.css", "/static/img/favicon.svg"]
    assert 0 < hasil["berkas"]["/static/css/ponsel.css"] < 100  # 10,000 equal bytes compress to a few dozen
    assert hasil["total"] == hasil["html"] + sum(hasil["berkas"].values())
