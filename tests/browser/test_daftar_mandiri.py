"""Self-registration on a phone, end to end: the visitor registers and gets a number, an officer
calls it, the Buku Tamu opens filled, Simpan, a reply-letter number, Selesai, and the visitor's
status page shows Selesai with the letter number."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from layanan.models import Layanan, NomorSurat
from tests.jam_layanan import jam_layanan_hari_ini
from tests.qr import dekode_png

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PONSEL = {"width": 390, "height": 844}


@pytest.fixture
def ponsel(konteks_baru):
    """The visitor's own phone: a separate, anonymous browser at 390×844."""
    return konteks_baru(viewport=PONSEL, has_touch=True, is_mobile=True).new_page()


def test_visitor_registers_on_a_phone_and_follows_the_service_to_selesai(
    page, live_server, login_browser, petugas, jenis, kantor, ponsel, layar
):
    cache.clear()
    jam_layanan_hari_ini(True)

    # The visitor scans the poster and fills the form on the phone.
    ponsel.goto(f"{live_server.url}/buku-tamu/daftar/")
    ponsel.get_by_label("Nama").fill("Dewi Lestari")
    ponsel.get_by_label("Instansi", exact=True).fill("Universitas Lambung Mangkurat")
    ponsel.get_by_label("Jenis Instansi").select_option(label="Perguruan tinggi / sekolah")
    ponsel.get_by_label("No. HP").fill("0812 7777 1234")
    ponsel.get_by_label("Permintaan Data").check()
    ponsel.get_by_label("Nomor Surat Permintaan").fill("012/FEB-ULM/XII/2026")
    ponsel.get_by_label("Keperluan").fill("Data IPM per kecamatan 2020–2025")
    ponsel.get_by_label(re.compile("Saya setuju")).check()
    layar(ponsel, "daftar-mandiri-01-formulir", full_page=True)
    ponsel.get_by_role("button", name="Kirim Pendaftaran").click()

    expect(ponsel.locator("#nomor-antrian")).to_have_text("D-001")
    expect(ponsel.get_by_text("Anda berikutnya")).to_be_visible()
    url_tiket = ponsel.url
    layar(ponsel, "daftar-mandiri-02-nomor", full_page=True)

    # The officer sees it marked on the Antrian tab and calls it.
    login_browser(petugas)
    page.locator(".nav-tabs").get_by_role("link", name="Antrian", exact=True).click()
    baris = page.locator("tr", has_text="D-001")
    expect(baris.get_by_text("daftar mandiri")).to_be_visible()
    layar(page, "daftar-mandiri-antrian-tab", full_page=True)
    page.get_by_role("button", name="Panggil Berikutnya").click()

    # Buku Tamu opens filled from what the visitor typed; nothing is a service yet.
    expect(page).to_have_url(re.compile(r"/buku-tamu/\?antrian=\d+$"))
    expect(page.locator("#dari-daftar-mandiri")).to_be_visible()
    expect(page.locator("#id_nama")).to_have_value("Dewi Lestari")
    expect(page.get_by_label("Nomor Surat Permintaan")).to_have_value("012/FEB-ULM/XII/2026")
    assert not Layanan.objects.exists()
    layar(page, "daftar-mandiri-03-buku-tamu", full_page=True)
    page.get_by_role("button", name="Simpan Buku Tamu").click()
    expect(page.get_by_text(re.compile("Buku tamu Dewi Lestari tersimpan"))).to_be_visible()
    layanan = Layanan.objects.get()

    # The reply-letter number, then Selesai.
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/")
    page.get_by_label("Tujuan (Yth.)").fill("Dekan Fakultas Ekonomi dan Bisnis ULM")
    page.get_by_role("button", name="Generate Nomor Surat Balasan").click()
    expect(page.locator("#nomor-surat-aktif")).to_be_visible()  # the panel is redrawn in place (HTMX)
    nomor = NomorSurat.objects.get()
    expect(page.locator("#nomor-surat-aktif")).to_have_text(nomor.nomor)
    page.get_by_label("Status baru").select_option(label="Selesai")
    page.get_by_role("button", name="Update", exact=True).click()
    expect(page.get_by_text("Selesai").first).to_be_visible()

    # Back on the phone: the ticket's page now leads to the status page.
    ponsel.goto(url_tiket)
    expect(ponsel).to_have_url(re.compile(r"/lacak/[\w-]+/$"))
    expect(ponsel.locator("#status-lacak")).to_have_text("Selesai")
    expect(ponsel.locator("#nomor-surat-lacak")).to_have_text(nomor.nomor)
    expect(ponsel.get_by_text(petugas.nama)).to_have_count(0)
    layar(ponsel, "daftar-mandiri-04-lacak-selesai", full_page=True)
    lebar = ponsel.evaluate("document.documentElement.scrollWidth")
    assert lebar <= PONSEL["width"]  # no sideways scrolling on the phone

    # The rating link given at Selesai waits on the same page, for a visitor who lost the message.
    url_lacak = ponsel.url
    ponsel.locator("#penilaian-lacak").get_by_role("link", name="Beri Penilaian").tap()
    expect(ponsel).to_have_url(re.compile(r"/r/[\w-]+/$"))
    for nomor in range(1, 10):
        ponsel.locator(f"label[for='u{nomor}-4']").tap()
    expect(ponsel.locator("#u9-4")).to_be_checked()
    ponsel.get_by_role("button", name="Kirim Penilaian").tap()
    expect(ponsel.get_by_role("heading", name="Terima kasih!")).to_be_visible()
    ponsel.goto(url_lacak)
    expect(ponsel.locator("#penilaian-lacak")).to_contain_text("Sudah dinilai")
    expect(ponsel.get_by_role("link", name="Beri Penilaian")).to_have_count(0)


def test_officer_prints_the_entrance_poster(page, live_server, login_browser, petugas, kantor, layar):
    kantor.url_publik = live_server.url  # the office's public address (Pengaturan kantor)
    kantor.save()
    login_browser(petugas)
    page.goto(f"{live_server.url}/antrian/")
    with page.expect_popup() as jendela:
        page.get_by_role("link", name="Poster Daftar Mandiri").click()
    poster = jendela.value
    expect(poster.get_by_role("heading", name=kantor.nama_kantor)).to_be_visible()
    expect(poster.locator("svg.qr-kode")).to_be_visible()
    poster.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    layar(poster, "daftar-mandiri-poster", full_page=True)
    png = poster.locator("svg.qr-kode").screenshot()
    assert dekode_png(png) == f"{live_server.url}/buku-tamu/daftar/"


def test_outside_hours_the_phone_form_leads_to_an_appointment(live_server, jenis, kantor, ponsel, layar):
    cache.clear()
    jam_layanan_hari_ini(False)  # closed today, open tomorrow

    # From the office's public page, the way a visitor at home finds the form.
    ponsel.goto(f"{live_server.url}/")
    ponsel.get_by_role("link", name="Daftar Mandiri").click()
    expect(ponsel.get_by_text("Saat ini di luar jam layanan")).to_be_visible()
    ponsel.get_by_label("Nama").fill("Andi Malam")
    ponsel.get_by_label("Email").fill("andi@contoh.id")
    ponsel.get_by_label("Konsultasi").check()
    ponsel.get_by_label("Keperluan").fill("Konsultasi metadata Susenas")
    ponsel.get_by_label(re.compile("Saya setuju")).check()
    ponsel.get_by_role("button", name="Kirim Pendaftaran").click()

    expect(ponsel.get_by_role("heading", name="Buat Janji Temu")).to_be_visible()
    ponsel.get_by_label(re.compile("No. HP")).fill("0813 1111 2222")
    layar(ponsel, "daftar-mandiri-05-janji", full_page=True)
    ponsel.get_by_role("button", name="Buat Janji Temu").click()
    expect(ponsel.locator("#janji-tercatat")).to_contain_text("Janji temu tercatat")
    layar(ponsel, "daftar-mandiri-06-janji-tercatat", full_page=True)
