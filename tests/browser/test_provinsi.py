"""The province roll-up in a browser: an office Admin installs the key the province gave; a province's
Pimpinan reads every office side by side, opens one office and downloads the Excel file."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from provinsi import kantor as aturan_kantor
from provinsi import penerimaan, tandatangan
from provinsi.kiriman import badan
from provinsi.models import KirimanHarian, SambunganProvinsi, StatusKiriman
from tests.test_provinsi_penerimaan import amplop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def isi_provinsi(settings, kantor):
    """This server as a province instance with two offices that sent the last days; returns yesterday."""
    settings.MODE_PROVINSI = True
    settings.LOGIN_REDIRECT_URL = "provinsi:index"
    kantor.nama_kantor = "BPS Provinsi Kalimantan Selatan"
    kantor.save()
    kemarin = timezone.localdate() - datetime.timedelta(days=1)
    # Kotabaru has been silent for four days.
    for kode, nama, hari, diam in (("6310", "BPS Kabupaten Tanah Bumbu", 6, 0), ("6302", "BPS Kabupaten Kotabaru", 2, 4)):
        k, _ = aturan_kantor.daftarkan(kode=kode, nama=nama)
        for i in range(hari):
            t = kemarin - datetime.timedelta(days=diam + i)
            isi = amplop(t, kode=kode, zona=kantor.zona_waktu, dihitung_pada=timezone.now(), layanan=2 + i)
            penerimaan.simpan(k, penerimaan.baca_amplop(badan(isi), kode=kode, sekarang=timezone.now()))
    return kemarin


@pytest.fixture
def provinsi_berisi(settings, kantor):
    return isi_provinsi(settings, kantor)


def test_the_office_admin_installs_the_provinces_key(page, live_server, login_browser, admin_user, settings, layar):
    settings.PROVINSI_URL = "https://pst.bps-kalsel.go.id"
    KirimanHarian.objects.create(tanggal=datetime.date(2026, 11, 30), status=StatusKiriman.DITOLAK,
                                 alasan="Ditolak provinsi: Tanda tangan tidak cocok (isi diubah atau kunci salah)", percobaan=1)
    login_browser(admin_user)
    page.locator("#menu-admin").click()  # the Admin's own pages are one menu
    page.get_by_role("link", name="Provinsi").click()
    expect(page.get_by_role("heading", name="Kiriman Provinsi")).to_be_visible()
    expect(page.locator("#kiriman-2026-11-30")).to_contain_text("Tanda tangan tidak cocok")
    page.get_by_label("Kunci dari provinsi").fill(tandatangan.buat_kunci("6310"))
    page.get_by_role("button", name="Simpan Kunci").click()
    expect(page.locator("#pesan")).to_contain_text("Kunci untuk kantor 6310 dipasang")
    expect(page.locator("#sambungan")).to_contain_text("Terpasang untuk kode kantor 6310")
    expect(page.locator("#kiriman-2026-11-30")).to_have_attribute("data-status", "menunggu")
    assert SambunganProvinsi.get().kode_kantor == "6310"
    layar(page, "provinsi-kiriman-kantor", full_page=True)


def test_the_provinces_head_reads_every_office_and_opens_one(page, live_server, login_browser, pimpinan, provinsi_berisi, layar):
    login_browser(pimpinan)
    expect(page.get_by_role("heading", name="Rekap Pelayanan Statistik Terpadu Provinsi")).to_be_visible()
    # The month holding the last day sent: on the 1st that is last month, as the head would pick it.
    bulan = "Bulan ini" if provinsi_berisi.month == timezone.localdate().month else "Bulan lalu"
    page.get_by_role("link", name=bulan).click()
    tabel = page.locator("#tabel-kantor")
    expect(tabel.locator('[data-kantor="6310"]')).to_be_visible()
    expect(page.locator("#kantor-diam")).to_contain_text("BPS Kabupaten Kotabaru")
    layar(page, "provinsi-rekap", full_page=True)
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh Excel").click()
    wb = load_workbook(io.BytesIO(open(unduhan.value.path(), "rb").read()), read_only=True)
    assert wb.sheetnames[0] == "Per Kantor"
    tabel.get_by_role("link", name="BPS Kabupaten Tanah Bumbu").click()
    expect(page.get_by_role("heading", name="BPS Kabupaten Tanah Bumbu")).to_be_visible()
    expect(page.locator("#tabel-hari tbody tr").first).to_contain_text(provinsi_berisi.strftime("%Y"))
    layar(page, "provinsi-rinci-kantor")

    # The same two pages on the head's phone: nothing wider than the screen, wide tables scroll in their box.
    page.set_viewport_size({"width": 390, "height": 844})
    for halaman in (page.url, page.get_by_role("link", name="Rekap Provinsi").get_attribute("href")):
        page.goto(halaman if halaman.startswith("http") else live_server.url + halaman)
        expect(page.locator("h1")).to_be_visible()
        lebar = page.evaluate("document.documentElement.scrollWidth")
        assert lebar <= 390, f"{halaman}: halaman {lebar} px, layar 390 px"
    layar(page, "provinsi-rekap-ponsel", full_page=True)
