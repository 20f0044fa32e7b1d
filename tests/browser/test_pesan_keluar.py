"""Messages sent by themselves, seen from the browser: an officer sets a data request to Selesai and
the (fake, real-HTTP) WhatsApp gateway receives the rating link at the visitor's number."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from bukutamu.bawaan import KODE_PERMINTAAN_DATA
from pesan import gateway as aturan_gateway
from pesan import outbox as antrean
from pesan.models import PengaturanGateway, PesanKeluar, StatusPesan

from ..pengirim_palsu import GatewayPalsu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gateway_palsu(admin_user):
    g = GatewayPalsu().mulai()
    pengaturan = PengaturanGateway.get()
    pengaturan.aktif, pengaturan.url_api = True, g.url
    aturan_gateway.simpan_gateway(pengaturan, token_baru=g.token, oleh=admin_user)
    yield g
    g.berhenti()


def jalankan_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_selesai_mengirim_tautan_rating_ke_no_hp_pengunjung(
    page, live_server, login_browser, petugas, buat_layanan, gateway_palsu, layar
):
    layanan = buat_layanan(KODE_PERMINTAAN_DATA, nama="Dewi Lestari", no_hp="0812 9876 5432")
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/")
    page.get_by_label(re.compile(r"^\s*Status baru")).select_option(label="Selesai")
    page.get_by_role("button", name="Update").click()
    expect(page.get_by_text("menjadi Selesai.")).to_be_visible()
    assert gateway_palsu.permintaan == []  # the officer's click did not wait for the gateway

    jalankan_worker()

    layanan.refresh_from_db()
    targets = [p["target"] for p in gateway_palsu.terkirim]
    assert targets == ["6281298765432", "6281298765432"]  # rating, then SKD for a data request
    assert f"{live_server.url}/r/{layanan.penilaian.token}/" in gateway_palsu.terkirim[0]["pesan"]
    assert "Dewi Lestari" in gateway_palsu.terkirim[0]["pesan"]

    page.reload()
    expect(page.locator("#timeline")).to_contain_text("WhatsApp ke 0812-9876-5432 (Tautan rating), percobaan 1: terkirim.")
    layar(page, "pesan-01-riwayat-terkirim", full_page=True)


def test_admin_melihat_outbox_dan_pengaturan_gateway(page, live_server, login_browser, admin_user, buat_layanan, gateway_palsu, layar):
    layanan = buat_layanan(KODE_PERMINTAAN_DATA, nama="Budi", no_hp="0812 1111 2222")
    gateway_palsu.jawab(500, {"detail": "down"})
    antrean.ke_pengunjung(layanan, peristiwa="rating", teks="Tautan rating", subjek="s", oleh=admin_user)
    jalankan_worker()
    PesanKeluar.objects.update(status=StatusPesan.GAGAL)
    login_browser(admin_user)
    expect(page.locator("#outbox-gagal")).to_have_text("1 gagal")  # the Admin's warning on every page
    page.get_by_role("link", name=re.compile(r"^Outbox")).click()
    expect(page.get_by_role("heading", name="Outbox")).to_be_visible()
    expect(page.locator("#peringatan-gagal")).to_be_visible()
    layar(page, "pesan-02-outbox", full_page=True)
    page.get_by_role("button", name="Kirim Ulang").click()
    expect(page.get_by_text("diantrekan ulang")).to_be_visible()
    jalankan_worker()
    assert PesanKeluar.objects.get().status == StatusPesan.TERKIRIM

    page.get_by_role("link", name="Pengaturan Gateway WA").click()
    expect(page.locator("#token-tersimpan")).to_have_text("••••••••1234")
    layar(page, "pesan-03-gateway", full_page=True)
