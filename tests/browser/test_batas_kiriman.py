"""An upload larger than the page takes, sent through HTMX, is refused before the server reads it
and the message shows in the page's message area (htmx-config swaps the 413 there)."""

import pytest
from playwright.sync_api import expect

from layanan.models import BerkasSurat
from tests.berkas_uji import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_upload_over_the_cap_shows_why_in_the_message_area(page, live_server, login_browser, petugas, buat_layanan,
                                                              layar, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BATAS_KIRIMAN_UNGGAHAN_BAIT = 1024 * 1024
    layanan = buat_layanan("permintaan-data", nama="Dewi Lestari")
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/")

    page.get_by_label("Surat balasan bertanda tangan").set_input_files(
        {"name": "surat-besar.pdf", "mimeType": "application/pdf", "buffer": PDF + b"0" * (3 * 1024 * 1024)}
    )
    page.get_by_role("button", name="Unggah Berkas").click()

    expect(page.locator("#pesan")).to_contain_text("terlalu besar")
    expect(page.locator("#pesan")).to_contain_text("1 MB")
    expect(page.get_by_role("button", name="Unggah Berkas")).to_be_enabled()  # the form stays usable
    layar(page, "kiriman-terlalu-besar", full_page=False)
    assert BerkasSurat.objects.count() == 0
