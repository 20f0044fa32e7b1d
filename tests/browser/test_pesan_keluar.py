"""Messages sent by themselves, seen from the browser: an officer sets a data request to Selesai and
the (fake, real-HTTP) WhatsApp gateway receives the rating link at the visitor's number; with the
Cloud API, the Outbox then shows it delivered and read from the fake's signed webhooks."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from bukutamu.bawaan import KODE_KONSULTASI, KODE_PERMINTAAN_DATA
from pesan import gateway as aturan_gateway
from pesan import outbox as antrean
from pesan.models import PengaturanGateway, PesanKeluar, PesanMasuk, StatusPesan, TemplatWA

from ..pengirim_palsu import GatewayPalsu, GraphApiPalsu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gateway_palsu(admin_user, alamat_publik):
    g = GatewayPalsu().mulai()
    pengaturan = PengaturanGateway.get()
    pengaturan.aktif, pengaturan.url_api = True, g.url
    aturan_gateway.simpan_gateway(pengaturan, token_baru=g.token, oleh=admin_user)
    yield g
    g.berhenti()


def jalankan_worker():
    call_command("worker_pesan", "--batch", "--no-startup-delay", verbosity=0)


def test_selesai_mengirim_tautan_rating_ke_no_hp_pengunjung(
    page, live_server, login_browser, petugas, buat_layanan, gateway_palsu, layar, alamat_publik
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
    assert f"{alamat_publik}/r/{layanan.penilaian.token}/" in gateway_palsu.terkirim[0]["pesan"]
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
    page.locator("#menu-admin").click()  # the Admin's own pages are one menu
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


def test_outbox_menunjukkan_pesan_diterima_lalu_dibaca_dari_webhook_cloud_api(
    page, live_server, login_browser, petugas, admin_user, buat_layanan, alamat_publik, layar
):
    graph = GraphApiPalsu(templat={("tautan_rating", "id"): 2}).mulai()
    try:
        graph.url_webhook = live_server.url + "/webhook/whatsapp/"
        pengaturan = PengaturanGateway.get()
        pengaturan.aktif, pengaturan.penyedia = True, "cloud_api"
        pengaturan.url_api, pengaturan.phone_number_id = graph.url + "/v21.0", graph.phone_number_id
        aturan_gateway.simpan_gateway(pengaturan, token_baru=graph.token, app_secret_baru=graph.app_secret, oleh=admin_user)
        TemplatWA.objects.create(peristiwa="rating", nama="tautan_rating", bahasa="id", parameter="nama,url")
        layanan = buat_layanan(KODE_KONSULTASI, nama="Dewi Lestari", no_hp="0812 9876 5432")

        login_browser(petugas)
        page.goto(f"{live_server.url}/layanan/{layanan.pk}/")
        page.get_by_label(re.compile(r"^\s*Status baru")).select_option(label="Selesai")
        page.get_by_role("button", name="Update").click()
        expect(page.get_by_text("menjadi Selesai.")).to_be_visible()
        jalankan_worker()
        (kirim,) = graph.terkirim
        assert kirim["template"]["name"] == "tautan_rating"

        page.context.clear_cookies()
        login_browser(admin_user)
        page.goto(f"{live_server.url}/outbox/")
        baris = page.locator("tbody tr").filter(has_text="Tautan rating")
        expect(baris.locator(".badge")).to_have_text("Terkirim")

        assert graph.laporkan(kirim["id"], "delivered") == 200
        page.reload()
        expect(baris.locator(".badge")).to_have_text("Diterima")
        assert graph.laporkan(kirim["id"], "read") == 200
        page.reload()
        expect(baris.locator(".badge")).to_have_text("Dibaca")
        expect(baris).to_contain_text("template tautan_rating")
        layar(page, "pesan-04-outbox-dibaca", full_page=True)

        page.goto(f"{live_server.url}/layanan/{layanan.pk}/")
        expect(page.locator("#timeline")).to_contain_text("WhatsApp ke 0812-9876-5432 (Tautan rating): dibaca pengunjung.")

        page.goto(f"{live_server.url}/outbox/template/")
        expect(page.get_by_role("heading", name="Template WhatsApp")).to_be_visible()
        layar(page, "pesan-05-template", full_page=True)
        page.goto(f"{live_server.url}/outbox/gateway/")
        expect(page.locator("#url-webhook-cloud")).to_have_text(f"{alamat_publik}/webhook/whatsapp/")
        layar(page, "pesan-06-gateway-webhook", full_page=True)
    finally:
        graph.berhenti()


def test_petugas_melihat_pesan_masuk_dari_nomor_tak_dikenal(page, live_server, login_browser, petugas, layar):
    PesanMasuk.objects.create(penyedia="cloud_api", id_penyedia="wamid.tamu", dari="6285700001111",
                              nama_profil="Tamu", isi="Apakah kantor buka hari Sabtu?")
    login_browser(petugas)
    page.get_by_role("link", name="Pesan Masuk").click()
    baris = page.locator("#pesan-masuk-" + str(PesanMasuk.objects.get().pk))
    expect(baris).to_contain_text("Tidak terhubung ke layanan")
    layar(page, "pesan-07-pesan-masuk", full_page=True)
    baris.get_by_role("button", name="Tandai ditangani").click()
    expect(page.get_by_text("Pesan ditandai sudah ditangani.")).to_be_visible()
    expect(page.get_by_text("Tidak ada pesan masuk yang menunggu ditangani.")).to_be_visible()
