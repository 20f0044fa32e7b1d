"""The officer's main path in the officers' user guide (login, Buku Tamu, Layanan Saya, status updates) in a
real browser."""

import re

import pytest
from playwright.sync_api import expect

from bukutamu.models import Pengunjung
from layanan.models import Layanan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab(page, nama):
    return page.locator(".nav-tabs").get_by_role("link", name=nama, exact=True)


def field(page, label):
    """The input labelled exactly `label` (required fields carry a trailing asterisk)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))


def isi_buku_tamu(page, *, nama, instansi, no_hp, email, keperluan, jenis=("Permintaan Data",)):
    field(page, "Nama").fill(nama)
    field(page, "Instansi").fill(instansi)
    field(page, "No. HP").fill(no_hp)
    field(page, "Email").fill(email)
    # Let the visitor suggestions (HTMX, debounced) arrive before clicking below them.
    expect(page.locator("#saran-pengunjung")).to_contain_text(email)
    for j in jenis:
        field(page, j).check()
    field(page, "Keperluan").fill(keperluan)


def test_officer_runs_the_guest_book_to_selesai(page, live_server, login_browser, petugas, jenis, layar):
    login_browser(petugas)
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(tab(page, "Dashboard")).to_have_class(re.compile("active"))
    layar(page, "01-dashboard", full_page=True)

    # Buku Tamu by HTMX tab: the URL changes, the page does not reload.
    tab(page, "Buku Tamu").click()
    expect(page).to_have_url(re.compile(r"/buku-tamu/$"))
    expect(page.get_by_role("button", name="Simpan Buku Tamu")).to_be_visible()
    # The request-letter field appears only once Permintaan Data is ticked.
    expect(field(page, "Nomor Surat Permintaan")).to_be_hidden()
    isi_buku_tamu(page, nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat", no_hp="0812 9876 5432",
                  email="dewi@ulm.ac.id", keperluan="Data IPM kecamatan 2020–2025")
    expect(field(page, "Nomor Surat Permintaan")).to_be_visible()
    field(page, "Nomor Surat Permintaan").fill("012/FEB-ULM/XI/2026")
    layar(page, "02-buku-tamu", full_page=True)
    page.get_by_role("button", name="Simpan Buku Tamu").click()

    expect(page).to_have_url(re.compile(r"/layanan/saya/$"))
    expect(page.get_by_text("Buku tamu Dewi Lestari tersimpan")).to_be_visible()
    expect(page.get_by_role("cell", name=re.compile("Dewi Lestari"))).to_be_visible()

    # Second visit: typing part of the name suggests her; choosing fills the identity.
    tab(page, "Buku Tamu").click()
    field(page, "Nama").press_sequentially("Lest", delay=30)
    saran = page.get_by_role("option", name=re.compile("Dewi Lestari"))
    expect(saran).to_be_visible()
    saran.click()
    expect(field(page, "No. HP")).to_have_value("081298765432")
    expect(field(page, "Email")).to_have_value("dewi@ulm.ac.id")
    field(page, "Konsultasi").check()
    field(page, "Keperluan").fill("Cara membaca tabel IPM")
    page.get_by_role("button", name="Simpan Buku Tamu").click()
    expect(page).to_have_url(re.compile(r"/layanan/saya/$"))
    assert Pengunjung.objects.count() == 1
    layar(page, "03-layanan-saya", full_page=True)

    # Layanan Saya → Update along the flow to Selesai; the timeline shows each step.
    data = Layanan.objects.get(jenis__kode="permintaan-data")
    page.locator("tr", has_text="Permintaan Data").get_by_role("link", name="Update").click()
    expect(page).to_have_url(re.compile(rf"/layanan/{data.pk}/#update$"))
    expect(page.get_by_role("link", name="Kirim Notifikasi ke Grup WA")).to_have_attribute("href", re.compile(r"^https://wa\.me/\?text="))
    expect(page.get_by_role("link", name="Drive Kumpulan Data")).to_have_attribute("target", "_blank")
    for status in ("Diproses", "Siap Diambil", "Selesai"):
        field(page, "Status baru").select_option(label=status)
        page.get_by_role("button", name="Update").click()
        expect(page.get_by_text(f"menjadi {status}.")).to_be_visible()
    expect(page.locator("#timeline li")).to_have_count(4)
    expect(page.locator("#timeline")).to_contain_text("Siap Diambil → Selesai")
    layar(page, "04-detail-selesai", full_page=True)
    data.refresh_from_db()
    assert data.status == "selesai"

    tab(page, "Semua Layanan").click()
    expect(page).to_have_url(re.compile(r"/layanan/$"))
    expect(page.get_by_role("heading", name="Semua Layanan")).to_be_visible()
    page.get_by_text("Filter", exact=True).click()
    field(page, "Status").select_option(label="Selesai")
    page.get_by_role("button", name="Terapkan").click()
    expect(page.locator("#daftar-layanan tbody tr")).to_have_count(1)
    layar(page, "05-semua-layanan", full_page=True)


def test_tabs_work_with_reload_and_back_button(page, live_server, login_browser, petugas, jenis):
    login_browser(petugas)
    tab(page, "Layanan Saya").click()
    expect(page).to_have_url(re.compile(r"/layanan/saya/$"))
    tab(page, "Buku Tamu").click()
    expect(page).to_have_url(re.compile(r"/buku-tamu/$"))

    page.go_back()
    expect(page).to_have_url(re.compile(r"/layanan/saya/$"))
    expect(page.get_by_role("heading", name="Layanan Saya")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Layanan Saya")).to_be_visible()
    expect(page.locator(".nav-tabs .active")).to_have_text(re.compile("Layanan Saya"))


def test_guest_book_error_keeps_what_was_typed(page, live_server, login_browser, petugas, jenis):
    login_browser(petugas)
    page.goto(f"{live_server.url}/buku-tamu/")
    isi_buku_tamu(page, nama="Budi", instansi="Dinas", no_hp="08ab", email="budi@", keperluan="Data inflasi")
    page.get_by_role("button", name="Simpan Buku Tamu").click()

    expect(page.get_by_text("No. HP hanya boleh berisi angka")).to_be_visible()
    expect(field(page, "Nama")).to_have_value("Budi")
    expect(field(page, "Keperluan")).to_have_value("Data inflasi")
    expect(field(page, "Permintaan Data")).to_be_checked()
