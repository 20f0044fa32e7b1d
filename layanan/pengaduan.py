"""Rules of the complaints register that span tables: filing a complaint from any channel."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from bukutamu.models import KanalOnline, Sarana

from .models import Kanal, Pengaduan

# A complaint written in the guest book keeps the channel it came through.
KANAL_DARI_KUNJUNGAN = {
    KanalOnline.PST: Kanal.WEBSITE,
    KanalOnline.WHATSAPP: Kanal.WHATSAPP,
    KanalOnline.EMAIL: Kanal.EMAIL,
}


def daftarkan_pengaduan_buku_tamu(layanan, *, kunjungan, petugas):
    """A Pengaduan service from the guest book is also a row of the complaints register."""
    kanal = Kanal.LANGSUNG
    if kunjungan.sarana == Sarana.ONLINE:
        kanal = KANAL_DARI_KUNJUNGAN.get(kunjungan.kanal_online, Kanal.LANGSUNG)
    # Who complained as the visit recorded them, and the contact the officer confirmed for it.
    kontak = kunjungan.kontak
    catat_pengaduan(
        isi=kunjungan.keperluan, kanal=kanal, oleh=petugas, layanan=layanan, diterima_pada=kunjungan.waktu,
        nama_pelapor=kontak.nama, kontak_pelapor=kontak.no_hp or kontak.email,
    )


def catat_pengaduan(
    *, isi, kanal=Kanal.LANGSUNG, oleh=None, layanan=None, unsur="", nama_pelapor="", kontak_pelapor="",
    nomor_tiket_lapor="", diterima_pada=None,
):
    """File a complaint in the register and return it.

    For other apps too (a complaint written in a rating: kanal=Kanal.RATING, layanan=the rated
    service, oleh=None). Filing the same text for the same service and channel again returns the
    existing complaint, so a retried call never files it twice. Raises ValidationError with an
    Indonesian message on bad input (empty text, LAPOR! without its ticket number, unknown choice).
    """
    isi = (isi or "").strip()
    if not isi:
        raise ValidationError({"isi": "Isi pengaduan wajib diisi."})
    if layanan is not None:
        ada = Pengaduan.objects.filter(layanan=layanan, kanal=kanal, isi=isi).first()
        if ada:
            return ada
    pengaduan = Pengaduan(
        isi=isi, kanal=kanal, dicatat_oleh=oleh, layanan=layanan, unsur=unsur or "",
        nama_pelapor=(nama_pelapor or "")[:150], kontak_pelapor=(kontak_pelapor or "")[:150],
        nomor_tiket_lapor=(nomor_tiket_lapor or "").strip(), diterima_pada=diterima_pada or timezone.now(),
    )
    pengaduan.full_clean(exclude=["dibuat"])
    pengaduan.save()
    return pengaduan
