"""Reply letters: the number format, giving the next number of the year, and keeping the signed file."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from pst_frontoffice.berkas import simpan_unggahan
from pst_frontoffice.kalender import tanggal_panjang
from pst_frontoffice.models import PengaturanKantor
from pst_frontoffice.nomor_surat import FORMAT_NOMOR_SURAT_BAWAAN, isi_format_nomor
from pst_frontoffice.teks import buang_kendali_arah
from pst_frontoffice.unggahan import nama_acak, periksa_berkas

from .models import BerkasSurat, NomorSurat, PenghitungSurat


def tanggal_indonesia(tanggal):
    """'22 November 2026' whatever language is active; '' for no date."""
    return tanggal_panjang(tanggal) if tanggal else ""


def format_nomor(format_, *, urut, kode_unit, klasifikasi, tanggal):
    """Apply the office's number format, e.g. B-007/63100/HM.310/11/2026."""
    data = dict(urut=urut, kode_unit=kode_unit, klasifikasi=klasifikasi, bulan=tanggal.month, tahun=tanggal.year)
    try:
        return isi_format_nomor(format_, **data)
    except ValueError:
        # A format saved before validation existed must not stop the desk.
        return isi_format_nomor(FORMAT_NOMOR_SURAT_BAWAAN, **data)


def beri_nomor_surat(*, layanan, klasifikasi, tujuan, perihal, oleh, pada=None):
    """Give the next number of the year to a data request's reply letter.

    The year's counter row is locked (select_for_update) for the whole transaction, so two officers
    pressing the button together get consecutive numbers; the unique (tahun, urut) constraint is the
    backstop. The year and month are those of the office's time zone.
    """
    if not layanan.jenis.adalah_permintaan_data:
        raise ValidationError("Nomor surat balasan hanya untuk layanan Permintaan Data.")
    klasifikasi = (klasifikasi or "").strip()
    tujuan = (tujuan or "").strip()
    perihal = (perihal or "").strip()
    if not (klasifikasi and tujuan and perihal):
        raise ValidationError("Klasifikasi, tujuan dan perihal surat wajib diisi.")
    kantor = PengaturanKantor.get()
    tanggal = timezone.localtime(pada or timezone.now(), kantor.tzinfo).date()
    try:
        with transaction.atomic():
            penghitung, _ = PenghitungSurat.objects.select_for_update().get_or_create(tahun=tanggal.year)
            if NomorSurat.objects.filter(layanan=layanan, dibatalkan=False).exists():
                raise ValidationError(
                    "Layanan ini sudah punya nomor surat balasan. Batalkan dulu nomor itu bila keliru."
                )
            penghitung.terakhir += 1
            penghitung.save(update_fields=["terakhir"])
            nomor = NomorSurat.objects.create(
                tahun=tanggal.year, urut=penghitung.terakhir, klasifikasi=klasifikasi, tanggal=tanggal,
                nomor=format_nomor(
                    kantor.format_nomor_surat, urut=penghitung.terakhir, kode_unit=kantor.kode_unit,
                    klasifikasi=klasifikasi, tanggal=tanggal,
                ),
                layanan=layanan, tujuan=tujuan, perihal=perihal, dibuat_oleh=oleh,
                dibuat=pada or timezone.now(),
            )
            layanan.catat_riwayat(
                f"Nomor surat balasan {nomor.nomor} diberikan (kepada {tujuan}, perihal {perihal}).", oleh=oleh
            )
    except IntegrityError as e:
        # Only reachable if the lock was bypassed (e.g. a number typed in by hand); nothing was saved.
        raise ValidationError("Nomor surat bentrok dengan nomor lain; tekan tombol sekali lagi.") from e
    return nomor


def unggah_berkas_surat(*, layanan, berkas, oleh):
    """Check the upload by content and keep it; the previous file is marked replaced, not removed."""
    jenis = periksa_berkas(berkas)
    with transaction.atomic():
        sebelumnya = list(BerkasSurat.objects.select_for_update().filter(layanan=layanan, diganti_pada__isnull=True))
        baru = BerkasSurat(
            layanan=layanan, nama_asli=(buang_kendali_arah(berkas.name) or "surat")[:255], jenis=jenis, ukuran=berkas.size,
            diunggah_oleh=oleh,
        )
        # Through the shared helper: a full disk gives a clear message and leaves no partial file.
        baru.berkas.name = simpan_unggahan(berkas, nama=nama_acak("surat-balasan", jenis))
        baru.save()
        BerkasSurat.objects.filter(pk__in=[b.pk for b in sebelumnya]).update(diganti_pada=timezone.now())
        catatan = f"Berkas surat balasan diunggah: {baru.nama_asli}"
        if sebelumnya:
            catatan += f" (menggantikan {', '.join(b.nama_asli for b in sebelumnya)})"
        layanan.catat_riwayat(catatan + ".", oleh=oleh)
    return baru
