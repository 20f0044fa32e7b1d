"""Queue in a real browser: kiosk takes a number, the TV display shows it, an officer calls it."""

import re

import pytest
from playwright.sync_api import expect

from bukutamu import antrian as aturan
from bukutamu.models import Antrian, JanjiTemu
from tests.jam_layanan import jam_layanan_hari_ini

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kiosk_number_shows_on_the_display_and_an_officer_calls_it(
    page, live_server, login_browser, petugas, jenis, kantor, halaman_tamu, layar
):
    jam_layanan_hari_ini(True)

    # The TV is already on before anybody takes a number.
    tv = halaman_tamu(viewport={"width": 1600, "height": 900})
    tv.goto(f"{live_server.url}/antrian/layar/")
    expect(tv.get_by_text("Tidak ada antrian menunggu")).to_be_visible()
    tv.evaluate("window.__tanpaMuatUlang = true")
    tv.get_by_role("button", name="Aktifkan suara").click()
    expect(tv.locator("[data-aktifkan-suara]")).to_have_attribute("aria-pressed", "true")

    # Kiosk: a big button per service; the ticket prints itself.
    kios = halaman_tamu(viewport={"width": 1280, "height": 800}, has_touch=True)
    kios.goto(f"{live_server.url}/antrian/kios/")
    expect(kios.get_by_role("button", name=re.compile("Perpustakaan"))).to_be_visible()
    layar(kios, "antrian-01-kios")
    kios.get_by_role("button", name=re.compile("Konsultasi")).click()
    expect(kios).to_have_url(re.compile(r"/antrian/tiket/\d+/\?cetak=1&kios=1$"))
    expect(kios.locator("#nomor-kios")).to_have_text("K-001")
    expect(kios.locator("#nomor-tiket")).to_have_text("K-001")  # the paper ticket, on the office's roll width
    expect(kios.locator("body")).to_have_class("tiket-lebar-80 tiket-kios")
    expect(kios.locator(".kios-nomor").get_by_text("Anda berikutnya")).to_be_visible()
    kios.wait_for_function("() => window.__dicetak >= 1")  # a function: a bare string needs eval, which the CSP forbids
    layar(kios, "antrian-02-tiket-kios")

    # The display picks the new number up by itself (polling), without reloading.
    expect(tv.locator(".layar-daftar-berikut")).to_contain_text("K-001", timeout=8000)

    # Officer: Antrian tab, Panggil Berikutnya, on to the Buku Tamu with the ticket.
    login_browser(petugas)
    page.locator(".nav-tabs").get_by_role("link", name="Antrian", exact=True).click()
    expect(page).to_have_url(re.compile(r"/antrian/$"))
    expect(page.get_by_role("cell", name="K-001")).to_be_visible()
    layar(page, "antrian-04-petugas", full_page=True)
    page.get_by_role("button", name="Panggil Berikutnya").click()
    expect(page).to_have_url(re.compile(r"/buku-tamu/\?antrian=\d+$"))
    expect(page.get_by_text("Sedang dilayani · Loket 1")).to_be_visible()
    expect(page.get_by_label("Konsultasi")).to_be_checked()
    layar(page, "antrian-05-buku-tamu-dari-antrian", full_page=True)

    expect(tv.locator(".layar-nomor-besar")).to_have_text("K-001", timeout=8000)
    expect(tv.locator(".layar-loket-besar")).to_have_text("Loket 1")
    assert tv.evaluate("window.__tanpaMuatUlang") is True
    layar(tv, "antrian-06-layar")

    # The server goes away for a moment: the display says so, then carries on by itself.
    tv.route("**/antrian/layar/", lambda route: route.abort())
    expect(tv.get_by_text("Menyambungkan ulang…")).to_be_visible(timeout=8000)
    layar(tv, "antrian-07-layar-putus")
    tv.unroute("**/antrian/layar/")
    expect(tv.get_by_text("Menyambungkan ulang…")).to_be_hidden(timeout=8000)

    # Saving the guest book serves the ticket.
    page.get_by_label(re.compile(r"^\s*Nama\s*\*?\s*$")).fill("Dewi Lestari")
    page.get_by_label(re.compile(r"^\s*No\. HP\s*$")).fill("0812 9876 5432")
    page.get_by_label(re.compile(r"^\s*Keperluan\s*\*?\s*$")).fill("Konsultasi metadata Susenas")
    page.get_by_role("button", name="Simpan Buku Tamu").click()
    expect(page.get_by_text("Antrian K-001 dilayani.")).to_be_visible()
    antrian = Antrian.objects.get()
    assert antrian.status == Antrian.Status.DILAYANI and antrian.kunjungan.pengunjung.nama == "Dewi Lestari"


def test_kiosk_outside_hours_makes_an_appointment_officers_see(
    page, live_server, login_browser, petugas, jenis, kantor, halaman_tamu, layar
):
    jam_layanan_hari_ini(False)
    kios = halaman_tamu(viewport={"width": 1280, "height": 800})
    kios.goto(f"{live_server.url}/antrian/kios/")
    expect(kios.get_by_text("Saat ini di luar jam layanan.")).to_be_visible()
    # The nearest allowed slot is already filled in; the visitor adds who and what.
    waktu_janji = kios.get_by_label(re.compile("Waktu Janji"))
    expect(waktu_janji).to_have_value(re.compile(r"^\d{2}/\d{2}/\d{4} \d{2}\.\d{2}$"))
    # Its calendar's clock is written as the field is, 10.30 (flatpickr's own is 10:30).
    waktu_janji.click()
    jam = kios.locator(".flatpickr-calendar.open .flatpickr-time")
    expect(jam.locator(".flatpickr-time-separator")).to_have_text(".")
    kios.keyboard.press("Escape")
    kios.get_by_label(re.compile(r"^\s*Nama")).fill("Budi Santoso")
    kios.get_by_label(re.compile("No. HP / WhatsApp")).fill("0813 1111 2222")
    kios.get_by_label(re.compile("Jenis Layanan")).select_option(label="Perpustakaan")
    kios.get_by_label(re.compile("Keperluan")).fill("Membaca publikasi Kabupaten Dalam Angka")
    layar(kios, "antrian-08-kios-janji", full_page=True)
    kios.get_by_role("button", name="Simpan Janji Temu").click()
    expect(kios.get_by_role("heading", name="Janji temu tercatat")).to_be_visible()
    layar(kios, "antrian-09-janji-tercatat")
    janji = JanjiTemu.objects.get()
    assert janji.nama == "Budi Santoso" and janji.jenis_layanan == jenis["perpustakaan"]

    # On the day, the officer sees it (moved to today here so the list shows it).
    JanjiTemu.objects.filter(pk=janji.pk).update(waktu=aturan.waktu_kantor().replace(hour=10, minute=0))
    login_browser(petugas)
    page.goto(f"{live_server.url}/antrian/")
    expect(page.get_by_text("Budi Santoso")).to_be_visible()
    page.get_by_role("button", name="Hadir").click()
    expect(page.get_by_text("Budi Santoso hadir; nomor antrian P-001.")).to_be_visible()


def test_officer_books_an_appointment_outside_hours_at_the_desk(page, live_server, login_browser, petugas, jenis, kantor, layar):
    jam_layanan_hari_ini(True)  # open now: the desk still books for later, outside service hours
    login_browser(petugas)
    page.goto(f"{live_server.url}/antrian/")
    page.get_by_text("Buat Janji Temu", exact=True).click()
    form = page.locator("#form-janji-meja")
    expect(form.get_by_label(re.compile("Waktu Janji"))).not_to_have_value("")
    form.get_by_label(re.compile(r"^\s*Nama")).fill("Sari Wulandari")
    form.get_by_label(re.compile("No. HP / WhatsApp")).fill("0813 3333 4444")
    form.get_by_label(re.compile("Jenis Layanan")).select_option(label="Konsultasi")
    layar(page, "antrian-10-janji-meja", full_page=True)
    form.get_by_role("button", name="Simpan Janji Temu").click()

    expect(page.get_by_text(re.compile(r"Janji temu Sari Wulandari tercatat untuk \w+, \d+ \w+ \d{4} pukul"))).to_be_visible()
    janji = JanjiTemu.objects.get()
    assert janji.diubah_oleh == petugas and not aturan.sedang_buka(janji.waktu)


def test_loket_chosen_before_htmx_listens_still_switches_the_tab(page, live_server, login_browser, petugas):
    """The Antrian tab is drawn by HTMX, which wires up its Loket select only in the settle step
    (slowed here, as on a busy computer). An officer who picks another loket at once gets that
    loket's page, as they do once htmx listens."""
    login_browser(petugas)
    page.evaluate("() => { htmx.config.defaultSettleDelay = 5000; }")
    page.locator(".nav-tabs").get_by_role("link", name="Antrian", exact=True).click()
    loket = page.get_by_label("Loket", exact=True)
    expect(loket).to_have_value("1")
    loket.select_option(label="Loket 2")
    # Chosen while htmx was not yet listening to the new select: no request could have gone out for it.
    assert page.evaluate("() => !document.getElementById('pilih-loket')['htmx-internal-data']")
    page.evaluate("() => { htmx.config.defaultSettleDelay = 20; }")  # the swaps that follow settle as usual
    expect(page).to_have_url(re.compile(r"/antrian/\?loket=2$"), timeout=15_000)
    expect(page.get_by_label("Loket", exact=True)).to_have_value("2")
