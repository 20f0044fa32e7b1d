"""An officer records that the visitor of an online consultation answered (it restarts the
auto-close's silence clock) from the service page, in place."""

import pytest
from playwright.sync_api import expect

from layanan.models import RiwayatLayanan, Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_records_the_visitors_answer_in_place(page, live_server, login_browser, petugas, buat_layanan, layar):
    layanan = buat_layanan("konsultasi", sarana="online", kanal_online="whatsapp")
    layanan.ubah_status(Status.MENUNGGU, oleh=petugas, catatan="Jawaban dikirim lewat WhatsApp.")
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/")

    page.get_by_text("Catat Tanggapan Pengunjung").click()
    page.get_by_label("Tanggapan pengunjung").fill("Membalas: minta tabel per kecamatan juga.")
    page.get_by_role("button", name="Catat Tanggapan", exact=True).click()

    riwayat = page.locator("#timeline")
    expect(riwayat).to_contain_text("Membalas: minta tabel per kecamatan juga.")
    expect(riwayat).to_contain_text("Tanggapan pengunjung")
    expect(page.locator("#pesan")).to_contain_text("Tanggapan pengunjung dicatat")
    layar(page, "tanggapan-pengunjung")
    assert layanan.riwayat.filter(jenis=RiwayatLayanan.Jenis.TANGGAPAN).count() == 1
