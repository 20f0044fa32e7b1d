"""Masuk dengan SSO BPS in a real browser: the button, the provider's own sign-in and consent pages,
the officer's dashboard with the role held here, and Keluar ending the SSO session too."""

import re
from urllib.parse import urlsplit

import pytest
from django.utils.csp import CSP
from playwright.sync_api import expect

from pst_frontoffice.models import Peran
from sso.masuk import catat_permintaan
from tests.penyedia_oidc import SANDI_SSO, akun

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sso_peramban(sso, live_server, settings):
    """The provider also knows the live server's address; the login page's CSP lets the form go there."""
    sso.atur_ulang("http://testserver", live_server.url)
    asal = urlsplit(sso.issuer)
    settings.SECURE_CSP = {**settings.SECURE_CSP, "form-action": [CSP.SELF, f"{asal.scheme}://{asal.netloc}"]}
    return sso


def test_officer_signs_in_with_sso_bps_and_lands_on_the_dashboard_with_their_role(
    page, live_server, sso_peramban, buat_user, layar
):
    buat_user("rina@example.com", Peran.PETUGAS, nama="Rina Petugas")
    sso_peramban.atur(akun=[akun("rina.s", email="rina@example.com", name="Rina S.")])
    page.goto(f"{live_server.url}/login/")
    layar(page, "sso-01-login")

    page.get_by_role("button", name="Masuk dengan SSO BPS").click()
    expect(page.get_by_role("heading", name="Sign in to your account")).to_be_visible()
    page.get_by_label("Username or email").fill("rina.s")
    page.get_by_label("Password").fill(SANDI_SSO)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Grant access to PST Front Office")).to_be_visible()
    page.get_by_role("button", name="Yes").click()

    expect(page).to_have_url(f"{live_server.url}/dashboard/")
    expect(page.locator("nav.navbar")).to_contain_text("Rina Petugas")
    expect(page.locator("nav.navbar .badge", has_text="Petugas")).to_be_visible()
    expect(page.get_by_role("link", name="Loker", exact=True)).to_be_visible()  # the Petugas's menu
    layar(page, "sso-02-dasbor")

    page.get_by_role("button", name=re.compile("Rina Petugas")).click()
    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_role("heading", name="Do you want to log out?")).to_be_visible()
    page.get_by_role("button", name="Logout").click()
    expect(page.get_by_text("Anda sudah keluar dari aplikasi ini dan dari SSO BPS.")).to_be_visible()
    expect(page.get_by_role("button", name="Masuk dengan SSO BPS")).to_be_visible()


def test_admin_approves_a_waiting_officer_with_a_role(page, live_server, login_browser, admin_user, layar, settings):
    settings.SSO_ISSUER, settings.SSO_CLIENT_ID, settings.SSO_CLIENT_SECRET = "https://sso.example/realms/pegawai-bps", "pst", "r"
    for sub, nama in (("budi.santoso", "Budi Santoso"), ("ani.wijaya", "Ani Wijaya")):
        catat_permintaan(
            issuer=settings.SSO_ISSUER, klaim_nip="nip",
            klaim={"sub": sub, "email": f"{sub}@bps.go.id", "email_verified": True, "name": nama,
                   "preferred_username": sub, "nip": "19900101201501100" + str(len(nama) % 10)},
        )
    login_browser(admin_user)
    page.locator("#menu-admin").click()  # the Admin's own pages are one menu
    page.get_by_role("link", name=re.compile("Masuk SSO")).click()
    expect(page.get_by_role("heading", name="Permintaan Masuk SSO")).to_be_visible()
    layar(page, "sso-03-permintaan", full_page=True)

    baris = page.locator("tr", has_text="Budi Santoso")
    baris.get_by_label("Peran").select_option(label="Pimpinan")
    baris.get_by_role("button", name="Setujui").click()

    expect(page.get_by_text("Budi Santoso dapat masuk dengan SSO BPS sebagai Pimpinan")).to_be_visible()
    expect(page.locator("#daftar-permintaan tr", has_text="Budi Santoso")).to_have_count(0)
    expect(page.locator("#daftar-diputuskan")).to_contain_text("Disetujui sebagai Pimpinan")
    layar(page, "sso-04-disetujui", full_page=True)
