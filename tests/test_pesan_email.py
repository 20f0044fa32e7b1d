"""E-mail has its own words; every visitor message links to the status page on the office's public
address, whatever process queues it; demo data never queue a message."""

import datetime
import email

import pytest
from django.core.management import call_command
from django.utils import timezone

from bukutamu.bawaan import KODE_KONSULTASI, KODE_PERMINTAAN_DATA
from layanan.models import RiwayatLayanan, Status
from pesan import gateway as aturan_gateway
from pesan.models import KanalPesan, PengaturanGateway, PesanKeluar
from pst_frontoffice.models import PengaturanKantor

from .pengirim_palsu import GatewayPalsu, SmtpPalsu

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def smtp_palsu(settings):
    s = SmtpPalsu().mulai()
    settings.SMTP_AKTIF = True
    settings.MAILERS = {"default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": s.port, "use_tls": False, "use_ssl": False, "timeout": 5},
    }}
    yield s
    s.berhenti()


@pytest.fixture
def gateway_aktif(admin_user, settings):
    settings.PESAN_BATAS_WAKTU_DETIK = 2
    g = GatewayPalsu().mulai()
    pengaturan = PengaturanGateway.get()
    pengaturan.aktif, pengaturan.url_api = True, g.url
    aturan_gateway.simpan_gateway(pengaturan, token_baru=g.token, oleh=admin_user)
    yield g
    g.berhenti()


def bagian(surat, tipe):
    return next(
        b for b in email.message_from_bytes(surat.content).walk() if b.get_content_type() == tipe
    ).get_payload(decode=True).decode()


def test_email_siap_diambil_teks_biasa_dan_html_tanpa_markah_wa_atau_baris_kosong(
    smtp_palsu, gateway_aktif, alamat_publik, buat_layanan, petugas, kantor
):
    layanan = buat_layanan(KODE_PERMINTAAN_DATA, email="sari@contoh.id", no_hp="6281298765432")
    layanan.ubah_status(Status.SIAP_DIAMBIL, oleh=petugas)
    call_command("worker_pesan", "--batch", "--no-startup-delay", verbosity=0)

    (surat,) = smtp_palsu.surat
    teks, html = bagian(surat, "text/plain"), bagian(surat, "text/html")
    lacak = f"https://pst.contoh.go.id/lacak/{layanan.token_lacak}/"
    assert "berstatus Siap Diambil." in teks and "*" not in teks
    assert "Nomor surat balasan" not in teks  # no letter number yet: the line goes, not "…: -"
    assert lacak in teks
    assert f"<h1>PST {kantor.nama_kantor}</h1>" in html and f'<a href="{lacak}">' in html and "*" not in html
    # WhatsApp keeps its own markup, without the empty line either, and with the same status link.
    (wa,) = gateway_aktif.terkirim
    assert "*Siap Diambil*" in wa["pesan"] and "Nomor surat balasan" not in wa["pesan"] and lacak in wa["pesan"]


def test_tanpa_alamat_publik_tidak_ada_pesan_diantrekan_dan_outbox_memberi_tahu(
    smtp_palsu, gateway_aktif, buat_layanan, petugas, client, admin_user
):
    layanan = buat_layanan(KODE_KONSULTASI, email="budi@contoh.id", no_hp="6281298765432")
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    assert PesanKeluar.objects.count() == 0
    client.force_login(admin_user)
    assert 'id="peringatan-alamat"' in client.get("/outbox/").content.decode()


def test_gateway_tidak_dapat_diaktifkan_tanpa_alamat_publik(client, admin_user):
    client.force_login(admin_user)
    jawab = client.post("/outbox/gateway/", {
        "aktif": "on", "penyedia": "fonnte", "url_api": "https://api.fonnte.com", "token": "token-1234", "grup_id": "",
    })
    assert jawab.status_code == 400
    assert "Isi Alamat publik aplikasi di Pengaturan kantor dulu" in jawab.content.decode()
    assert not PengaturanGateway.get().aktif


def test_tutup_otomatis_dari_cron_mengirim_tautan_di_alamat_publik(
    smtp_palsu, alamat_publik, buat_layanan, petugas, time_machine
):
    awal = timezone.now() - datetime.timedelta(days=10)
    time_machine.move_to(awal, tick=False)
    layanan = buat_layanan(KODE_KONSULTASI, email="budi@contoh.id", sarana="online", kanal_online="email")
    layanan.ubah_status(Status.MENUNGGU, oleh=petugas)
    time_machine.move_to(awal + datetime.timedelta(days=10), tick=False)

    call_command("tutup_otomatis", verbosity=0)  # as cron runs it: no request, no host

    layanan.refresh_from_db()
    assert layanan.status == Status.SELESAI and layanan.ditutup_otomatis
    (pesan,) = PesanKeluar.objects.filter(kanal=KanalPesan.EMAIL)
    assert f"https://pst.contoh.go.id/r/{layanan.penilaian.token}/" in pesan.isi
    assert f"https://pst.contoh.go.id/lacak/{layanan.token_lacak}/" in pesan.isi


def test_siapkan_demo_tidak_pernah_mengantrekan_pesan(smtp_palsu, jenis, settings):
    # Sending fully on (SMTP, gateway, public address), and no user yet: the demo runs.
    PengaturanKantor.objects.update_or_create(pk=1, defaults={"url_publik": "https://pst.contoh.go.id"})
    gateway = GatewayPalsu().mulai()
    pengaturan = PengaturanGateway.get()
    pengaturan.aktif, pengaturan.url_api = True, gateway.url
    aturan_gateway.simpan_gateway(pengaturan, token_baru=gateway.token, oleh=None)
    try:
        call_command("siapkan_demo", verbosity=0)
    finally:
        gateway.berhenti()
    assert RiwayatLayanan.objects.filter(ke_status=Status.SELESAI).exists()  # the demo did finish services
    assert PesanKeluar.objects.count() == 0
    assert smtp_palsu.surat == [] and gateway.permintaan == []
