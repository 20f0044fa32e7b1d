"""Pimpinan opens the weekly report and downloads the Excel and Word files. The Excel is made by the
worker: the page shows its progress and offers the file when it is ready, without a reload."""

import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

from pst_frontoffice.kalender import awal_hari

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pimpinan_reads_the_weekly_report_and_downloads_files(page, live_server, login_browser, pimpinan, buat_layanan, petugas, layar, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Four services spread over today so far, in the office's day. "One an hour" put the older ones
    # in last week during the first hours of a Monday, and the week held 1 instead of 4.
    sekarang = timezone.now()
    sejak_tengah_malam = sekarang - awal_hari(timezone.localdate())
    for i, kode in enumerate(["konsultasi", "permintaan-data", "permintaan-data", "perpustakaan"]):
        layanan = buat_layanan(kode, waktu=sekarang - sejak_tengah_malam * i / 4)
        if i % 2 == 0:
            layanan.ubah_status("selesai", oleh=petugas)

    login_browser(pimpinan)
    expect(page).to_have_url(re.compile(r"/laporan/$"))
    # The week holding today (on a Monday the report opens on the week before).
    page.get_by_role("link", name="Minggu ini").click()
    expect(page.get_by_role("heading", name=re.compile("Laporan Mingguan"))).to_be_visible()
    expect(page.locator('[data-angka="layanan"]')).to_have_text("4")
    expect(page.locator("#grafik-tren")).to_be_visible()
    # The charts are made (laporan.js keeps each on its canvas) and drawn (one frame) before the screenshot.
    page.wait_for_function("() => [...document.querySelectorAll('canvas')].every((c) => c._grafik)")
    page.wait_for_function("() => new Promise((selesai) => requestAnimationFrame(() => selesai(true)))")
    layar(page, "20-laporan-mingguan", full_page=True)

    page.set_viewport_size({"width": 1366, "height": 768})  # an officer's laptop, for the screenshots below
    page.get_by_role("button", name="Unduh Excel").click()
    status = page.locator("#unduhan-laporan .unduhan-status")
    expect(status).to_have_attribute("data-status", "menunggu")
    expect(status.locator("progress")).to_be_visible()
    layar(page, "21-laporan-excel-menunggu")
    # The worker takes the file (here in this process) while the page keeps asking how far it is.
    call_command("worker_pesan", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    expect(status).to_have_attribute("data-status", "siap", timeout=15_000)
    layar(page, "22-laporan-excel-siap")
    with page.expect_download() as unduhan:
        status.get_by_role("link", name=re.compile(r"^Unduh laporan-pst-.*\.xlsx")).click()
    xlsx = tmp_path / unduhan.value.suggested_filename
    unduhan.value.save_as(xlsx)
    assert xlsx.suffix == ".xlsx"
    nilai = {r[0]: r[1] for r in load_workbook(xlsx)["Ringkasan"].iter_rows(min_row=3, values_only=True)}
    assert nilai["Layanan"] == 4 and nilai["Layanan selesai"] == 2

    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh Word").click()
    docx = tmp_path / unduhan.value.suggested_filename
    unduhan.value.save_as(docx)
    teks = "\n".join(p.text for p in Document(docx).paragraphs)
    assert "Laporan Mingguan" in teks

    # The figure opens the list it counts.
    page.locator("#tabel-jenis").get_by_role("link", name="2").first.click()
    expect(page).to_have_url(re.compile(r"/laporan/rincian/\?"))
    expect(page.locator("#jumlah-rincian")).to_have_text("2")
    expect(page.locator("#tabel-rincian tbody tr")).to_have_count(2)
