"""The bell in the navbar: its counts arrive after the page, refresh without a reload, and each
opens its list; opening the newly assigned services clears that count."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}


def test_bell_counts_refresh_in_place_and_open_their_lists(
    page, live_server, login_browser, petugas, petugas2, buat_layanan, layar
):
    for nama in ("Dewi Lestari", "Budi Santoso"):
        buat_layanan(nama=nama, oleh=petugas2).alihkan(petugas, oleh=petugas2)
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    tombol = page.locator("#tombol-lonceng")
    expect(tombol).to_have_attribute("aria-label", re.compile(r"Pemberitahuan: \d+ perlu perhatian"))
    expect(page.locator("#lonceng-jumlah")).to_be_visible()
    muat = page.evaluate("performance.getEntriesByType('navigation').length")

    tombol.click()
    baru = page.locator("#lonceng [data-pemberitahuan=baru]")
    expect(baru).to_contain_text("2")
    layar(page, "lonceng-01-terbuka")
    with page.expect_response(re.compile(r"/pemberitahuan/$")):  # closed, the bell asks again at once
        page.keyboard.press("Escape")

    # Something new comes in; the bell says so without reloading the page (it refreshes itself
    # every minute, and at once when the tab shows again, which the test stands in for).
    buat_layanan(nama="Sari Wulandari", oleh=petugas2).alihkan(petugas, oleh=petugas2)
    page.locator("main").click()
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(baru).to_contain_text("3")  # the refresh has landed (the closed dropdown holds it)
    tombol.click()
    expect(baru).to_be_visible()
    assert page.evaluate("performance.getEntriesByType('navigation').length") == muat

    baru.click()
    expect(page).to_have_url(re.compile(r"/layanan/saya/\?baru=1$"))
    expect(page.locator("#daftar-layanan-saya tbody tr")).to_have_count(3)
    expect(page.locator("#judul-baru")).to_be_visible()
    layar(page, "lonceng-02-baru-ditugaskan")
    page.locator("#tombol-lonceng").click()
    expect(page.locator("#lonceng [data-pemberitahuan=baru]")).to_contain_text("0")


def test_a_refresh_that_lands_while_the_bell_is_open_waits_until_it_closes(
    page, live_server, login_browser, petugas, petugas2, buat_layanan
):
    buat_layanan(nama="Dewi Lestari", oleh=petugas2).alihkan(petugas, oleh=petugas2)
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    tombol = page.locator("#tombol-lonceng")
    baru = page.locator("#lonceng [data-pemberitahuan=baru]")
    expect(baru).to_contain_text("1")

    # The refresh leaves while the dropdown is closed; its answer is held back until the officer has opened it.
    tertahan = []

    def tahan(route):
        tertahan.append(route)

    page.route(re.compile(r"/pemberitahuan/$"), tahan)
    buat_layanan(nama="Sari Wulandari", oleh=petugas2).alihkan(petugas, oleh=petugas2)
    with page.expect_request(re.compile(r"/pemberitahuan/$")):
        page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    tombol.click()
    expect(baru).to_be_visible()
    with page.expect_response(re.compile(r"/pemberitahuan/$")) as jawaban:
        tertahan.pop().continue_()
    assert jawaban.value.ok
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    expect(baru).to_be_visible()  # not redrawn under the officer's hand
    expect(baru).to_contain_text("1")

    # Closed, the bell asks again at once and shows what came in.
    page.unroute(re.compile(r"/pemberitahuan/$"))
    page.keyboard.press("Escape")
    expect(baru).to_contain_text("2")
    expect(baru).to_be_hidden()
    expect(tombol).to_be_focused()  # the redrawn button keeps the officer's place
