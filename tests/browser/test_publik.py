"""The public screens as their users meet them: a visitor's 360×740 phone, the kiosk tablet at
1280×800 and the 1920×1080 TV read from 5 m, in a browser set to another zone than the office."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from bukutamu import antrian as aturan
from bukutamu.models import JamLayanan
from layanan.models import Status
from pst_frontoffice.kalender import BULAN
from pst_frontoffice.models import ZonaWaktu
from rating import services
from rating.models import SurveiSKD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("batas_bersih")]

HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
# Everything a finger can press on a visitor page (the radio inputs are hidden behind their labels).
TARGET_KETUK = "a, button, label.btn, input:not(.btn-check):not([type=hidden]), textarea, select"


def target_kecil(hp):
    """Visible tap targets lower than 44 px, as (text, height)."""
    return hp.evaluate("""(sel) => Array.from(document.querySelectorAll(sel))
        .filter((e) => e.offsetParent !== null)
        .map((e) => [e.textContent.trim().slice(0, 40), e.getBoundingClientRect().height])
        .filter(([, h]) => h < 44)""", TARGET_KETUK)


def test_phone_pages_at_360_have_44px_targets_load_little_and_work_without_javascript(
    live_server, halaman_tamu, buat_layanan, petugas, kantor, layar
):
    kantor.telepon = "(0518) 6070 123"
    kantor.save()
    layanan = buat_layanan("permintaan-data", nama="Dewi Lestari")
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    penilaian = services.pastikan_penilaian(layanan, oleh=petugas)
    hp = halaman_tamu(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, java_script_enabled=False)
    dimuat = []
    hp.on("requestfinished", lambda r: dimuat.append(r.url))

    hp.goto(f"{live_server.url}/r/{penilaian.token}/")
    expect(hp.get_by_role("heading", name="Penilaian layanan")).to_be_visible()
    assert not any("bootstrap" in url for url in dimuat) and any(url.endswith("/css/ponsel.css") for url in dimuat)
    assert hp.evaluate("document.documentElement.scrollWidth") <= 360
    assert hp.locator("header").count() == 1 and hp.locator("main").count() == 1  # banner and main landmarks
    assert target_kecil(hp) == []
    layar(hp, "publik-01-rating-360")

    # Sending with answers missing keeps the others and says what to fix (no JavaScript on this phone).
    hp.locator("label[for=u1-4]").tap()
    hp.get_by_role("button", name="Kirim Penilaian").tap()
    expect(hp.get_by_role("alert")).to_contain_text("Masih ada isian yang perlu diperbaiki")
    expect(hp.locator("#u1-4")).to_be_checked()
    assert target_kecil(hp) == []
    layar(hp, "publik-02-rating-galat-360", full_page=True)
    for nomor in range(2, 10):
        hp.locator(f"label[for=u{nomor}-3]").tap()
    hp.get_by_role("button", name="Kirim Penilaian").tap()

    expect(hp.get_by_role("heading", name="Terima kasih!")).to_be_visible()
    assert target_kecil(hp) == []
    layar(hp, "publik-03-terima-kasih-360", full_page=True)

    hp.get_by_role("link", name="Saya sudah mengisi SKD").tap()
    expect(hp.get_by_role("heading", name="Survei Kebutuhan Data (SKD)")).to_be_visible()
    tombol = hp.get_by_role("button", name="Saya sudah mengisi SKD")
    assert tombol.bounding_box()["height"] >= 44
    assert target_kecil(hp) == []
    layar(hp, "publik-04-skd-360", full_page=True)
    tombol.tap()
    expect(hp.get_by_text("Terima kasih sudah mengisi SKD.")).to_be_visible()
    assert SurveiSKD.objects.get(layanan=layanan).sudah_diisi
    layar(hp, "publik-05-skd-diisi-360")


def test_kiosk_shows_the_number_full_screen_then_counts_back_to_the_start(
    live_server, halaman_tamu, jenis, kantor, layar, time_machine
):
    # Wednesday 2 December 2026, 10.00 WITA: a working day, so a national holiday never closes the kiosk.
    time_machine.move_to(datetime.datetime(2026, 12, 2, 2, 0, tzinfo=datetime.UTC), tick=True)
    hari = aturan.waktu_kantor().weekday()
    JamLayanan.objects.update_or_create(hari=hari, defaults={"buka": datetime.time(0), "tutup": datetime.time(23, 59, 59)})
    kios = halaman_tamu(viewport={"width": 1280, "height": 800}, has_touch=True)
    kios.clock.install()  # the countdown's seconds are moved on by the test, not waited for
    kios.goto(f"{live_server.url}/antrian/kios/")

    kios.get_by_role("button", name=re.compile("Konsultasi")).click()

    nomor = kios.locator("#nomor-kios")
    expect(nomor).to_have_text("K-001")
    # The click's navigation shows the number as soon as it is parsed; its size comes with the stylesheet,
    # which a busy machine may still be fetching: measure once the page has loaded.
    kios.wait_for_load_state("load")
    kotak = nomor.bounding_box()
    assert kotak["height"] >= 200 and kotak["y"] >= 0 and kotak["y"] + kotak["height"] <= 800  # big, on screen
    assert kios.evaluate("document.documentElement.scrollHeight") <= 800
    expect(kios.get_by_text("58 mm")).to_have_count(0)  # the roll width is not the visitor's choice
    kios.wait_for_function("() => window.__dicetak >= 1")
    kios.clock.pause_at(kios.evaluate("Date.now()") + 1)  # time stands still from here
    hitung = kios.locator("[data-hitung-mundur]")
    sisa = int(hitung.text_content())
    assert 13 <= sisa <= 15
    kios.clock.run_for(2_000)
    expect(hitung).to_have_text(str(sisa - 2))  # it counts down, second by second
    layar(kios, "publik-06-kios-nomor-1280")
    kios.clock.run_for((sisa - 2) * 1_000)
    expect(kios).to_have_url(re.compile(r"/antrian/kios/$"))
    expect(kios.get_by_role("button", name=re.compile("Konsultasi"))).to_be_visible()


def test_printed_ticket_is_as_tall_as_its_content(page, live_server, login_browser, petugas, jenis, kantor, layar):
    antrian = aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    login_browser(petugas)
    for lebar in ("80", "58"):
        page.goto(f"{live_server.url}/antrian/tiket/{antrian.pk}/?lebar={lebar}")
        expect(page.get_by_role("link", name=f"{lebar} mm")).to_have_attribute("aria-current", "true")
        layar(page, f"publik-09-tiket-meja-{lebar}")
        tinggi_mm = int(page.locator("body").get_attribute("data-tinggi-tiket-mm"))
        konten_mm = page.locator(".tiket").bounding_box()["height"] * 25.4 / 96
        assert konten_mm <= tinggi_mm <= konten_mm + 2

        pdf = page.pdf(prefer_css_page_size=True)

        halaman = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        assert len(halaman) == 1  # one ticket, one page
        lebar_pt, tinggi_pt = (float(x) for x in halaman[0])
        assert abs(lebar_pt / 72 * 25.4 - int(lebar)) < 1 and abs(tinggi_pt / 72 * 25.4 - tinggi_mm) < 1


def teks_jam(waktu, zona):
    return f"{HARI[waktu.weekday()]}, {waktu.day} {BULAN[waktu.month - 1]} {waktu.year} · {waktu:%H.%M} {zona}"


def test_tv_at_1080p_reads_from_5_m_and_keeps_office_time_and_the_sound_choice(
    live_server, halaman_tamu, jenis, kantor, petugas, layar
):
    # The TV computer thinks it is in New York: the clock must still show the office's time.
    tv = halaman_tamu(viewport={"width": 1920, "height": 1080}, timezone_id="America/New_York")
    tv.goto(f"{live_server.url}/antrian/layar/")
    expect(tv.get_by_text("Belum ada nomor yang dipanggil hari ini")).to_be_visible()
    expect(tv.get_by_text("Tidak ada antrian menunggu")).to_be_visible()
    layar(tv, "publik-07-tv-kosong-1920")

    for kode in ("konsultasi", "permintaan-data", "perpustakaan", "konsultasi", "konsultasi", "permintaan-data",
                 "perpustakaan", "konsultasi", "konsultasi", "konsultasi"):
        aturan.ambil_nomor(jenis_layanan=jenis[kode])
    aturan.panggil_berikutnya(petugas=petugas, loket=1)
    aturan.panggil_berikutnya(petugas=petugas, loket=2)
    expect(tv.locator(".layar-nomor-besar")).to_have_text("D-001", timeout=8000)
    expect(tv.locator(".layar-daftar-berikut li")).to_have_count(8)  # all the next numbers the board shows

    ukuran = tv.evaluate("""() => Object.fromEntries(
        ['.layar-berikut-nomor', '.layar-berikut-jenis', '.layar-loket-label', '.layar-loket-nomor',
         '.layar-loket-besar', '.layar-jenis', '.layar-nomor-besar', '.layar-sub', '.layar-jam']
        .map((s) => [s, Math.min(...Array.from(document.querySelectorAll(s)).map(
            (e) => parseFloat(getComputedStyle(e).fontSize)))]))""")
    assert all(px >= 40 for px in ukuran.values()), ukuran
    # The board fills the screen: down to the bottom edge, nothing to scroll.
    papan = tv.locator("#papan").bounding_box()
    assert papan["y"] + papan["height"] >= 1080 - 40 and papan["width"] >= 1920 - 80
    assert tv.evaluate("document.documentElement.scrollHeight") <= 1080
    assert tv.evaluate("() => Array.from(document.querySelectorAll('.layar-daftar-berikut li'))"
                       ".every((e) => e.getBoundingClientRect().bottom <= 1080)")

    sebelum = aturan.waktu_kantor()
    jam = tv.locator("[data-jam]").text_content()
    sesudah = aturan.waktu_kantor()
    # The board's clock is set from the time of the board's last answer (every 3 s), so it may be
    # behind by that answer's travel: a few seconds on a busy machine, when a minute may just have turned.
    jeda = datetime.timedelta(seconds=5)
    assert jam in {teks_jam(sebelum - jeda, "WITA"), teks_jam(sebelum, "WITA"), teks_jam(sesudah, "WITA")}
    assert tv.evaluate("new Date().getHours()") != sebelum.hour  # the browser's own clock is 13 hours off
    layar(tv, "publik-08-tv-1920")

    tv.get_by_role("button", name="Aktifkan suara").click()
    expect(tv.locator("[data-aktifkan-suara]")).to_have_attribute("aria-pressed", "true")
    tv.reload()
    expect(tv.locator("[data-aktifkan-suara]")).to_have_attribute("aria-pressed", "true")
    expect(tv.get_by_role("button", name="Suara aktif")).to_be_visible()


def test_tv_clock_ticks_into_the_new_year_in_office_time_whatever_the_tv_zone(
    live_server, halaman_tamu, kantor, time_machine
):
    # 31 December 2026, 23.59.55 WIT on the server; the TV computer is set to WIB, two hours behind.
    kantor.zona_waktu = ZonaWaktu.WIT
    kantor.save()
    time_machine.move_to(datetime.datetime(2026, 12, 31, 14, 59, 55, tzinfo=datetime.UTC), tick=True)
    tv = halaman_tamu(viewport={"width": 1920, "height": 1080}, timezone_id="Asia/Jakarta")

    tv.goto(f"{live_server.url}/antrian/layar/")

    jam = tv.locator("[data-jam]")
    expect(jam).to_have_text("Kamis, 31 Desember 2026 · 23.59 WIT")
    expect(jam).to_have_text("Jumat, 1 Januari 2027 · 00.00 WIT", timeout=12000)
