"""An HTMX action the server refuses or cannot answer says why in the message area, and the page
with what was typed stays: an ended session (the login page must not land in the panel), a
refusal, a server error, no network; polling shows its problem once and clears it when it gets
through again."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import tunggu_tenang

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab(page, nama):
    return page.locator(".nav-tabs").get_by_role("link", name=nama, exact=True)


def nama_buku_tamu(page):
    return page.get_by_label(re.compile(r"^\s*Nama\s*\*?\s*$"))


def buka_buku_tamu_dan_ketik(page, nama):
    tab(page, "Buku Tamu").click()
    expect(page.locator("#konten")).to_contain_text("Simpan Buku Tamu")
    # The name asks for returning visitors (after a short pause): that answer has come and gone
    # before the test ends the session or breaks the network, so it cannot bring a message later.
    with page.expect_response(re.compile(r"/cari-pengunjung/")):
        nama_buku_tamu(page).fill(nama)
    tunggu_tenang(page)


def pesan_galat(page):
    return page.locator("#pesan [data-galat-htmx]")


def test_an_ended_session_keeps_the_page_and_says_to_sign_in_again(page, live_server, login_browser, petugas, layar):
    login_browser(petugas)
    buka_buku_tamu_dan_ketik(page, "Dewi Lestari")
    page.context.clear_cookies()  # the session ended (expired, or signed out in another tab)

    with page.expect_response(re.compile(r"/login/")):
        tab(page, "Layanan Saya").click()
    expect(pesan_galat(page)).to_contain_text("Sesi Anda sudah berakhir")
    expect(pesan_galat(page).get_by_role("link", name="Masuk lagi")).to_have_attribute("href", "/login/")
    # Nothing was swapped: the guest book and its typing are still there, no login form in the panel.
    expect(nama_buku_tamu(page)).to_have_value("Dewi Lestari")
    expect(page.locator("#konten input[type=password]")).to_have_count(0)
    layar(page, "galat-htmx-01-sesi-berakhir")

    # The bell polls in the background: its refusal shows once, not a message every minute.
    tunggu_tenang(page)
    tombol_tutup = pesan_galat(page).get_by_role("button", name="Tutup pesan")
    tombol_tutup.click()
    expect(pesan_galat(page)).to_have_count(0)
    with page.expect_response(re.compile(r"/login/")):
        page.evaluate("htmx.trigger('#lonceng', 'segarkan')")
    expect(page.locator("#lonceng input[type=password]")).to_have_count(0)
    with page.expect_response(re.compile(r"/login/")):
        page.evaluate("htmx.trigger('#lonceng', 'segarkan')")
    expect(pesan_galat(page)).to_have_count(1)


def test_a_refusal_by_the_server_is_explained(page, live_server, login_browser, petugas):
    login_browser(petugas)
    # The reports are the heads' pages: an officer's request gets the server's real 403.
    with page.expect_response(lambda r: "/laporan/" in r.url and r.status == 403):
        page.evaluate("htmx.ajax('GET', '/laporan/', {target: '#konten'})")
    expect(pesan_galat(page)).to_contain_text("Tindakan ini ditolak")
    expect(page.locator("#konten")).not_to_contain_text("tidak tersedia untuk peran Anda")


def test_a_server_error_and_a_lost_network_keep_what_was_typed(page, live_server, login_browser, petugas, layar):
    login_browser(petugas)
    buka_buku_tamu_dan_ketik(page, "Budi Santoso")

    # What the browser receives when the server fails (a proxy's 502, an unhandled error's 500).
    page.route(re.compile(r"/layanan/saya/$"), lambda route: route.fulfill(status=502, body="Bad Gateway"))
    tab(page, "Layanan Saya").click()
    expect(pesan_galat(page)).to_contain_text("Terjadi kesalahan di server")
    expect(nama_buku_tamu(page)).to_have_value("Budi Santoso")

    page.unroute(re.compile(r"/layanan/saya/$"))
    page.route(re.compile(r"/layanan/saya/$"), lambda route: route.abort("internetdisconnected"))
    tab(page, "Layanan Saya").click()
    expect(pesan_galat(page).filter(has_text="Server tidak dapat dihubungi")).to_have_count(1)
    expect(nama_buku_tamu(page)).to_have_value("Budi Santoso")
    layar(page, "galat-htmx-02-jaringan")

    # Once it gets through, the officer's click does what it always did.
    page.unroute(re.compile(r"/layanan/saya/$"))
    tab(page, "Layanan Saya").click()
    expect(page).to_have_url(re.compile(r"/layanan/saya/$"))
    expect(tab(page, "Layanan Saya")).to_have_attribute("aria-current", "page")


def test_polling_that_lost_the_network_says_so_once_and_clears_when_it_gets_through(page, live_server, login_browser, petugas):
    login_browser(petugas)
    page.route(re.compile(r"/pemberitahuan/$"), lambda route: route.abort("internetdisconnected"))
    for _ in range(2):
        page.evaluate("htmx.trigger('#lonceng', 'segarkan')")
        expect(pesan_galat(page).filter(has_text="Server tidak dapat dihubungi")).to_have_count(1)
    page.unroute(re.compile(r"/pemberitahuan/$"))
    with page.expect_response(re.compile(r"/pemberitahuan/$")):
        page.evaluate("htmx.trigger('#lonceng', 'segarkan')")
    expect(pesan_galat(page)).to_have_count(0)
