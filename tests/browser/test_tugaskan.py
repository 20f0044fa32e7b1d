"""Tugaskan on Semua Layanan: tick rows, pick an officer, confirm; back to the list as it was."""

import re

import pytest
from playwright.sync_api import expect

from layanan.models import Layanan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}


def test_officer_assigns_several_services_in_one_step(page, live_server, login_browser, petugas, petugas2, buat_layanan, layar):
    for nama in ("Dewi Lestari", "Budi Santoso", "Sari Wulandari"):
        buat_layanan(nama=nama, oleh=petugas)
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/?urut=pengunjung")
    bilah = page.locator("#form-tugaskan")
    expect(bilah).to_be_hidden()

    page.get_by_label(re.compile("Pilih layanan #\\d+ Dewi Lestari")).check()
    page.get_by_label(re.compile("Pilih layanan #\\d+ Budi Santoso")).check()
    expect(bilah).to_be_visible()
    expect(bilah).to_contain_text("2 layanan dipilih")
    bilah.get_by_label("tugaskan ke").select_option(label="Ahmad Petugas")
    layar(page, "tugaskan-01-pilih")
    bilah.get_by_role("button", name="Tugaskan…").click()

    expect(page.get_by_role("heading", name="Tugaskan 2 layanan ke Ahmad Petugas?")).to_be_visible()
    expect(page.locator("#akan-ditugaskan li")).to_have_count(2)
    layar(page, "tugaskan-02-konfirmasi")
    page.get_by_role("button", name="Ya, Tugaskan 2 Layanan").click()

    expect(page).to_have_url(re.compile(r"/layanan/\?urut=pengunjung$"))
    expect(page.locator("#pesan")).to_contain_text("2 layanan ditugaskan ke Ahmad Petugas.")
    expect(page.locator("tbody tr", has_text="Dewi Lestari")).to_contain_text("Ahmad Petugas")
    expect(page.locator("tbody tr", has_text="Sari Wulandari")).to_contain_text("Rina Petugas")
    assert Layanan.objects.filter(petugas=petugas2).count() == 2

    # "Pilih semua" ticks the page's rows.
    page.get_by_label("Pilih semua layanan di halaman ini").check()
    expect(bilah).to_contain_text("3 layanan dipilih")
