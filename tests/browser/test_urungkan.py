"""Urungkan from the message of a status change: by a click or the "z" key, back to the status
before, with both entries in the timeline and the focus in the service."""

import re

import pytest
from playwright.sync_api import expect

from layanan.models import Layanan, RiwayatLayanan, Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}


def test_officer_undoes_a_status_change_from_its_message(page, live_server, login_browser, petugas, buat_layanan, layar):
    layanan = buat_layanan("permintaan-data", nama="Dewi Lestari")
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/")

    # A slip: Selesai instead of Diproses.
    page.get_by_label("Status baru").select_option(label="Selesai")
    page.get_by_role("button", name="Update", exact=True).click()
    pesan = page.locator("#pesan .alert-success")
    expect(pesan).to_contain_text("menjadi Selesai")
    urungkan = pesan.get_by_role("button", name="Urungkan")
    expect(urungkan).to_be_visible()
    layar(page, "urungkan-01-pesan")
    urungkan.click()

    expect(page.locator("#pesan")).to_contain_text("Perubahan status diurungkan")
    expect(page.locator(".kepala-layanan")).to_contain_text("Diterima")
    expect(page.locator(".keadaan-layanan")).to_be_focused()
    expect(page.locator("#timeline")).to_contain_text("diurungkan")
    expect(page.locator("#timeline")).to_contain_text("Mengurungkan perubahan Diterima → Selesai")
    layar(page, "urungkan-02-kembali", full_page=True)
    layanan.refresh_from_db()
    assert layanan.status == Status.DITERIMA and layanan.selesai_pada is None

    # The keyboard way: Update, then "z" while its message shows.
    page.get_by_label("Status baru").select_option(label="Diproses")
    page.get_by_role("button", name="Update", exact=True).click()
    expect(page.locator(".keadaan-layanan")).to_be_focused()
    expect(page.locator("#pesan").get_by_role("button", name="Urungkan")).to_be_visible()
    page.keyboard.press("z")
    expect(page.locator("#pesan")).to_contain_text("kembali Diterima")
    assert Layanan.objects.get(pk=layanan.pk).status == Status.DITERIMA
    assert RiwayatLayanan.objects.filter(layanan=layanan, mengurungkan__isnull=False).count() == 2
    expect(page).to_have_url(re.compile(rf"/layanan/{layanan.pk}/$"))
