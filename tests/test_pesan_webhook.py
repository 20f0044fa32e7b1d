"""WhatsApp Cloud API end to end against the Graph API fake: templates outside the 24-hour window,
Meta's error codes, throttling, signed delivery receipts and the visitor's own messages.

Everything is real HTTP: the worker command sends to the fake on 127.0.0.1, the fake POSTs its
webhooks to the app's live server (tests/pengirim_palsu.py cites the documentation it follows).
"""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from bukutamu.bawaan import KODE_KONSULTASI, KODE_PERMINTAAN_DATA
from bukutamu.models import Pengunjung
from layanan.layanan import tutup_konsultasi_online_diam
from layanan.models import Layanan, RiwayatLayanan, Status
from pesan import gateway as aturan_gateway
from pesan import outbox as antrean
from pesan.models import PengaturanGateway, Peristiwa, PesanKeluar, PesanMasuk, StatusPesan, TemplatWA

from .pengirim_palsu import GraphApiPalsu

pytestmark = pytest.mark.django_db(transaction=True)

NOMOR = "6281298765432"


@pytest.fixture
def graph(live_server, admin_user, alamat_publik, settings):
    settings.PESAN_BATAS_WAKTU_DETIK = 5
    g = GraphApiPalsu(templat={("tautan_rating", "id"): 2, ("siap_diambil_data", "id"): 3}).mulai()
    g.url_webhook = live_server.url + reverse("pesan:webhook_whatsapp")
    pengaturan = PengaturanGateway.get()
    pengaturan.aktif, pengaturan.penyedia = True, "cloud_api"
    pengaturan.url_api, pengaturan.phone_number_id = g.url + "/v21.0", g.phone_number_id
    aturan_gateway.simpan_gateway(pengaturan, token_baru=g.token, app_secret_baru=g.app_secret, oleh=admin_user)
    yield g
    g.berhenti()


@pytest.fixture
def templat_rating(db):
    return TemplatWA.objects.create(peristiwa=Peristiwa.RATING, nama="tautan_rating", bahasa="id", parameter="nama,url")


def jalankan_worker():
    call_command("worker_pesan", "--batch", "--no-startup-delay", verbosity=0)


def selesaikan(layanan, oleh):
    layanan.ubah_status(Status.SELESAI, oleh=oleh)
    jalankan_worker()
    return PesanKeluar.objects.get(layanan=layanan, peristiwa=Peristiwa.RATING)


def riwayat(layanan):
    return list(layanan.riwayat.order_by("waktu", "id").values_list("catatan", flat=True))


# --- Templates and the 24-hour window ---------------------------------------------------------------

def test_tanpa_pesan_pengunjung_rating_dikirim_sebagai_template_dengan_parameter(graph, templat_rating, buat_layanan, petugas):
    layanan = buat_layanan(KODE_KONSULTASI, nama="Dewi Lestari", no_hp="0812 9876 5432")
    pesan = selesaikan(layanan, petugas)

    (kirim,) = graph.terkirim
    assert kirim["type"] == "template" and kirim["to"] == NOMOR
    assert kirim["template"]["name"] == "tautan_rating" and kirim["template"]["language"] == {"code": "id"}
    nilai = [p["text"] for p in kirim["template"]["components"][0]["parameters"]]
    assert nilai == ["Dewi Lestari", f"https://pst.contoh.go.id/r/{layanan.penilaian.token}/"]
    pesan.refresh_from_db()
    assert (pesan.status, pesan.templat, pesan.id_penyedia) == (StatusPesan.TERKIRIM, "tautan_rating", kirim["id"])
    assert "terkirim (template tautan_rating)." in riwayat(layanan)[-1]


def test_tanpa_template_teks_bebas_dicoba_dan_131047_memberi_alasan_atur_template(graph, buat_layanan, petugas):
    layanan = buat_layanan(KODE_KONSULTASI, no_hp="0812 9876 5432")
    pesan = selesaikan(layanan, petugas)
    assert [m["type"] for m in graph.terkirim] == ["text"]  # Meta decides; it takes the text (200)…
    assert graph.kirim_laporan() == [200]  # …and reports it failed later
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.GAGAL
    assert pesan.galat_terakhir.startswith("Lebih dari 24 jam sejak pengunjung terakhir mengirim pesan")
    assert "Atur template untuk peristiwa ini." in pesan.galat_terakhir


def test_dalam_jendela_24_jam_teks_bebas_yang_dikirim(graph, templat_rating, buat_layanan, petugas):
    layanan = buat_layanan(KODE_KONSULTASI, no_hp="0812 9876 5432")
    assert graph.pengunjung_menulis(NOMOR, "Terima kasih, Bu.") == 200  # the visitor wrote: window open
    pesan = selesaikan(layanan, petugas)
    (kirim,) = graph.terkirim
    assert kirim["type"] == "text" and f"/r/{layanan.penilaian.token}/" in kirim["text"]["body"]
    assert f"https://pst.contoh.go.id/lacak/{layanan.token_lacak}/" in kirim["text"]["body"]
    pesan.refresh_from_db()
    assert (pesan.status, pesan.templat) == (StatusPesan.TERKIRIM, "")


def test_jendela_tutup_saat_terkirim_131047_dikirim_ulang_sebagai_template(graph, templat_rating, buat_layanan, petugas):
    layanan = buat_layanan(KODE_KONSULTASI, no_hp="0812 9876 5432")
    # The app saw the visitor write 23 h 59 min ago (window open), Meta's clock says the window closed.
    PesanMasuk.objects.create(penyedia="cloud_api", id_penyedia="wamid.lama", dari=NOMOR, isi="Halo",
                              waktu=timezone.now() - datetime.timedelta(hours=23, minutes=59))
    pesan = selesaikan(layanan, petugas)
    assert [m["type"] for m in graph.terkirim] == ["text"]

    assert graph.kirim_laporan() == [200]  # Meta: failed, 131047 re-engagement
    pesan.refresh_from_db()
    assert (pesan.status, pesan.wajib_templat) == (StatusPesan.ANTRI, True)
    jalankan_worker()
    assert [m["type"] for m in graph.terkirim] == ["text", "template"]
    pesan.refresh_from_db()
    assert (pesan.status, pesan.templat, pesan.id_penyedia) == (StatusPesan.TERKIRIM, "tautan_rating", graph.terkirim[1]["id"])
    assert any("dikirim ulang sebagai template WhatsApp" in c for c in riwayat(layanan))


@pytest.mark.parametrize(("templat", "parameter", "alasan"), [
    ("tidak_ada", "nama,url", "Template tidak ada"),
    ("tautan_rating", "nama", "Jumlah parameter tidak sesuai"),
])
def test_galat_template_meta_diberi_alasan_indonesia(graph, buat_layanan, petugas, templat, parameter, alasan):
    TemplatWA.objects.create(peristiwa=Peristiwa.RATING, nama=templat, bahasa="id", parameter=parameter)
    pesan = selesaikan(buat_layanan(KODE_KONSULTASI, no_hp="0812 9876 5432"), petugas)
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.GAGAL and pesan.galat_terakhir.startswith(alasan)


def test_batas_laju_130429_dicoba_lagi_dengan_jeda_lalu_terkirim(graph, templat_rating, buat_layanan, petugas, time_machine):
    time_machine.move_to(timezone.now(), tick=True)
    graph.batasi(1)
    pesan = selesaikan(buat_layanan(KODE_KONSULTASI, no_hp="0812 9876 5432"), petugas)
    pesan.refresh_from_db()
    assert (pesan.status, pesan.percobaan) == (StatusPesan.ANTRI, 1)
    assert pesan.galat_terakhir.startswith("Batas kecepatan kirim (throughput) Cloud API tercapai")
    assert pesan.kirim_setelah > timezone.now() + datetime.timedelta(seconds=50)  # back-off, not at once

    time_machine.shift(datetime.timedelta(minutes=2))
    jalankan_worker()
    pesan.refresh_from_db()
    assert (pesan.status, pesan.percobaan) == (StatusPesan.TERKIRIM, 2)


def test_token_kedaluwarsa_190_ditandai_token_ditolak(graph, templat_rating, buat_layanan, petugas):
    graph.token = "token-baru-lain"
    pesan = selesaikan(buat_layanan(KODE_KONSULTASI, no_hp="0812 9876 5432"), petugas)
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.GAGAL and pesan.galat_terakhir.startswith("Token ")
    assert PengaturanGateway.get().token_ditolak


def test_kirim_ke_grup_lewat_cloud_api_gagal_dengan_alasan(graph, admin_user, buat_layanan):
    PengaturanGateway.objects.update(grup_id="120363012345678901@g.us")
    antrean.ke_grup(buat_layanan(KODE_KONSULTASI), oleh=admin_user)
    jalankan_worker()
    assert PesanKeluar.objects.get().galat_terakhir.startswith("WhatsApp Business Cloud API tidak mengirim ke grup")


# --- Delivery receipts ------------------------------------------------------------------------------

def test_laporan_diterima_lalu_dibaca_tampil_di_outbox_dan_riwayat(graph, templat_rating, buat_layanan, petugas):
    layanan = buat_layanan(KODE_KONSULTASI, no_hp="0812 9876 5432")
    pesan = selesaikan(layanan, petugas)
    assert graph.laporkan(pesan.id_penyedia, "delivered") == 200
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.DITERIMA and pesan.diterima_pada is not None
    assert graph.laporkan(pesan.id_penyedia, "read") == 200
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.DIBACA and pesan.dibaca_pada is not None
    assert riwayat(layanan)[-2:] == [
        "WhatsApp ke 0812-9876-5432 (Tautan rating): diterima di HP pengunjung.",
        "WhatsApp ke 0812-9876-5432 (Tautan rating): dibaca pengunjung.",
    ]
    # A late "delivered" and a replay of "read" change nothing.
    sebelum = layanan.riwayat.count()
    assert graph.laporkan(pesan.id_penyedia, "delivered") == 200
    assert graph.laporkan(pesan.id_penyedia, "read") == 200
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.DIBACA and layanan.riwayat.count() == sebelum


def test_laporan_gagal_131026_menandai_gagal_dengan_alasan(graph, templat_rating, buat_layanan, petugas):
    layanan = buat_layanan(KODE_KONSULTASI, no_hp="0812 9876 5432")
    pesan = selesaikan(layanan, petugas)
    assert graph.laporkan(pesan.id_penyedia, "failed", kode=131026) == 200
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.GAGAL
    assert pesan.galat_terakhir.startswith("Pesan tidak dapat diantar: nomor tidak terdaftar di WhatsApp")
    assert "gagal — Pesan tidak dapat diantar" in riwayat(layanan)[-1]


def test_webhook_palsu_tanpa_tanda_tangan_atau_rahasia_lain_ditolak_tanpa_perubahan(graph, templat_rating, buat_layanan, petugas):
    pesan = selesaikan(buat_layanan(KODE_KONSULTASI, no_hp="0812 9876 5432"), petugas)
    muatan = graph.muatan_status(pesan.id_penyedia, "read")
    assert graph.kirim_webhook(muatan, tanda=False) == 403
    assert graph.kirim_webhook(muatan, rahasia="rahasia-yang-salah") == 403
    masuk = graph.muatan_pesan(NOMOR, "Data saya?")
    assert graph.kirim_webhook(masuk, tanda=False) == 403
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.TERKIRIM and PesanMasuk.objects.count() == 0


def test_webhook_untuk_phone_number_id_lain_diabaikan(graph, templat_rating, buat_layanan, petugas):
    pesan = selesaikan(buat_layanan(KODE_KONSULTASI, no_hp="0812 9876 5432"), petugas)
    muatan = graph.muatan_status(pesan.id_penyedia, "read")
    muatan["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"] = "999"
    assert graph.kirim_webhook(muatan) == 200
    pesan.refresh_from_db()
    assert pesan.status == StatusPesan.TERKIRIM


def test_jabat_tangan_verifikasi_menjawab_challenge_hanya_dengan_verify_token(client, graph):
    token = PengaturanGateway.get().token_verifikasi
    url = reverse("pesan:webhook_whatsapp")
    jawab = client.get(url, {"hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "1158201444"})
    assert (jawab.status_code, jawab.content) == (200, b"1158201444")
    salah = client.get(url, {"hub.mode": "subscribe", "hub.verify_token": "tebakan", "hub.challenge": "1"})
    assert salah.status_code == 403


# --- The visitor's messages -------------------------------------------------------------------------

def test_pesan_pengunjung_masuk_ke_layanan_online_terbuka_dan_memulai_lagi_jam_tutup(graph, buat_layanan, petugas, kantor):
    empat_hari_lalu = timezone.now() - datetime.timedelta(days=4)
    # The guest book keeps numbers as 62… (its forms normalise them); a visitor's message comes from that form.
    layanan = buat_layanan(KODE_KONSULTASI, no_hp=NOMOR, sarana="online", kanal_online="whatsapp", waktu=empat_hari_lalu)
    layanan.ubah_status(Status.MENUNGGU, oleh=petugas)
    RiwayatLayanan.objects.filter(layanan=layanan).update(waktu=empat_hari_lalu)

    assert graph.pengunjung_menulis(NOMOR, "Baik, data tahun 2024 juga ya.", nama="Dewi") == 200

    masuk = PesanMasuk.objects.get()
    assert (masuk.layanan, masuk.dari, masuk.nama_profil) == (layanan, NOMOR, "Dewi")
    terakhir = layanan.riwayat.latest("waktu", "id")
    assert terakhir.jenis == RiwayatLayanan.Jenis.TANGGAPAN
    assert terakhir.catatan == "WhatsApp dari pengunjung (0812-9876-5432): Baik, data tahun 2024 juga ya."
    # The visitor answered: the auto-close of a silent consultation does not close it.
    assert tutup_konsultasi_online_diam(hari=kantor.tutup_otomatis_hari) == []
    # Delivered twice (Meta retries), stored once.
    assert graph.kirim_webhook(graph.muatan_pesan(NOMOR, "Baik.", wamid=masuk.id_penyedia)) == 200
    assert PesanMasuk.objects.count() == 1
    assert layanan.riwayat.filter(jenis=RiwayatLayanan.Jenis.TANGGAPAN).count() == 1


def test_balasan_atas_pesan_kantor_masuk_ke_layanan_pesan_itu(graph, templat_rating, buat_layanan, petugas):
    lama = buat_layanan(KODE_PERMINTAAN_DATA, no_hp=NOMOR, sarana="online", kanal_online="whatsapp")
    baru = buat_layanan(KODE_KONSULTASI, no_hp=NOMOR, sarana="online", kanal_online="whatsapp")
    lama.ubah_status(Status.SIAP_DIAMBIL, oleh=petugas)
    TemplatWA.objects.create(peristiwa=Peristiwa.SIAP_DIAMBIL, nama="siap_diambil_data", bahasa="id",
                             parameter="nama,nomor,url_lacak")
    jalankan_worker()
    keluar = PesanKeluar.objects.get(layanan=lama, peristiwa=Peristiwa.SIAP_DIAMBIL)
    assert graph.pengunjung_menulis(NOMOR, "Besok saya ambil.", balasan_untuk=keluar.id_penyedia) == 200
    assert PesanMasuk.objects.get().layanan == lama  # the reply names its message, not the newest service
    assert baru.riwayat.filter(jenis=RiwayatLayanan.Jenis.TANGGAPAN).count() == 0


def test_pesan_dari_nomor_tak_dikenal_hanya_didaftar_untuk_petugas(graph, client, petugas):
    jumlah = (Layanan.objects.count(), Pengunjung.objects.count())
    assert graph.pengunjung_menulis("6285700001111", "Apakah kantor buka hari Sabtu?", nama="Tamu") == 200
    masuk = PesanMasuk.objects.get()
    assert masuk.layanan is None
    assert (Layanan.objects.count(), Pengunjung.objects.count()) == jumlah  # nothing created by itself

    client.force_login(petugas)
    halaman = client.get(reverse("pesan:masuk")).content.decode()
    assert "Apakah kantor buka hari Sabtu?" in halaman and "0857-0000-1111" in halaman
    assert "Tidak terhubung ke layanan" in halaman
    client.post(reverse("pesan:masuk_ditangani", args=[masuk.pk]))
    masuk.refresh_from_db()
    assert masuk.ditangani_oleh == petugas
    assert "Apakah kantor buka" not in client.get(reverse("pesan:masuk")).content.decode()
    assert "Apakah kantor buka" in client.get(reverse("pesan:masuk"), {"tampil": "semua"}).content.decode()
