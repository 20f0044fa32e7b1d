"""The weekly report at 1366×768: its figures on one screen with the definitions folded away, and
downloads that show the file is being made (Word at once; Excel and Silastik through the worker)."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import KATA_SANDI

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture
def laporan(page, live_server, login_browser, pimpinan, buat_layanan, petugas):
    for kode in ("konsultasi", "permintaan-data", "perpustakaan"):
        buat_layanan(kode).ubah_status("selesai", oleh=petugas)
    page.set_viewport_size(LAPTOP)
    login_browser(pimpinan)
    page.goto(f"{live_server.url}/laporan/?periode=minggu")
    expect(page.locator('[data-angka="layanan"]')).to_have_text("3")
    return page


def test_report_figures_fit_one_screen_and_definitions_unfold_on_request(laporan, layar):
    page = laporan
    kartu = page.locator("#isi-laporan > .row").first.locator(".card")
    expect(kartu.first).to_be_visible()
    assert kartu.count() >= 8  # every figure of the summary, each a card
    bawah = max(k["y"] + k["height"] for k in (kartu.nth(i).bounding_box() for i in range(kartu.count())))
    assert bawah <= LAPTOP["height"], f"kartu angka berakhir pada y={bawah}"
    definisi = page.locator("#isi-laporan .definisi")
    assert definisi.count() >= 8
    for i in range(definisi.count()):
        expect(definisi.nth(i)).to_be_hidden()
    tinggi_terlipat = page.evaluate("document.documentElement.scrollHeight")
    layar(page, "tampilan-10-laporan-terlipat")

    sakelar = page.get_by_role("switch", name="Tampilkan definisi")
    sakelar.check()
    for i in range(definisi.count()):
        expect(definisi.nth(i)).to_be_visible()
    expect(page.locator('[data-angka="layanan"]').locator("xpath=..").locator(".definisi")).to_contain_text("dicatat")
    assert page.evaluate("document.documentElement.scrollHeight") > tinggi_terlipat
    layar(page, "tampilan-11-laporan-definisi")
    sakelar.press("Space")  # a keyboard user folds them again
    expect(definisi.first).to_be_hidden()


def test_word_button_is_busy_until_the_file_arrives(laporan, layar):
    """The Word file is made at once (the files with a row per service go to the worker, test_laporan_pimpinan)."""
    page = laporan
    label, akhiran = "Word", ".docx"
    tertahan = []
    # Hold the request at the browser's door so the busy state can be seen however fast the server is.
    page.route(re.compile(r"/laporan/unduh/"), lambda route: tertahan.append(route))
    tombol = page.locator(f"a[data-unduh='{label}']")
    tombol.click()
    expect(tombol).to_have_attribute("aria-busy", "true")
    expect(tombol).to_have_text(f"Menyiapkan {label}…")
    expect(page.get_by_role("status").filter(has_text=f"Menyiapkan berkas {label}")).to_have_count(1)
    kotak = page.get_by_role("group", name="Unduh laporan").bounding_box()
    layar(page, f"tampilan-12-unduh-{label.lower()}-sibuk", clip={**kotak, "x": kotak["x"] - 8, "y": kotak["y"] - 8,
                                                                  "width": kotak["width"] + 16, "height": kotak["height"] + 16})
    assert len(tertahan) == 1

    with page.expect_download() as unduhan:
        tertahan[0].continue_()
    assert unduhan.value.suggested_filename.startswith("laporan-pst-")
    assert unduhan.value.suggested_filename.endswith(akhiran)
    expect(tombol).not_to_have_attribute("aria-busy", "true")
    expect(tombol).to_have_text(re.compile(rf"Unduh {label}"))
    expect(page.get_by_role("status").filter(has_text="siap")).to_have_count(1)


def test_download_that_fails_says_so_and_frees_the_button(laporan):
    page = laporan
    page.route(re.compile(r"/laporan/unduh/"), lambda route: route.abort())  # the network drops
    tombol = page.locator("a[data-unduh='Word']")
    tombol.click()
    expect(page.locator("#pesan .alert-danger")).to_contain_text("Berkas Word gagal dibuat")
    expect(tombol).not_to_have_attribute("aria-busy", "true")


def test_downloads_work_without_javascript(konteks_baru, live_server, pimpinan, buat_layanan):
    buat_layanan("konsultasi")
    konteks = konteks_baru(java_script_enabled=False, viewport=LAPTOP, accept_downloads=True)
    page = konteks.new_page()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill(pimpinan.email)
    page.get_by_label("Kata sandi").fill(KATA_SANDI)
    page.get_by_role("button", name="Login").click()
    page.goto(f"{live_server.url}/laporan/?periode=minggu")
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh Word").click()
    assert unduhan.value.suggested_filename.endswith(".docx")
    # The Excel button asks the worker for the file: its page follows it with a Perbarui link.
    page.get_by_role("button", name="Unduh Excel").click()
    expect(page).to_have_url(re.compile(r"/unduhan/\d+/$"))
    expect(page.locator(".unduhan-status")).to_have_attribute("data-status", "menunggu")
    expect(page.get_by_role("link", name="Perbarui")).to_be_visible()
    page.get_by_role("link", name="Kembali ke Laporan").click()
    expect(page.locator(".definisi").first).to_be_hidden()  # folded without JavaScript too (CSS)
    page.get_by_text("Tampilkan definisi").click()
    expect(page.locator(".definisi").first).to_be_visible()
    konteks.close()


TELEPON = {"width": 390, "height": 844}


def test_the_head_reads_reports_and_lists_on_a_phone_without_sideways_scroll(page, live_server, login_browser, pimpinan, buat_layanan, petugas, layar):
    # Heads of office read on their phones: every page they open fits the screen's width; a wide
    # table scrolls inside its own box. Rows of every kind fill the lists and the time-standard table.
    for kode in ("konsultasi", "permintaan-data", "perpustakaan", "pengaduan"):
        buat_layanan(kode)
    buat_layanan("konsultasi").ubah_status("selesai", oleh=petugas)
    page.set_viewport_size(TELEPON)
    login_browser(pimpinan)
    for jalur, judul in [
        ("/laporan/?periode=bulan", "Laporan Bulanan"), ("/laporan/?periode=tahun", "Laporan Tahunan"),
        ("/laporan/rincian/?periode=bulan", "Layanan"), ("/ikm/", "Indeks Kepuasan"), ("/layanan/", "Semua Layanan"),
    ]:
        page.goto(live_server.url + jalur)
        expect(page.locator("h1").first).to_contain_text(judul)
        lebar = page.evaluate("document.documentElement.scrollWidth")
        assert lebar <= TELEPON["width"], f"{jalur}: halaman {lebar} px, layar {TELEPON['width']} px"
        layar(page, "ponsel-pimpinan-" + jalur.strip("/").split("/")[0].split("?")[0])
    page.get_by_text("Filter", exact=True).click()  # the list's filter panel, opened, fits too
    expect(page.locator(".panel-filter-isi")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= TELEPON["width"]
