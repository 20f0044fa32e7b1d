"""The officer's desk at 1366×768: actions on screen without scrolling, errors where the action
is, feedback while waiting, and messages that leave or stay as they should."""

import re

import pytest
from playwright.sync_api import expect

from layanan.models import NomorSurat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture
def permintaan_data(buat_layanan, kantor):
    kantor.url_drive = "https://drive.google.com/drive/folders/kumpulan-data"
    kantor.save()
    return buat_layanan(
        "permintaan-data", nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat", jenis_instansi="pendidikan",
        keperluan="Data IPM kecamatan 2020–2025", no_hp="6281298765432",
    )


def di_layar(page, locator):
    """The element's box lies wholly inside the viewport, without scrolling."""
    kotak = locator.bounding_box()
    tinggi = page.viewport_size["height"]
    lebar = page.viewport_size["width"]
    return kotak is not None and kotak["y"] >= 0 and kotak["y"] + kotak["height"] <= tinggi and kotak["x"] + kotak["width"] <= lebar


def test_detail_actions_are_on_screen_at_1366x768(page, live_server, login_browser, petugas, permintaan_data, layar):
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{permintaan_data.pk}/")
    assert page.evaluate("window.scrollY") == 0
    aksi = {
        "Update": page.get_by_role("button", name="Update", exact=True),
        "Generate Nomor Surat Balasan": page.get_by_role("button", name="Generate Nomor Surat Balasan"),
        "Rating": page.get_by_role("link", name="Rating", exact=True),
        "Kirim Notifikasi ke Grup WA": page.get_by_role("link", name="Kirim Notifikasi ke Grup WA"),
        "Drive Kumpulan Data": page.get_by_role("link", name="Drive Kumpulan Data"),
    }
    layar(page, "meja-01-detail-1366")
    assert [nama for nama, tombol in aksi.items() if not di_layar(page, tombol)] == []
