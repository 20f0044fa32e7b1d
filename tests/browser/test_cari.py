"""Search from anywhere: "/" focuses the navbar box, results come grouped and are chosen with the
keyboard; Enter without a choice opens the full results page."""

import re

import pytest
from playwright.sync_api import expect

from layanan.models import PermintaanData, Tag
from layanan.surat import beri_nomor_surat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}

# Runs before the page's scripts: what they ask to run on DOMContentLoaded (htmx's start, among
# others) waits until the test calls window.mulaiSekarang(), as on a computer too busy to get there
# before the officer types. The page's scripts themselves run as usual ("/" works, meja.js).
TAHAN_MULAI = """
(() => {
  const asli = EventTarget.prototype.addEventListener;
  const tertahan = [];
  window.mulaiSekarang = () => tertahan.splice(0).forEach(([fn, el, e]) => fn.call(el, e));
  document.addEventListener = function (jenis, fn, opsi) {
    if (jenis !== "DOMContentLoaded") return asli.call(this, jenis, fn, opsi);
    return asli.call(this, jenis, function (e) { tertahan.push([fn, this, e]); }, opsi);
  };
})();
"""


@pytest.fixture
def data(buat_layanan, petugas):
    dewi = buat_layanan("permintaan-data", nama="Dewi Lestari", no_hp="6281298765432", email="dewi@ulm.ac.id")
    buat_layanan("konsultasi", nama="Dewi Anggraini", no_hp="6281311112222")
    nomor = beri_nomor_surat(layanan=dewi, klasifikasi="HM.340", tujuan="Dekan", perihal="Data IPM", oleh=petugas)
    permintaan = PermintaanData.untuk(dewi)
    permintaan.save()
    permintaan.tags.add(Tag.objects.create(nama="dewi project"))
    return {"dewi": dewi, "nomor": nomor}


def test_officer_searches_from_anywhere_with_the_keyboard(page, live_server, login_browser, petugas, data, layar, htmx_siap):
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    htmx_siap(page, "#cari-global")
    kotak = page.get_by_role("combobox", name="Telusuri")

    page.keyboard.press("/")
    expect(kotak).to_be_focused()
    page.keyboard.type("dewi")
    daftar = page.get_by_role("listbox", name="Hasil pencarian")
    expect(daftar).to_be_visible()
    expect(kotak).to_have_attribute("aria-expanded", "true")
    expect(daftar.get_by_role("group", name="Pengunjung").get_by_role("option")).to_have_count(2)
    expect(daftar.get_by_role("group", name="Permintaan data menurut tag")).to_contain_text("#dewi project")
    layar(page, "cari-01-daftar")

    page.keyboard.press("ArrowDown")
    pertama = daftar.get_by_role("option").first
    expect(pertama).to_have_attribute("aria-selected", "true")
    expect(kotak).to_have_attribute("aria-activedescendant", pertama.get_attribute("id"))
    expect(kotak).to_be_focused()  # focus stays in the box while choosing
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/layanan/\?pengunjung=\d+$"))
    expect(page.locator(".filter-aktif")).to_contain_text("Pengunjung:")
    htmx_siap(page, "#cari-global")  # the new page's scripts have run: "/" is theirs (typing before htmx: the test below)

    # A service number, then Enter on its one result, opens the service.
    page.keyboard.press("/")
    page.keyboard.type(f"#{data['dewi'].pk}")
    opsi = page.get_by_role("option", name=re.compile(rf"Permintaan Data #{data['dewi'].pk}"))
    expect(opsi).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/layanan/{data['dewi'].pk}/$"))
    htmx_siap(page, "#cari-global")

    # Enter without a choice: the full results page, grouped under headings.
    page.keyboard.press("/")
    page.keyboard.type(data["nomor"].nomor[:6])
    expect(page.get_by_role("listbox")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/cari/\?q="))
    expect(page.get_by_role("heading", name=re.compile("Surat balasan"))).to_be_visible()
    expect(page.locator("#hasil-cari")).to_contain_text(data["nomor"].nomor)
    layar(page, "cari-02-halaman")
    htmx_siap(page, "#cari-global")

    # Esc closes the list; "/" typed in a field is just a character.
    page.keyboard.press("/")
    page.keyboard.type("dewi")
    expect(page.get_by_role("listbox")).to_be_visible()
    page.keyboard.press("Escape")
    expect(kotak).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("listbox")).to_have_count(0)
    isian = page.get_by_role("searchbox", name="Cari layanan, pengunjung, surat atau tag")
    isian.fill("")
    isian.focus()
    page.keyboard.type("a/b")
    expect(isian).to_have_value("a/b")


def test_keys_typed_into_the_search_before_htmx_starts_still_bring_the_results(page, live_server, login_browser, petugas, data):
    """An officer who presses "/" and types the moment a page shows, before htmx has started, gets
    the results once it has: app.js replays the typing, and the trigger does not take the typed
    value as the starting one."""
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    page.add_init_script(TAHAN_MULAI)
    page.goto(f"{live_server.url}/layanan/{data['dewi'].pk}/", wait_until="domcontentloaded")
    kotak = page.get_by_role("combobox", name="Telusuri")
    page.keyboard.press("/")
    expect(kotak).to_be_focused()
    page.keyboard.type("dewi")
    assert page.evaluate("() => !document.getElementById('cari-global')['htmx-internal-data']")  # htmx not started

    page.evaluate("() => window.mulaiSekarang()")
    daftar = page.get_by_role("listbox", name="Hasil pencarian")
    expect(daftar).to_be_visible()
    expect(daftar.get_by_role("group", name="Pengunjung").get_by_role("option")).to_have_count(2)
    expect(kotak).to_be_focused()
