"""WhatsApp Cloud API error codes, each with the reason an Admin reads and what the outbox does.

From Meta's "Error codes" page of the Cloud API documentation
(https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes). The same code may come
back at once (an HTTP 400 answer with `error.code`) or later, in a "failed" status of the messages
webhook (`statuses[].errors[].code`); both are read here.
"""

from .dasar import GagalSementara, GagalTetap, TokenDitolak

SEMENTARA = "sementara"  # throttled or down: tried again with back-off
TETAP = "tetap"  # trying again will not help until something is changed
TOKEN = "token"  # the access token is refused: every message waits until an Admin fixes it
JENDELA = "jendela"  # free text outside the 24-hour window: an approved template is needed

GALAT = {
    # Authorization and permissions.
    0: (TOKEN, "Token akses Cloud API ditolak (AuthException); periksa token di Pengaturan Gateway WA."),
    190: (TOKEN, "Token akses Cloud API kedaluwarsa; buat token baru dan simpan di Pengaturan Gateway WA."),
    3: (TETAP, "Aplikasi Meta tidak berizin memakai fitur ini (capability)."),
    10: (TOKEN, "Token tidak berizin mengirim pesan dari nomor ini (permission denied)."),
    200: (TOKEN, "Token tidak berizin mengirim pesan dari nomor ini (permission error)."),
    # Throttling: Meta asks to slow down and try again.
    4: (SEMENTARA, "Meta membatasi jumlah panggilan API aplikasi (kode 4)."),
    80007: (SEMENTARA, "Meta membatasi jumlah panggilan akun WhatsApp Business (kode 80007)."),
    130429: (SEMENTARA, "Batas kecepatan kirim (throughput) Cloud API tercapai (kode 130429)."),
    131048: (SEMENTARA, "Meta membatasi kiriman karena dianggap spam (kode 131048); dicoba lagi nanti."),
    131056: (SEMENTARA, "Terlalu banyak pesan ke nomor yang sama dalam waktu singkat (kode 131056)."),
    # Meta's side is down.
    1: (SEMENTARA, "Cloud API sedang bermasalah (kode 1)."),
    2: (SEMENTARA, "Layanan Cloud API sementara tidak tersedia (kode 2)."),
    131000: (SEMENTARA, "Cloud API gagal mengirim karena galat tak dikenal di pihak Meta (kode 131000)."),
    131016: (SEMENTARA, "Layanan Cloud API sedang kelebihan beban (kode 131016)."),
    133004: (SEMENTARA, "Server Cloud API sementara tidak tersedia (kode 133004)."),
    # The 24-hour customer-service window.
    131047: (JENDELA, "Lebih dari 24 jam sejak pengunjung terakhir mengirim pesan: WhatsApp hanya menerima pesan "
                      "template yang disetujui (re-engagement, kode 131047). Atur template untuk peristiwa ini."),
    # The recipient.
    131026: (TETAP, "Pesan tidak dapat diantar: nomor tidak terdaftar di WhatsApp, aplikasi penerima terlalu lama, "
                    "atau penerima belum menerima ketentuan WhatsApp (kode 131026)."),
    131021: (TETAP, "Nomor penerima sama dengan nomor pengirim (kode 131021)."),
    131049: (TETAP, "Meta tidak mengantar pesan ini demi menjaga keterlibatan penerima (kode 131049)."),
    131050: (TETAP, "Penerima telah berhenti menerima pesan pemasaran dari kantor (kode 131050)."),
    130472: (TETAP, "Nomor penerima sedang dalam eksperimen Meta; pesan tidak diantar (kode 130472)."),
    # The template.
    132000: (TETAP, "Jumlah parameter tidak sesuai dengan template yang disetujui (kode 132000); periksa isian "
                    "parameter di Template WhatsApp."),
    132001: (TETAP, "Template tidak ada (nama atau bahasa salah, atau belum disetujui) (kode 132001)."),
    132005: (TETAP, "Teks template setelah diisi terlalu panjang (kode 132005)."),
    132007: (TETAP, "Isi template melanggar aturan format karakter Meta (kode 132007)."),
    132012: (TETAP, "Format parameter tidak sesuai dengan template (kode 132012)."),
    132015: (TETAP, "Template sedang dijeda Meta karena kualitasnya rendah (kode 132015)."),
    132016: (TETAP, "Template dinonaktifkan Meta karena kualitasnya rendah (kode 132016)."),
    131008: (TETAP, "Parameter wajib tidak ada dalam permintaan (kode 131008)."),
    131009: (TETAP, "Nilai parameter tidak sah (kode 131009)."),
    131051: (TETAP, "Jenis pesan tidak didukung (kode 131051)."),
    # The business account.
    131031: (TETAP, "Akun WhatsApp Business dikunci Meta (kode 131031)."),
    131042: (TETAP, "Ada masalah pembayaran pada akun WhatsApp Business (kode 131042)."),
    131045: (TETAP, "Nomor pengirim belum terdaftar dengan benar (sertifikat, kode 131045)."),
    131037: (TETAP, "Nama tampilan nomor pengirim belum disetujui Meta (kode 131037)."),
    368: (TETAP, "Akun diblokir sementara oleh Meta karena pelanggaran kebijakan (kode 368)."),
}


def jenis_galat(kode):
    return GALAT.get(kode, (TETAP, None))[0]


def alasan_galat(kode, pesan_asli=""):
    """The Indonesian reason for `kode`; Meta's own words (and the code) for one not in the table."""
    _, alasan = GALAT.get(kode, (TETAP, None))
    if alasan:
        return alasan
    return f"Cloud API menolak pesan: {pesan_asli or 'tanpa keterangan'} (kode {kode})."


class DiLuarJendela(GagalTetap):
    """Free text refused outside the 24-hour window: the message may go again as a template."""


def galat_cloud(kode, pesan_asli=""):
    """The exception the outbox acts on for a Cloud API error code."""
    jenis, alasan = jenis_galat(kode), alasan_galat(kode, pesan_asli)
    if jenis == SEMENTARA:
        return GagalSementara(alasan)
    if jenis == TOKEN:
        return TokenDitolak(alasan)
    if jenis == JENDELA:
        return DiLuarJendela(alasan)
    return GagalTetap(alasan)
