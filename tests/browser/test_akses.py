"""Ownership and data safety in the browser: the Rating button makes the link, a removed data item
comes back with Kembalikan."""

import re

import pytest
from playwright.sync_api import expect

from layanan.models import ItemData, PermintaanData
from rating.models import Penilaian

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_rating_panel_opened_by_address_offers_the_button_and_makes_the_link_on_click(
    page, live_server, login_browser, petugas, buat_layanan, layar
):
    layanan = buat_layanan("konsultasi", nama="Rudi Hartono")
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/rating/")
    expect(page.get_by_role("button", name="Buat Tautan Rating")).to_be_visible()
    expect(page.locator(".qr-kode")).to_have_count(0)
    assert not Penilaian.objects.exists()  # opening the page made nothing
    layar(page, "akses-01-panel-tanpa-tautan", full_page=True)

    page.get_by_role("button", name="Buat Tautan Rating").click()
    expect(page.locator(".qr-kode").first).to_be_visible()
    token = Penilaian.objects.get(layanan=layanan).token
    expect(page.locator("#tautan-rating")).to_have_text(re.compile(re.escape(token)))
    layar(page, "akses-02-panel-dengan-tautan", full_page=True)


def test_officer_removes_a_data_item_and_puts_it_back(page, live_server, login_browser, petugas, buat_layanan, layar):
    layanan = buat_layanan("permintaan-data", nama="Dewi Lestari")
    permintaan = PermintaanData.untuk(layanan)
    permintaan.item.create(topik="IPM", periode="2020–2025", tingkat_wilayah="kecamatan")
    permintaan.item.create(topik="Penduduk", periode="2025", tingkat_wilayah="desa")
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/permintaan-data/")

    page.get_by_label("Hapus Penduduk").check()
    page.get_by_role("button", name="Simpan Rincian").click()
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/permintaan-data/")
    kotak = page.locator("#item-dihapus")
    expect(kotak).to_contain_text("Penduduk, 2025, Desa/Kelurahan")
    expect(kotak).to_contain_text("Rina Petugas")
    layar(page, "akses-03-item-dihapus", full_page=True)

    kotak.get_by_role("button", name="Kembalikan").click()
    expect(page.get_by_text("Item data dikembalikan: Penduduk, 2025, Desa/Kelurahan.")).to_be_visible()
    expect(page.locator("#item-dihapus")).to_have_count(0)
    assert [i.topik for i in permintaan.item.all()] == ["IPM", "Penduduk"]
    assert ItemData.semua.count() == 2
