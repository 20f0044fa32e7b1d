"""Queue pages as visitors see them: the kiosk tablet at 1280×800, the TV with nobody called yet,
and the visitor's own queue page on a phone."""

import re

import pytest
from playwright.sync_api import expect

from bukutamu import antrian as aturan
from bukutamu.models import Antrian
from tests.jam_layanan import jam_layanan_hari_ini

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TABLET = {"width": 1280, "height": 800}
KUNING_NOMOR = "rgb(255, 213, 74)"  # a called number on the TV


def di_layar(page, locator):
    kotak = locator.bounding_box()
    ukuran = page.viewport_size
    return (kotak is not None and kotak["x"] >= 0 and kotak["y"] >= 0
            and kotak["x"] + kotak["width"] <= ukuran["width"] and kotak["y"] + kotak["height"] <= ukuran["height"])


@pytest.fixture
def tamu(konteks_baru):
    """An anonymous browser (the kiosk tablet, the TV, a visitor's phone)."""
    return lambda **extra: konteks_baru(**extra).new_page()


def test_kiosk_outside_hours_shows_the_whole_appointment_form_at_1280x800(live_server, jenis, kantor, tamu, layar):
    jam_layanan_hari_ini(False)
    kios = tamu(viewport=TABLET, has_touch=True)
    kios.goto(f"{live_server.url}/antrian/kios/")
    expect(kios.get_by_text("Saat ini di luar jam layanan.")).to_be_visible()
    layar(kios, "tampilan-20-kios-luar-jam")
    form = kios.locator("#form-janji")
    isian = form.locator("input:not([type=hidden]), select, textarea")
    assert isian.count() >= 5
    for i in range(isian.count()):
        assert di_layar(kios, isian.nth(i)), isian.nth(i).get_attribute("name")
        assert isian.nth(i).bounding_box()["height"] >= 44, isian.nth(i).get_attribute("name")
    simpan = kios.get_by_role("button", name="Simpan Janji Temu")
    assert di_layar(kios, simpan) and simpan.bounding_box()["height"] >= 44
    assert kios.evaluate("document.documentElement.scrollHeight") <= TABLET["height"]  # nothing below the fold


def test_kiosk_service_buttons_are_of_equal_height(live_server, jenis, kantor, tamu, layar):
    jam_layanan_hari_ini(True)
    jenis["konsultasi"].keterangan = "Tanya jawab statistik dengan petugas, termasuk metadata dan cara membaca tabel"
    jenis["konsultasi"].save()
    kios = tamu(viewport=TABLET, has_touch=True)
    kios.goto(f"{live_server.url}/antrian/kios/")
    tombol = kios.locator(".tombol-kios")
    expect(tombol.first).to_be_visible()
    tinggi = {round(tombol.nth(i).bounding_box()["height"]) for i in range(tombol.count())}
    assert tombol.count() >= 3 and len(tinggi) == 1, tinggi
    for i in range(tombol.count()):
        assert di_layar(kios, tombol.nth(i))
    layar(kios, "tampilan-21-kios-buka")


def test_tv_without_a_called_number_looks_unlike_a_called_number(live_server, jenis, kantor, petugas, tamu, layar):
    tv = tamu(viewport={"width": 1920, "height": 1080})
    tv.goto(f"{live_server.url}/antrian/layar/")
    kosong = tv.locator(".layar-utama .layar-kosong")
    expect(kosong).to_have_text(re.compile("Belum ada nomor yang dipanggil"))
    gaya_kosong = kosong.evaluate("e => [getComputedStyle(e).color, parseFloat(getComputedStyle(e).fontSize)]")
    layar(tv, "tampilan-22-tv-kosong")

    tiket = aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    aturan.panggil_berikutnya(petugas=petugas, loket=1)
    nomor = tv.locator(".layar-nomor-besar")
    expect(nomor).to_have_text(tiket.nomor, timeout=8000)
    gaya_nomor = nomor.evaluate("e => [getComputedStyle(e).color, parseFloat(getComputedStyle(e).fontSize)]")
    layar(tv, "tampilan-23-tv-dipanggil")
    assert gaya_nomor[0] == KUNING_NOMOR
    assert gaya_kosong[0] != KUNING_NOMOR  # not the called number's yellow
    assert gaya_kosong[1] <= gaya_nomor[1] / 2  # nor its giant type


def test_visitor_queue_page_has_a_heading_and_updates_in_place_without_a_meta_refresh(
    live_server, jenis, kantor, petugas, tamu, layar
):
    jam_layanan_hari_ini(True)
    pertama = aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    tiket = aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    ponsel = tamu(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    ponsel.goto(f"{live_server.url}/lacak/antrian/{tiket.token}/")
    expect(ponsel.get_by_role("heading", level=1)).to_have_text(re.compile(rf"Nomor Antrian\s*{tiket.nomor}"))
    expect(ponsel.locator("meta[http-equiv=refresh]")).to_have_count(0)
    posisi = ponsel.get_by_role("status")
    expect(posisi).to_contain_text("1 orang menunggu sebelum Anda.")
    layar(ponsel, "tampilan-24-antrian-ponsel")
    ponsel.evaluate("() => { window.__halamanYangSama = true; }")  # gone if the page reloads

    # The first number is called: the page says so by itself (it asks every 20 s), in place.
    aturan.panggil_berikutnya(petugas=petugas, loket=1)
    expect(posisi).to_contain_text("Anda berikutnya.", timeout=30_000)
    assert ponsel.evaluate("() => window.__halamanYangSama === true")

    # Perbarui asks at once, still without reloading.
    aturan.panggil_berikutnya(petugas=petugas, loket=2)
    ponsel.get_by_role("link", name="Perbarui").click()
    expect(posisi).to_contain_text("Nomor Anda dipanggil: silakan menuju loket 2.")
    assert ponsel.evaluate("() => window.__halamanYangSama === true")
    layar(ponsel, "tampilan-25-antrian-ponsel-dipanggil")
    assert Antrian.objects.get(pk=tiket.pk).status == Antrian.Status.DIPANGGIL


def test_visitor_queue_page_without_javascript_updates_on_perbarui(live_server, jenis, kantor, petugas, tamu):
    jam_layanan_hari_ini(True)
    aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    tiket = aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    ponsel = tamu(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    ponsel.goto(f"{live_server.url}/lacak/antrian/{tiket.token}/")
    expect(ponsel.locator("#posisi-antrian")).to_contain_text("1 orang menunggu sebelum Anda.")
    aturan.panggil_berikutnya(petugas=petugas, loket=1)
    ponsel.get_by_role("link", name="Perbarui").click()
    expect(ponsel.locator("#posisi-antrian")).to_contain_text("Anda berikutnya.")
