"""The visitor's status page (lacak layanan): what a service shows the public, in words.

Only what the visitor needs: the kind of service, when it was recorded, its status and status
history, the due date, the reply-letter number once given and the reply letter the officer
marked for them. Never an officer's name, an internal note or anything about another visitor.
"""

import datetime

from django.utils import timezone

from .models import BerkasSurat, Layanan, RiwayatLayanan, Status

# A closed service's link keeps working this long, then shows the friendly "expired" page.
HARI_BERLAKU_SETELAH_SELESAI = 90

KETERANGAN_STATUS = {
    Status.DITERIMA: "Permintaan Anda sudah diterima dan tercatat.",
    Status.DIPROSES: "Petugas sedang memproses permintaan Anda.",
    Status.SIAP_DIAMBIL: "Data sudah siap dan dapat diambil di kantor pada jam layanan.",
    Status.SELESAI: "Layanan selesai. Terima kasih telah menggunakan layanan PST.",
    Status.DIBATALKAN: "Layanan dibatalkan. Hubungi petugas PST bila ada pertanyaan.",
}


class LacakTidakBerlaku(Exception):
    """The token matches no service, or its service closed too long ago."""


def layanan_untuk_lacak(token, *, sekarang=None):
    layanan = (
        Layanan.objects.select_related("jenis", "kunjungan").filter(token_lacak=token).first()
        if token and len(token) <= 32 else None
    )
    if layanan is None:
        raise LacakTidakBerlaku
    sekarang = sekarang or timezone.now()
    if layanan.selesai_pada and sekarang - layanan.selesai_pada > datetime.timedelta(days=HARI_BERLAKU_SETELAH_SELESAI):
        raise LacakTidakBerlaku
    return layanan


def riwayat_publik(layanan):
    """[(time, status label)] of the moments the status changed; notes and names left out, and a
    change the officer undid (Urungkan) left out together with its undo."""
    baris = layanan.riwayat.filter(
        jenis__in=[RiwayatLayanan.Jenis.DIBUAT, RiwayatLayanan.Jenis.STATUS],
        diurungkan__isnull=True, mengurungkan__isnull=True,
    ).exclude(ke_status="").order_by("waktu", "id")
    return [(r.waktu, Status(r.ke_status).label) for r in baris]


def nomor_surat_aktif(layanan):
    return layanan.nomor_surat.filter(dibatalkan=False).values_list("nomor", flat=True).first()


def berkas_untuk_pengunjung(layanan):
    """The current reply letter, only when the officer marked it for the visitor."""
    return BerkasSurat.objects.filter(layanan=layanan, diganti_pada__isnull=True, untuk_pengunjung=True).first()


def ringkasan(layanan):
    return {
        "layanan": layanan,
        "status": layanan.get_status_display(),
        "keterangan": KETERANGAN_STATUS[Status(layanan.status)],
        "riwayat": riwayat_publik(layanan),
        "nomor_surat": nomor_surat_aktif(layanan),
        "berkas": berkas_untuk_pengunjung(layanan),
    }
