"""Pimpinan opens the weekly report and downloads the Excel and Word files."""

import datetime
import re

import pytest
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pimpinan_reads_the_weekly_report_and_downloads_files(page, live_server, login_browser, pimpinan, buat_layanan, petugas, layar, tmp_path):
    sekarang = timezone.now()
    for i, kode in enumerate(["konsultasi", "permintaan-data", "permintaan-data", "perpustakaan"]):
        layanan = buat_layanan(kode, waktu=sekarang - datetime.timedelta(hours=i))
        if i % 2 == 0:
            layanan.ubah_status("selesai", oleh=petugas)

    login_browser(pimpinan)
    expect(page).to_have_url(re.compile(r"/laporan/$"))
    # The week holding today (on a Monday the report opens on the week before).
    page.get_by_role("link", name="Minggu ini").click()
    expect(page.get_by_role("heading", name=re.compile("Laporan Mingguan"))).to_be_visible()
    expect(page.locator('[data-angka="layanan"]')).to_have_text("4")
    expect(page.locator("#grafik-tren")).to_be_visible()
    # Chart.js draws without animation as soon as laporan.js has made the chart.
    page.wait_for_function("document.getElementById('grafik-tren')._grafik !== undefined")
    layar(page, "20-laporan-mingguan", full_page=True)

    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh Excel").click()
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
