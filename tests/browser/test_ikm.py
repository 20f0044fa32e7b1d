"""Pimpinan reads the IKM page: quick periods, a chart per element, profile tables, the Excel file;
a visitor fills the rating with the optional profile on a phone."""

import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import expect

from pst_frontoffice.skm import FIELD_UNSUR
from rating import services
from rating.models import Penilaian

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pimpinan_reads_the_ikm_page_with_charts_and_downloads_excel(page, live_server, login_browser, pimpinan, buat_layanan, petugas, layar, tmp_path):
    for i, jk in enumerate(["L", "P", ""]):
        p = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
        services.simpan_penilaian(token=p.token, jawaban={f: 3 + (i % 2) for f in FIELD_UNSUR}, profil={"jenis_kelamin": jk})

    galat = []  # JavaScript errors and CSP violations (scripts and charts come only from static/)
    page.on("console", lambda pesan: galat.append(pesan.text) if pesan.type == "error" else None)
    page.on("pageerror", lambda e: galat.append(str(e)))
    login_browser(pimpinan)
    page.goto(live_server.url + reverse("rating:ikm"))
    page.get_by_role("link", name="Minggu ini").click()
    expect(page).to_have_url(re.compile(r"periode=minggu"))
    expect(page.get_by_role("link", name="Minggu ini")).to_have_attribute("aria-current", "page")
    expect(page.locator("canvas[id^=grafik-u]")).to_have_count(9)
    # Chart.js drew every element's chart (it sizes the canvas it owns).
    page.wait_for_function("() => [...document.querySelectorAll('canvas[id^=grafik-u]')].every(c => c._grafik)")
    expect(page.locator("#profil-jenis_kelamin")).to_contain_text("Perempuan")
    layar(page, "30-ikm", full_page=True)

    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh Excel").click()
    xlsx = tmp_path / unduhan.value.suggested_filename
    unduhan.value.save_as(xlsx)
    baris = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert next(b for b in baris if b[0] == "Keseluruhan")[2] == 3
    assert galat == []


def test_visitor_fills_the_profile_on_a_phone(konteks_baru, live_server, buat_layanan, petugas, layar):
    penilaian = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
    konteks = konteks_baru(viewport={"width": 360, "height": 740}, is_mobile=True)
    hp = konteks.new_page()
    hp.goto(f"{live_server.url}{penilaian.get_absolute_url()}")
    for f in FIELD_UNSUR:
        hp.locator(f"label[for={f}-4]").click()
    hp.get_by_label("Jenis kelamin").select_option(label="Perempuan")
    hp.get_by_label("Pekerjaan utama").select_option(label="Pelajar/Mahasiswa")
    layar(hp, "31-rating-profil", full_page=True)
    hp.get_by_role("button", name="Kirim Penilaian").click()
    expect(hp).to_have_url(re.compile(r"/terima-kasih/$"))
    konteks.close()

    penilaian = Penilaian.objects.get(pk=penilaian.pk)
    assert (penilaian.jenis_kelamin, penilaian.pekerjaan, penilaian.pendidikan) == ("P", "pelajar", "")
