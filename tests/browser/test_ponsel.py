"""The visitor pages of self-registration and tracking on a 390×844 phone without JavaScript: the
one phone base (ponsel.css, no Bootstrap), taps of at least 44 px, no sideways scroll, errors
under their fields with what was typed kept. Screenshots go to SCREENSHOT_DIR to be looked at."""

import datetime
import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from bukutamu import antrian as aturan
from bukutamu.models import JamLayanan
from layanan.models import Layanan, Status
from layanan.surat import beri_nomor_surat
from tests.jam_layanan import kantor_bekerja_hari_ini

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEBAR = 390
TARGET_KETUK = "a, button, input:not([type=hidden]), textarea, select"
# WCAG 2.1 relative luminance and contrast of each visible text against the first opaque background
# behind it (the pages use no background images or transparency over colour).
KONTRAS_RENDAH = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = (c) => { const [r, g, b] = rgb(c).slice(0, 3).map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const latar = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
    if (rgb(c)[3] !== 0) return c; } return "rgb(255, 255, 255)"; };
  return Array.from(document.querySelectorAll("main *, header *"))
    .filter((e) => e.offsetParent !== null && Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim()))
    .map((e) => { const [a, b] = [lum(getComputedStyle(e).color), lum(latar(e))];
      return [e.textContent.trim().slice(0, 40), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; })
    .filter(([, k]) => k < 4.5);
}"""


@pytest.fixture
def hp(konteks_baru):
    """The visitor's own phone, with JavaScript off: every page must work without it."""
    halaman = konteks_baru(viewport={"width": LEBAR, "height": 844}, is_mobile=True, has_touch=True,
                           java_script_enabled=False).new_page()
    halaman.dimuat = []
    halaman.on("requestfinished", lambda r: halaman.dimuat.append(r.url))
    return halaman


def jam_layanan(*, buka_hari_ini):
    """Service hours all day on every day, today included or not."""
    cache.clear()
    hari_ini = aturan.waktu_kantor().weekday()
    JamLayanan.objects.all().delete()
    for hari in range(7):
        if hari != hari_ini or buka_hari_ini:
            JamLayanan.objects.create(hari=hari, buka=datetime.time(0), tutup=datetime.time(23, 59, 59))
    if buka_hari_ini:
        kantor_bekerja_hari_ini()


def periksa_halaman_ponsel(hp):
    """The checks every visitor page passes: its own stylesheet only, landmarks, fits, 44 px taps."""
    assert not any("bootstrap" in url for url in hp.dimuat) and any(url.endswith("/css/ponsel.css") for url in hp.dimuat)
    hp.dimuat.clear()
    assert hp.locator("header").count() == 1 and hp.locator("main").count() == 1
    assert hp.evaluate("document.documentElement.scrollWidth") <= LEBAR
    kecil = hp.evaluate("""(sel) => Array.from(document.querySelectorAll(sel))
        .filter((e) => e.offsetParent !== null && e.type !== 'checkbox' && e.type !== 'radio')
        .map((e) => [e.name || e.textContent.trim().slice(0, 40), e.getBoundingClientRect().height])
        .filter(([, h]) => h < 44)""", TARGET_KETUK)
    assert kecil == []
    # A checkbox or radio is tapped through its row (input and label), which is 44 px tall.
    baris = hp.evaluate("""() => Array.from(document.querySelectorAll('.form-check'))
        .filter((e) => e.offsetParent !== null).map((e) => e.getBoundingClientRect().height)""")
    assert all(h >= 44 for h in baris), baris
    assert hp.evaluate(KONTRAS_RENDAH) == []


def test_registration_pages_on_a_phone_keep_what_was_typed_and_stay_tappable(live_server, hp, jenis, kantor, layar):
    jam_layanan(buka_hari_ini=True)

    hp.goto(f"{live_server.url}/buku-tamu/daftar/")
    expect(hp.get_by_role("heading", name="Daftar Mandiri")).to_be_visible()
    expect(hp.get_by_label("Kosongkan isian ini")).to_be_hidden()  # the honeypot stays out of sight
    periksa_halaman_ponsel(hp)
    layar(hp, "ponsel-01-daftar-390", full_page=True)

    hp.get_by_label("Nama").fill("Dewi Lestari")
    hp.get_by_label("Permintaan Data").check()
    hp.get_by_label("Konsultasi").check()
    hp.get_by_role("button", name="Kirim Pendaftaran").tap()
    expect(hp.get_by_role("alert").first).to_contain_text("Periksa isian yang ditandai merah")
    expect(hp.get_by_label("Nama")).to_have_value("Dewi Lestari")
    expect(hp.get_by_label("Permintaan Data")).to_be_checked()
    expect(hp.get_by_text("Centang persetujuan agar pendaftaran dapat diproses.")).to_be_visible()
    periksa_halaman_ponsel(hp)
    layar(hp, "ponsel-02-daftar-galat-390", full_page=True)

    hp.get_by_label("No. HP").fill("0812 7777 1234")
    hp.get_by_label("Keperluan").fill("Data IPM per kecamatan 2020–2025")
    hp.get_by_label("Saya setuju").check()
    hp.get_by_role("button", name="Kirim Pendaftaran").tap()
    expect(hp.locator("#nomor-antrian")).to_have_text(re.compile(r"^[A-Z]-001$"))  # the first number of the day
    periksa_halaman_ponsel(hp)
    layar(hp, "ponsel-03-nomor-antrian-390", full_page=True)


def test_appointment_and_online_request_pages_on_a_phone(live_server, hp, jenis, kantor, layar):
    jam_layanan(buka_hari_ini=False)

    hp.goto(f"{live_server.url}/buku-tamu/daftar/")
    expect(hp.get_by_text("Saat ini di luar jam layanan")).to_be_visible()
    hp.get_by_label("Nama").fill("Dewi Lestari")
    hp.get_by_label("No. HP").fill("0812 7777 1234")
    hp.get_by_label("Konsultasi").check()
    hp.get_by_label("Keperluan").fill("Konsultasi metadata Susenas")
    hp.get_by_label("Saya setuju").check()
    hp.get_by_role("button", name="Kirim Pendaftaran").tap()
    expect(hp.get_by_role("heading", name="Buat Janji Temu")).to_be_visible()
    periksa_halaman_ponsel(hp)
    layar(hp, "ponsel-04-janji-390", full_page=True)
    hp.get_by_label("No. HP / WhatsApp").fill("")
    hp.get_by_role("button", name="Buat Janji Temu").tap()
    expect(hp.get_by_role("alert").first).to_contain_text("Janji temu belum tersimpan")
    periksa_halaman_ponsel(hp)
    layar(hp, "ponsel-05-janji-galat-390", full_page=True)

    hp.goto(f"{live_server.url}/buku-tamu/daftar/")
    hp.get_by_label("Nama").fill("Dewi Lestari")
    hp.get_by_label("Email").fill("dewi@example.org")
    hp.get_by_label("Permintaan Data").check()
    hp.get_by_label("Keperluan").fill("Data IPM per kecamatan 2020–2025")
    hp.get_by_label("Online (saya tidak dapat datang)").check()
    hp.get_by_label("Saya setuju").check()
    hp.get_by_role("button", name="Kirim Pendaftaran").tap()
    expect(hp.get_by_role("heading", name="Permintaan online terkirim")).to_be_visible()
    periksa_halaman_ponsel(hp)
    layar(hp, "ponsel-06-terkirim-390", full_page=True)


def test_tracking_pages_on_a_phone_show_history_and_letter_number(live_server, hp, buat_layanan, petugas, kantor, layar):
    layanan = buat_layanan("permintaan-data")
    layanan.ubah_status(Status.DIPROSES, oleh=petugas)
    nomor = beri_nomor_surat(layanan=layanan, klasifikasi="HM.340", tujuan="Dekan", perihal="Penyampaian Data", oleh=petugas)
    layanan.ubah_status(Status.SELESAI, oleh=petugas)

    hp.goto(f"{live_server.url}/lacak/{Layanan.objects.get().token_lacak}/")
    expect(hp.locator("#status-lacak")).to_have_text("Selesai")
    expect(hp.locator("#nomor-surat-lacak")).to_have_text(nomor.nomor)
    assert hp.locator("#riwayat-lacak li").count() >= 3
    periksa_halaman_ponsel(hp)
    layar(hp, "ponsel-07-lacak-390", full_page=True)

    hp.goto(f"{live_server.url}/lacak/tidak-ada/")
    expect(hp.get_by_role("heading", name="Tautan tidak berlaku")).to_be_visible()
    periksa_halaman_ponsel(hp)
    layar(hp, "ponsel-08-lacak-tidak-berlaku-390")
