"""Messages the app sends by itself, against a real HTTP gateway and a real SMTP server (no mocks).

The worker is Django's task framework with the django-tasks-db worker command, run here in batch
mode (everything due, then exit); the worker killed mid-batch runs as a real process in
test_pesan_worker.py.
"""

import datetime
import email

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from bukutamu.bawaan import KODE_KONSULTASI, KODE_PERMINTAAN_DATA
from layanan.models import RiwayatLayanan, Status
from pesan import gateway as aturan_gateway
from pesan import outbox as antrean
from pesan.kirim.rahasia import dekripsi
from pesan.models import PengaturanGateway, Peristiwa, PesanKeluar, StatusPesan

from .berkas_uji import PDF
from .pengirim_palsu import GatewayPalsu, SmtpPalsu
from .conftest import kunci

URL_SITUS = "https://pst.contoh.go.id"  # the alamat_publik fixture's address

# Transactional: the worker command checks its database connection between tasks, as a long-running
# process must, and would close one held open by a test-wide transaction (PostgreSQL).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _url_situs(settings, alamat_publik):
    settings.PESAN_BATAS_WAKTU_DETIK = 1


@pytest.fixture
def gateway_palsu():
    g = GatewayPalsu().mulai()
    yield g
    g.berhenti()


@pytest.fixture
def gateway_aktif(db, gateway_palsu, admin_user):
    g = PengaturanGateway.get()
    g.aktif, g.url_api = True, gateway_palsu.url
    return aturan_gateway.simpan_gateway(g, token_baru=gateway_palsu.token, oleh=admin_user)


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


def jalankan_worker():
    """The worker command, until nothing is due."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.fixture
def selesaikan(petugas):
    def ubah(layanan, ke=Status.SELESAI):
        layanan.ubah_status(ke, oleh=petugas)  # the worker is asked to look when this commits
        return layanan

    return ubah


def teks_surat(surat, tipe="text/plain"):
    """The decoded part of type `tipe` of an e-mail as received by the SMTP server."""
    bagian = next(b for b in email.message_from_bytes(surat.content).walk() if b.get_content_type() == tipe)
    return bagian.get_payload(decode=True).decode()


def riwayat_pesan(layanan):
    return list(layanan.riwayat.filter(jenis=RiwayatLayanan.Jenis.CATATAN).values_list("catatan", flat=True))


# --- WhatsApp gateway --------------------------------------------------------------------------


def test_wa_selesai_mengirim_tautan_rating_dan_skd_ke_no_hp(gateway_aktif, gateway_palsu, buat_layanan, selesaikan):
    layanan = buat_layanan(KODE_PERMINTAAN_DATA, no_hp="0812-3456-7890")
    selesaikan(layanan)
    # Nothing is sent in the officer's request: the messages wait for the worker.
    assert gateway_palsu.permintaan == []
    assert PesanKeluar.objects.filter(status=StatusPesan.ANTRI).count() == 2

    jalankan_worker()

    assert [(p["jalur"], p["target"], p["authorization"]) for p in gateway_palsu.terkirim] == [
        ("/send", "6281234567890", gateway_palsu.token), ("/send", "6281234567890", gateway_palsu.token)
    ]
    rating, skd = gateway_palsu.terkirim
    assert f"{URL_SITUS}/r/{layanan.penilaian.token}/" in rating["pesan"]
    assert f"{URL_SITUS}/s/{layanan.skd.token}/" in skd["pesan"]
    baris = PesanKeluar.objects.get(peristiwa=Peristiwa.RATING)
    assert (baris.status, baris.percobaan, baris.id_penyedia, baris.kanal) == (StatusPesan.TERKIRIM, 1, "1", "whatsapp")
    assert baris.terkirim_pada is not None
    assert any("WhatsApp ke 0812-3456-7890 (Tautan rating), percobaan 1: terkirim." == c for c in riwayat_pesan(layanan))


def test_wa_gateway_mati_tidak_mengirim_lewat_gateway(db, gateway_palsu, buat_layanan, selesaikan):
    layanan = buat_layanan(KODE_KONSULTASI)
    selesaikan(layanan)
    jalankan_worker()
    assert PesanKeluar.objects.count() == 0
    assert gateway_palsu.permintaan == []


def test_wa_5xx_lalu_berhasil_dicoba_lagi_dengan_jeda(gateway_aktif, gateway_palsu, buat_layanan, selesaikan, time_machine):
    time_machine.move_to(timezone.now(), tick=True)
    layanan = buat_layanan(KODE_KONSULTASI)
    gateway_palsu.jawab(503, {"detail": "maintenance"})
    selesaikan(layanan)
    jalankan_worker()

    baris = PesanKeluar.objects.get()
    assert (baris.status, baris.percobaan) == (StatusPesan.ANTRI, 1)
    assert "HTTP 503" in baris.galat_terakhir
    assert baris.kirim_setelah > timezone.now() + datetime.timedelta(seconds=50)
    assert "belum terkirim (Gateway sedang bermasalah (HTTP 503).)" in riwayat_pesan(layanan)[-1]

    time_machine.shift(datetime.timedelta(seconds=61))
    jalankan_worker()
    baris.refresh_from_db()
    assert (baris.status, baris.percobaan, baris.galat_terakhir) == (StatusPesan.TERKIRIM, 2, "")
    assert len(gateway_palsu.permintaan) == 2
    assert len(gateway_palsu.terkirim) == 1


def test_wa_batas_waktu_habis_tetap_antri_lalu_gagal_setelah_percobaan_terakhir(
    gateway_aktif, gateway_palsu, buat_layanan, selesaikan, settings, time_machine
):
    settings.PESAN_MAKS_PERCOBAAN = 2
    time_machine.move_to(timezone.now(), tick=True)
    gateway_palsu.jawab(200, {"status": True}, tunda=2)
    gateway_palsu.jawab(200, {"status": True}, tunda=2)
    layanan = buat_layanan(KODE_KONSULTASI)
    selesaikan(layanan)
    jalankan_worker()
    baris = PesanKeluar.objects.get()
    assert (baris.status, baris.galat_terakhir) == (StatusPesan.ANTRI, "Gateway tidak menjawab (batas waktu habis).")

    time_machine.shift(datetime.timedelta(seconds=61))
    jalankan_worker()
    baris.refresh_from_db()
    assert baris.status == StatusPesan.GAGAL
    assert baris.galat_terakhir == "Gateway tidak menjawab (batas waktu habis). Sudah dicoba 2 kali."
    assert "gagal — Gateway tidak menjawab" in riwayat_pesan(layanan)[-1]


def test_wa_429_menunggu_sesuai_retry_after(gateway_aktif, gateway_palsu, buat_layanan, selesaikan, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    gateway_palsu.jawab(429, {"detail": "rate limit"}, headers={"Retry-After": "300"})
    layanan = buat_layanan(KODE_KONSULTASI)
    selesaikan(layanan)
    jalankan_worker()
    baris = PesanKeluar.objects.get()
    assert baris.status == StatusPesan.ANTRI
    assert baris.kirim_setelah == timezone.now() + datetime.timedelta(seconds=300)
    assert "HTTP 429" in baris.galat_terakhir

    time_machine.shift(datetime.timedelta(seconds=299))
    jalankan_worker()
    assert len(gateway_palsu.permintaan) == 1  # not before Retry-After
    time_machine.shift(datetime.timedelta(seconds=2))
    jalankan_worker()
    baris.refresh_from_db()
    assert baris.status == StatusPesan.TERKIRIM
    assert len(gateway_palsu.terkirim) == 1


def test_wa_token_salah_gagal_dengan_pesan_jelas_di_outbox_dan_pengaturan(
    gateway_aktif, gateway_palsu, buat_layanan, selesaikan, client, admin_user
):
    gateway_palsu.token = "token-yang-baru-5678"  # the provider rotated it; ours is stale
    layanan = buat_layanan(KODE_KONSULTASI)
    selesaikan(layanan)
    jalankan_worker()

    baris = PesanKeluar.objects.get()
    assert baris.status == StatusPesan.GAGAL
    assert baris.galat_terakhir.startswith("Token gateway ditolak")
    client.force_login(admin_user)
    for url in ("/outbox/", "/outbox/gateway/"):
        halaman = client.get(url).content.decode()
        assert 'id="peringatan-token"' in halaman
        assert "Token gateway ditolak" in halaman

    # The Admin enters the new token: the warning goes and the message is sent after all.
    jawab = client.post("/outbox/gateway/", {
        "aktif": "on", "penyedia": "fonnte", "url_api": gateway_palsu.url, "token": "token-yang-baru-5678",
        "phone_number_id": "", "grup_id": "",
    })
    assert jawab.status_code == 302
    assert 'id="peringatan-token"' not in client.get("/outbox/gateway/").content.decode()
    jalankan_worker()
    baris.refresh_from_db()
    assert baris.status == StatusPesan.TERKIRIM
    assert gateway_palsu.terkirim[0]["authorization"] == "token-yang-baru-5678"


def test_wa_token_tak_terbaca_setelah_secret_key_berganti(gateway_aktif, gateway_palsu, buat_layanan, selesaikan, settings):
    settings.SECRET_KEY = "kunci-rahasia-lain-" + "x" * 40
    layanan = buat_layanan(KODE_KONSULTASI)
    selesaikan(layanan)
    jalankan_worker()
    baris = PesanKeluar.objects.get()
    assert (baris.status, baris.galat_terakhir) == (
        StatusPesan.GAGAL, "Token gateway tidak dapat dibaca (SECRET_KEY berubah); isi ulang token."
    )
    assert PengaturanGateway.get().token_ditolak == baris.galat_terakhir
    assert gateway_palsu.permintaan == []


def test_wa_cloud_api_mengirim_dengan_bearer_ke_phone_number_id(gateway_palsu, admin_user):
    g = PengaturanGateway.get()
    g.aktif, g.penyedia, g.url_api, g.phone_number_id = True, "cloud_api", gateway_palsu.url, "1098765"
    aturan_gateway.simpan_gateway(g, token_baru=gateway_palsu.token, oleh=admin_user)
    aturan_gateway.kirim_percobaan(nomor="6281299998888", oleh=admin_user)
    jalankan_worker()
    (kirim,) = gateway_palsu.terkirim
    assert (kirim["jalur"], kirim["target"], kirim["authorization"]) == (
        "/1098765/messages", "6281299998888", f"Bearer {gateway_palsu.token}"
    )
    assert PesanKeluar.objects.get().id_penyedia == "wamid.1"


def test_no_hp_tidak_valid_ditandai_di_layanan_tanpa_dikirim(gateway_aktif, gateway_palsu, buat_layanan, selesaikan):
    layanan = buat_layanan(KODE_KONSULTASI)
    layanan.kunjungan.__class__.objects.filter(pk=layanan.kunjungan_id).update(no_hp="12-34")
    layanan.refresh_from_db()
    selesaikan(layanan)
    jalankan_worker()
    assert PesanKeluar.objects.count() == 0
    assert gateway_palsu.permintaan == []
    assert any("tidak dikirim: No. HP '12-34' tidak valid" in c for c in riwayat_pesan(layanan))


def test_peristiwa_sama_ke_penerima_sama_hanya_diantrekan_sekali(gateway_aktif, buat_layanan, petugas):
    layanan = buat_layanan(KODE_KONSULTASI)
    pertama = antrean.ke_pengunjung(layanan, peristiwa=Peristiwa.RATING, teks="a", subjek="s", oleh=petugas)
    kedua = antrean.ke_pengunjung(layanan, peristiwa=Peristiwa.RATING, teks="a", subjek="s", oleh=petugas)
    assert len(pertama) == 1
    assert kedua == []
    assert PesanKeluar.objects.count() == 1


def test_token_tersimpan_terenkripsi_dan_hanya_akhirnya_tampil(gateway_aktif, gateway_palsu, client, admin_user):
    g = PengaturanGateway.get()
    assert gateway_palsu.token not in g.token_terenkripsi
    assert dekripsi(g.token_terenkripsi) == gateway_palsu.token
    client.force_login(admin_user)
    halaman = client.get("/outbox/gateway/").content.decode()
    assert gateway_palsu.token not in halaman
    assert "••••••••1234" in halaman


def test_kirim_grup_lewat_gateway_ke_id_grup(gateway_aktif, gateway_palsu, buat_layanan, client, petugas):
    gateway_aktif.grup_id = "120363012345678901@g.us"
    gateway_aktif.save()
    layanan = buat_layanan(KODE_KONSULTASI)
    client.force_login(petugas)
    assert "Kirim lewat Gateway" in client.get(f"/layanan/{layanan.pk}/").content.decode()
    assert client.post(f"/layanan/{layanan.pk}/grup-wa/").status_code == 302
    client.post(f"/layanan/{layanan.pk}/grup-wa/")  # a second press sends nothing more
    jalankan_worker()
    (kirim,) = gateway_palsu.terkirim
    assert kirim["target"] == "120363012345678901@g.us"
    assert f"{URL_SITUS}/layanan/{layanan.pk}/" in kirim["pesan"]


def test_kirim_grup_ditolak_untuk_petugas_lain(gateway_aktif, buat_layanan, client, petugas2):
    gateway_aktif.grup_id = "120363012345678901@g.us"
    gateway_aktif.save()
    layanan = buat_layanan(KODE_KONSULTASI)
    client.force_login(petugas2)
    assert client.post(f"/layanan/{layanan.pk}/grup-wa/").status_code == 403
    assert PesanKeluar.objects.count() == 0


# --- E-mail ------------------------------------------------------------------------------------


def test_email_selesai_mengirim_tautan_rating_dengan_nama_kantor(smtp_palsu, buat_layanan, selesaikan, kantor):
    layanan = buat_layanan(KODE_KONSULTASI, email="budi@contoh.id")
    selesaikan(layanan)
    jalankan_worker()
    (surat,) = smtp_palsu.surat
    assert surat.rcpt_tos == ["budi@contoh.id"]
    isi = email.message_from_bytes(surat.content)
    assert kantor.nama_kantor in isi["From"]
    assert f"{URL_SITUS}/r/{layanan.penilaian.token}/" in teks_surat(surat)
    assert PesanKeluar.objects.get().status == StatusPesan.TERKIRIM


def test_email_siap_diambil_memberi_tahu_pengunjung(smtp_palsu, buat_layanan, selesaikan):
    layanan = buat_layanan(KODE_PERMINTAAN_DATA, email="sari@contoh.id")
    selesaikan(layanan, Status.SIAP_DIAMBIL)
    jalankan_worker()
    (surat,) = smtp_palsu.surat
    isi = email.message_from_bytes(surat.content)
    assert "siap diambil" in isi["Subject"]
    assert "Siap Diambil" in teks_surat(surat)


def test_email_tanpa_server_smtp_tidak_diantrekan(db, buat_layanan, selesaikan):
    layanan = buat_layanan(KODE_KONSULTASI, email="budi@contoh.id")
    selesaikan(layanan)
    assert PesanKeluar.objects.count() == 0


def test_email_yang_antri_saat_smtp_dimatikan_gagal_dengan_alasan(smtp_palsu, buat_layanan, selesaikan, settings):
    layanan = buat_layanan(KODE_KONSULTASI, email="budi@contoh.id")
    selesaikan(layanan)
    settings.SMTP_AKTIF = False
    jalankan_worker()
    baris = PesanKeluar.objects.get()
    assert (baris.status, baris.galat_terakhir) == (StatusPesan.GAGAL, "Server e-mail (EMAIL_HOST) belum diatur.")
    assert smtp_palsu.surat == []


def test_email_alamat_tidak_valid_ditandai_di_layanan(smtp_palsu, buat_layanan, selesaikan):
    layanan = buat_layanan(KODE_KONSULTASI)
    layanan.kunjungan.__class__.objects.filter(pk=layanan.kunjungan_id).update(email="budi@@contoh")
    layanan.refresh_from_db()
    selesaikan(layanan)
    assert PesanKeluar.objects.count() == 0
    assert any("E-mail (Tautan rating) tidak dikirim: alamat e-mail 'budi@@contoh' tidak valid" in c for c in riwayat_pesan(layanan))


def test_email_surat_balasan_terlampir_saat_dicentang(smtp_palsu, buat_layanan, client, petugas, settings, tmp_path):
    layanan = buat_layanan(KODE_PERMINTAAN_DATA, email="dina@contoh.id")
    client.force_login(petugas)
    pdf = PDF  # a real one-page PDF: uploads are parsed
    settings.MEDIA_ROOT = tmp_path / "media"
    client.post(f"/layanan/{layanan.pk}/berkas/", {
        **kunci("berkas_surat"), "berkas": SimpleUploadedFile("surat.pdf", pdf, content_type="application/pdf"), "kirim_email": "on",
    })
    jalankan_worker()
    (surat,) = smtp_palsu.surat
    lampiran = [b for b in email.message_from_bytes(surat.content).walk() if b.get_filename()]
    assert len(lampiran) == 1
    assert lampiran[0].get_payload(decode=True) == pdf
    assert PesanKeluar.objects.get().peristiwa == Peristiwa.SURAT_BALASAN


def test_email_surat_balasan_sekali_walau_tombol_unggah_tertekan_dua_kali(smtp_palsu, buat_layanan, client, petugas,
                                                                          settings, tmp_path):
    """A double click on Unggah Berkas with "Kirim surat ke email pengunjung" ticked: the visitor gets one e-mail."""
    layanan = buat_layanan(KODE_PERMINTAAN_DATA, email="dina@contoh.id")
    client.force_login(petugas)
    settings.MEDIA_ROOT = tmp_path / "media"
    isian = kunci("berkas_surat")
    for _ in range(2):
        client.post(f"/layanan/{layanan.pk}/berkas/", {
            **isian, "berkas": SimpleUploadedFile("surat.pdf", PDF, content_type="application/pdf"), "kirim_email": "on",
        })
    jalankan_worker()
    assert len(smtp_palsu.surat) == 1
    assert PesanKeluar.objects.filter(peristiwa=Peristiwa.SURAT_BALASAN).count() == 1
