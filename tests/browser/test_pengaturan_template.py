"""The Admin's settings form refuses a broken letter template and a WhatsApp template with
attribute access, with Indonesian messages beside the fields (what the Admin sees in a browser)."""

import io
import zipfile

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_settings_form_refuses_a_fake_docx_and_a_wa_template_with_attribute_access(
    page, live_server, login_browser, admin_user, kantor, tmp_path, layar
):
    palsu = tmp_path / "template.docx"
    isi = io.BytesIO()
    with zipfile.ZipFile(isi, "w") as z:
        z.writestr("word/document.xml", "<html><body><script>alert(1)</script></body></html>")
    palsu.write_bytes(isi.getvalue())
    login_browser(admin_user)

    page.goto(f"{live_server.url}/admin/pst_frontoffice/pengaturankantor/{kantor.pk}/change/")
    page.locator("#id_template_surat_balasan").set_input_files(str(palsu))
    page.locator("#id_template_wa_grup").fill("Halo {nama.__class__} {nama:>3000}")
    page.locator("input[name=_save]").click()

    expect(page.locator(".errorlist").first).to_be_visible()
    teks = page.locator("body").inner_text()
    assert "bukan DOCX yang sah" in teks
    assert "Isian tidak dikenal: {nama.__class__}, {nama:>3000}" in teks
    layar(page, "pengaturan-template-ditolak", full_page=True)
    kantor.refresh_from_db()
    assert "__class__" not in kantor.template_wa_grup and not kantor.template_surat_balasan
