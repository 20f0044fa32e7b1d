"""Fonnte end to end against its fake: its `status`/`reason` answers, and its status callbacks on the
secret webhook path (Fonnte does not sign them)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from bukutamu.bawaan import KODE_KONSULTASI
from layanan.models import Status
from pesan import gateway as aturan_gateway
from pesan.models import PengaturanGateway, Peristiwa, PesanKeluar, StatusPesan

from .pengirim_palsu import FonntePalsu

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fonnte(live_server, admin_user, alamat_publik, settings):
    settings.PESAN_BATAS_WAKTU_DETIK = 5
    f = FonntePalsu().mulai()
    pengaturan = PengaturanGateway.get()
    pengaturan.aktif, pengaturan.penyedia, pengaturan.url_api = True, "fonnte", f.url
    pengaturan = aturan_gateway.simpan_gateway(pengaturan, token_baru=f.token, oleh=admin_user)
    f.url_webhook = live_server.url + reverse("pesan:webhook_fonnte", args=[pengaturan.rahasia_webhook])
    yield f
    f.berhenti()


def kirim_rating(buat_layanan, petugas):
    layanan = buat_layanan(KODE_KONSULTASI, no_hp="0812 9876 5432")
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    call_command("worker_pesan", "--batch", "--no-startup-delay", verbosity=0)
    return layanan, PesanKeluar.objects.get(layanan=layanan, peristiwa=Peristiwa.RATING)


def test_fonnte_teks_bebas_dengan_id_dan_laporan_status(fonnte, buat_layanan, petugas):
    layanan, pesan = kirim_rating(buat_layanan, petugas)
    (kirim,) = fonnte.terkirim
    assert kirim["target"] == "6281298765432" and f"/lacak/{layanan.token_lacak}/" in kirim["message"]
    assert pesan.status == StatusPesan.TERKIRIM and pesan.id_penyedia == kirim["id"]

    assert fonnte.laporkan(kirim["id"], state="delivered") == 200
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.DITERIMA
    assert fonnte.laporkan(kirim["id"], state="read") == 200
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.DIBACA
    assert layanan.riwayat.latest("waktu", "id").catatan.endswith("dibaca pengunjung.")


def test_fonnte_laporan_di_alamat_tanpa_rahasia_tidak_mengubah_apa_pun(fonnte, live_server, buat_layanan, petugas):
    _, pesan = kirim_rating(buat_layanan, petugas)
    salah = live_server.url + reverse("pesan:webhook_fonnte", args=["tebakan"])
    assert fonnte.laporkan(pesan.id_penyedia, state="read", url=salah) == 404
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.TERKIRIM


def test_fonnte_melaporkan_gagal(fonnte, buat_layanan, petugas):
    _, pesan = kirim_rating(buat_layanan, petugas)
    assert fonnte.laporkan(pesan.id_penyedia, status="failed", state="") == 200
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.GAGAL and "Fonnte melaporkan pesan gagal (failed)" in pesan.galat_terakhir


@pytest.mark.parametrize(("alasan", "status", "awal"), [
    ("invalid token", StatusPesan.GAGAL, "Token gateway ditolak (invalid token)"),
    ("target invalid", StatusPesan.GAGAL, "Fonnte menolak nomor tujuan"),
    ("device disconnected", StatusPesan.ANTRI, "Perangkat WhatsApp di Fonnte sedang terputus"),
])
def test_fonnte_status_false_diberi_alasan(fonnte, buat_layanan, petugas, alasan, status, awal):
    fonnte.tolak(alasan)
    _, pesan = kirim_rating(buat_layanan, petugas)
    pesan.refresh_from_db()
    assert pesan.status == status and pesan.galat_terakhir.startswith(awal)
