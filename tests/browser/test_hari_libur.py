"""The Admin sees unchecked cuti bersama on the admin index and confirms them in the list."""

import pytest
from playwright.sync_api import expect

from pst_frontoffice.hari_libur import usulkan_yang_belum
from pst_frontoffice.kalender import hari_ini
from pst_frontoffice.models import CutiBersama

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_is_warned_and_confirms_the_proposed_cuti_bersama(page, live_server, login_browser, admin_user, layar):
    tahun = hari_ini().year
    usulkan_yang_belum(hari_ini())  # what migrate proposed (a transactional test starts from an empty table)
    login_browser(admin_user)

    page.goto(f"{live_server.url}/admin/")
    peringatan = page.locator("#peringatan-hari-libur")
    expect(peringatan).to_contain_text(f"{tahun} belum diperiksa")
    layar(page, "hari-libur-01-admin-indeks")

    page.get_by_role("link", name="Periksa cuti bersama").first.click()
    layar(page, "hari-libur-02-daftar", full_page=True)
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("tandai_diperiksa")
    with page.expect_navigation():  # the action answers with the list again
        page.locator("button[name=index]").click()

    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_text(f"{tahun} belum diperiksa")).to_have_count(0)
    assert not CutiBersama.objects.filter(tanggal__year=tahun, diperiksa=False).exists()
