"""The strict Content Security Policy breaks nothing: officer pages with HTMX, and Django admin."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import KATA_SANDI

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pelanggaran_csp(page):
    """Every CSP violation the browser reports on this page, as text."""
    daftar = []
    page.on("console", lambda pesan: daftar.append(pesan.text) if "Content Security Policy" in pesan.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', function (e) {"
        " console.error('Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI); });"
    )
    return daftar


def test_officer_pages_and_htmx_work_under_the_csp(page, live_server, login_browser, petugas, jenis, pelanggaran_csp):
    login_browser(petugas)
    expect(page).to_have_url(re.compile(r"/dashboard/$"))

    # HTMX (loaded with the nonce) swaps the tab in; app.js toggles the letter field.
    page.locator(".nav-tabs").get_by_role("link", name="Buku Tamu", exact=True).click()
    expect(page).to_have_url(re.compile(r"/buku-tamu/$"))
    surat = page.get_by_label(re.compile(r"^\s*Nomor Surat Permintaan"))
    expect(surat).to_be_hidden()
    page.get_by_label(re.compile(r"^\s*Permintaan Data\s*$")).check()
    expect(surat).to_be_visible()
    # Bootstrap's JavaScript runs too: the user menu opens.
    page.get_by_role("button", name=re.compile(petugas.nama)).click()
    expect(page.get_by_role("link", name="Ganti Kata Sandi")).to_be_visible()

    assert pelanggaran_csp == []


def test_pimpinan_reports_with_charts_work_under_the_csp(
    page, live_server, login_browser, pimpinan, buat_layanan, pelanggaran_csp
):
    buat_layanan()
    login_browser(pimpinan)
    page.goto(f"{live_server.url}/laporan/")
    expect(page.locator("canvas").first).to_be_visible()
    # Every chart made (laporan.js keeps it on its canvas) and one frame drawn: all scripts have run.
    page.wait_for_function("() => [...document.querySelectorAll('canvas')].every((c) => c._grafik)")
    page.wait_for_function("() => new Promise((selesai) => requestAnimationFrame(() => selesai(true)))")

    assert pelanggaran_csp == []


def test_admin_login_and_a_change_form_work_under_the_csp(page, live_server, admin_user, pelanggaran_csp, layar):
    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.locator("#id_username").fill(admin_user.email)
    page.locator("#id_password").fill(KATA_SANDI)
    layar(page, "keamanan-admin-login", full_page=True)
    page.locator("input[type=submit]").click()
    expect(page.get_by_role("heading", name="Pengelolaan data")).to_be_visible()

    page.goto(f"{live_server.url}/admin/pst_frontoffice/user/{admin_user.pk}/change/")
    nama = page.locator("#id_nama")
    nama.fill("Admin Kantor Baru")
    layar(page, "keamanan-admin-ubah-pengguna", full_page=True)
    page.get_by_role("button", name=re.compile(r"^Simpan$")).click()
    expect(page.locator(".messagelist")).to_contain_text("Admin Kantor Baru")

    # The activity log shows that change, read-only.
    page.goto(f"{live_server.url}/admin/pst_frontoffice/logaktivitas/")
    expect(page.locator("#result_list")).to_contain_text("Admin: ubah")
    layar(page, "keamanan-log-aktivitas", full_page=True)

    assert pelanggaran_csp == []


def test_a_locked_out_login_shows_the_indonesian_page(page, live_server, petugas, pelanggaran_csp, layar):
    for _ in range(5):
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Email").fill(petugas.email)
        page.get_by_label("Kata sandi").fill("salah-sekali")
        page.get_by_role("button", name="Login").click()
    expect(page.get_by_role("heading", name="Login dikunci sementara")).to_be_visible()
    expect(page.get_by_text("coba lagi setelah 15 menit")).to_be_visible()
    layar(page, "keamanan-login-terkunci", full_page=True)
    assert pelanggaran_csp == []
