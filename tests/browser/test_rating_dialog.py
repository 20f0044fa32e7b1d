"""The Rating panel as a modal dialog at 1366×768, and its codes full screen for the visitor."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import KATA_SANDI

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
FOKUS_DI_DIALOG = "() => { const d = document.getElementById('dialog-rating'); return d.contains(document.activeElement); }"


@pytest.fixture
def permintaan_data(buat_layanan, kantor):
    kantor.url_skd = "https://skd.bps.go.id/"
    kantor.save()
    return buat_layanan("permintaan-data", nama="Dewi Lestari", no_hp="6281298765432")


def di_layar(page, locator):
    """The element's box lies wholly inside the viewport, without scrolling."""
    kotak = locator.bounding_box()
    ukuran = page.viewport_size
    return (kotak is not None and kotak["x"] >= 0 and kotak["y"] >= 0
            and kotak["x"] + kotak["width"] <= ukuran["width"] and kotak["y"] + kotak["height"] <= ukuran["height"])


def buka_dialog(page, live_server, login_browser, petugas, layanan):
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/")
    rating = page.get_by_role("button", name="Rating", exact=True)
    rating.click()
    dialog = page.get_by_role("dialog", name=re.compile("Rating & SKD"))
    expect(dialog).to_be_visible()
    expect(dialog.locator(".qr-kode")).to_have_count(2)
    return rating, dialog


def test_rating_opens_a_modal_dialog_in_view_that_holds_focus_and_esc_returns_it(
    page, live_server, login_browser, petugas, permintaan_data, layar
):
    rating, dialog = buka_dialog(page, live_server, login_browser, petugas, permintaan_data)
    assert page.evaluate("() => document.getElementById('dialog-rating').matches(':modal')")
    # Everything the officer needs is on screen at once: both codes, both Kirim WA.
    for bagian in (dialog.locator(".qr-kode").nth(0), dialog.locator(".qr-kode").nth(1),
                   dialog.get_by_role("link", name="Kirim WA", exact=True), dialog.get_by_role("link", name="Kirim WA SKD"),
                   dialog.get_by_role("button", name="Tunjukkan ke pengunjung")):
        assert di_layar(page, bagian), bagian
    assert dialog.locator(".qr-kode").first.bounding_box()["width"] >= 240  # a phone reads it across the desk
    layar(page, "tampilan-01-dialog-rating")

    # Focus trap: Tab and Shift+Tab, around the dialog twice, never leave it.
    assert page.evaluate(FOKUS_DI_DIALOG)
    for tombol in ["Tab"] * 25 + ["Shift+Tab"] * 25:
        page.keyboard.press(tombol)
        assert page.evaluate(FOKUS_DI_DIALOG), f"fokus keluar dialog setelah {tombol}"

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(rating).to_be_focused()

    # The close button does the same, and Rating opens it again.
    rating.click()
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Tutup panel Rating").click()
    expect(dialog).to_be_hidden()
    expect(rating).to_be_focused()


def test_full_screen_codes_are_the_same_size_on_one_line_under_their_labels(
    page, live_server, login_browser, petugas, permintaan_data, layar
):
    rating, dialog = buka_dialog(page, live_server, login_browser, petugas, permintaan_data)
    tunjukkan = dialog.get_by_role("button", name="Tunjukkan ke pengunjung")
    tunjukkan.click()
    wadah = page.locator("#qr-pengunjung.tampil-penuh")
    expect(wadah).to_be_visible()
    petunjuk = wadah.locator(".qr-petunjuk")
    expect(petunjuk).to_have_text("Pindai kode dengan kamera ponsel Anda untuk memberi penilaian dan mengisi survei")
    kotak_petunjuk = petunjuk.bounding_box()
    assert kotak_petunjuk["height"] < 50  # one line
    kotak_tutup = wadah.get_by_role("button", name="Tutup", exact=True).bounding_box()
    assert kotak_petunjuk["x"] + kotak_petunjuk["width"] < kotak_tutup["x"]  # not under Tutup
    kode = [wadah.locator(".qr-kode").nth(i).bounding_box() for i in (0, 1)]
    label = [wadah.locator(".qr-label").nth(i) for i in (0, 1)]
    expect(label[0]).to_have_text("Penilaian layanan")
    expect(label[1]).to_have_text("Survei Kebutuhan Data (SKD)")
    kotak_label = [l.bounding_box() for l in label]
    assert abs(kode[0]["width"] - kode[1]["width"]) < 1 and abs(kode[0]["height"] - kode[1]["height"]) < 1
    assert abs(kode[0]["y"] - kode[1]["y"]) < 1  # same top
    assert abs(kotak_label[0]["y"] - kotak_label[1]["y"]) < 1
    for i in (0, 1):
        assert kotak_label[i]["y"] + kotak_label[i]["height"] <= kode[i]["y"]  # each label above its code
        assert kode[i]["x"] <= kotak_label[i]["x"] + kotak_label[i]["width"] / 2 <= kode[i]["x"] + kode[i]["width"]
        assert di_layar(page, wadah.locator(".qr-kode").nth(i))
    assert kode[1]["x"] > kode[0]["x"] + kode[0]["width"] and kode[0]["width"] >= 400
    # Only the codes for the visitor: no officer buttons, links or status in full screen.
    expect(wadah.get_by_role("link")).to_have_count(0)
    tutup = wadah.get_by_role("button", name="Tutup", exact=True)
    expect(tutup).to_be_focused()
    for _ in range(3):
        page.keyboard.press("Tab")
        expect(tutup).to_be_focused()  # what lies under the full screen is inert
    layar(page, "tampilan-02-tunjukkan-ke-pengunjung")

    page.keyboard.press("Escape")  # leaves full screen only
    expect(page.locator("#qr-pengunjung.tampil-penuh")).to_have_count(0)
    expect(dialog).to_be_visible()
    expect(tunjukkan).to_be_focused()
    page.keyboard.press("Escape")  # then the dialog
    expect(dialog).to_be_hidden()
    expect(rating).to_be_focused()


def test_skd_diisi_in_the_dialog_keeps_focus_in_the_redrawn_panel(
    page, live_server, login_browser, petugas, permintaan_data
):
    _, dialog = buka_dialog(page, live_server, login_browser, petugas, permintaan_data)
    dialog.get_by_role("button", name="SKD Diisi").click()
    expect(dialog.locator("#status-skd-panel .badge")).to_have_text(re.compile("SKD Diisi"))
    expect(page.locator("#panel-rating")).to_be_focused()
    expect(page.locator("#kartu-rating #status-skd")).to_have_text(re.compile("SKD Diisi"))
    page.keyboard.press("Tab")
    assert page.evaluate(FOKUS_DI_DIALOG)


def test_rating_without_javascript_opens_the_panel_page(konteks_baru, live_server, petugas, permintaan_data, layar):
    konteks = konteks_baru(java_script_enabled=False, viewport=LAPTOP)
    page = konteks.new_page()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill(petugas.email)
    page.get_by_label("Kata sandi").fill(KATA_SANDI)
    page.get_by_role("button", name="Login").click()
    page.goto(f"{live_server.url}/layanan/{permintaan_data.pk}/")
    page.get_by_role("button", name="Rating", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/layanan/{permintaan_data.pk}/rating/$"))
    expect(page.locator(".qr-kode")).to_have_count(2)
    expect(page.get_by_role("link", name="Kirim WA", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Tunjukkan ke pengunjung")).to_be_hidden()  # needs JavaScript
    layar(page, "tampilan-03-rating-tanpa-js", full_page=True)
    konteks.close()
