"""The Admin's Outbox page and gateway settings, per role; the group send's permission."""

import tarfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bukutamu.bawaan import KODE_KONSULTASI
from pesan import gateway as aturan_gateway
from pesan.models import KanalPesan, PengaturanGateway, Peristiwa, PesanKeluar, PesanMasuk, StatusPesan, TemplatWA
from pst_frontoffice.cadangan import buat_cadangan
from pst_frontoffice.models import LogAktivitas


def _pesan(layanan=None, *, status=StatusPesan.TERKIRIM, n=0, penerima="6281211112222"):
    return PesanKeluar.objects.create(
        peristiwa=Peristiwa.RATING, kanal=KanalPesan.WHATSAPP, penerima=penerima, isi=f"isi {n}", layanan=layanan,
        status=status, kunci=f"uji:{n}:{status}", galat_terakhir="Gateway sedang bermasalah (HTTP 503)." if status == "gagal" else "",
    )


@pytest.mark.parametrize("peran", ["petugas", "pimpinan"])
def test_outbox_ditolak_untuk_selain_admin(client, petugas, pimpinan, peran):
    client.force_login({"petugas": petugas, "pimpinan": pimpinan}[peran])
    assert client.get("/outbox/").status_code == 403
    assert client.get("/outbox/gateway/").status_code == 403


def test_outbox_admin_melihat_pesan_dan_peringatan_gagal(client, admin_user, buat_layanan):
    layanan = buat_layanan(KODE_KONSULTASI)
    _pesan(layanan, n=1)
    _pesan(layanan, status=StatusPesan.GAGAL, n=2)
    client.force_login(admin_user)
    halaman = client.get("/outbox/").content.decode()
    assert 'id="peringatan-gagal"' in halaman
    assert "1 pesan gagal terkirim" in halaman
    assert "0812-1111-2222" in halaman
    assert "Gateway sedang bermasalah (HTTP 503)." in halaman
    assert halaman.count("Kirim Ulang</button>") == 1


def test_outbox_filter_status_dan_penerima(client, admin_user):
    _pesan(n=1, penerima="6281200000001")
    _pesan(n=2, status=StatusPesan.GAGAL, penerima="6281299999999")
    client.force_login(admin_user)
    halaman = client.get("/outbox/", {"status": "gagal"}).content.decode()
    assert "0812-9999-999" in halaman and "0812-0000-0001" not in halaman
    halaman = client.get("/outbox/", {"q": "00000001"}).content.decode()
    assert "0812-0000-0001" in halaman and "0812-9999-999" not in halaman


def test_outbox_jumlah_kueri_tetap_berapa_pun_barisnya(client, admin_user, buat_layanan):
    client.force_login(admin_user)
    client.get("/outbox/")  # the first request creates the settings rows
    hitungan = []
    for jumlah in (1, 4):
        PesanKeluar.objects.all().delete()
        for n in range(jumlah):
            _pesan(buat_layanan(KODE_KONSULTASI), n=n)
        with CaptureQueriesContext(connection) as kueri:
            assert client.get("/outbox/").status_code == 200
        hitungan.append(len(kueri))
    assert hitungan[0] == hitungan[1]


def test_kirim_ulang_mengantrekan_pesan_gagal_dan_mencatat_riwayat(client, admin_user, buat_layanan, django_capture_on_commit_callbacks):
    layanan = buat_layanan(KODE_KONSULTASI)
    baris = _pesan(layanan, status=StatusPesan.GAGAL, n=3)
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        jawab = client.post(f"/outbox/{baris.pk}/kirim-ulang/")
    assert jawab.status_code == 302
    baris.refresh_from_db()
    assert (baris.status, baris.percobaan) == (StatusPesan.ANTRI, 0)
    assert len(callbacks) == 1  # the worker is asked to look once the request's transaction commits
    assert layanan.riwayat.filter(catatan__contains="diantrekan ulang").exists()


def test_kirim_ulang_ditolak_untuk_petugas(client, petugas):
    baris = _pesan(status=StatusPesan.GAGAL, n=4)
    client.force_login(petugas)
    assert client.post(f"/outbox/{baris.pk}/kirim-ulang/").status_code == 403
    baris.refresh_from_db()
    assert baris.status == StatusPesan.GAGAL


def test_pengaturan_gateway_menyimpan_token_terenkripsi_tanpa_menampilkannya(client, admin_user, alamat_publik):
    client.force_login(admin_user)
    jawab = client.post("/outbox/gateway/", {
        "aktif": "on", "penyedia": "fonnte", "url_api": "https://api.fonnte.com", "token": "AbCdEfGh-rahasia-9876",
        "phone_number_id": "", "grup_id": "",
    })
    assert jawab.status_code == 302
    g = PengaturanGateway.get()
    assert g.siap and g.token_akhir == "9876"
    assert "rahasia" not in g.token_terenkripsi
    log = LogAktivitas.objects.get(aksi="gateway_wa")
    assert (log.pengguna, log.keterangan) == (admin_user, "Aktif, Fonnte (atau API serupa: POST /send), token baru.")
    halaman = client.get("/outbox/gateway/").content.decode()
    assert "AbCdEfGh-rahasia-9876" not in halaman
    assert "••••••••9876" in halaman
    # Saving again without a token keeps the stored one.
    client.post("/outbox/gateway/", {"aktif": "on", "penyedia": "fonnte", "url_api": "https://api.fonnte.com", "grup_id": ""})
    assert PengaturanGateway.get().token_terenkripsi == g.token_terenkripsi


def test_pengaturan_gateway_isian_salah_ditolak_dan_isian_tetap(client, admin_user):
    client.force_login(admin_user)
    jawab = client.post("/outbox/gateway/", {
        "aktif": "on", "penyedia": "cloud_api", "url_api": "https://graph.facebook.com/v21.0", "token": "",
        "phone_number_id": "", "grup_id": "grup-saya",
    })
    assert jawab.status_code == 400
    halaman = jawab.content.decode()
    assert "Isi token sebelum mengaktifkan gateway." in halaman
    assert "Phone number ID wajib diisi untuk WhatsApp Business Cloud API." in halaman
    assert "ID grup WA diakhiri @g.us" in halaman
    assert 'value="grup-saya"' in halaman
    assert not PengaturanGateway.get().aktif


@pytest.mark.parametrize("isian, pesan", [
    ({"phone_number_id": "1098765432/../../me"}, "Phone number ID hanya berisi angka"),
    ({"phone_number_id": "1098765432?fields=x"}, "Phone number ID hanya berisi angka"),
    ({"phone_number_id": "1098765432\r\nX: y"}, "Phone number ID hanya berisi angka"),
    ({"grup_id": "12036301/@g.us"}, "ID grup WA diakhiri @g.us"),
    ({"grup_id": "120363012345678901@g.us\n"}, None),  # a trailing line break is only whitespace, stripped
])
def test_gateway_ids_hold_only_their_own_characters(client, admin_user, isian, pesan):
    """Both ids go into the gateway request as they are: a path or header character would send the
    request, with its token, elsewhere."""
    client.force_login(admin_user)
    jawab = client.post("/outbox/gateway/", {
        "aktif": "", "penyedia": "cloud_api", "url_api": "https://graph.facebook.com/v21.0", "token": "",
        "phone_number_id": "1098765432", "grup_id": "", **isian,
    })
    if pesan:
        assert jawab.status_code == 400 and pesan in jawab.content.decode()
        assert PengaturanGateway.get().phone_number_id == ""
    else:
        assert jawab.status_code == 302
        assert PengaturanGateway.get().grup_id == "120363012345678901@g.us"


def test_kirim_percobaan_perlu_gateway_aktif(client, admin_user):
    client.force_login(admin_user)
    jawab = client.post("/outbox/gateway/percobaan/", {"nomor": "081234567890"}, follow=True)
    assert "Aktifkan gateway dan isi token sebelum kirim percobaan." in jawab.content.decode()
    assert PesanKeluar.objects.count() == 0


def test_kirim_percobaan_mengantrekan_pesan_ke_nomor(client, admin_user, alamat_publik):
    g = PengaturanGateway.get()
    g.aktif = True
    aturan_gateway.simpan_gateway(g, token_baru="token-uji-0001", oleh=admin_user)
    client.force_login(admin_user)
    jawab = client.post("/outbox/gateway/percobaan/", {"nomor": "0812 3456 7890"}, follow=True)
    assert "diantrekan" in jawab.content.decode()
    baris = PesanKeluar.objects.get()
    assert (baris.peristiwa, baris.penerima, baris.status) == (Peristiwa.PERCOBAAN, "6281234567890", StatusPesan.ANTRI)
    jawab = client.post("/outbox/gateway/percobaan/", {"nomor": "abc"}, follow=True)
    assert "No. HP hanya boleh berisi angka" in jawab.content.decode()


@pytest.mark.django_db(transaction=True)  # the backup reads one snapshot, outside any transaction
def test_cadangan_hanya_memuat_token_terenkripsi(admin_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    g = PengaturanGateway.get()
    g.aktif = True
    aturan_gateway.simpan_gateway(g, token_baru="token-sangat-rahasia-4321", oleh=admin_user)
    arsip, _ = buat_cadangan(tmp_path / "cadangan")
    with tarfile.open(arsip) as tar:
        isi = b"".join(tar.extractfile(m).read() for m in tar.getmembers() if m.isfile())
    assert b"token-sangat-rahasia" not in isi
    assert PengaturanGateway.get().token_terenkripsi.encode() in isi


def test_admin_melihat_jumlah_pesan_gagal_di_menu_petugas_tidak(client, admin_user, petugas):
    _pesan(status=StatusPesan.GAGAL, n=5)
    _pesan(status=StatusPesan.GAGAL, n=6)
    client.force_login(admin_user)
    assert '<span class="badge text-bg-danger" id="outbox-gagal"' in client.get("/pengaduan/").content.decode()
    assert "2 gagal</span>" in client.get("/pengaduan/").content.decode()
    client.force_login(petugas)
    assert 'id="outbox-gagal"' not in client.get("/pengaduan/").content.decode()


def test_cloud_api_perlu_app_secret_yang_disimpan_terenkripsi_dan_alamat_webhook_tampil(client, admin_user, alamat_publik):
    client.force_login(admin_user)
    isian = {"aktif": "on", "penyedia": "cloud_api", "url_api": "https://graph.facebook.com/v21.0",
             "token": "EAAG-token-1111", "phone_number_id": "1098765432", "grup_id": ""}
    jawab = client.post("/outbox/gateway/", isian)
    assert jawab.status_code == 400
    assert "App secret wajib diisi untuk WhatsApp Business Cloud API (webhook)." in jawab.content.decode()
    assert client.post("/outbox/gateway/", {**isian, "app_secret": "abcdef0123456789"}).status_code == 302
    g = PengaturanGateway.get()
    assert g.app_secret_akhir == "6789" and "abcdef0123456789" not in g.app_secret_terenkripsi
    halaman = client.get("/outbox/gateway/").content.decode()
    assert "abcdef0123456789" not in halaman and "••••••••6789" in halaman
    assert f'<code id="url-webhook-cloud">{alamat_publik}/webhook/whatsapp/</code>' in halaman
    assert f'<code id="token-verifikasi">{g.token_verifikasi}</code>' in halaman
    assert f"{alamat_publik}/webhook/fonnte/{g.rahasia_webhook}/" in halaman
    assert len(g.token_verifikasi) >= 40 and len(g.rahasia_webhook) >= 40


# --- Template WhatsApp --------------------------------------------------------------------------


@pytest.mark.parametrize("peran", ["petugas", "pimpinan"])
def test_template_wa_hanya_untuk_admin(client, petugas, pimpinan, peran):
    client.force_login({"petugas": petugas, "pimpinan": pimpinan}[peran])
    assert client.get("/outbox/template/").status_code == 403
    assert client.post("/outbox/template/rating/", {"rating-nama": "x"}).status_code == 403
    assert TemplatWA.objects.count() == 0


def test_template_wa_disimpan_dan_isian_salah_ditolak_dengan_isian_tetap(client, admin_user):
    client.force_login(admin_user)
    halaman = client.get("/outbox/template/").content.decode()
    assert halaman.count("Kirim uji</button>") == 3  # rating, SKD, Siap Diambil
    jawab = client.post("/outbox/template/rating/", {
        "rating-nama": "Tautan Rating", "rating-bahasa": "indonesia", "rating-parameter": "nama, alamat",
    })
    assert jawab.status_code == 400
    teks = jawab.content.decode()
    assert "Nama template hanya huruf kecil, angka dan garis bawah" in teks
    assert "Kode bahasa seperti di WhatsApp Manager" in teks
    assert "Isian tidak dikenal: alamat." in teks and 'value="Tautan Rating"' in teks
    jawab = client.post("/outbox/template/rating/", {
        "rating-nama": "tautan_rating", "rating-bahasa": "id", "rating-parameter": "nama, url",
    })
    assert jawab.status_code == 302
    t = TemplatWA.objects.get(peristiwa="rating")
    assert (t.nama, t.bahasa, t.parameter, t.oleh) == ("tautan_rating", "id", "nama,url", admin_user)
    assert LogAktivitas.objects.filter(aksi="templat_wa").exists()
    assert client.post("/outbox/template/grup/", {}).status_code == 404


def test_kirim_uji_template_mengantrekan_template_dengan_contoh_isian(client, admin_user, alamat_publik):
    g = PengaturanGateway.get()
    g.aktif, g.penyedia, g.phone_number_id = True, "cloud_api", "1098765432"
    aturan_gateway.simpan_gateway(g, token_baru="token-uji-0001", app_secret_baru="rahasia", oleh=admin_user)
    TemplatWA.objects.create(peristiwa="rating", nama="tautan_rating", bahasa="id", parameter="nama,url")
    client.force_login(admin_user)
    jawab = client.post("/outbox/template/rating/uji/", {"uji-rating-nomor": "0812 3456 7890"}, follow=True)
    assert "Kirim uji #" in jawab.content.decode()
    baris = PesanKeluar.objects.get()
    assert (baris.penerima, baris.peristiwa, baris.wajib_templat) == ("6281234567890", "rating", True)
    assert baris.isian["nama"] == "Pengunjung Uji" and baris.isian["url"] == f"{alamat_publik}/r/contoh/"


# --- Pesan Masuk ----------------------------------------------------------------------------------


def test_pesan_masuk_untuk_petugas_dan_admin_bukan_pimpinan(client, petugas, pimpinan, admin_user):
    for user, kode in ((petugas, 200), (admin_user, 200), (pimpinan, 403)):
        client.force_login(user)
        assert client.get("/pesan-masuk/").status_code == kode


def test_pesan_masuk_jumlah_kueri_tetap_berapa_pun_barisnya(client, petugas, buat_layanan):
    client.force_login(petugas)
    layanan = buat_layanan(KODE_KONSULTASI)
    hitungan = []
    for jumlah in (1, 5):
        PesanMasuk.objects.all().delete()
        for n in range(jumlah):
            PesanMasuk.objects.create(penyedia="cloud_api", id_penyedia=f"wamid.{jumlah}.{n}", dari="628111", isi="x",
                                      layanan=layanan if n % 2 else None)
        with CaptureQueriesContext(connection) as q:
            assert client.get("/pesan-masuk/", {"tampil": "semua"}).status_code == 200
        hitungan.append(len(q))
    assert hitungan[0] == hitungan[1]
