"""Rules of rating and SKD that span models or have side effects."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from layanan.models import Kanal, Status
from layanan.pengaduan import catat_pengaduan
from pesan import outbox as pesan_keluar
from pesan.models import Peristiwa
from pst_frontoffice.models import PengaturanKantor
from pst_frontoffice.qr import qr_svg  # noqa: F401 (the panel's views use services.qr_svg)
from pst_frontoffice.skm import FIELD_UNSUR
from pst_frontoffice.whatsapp import pesan_wa, tautan_wa

from .models import PROFIL, Penilaian, RiwayatRating, SurveiSKD, batas_berlaku, buat_token
from .signals import skd_berubah


class TautanTidakBerlaku(Exception):
    """A visitor's token that cannot be used: `alasan` is 'tidak_dikenal', 'sudah_diisi' or 'kedaluwarsa'."""

    def __init__(self, alasan):
        super().__init__(alasan)
        self.alasan = alasan


def boleh_dinilai(layanan):
    return layanan.status != Status.DIBATALKAN


def boleh_kelola_tautan(layanan, user):
    """Only the handling officer, a co-handler or an Admin hands out (or even sees) the rating link.

    Anyone else could rate a colleague's service themselves and skew the per-officer IKM.
    """
    return boleh_dinilai(layanan) and layanan.boleh_diubah_oleh(user)


def perlu_skd(layanan, *, kantor):
    """Data requests (and kinds the office lists in SKD_JENIS_TAMBAHAN) get the SKD link."""
    if not kantor.url_skd:
        return False
    return layanan.jenis.adalah_permintaan_data or layanan.jenis.kode in settings.SKD_JENIS_TAMBAHAN


def pastikan_penilaian(layanan, *, oleh):
    """The service's rating link; created on first use, renewed when it expired unused."""
    with transaction.atomic():
        penilaian, dibuat = Penilaian.objects.select_for_update().get_or_create(layanan=layanan)
        if dibuat:
            RiwayatRating.objects.create(layanan=layanan, jenis=RiwayatRating.Jenis.TAUTAN_DIBUAT, oleh=oleh)
        elif penilaian.kedaluwarsa:
            # A fresh token, so the old link (perhaps forwarded) stays dead.
            penilaian.token = buat_token()
            penilaian.berlaku_sampai = batas_berlaku()
            penilaian.save(update_fields=["token", "berlaku_sampai"])
            RiwayatRating.objects.create(layanan=layanan, jenis=RiwayatRating.Jenis.TAUTAN_DIPERBARUI, oleh=oleh)
    return penilaian


def pastikan_skd(layanan, *, oleh):
    skd, dibuat = SurveiSKD.objects.get_or_create(layanan=layanan)
    if dibuat:
        RiwayatRating.objects.create(layanan=layanan, jenis=RiwayatRating.Jenis.SKD_DIBUAT, oleh=oleh)
    return skd


def siapkan_tautan(layanan, *, oleh, kantor):
    """Create, or renew once expired, the rating link and (when the service asks for it) the SKD link."""
    penilaian = pastikan_penilaian(layanan, oleh=oleh)
    if perlu_skd(layanan, kantor=kantor):
        pastikan_skd(layanan, oleh=oleh)
    return penilaian


def ambil_penilaian_terbuka(token):
    """The rating a visitor may still fill, or TautanTidakBerlaku saying why not."""
    penilaian = Penilaian.objects.select_related("layanan__jenis", "layanan__petugas").filter(token=token).first()
    if penilaian is None or not boleh_dinilai(penilaian.layanan):
        raise TautanTidakBerlaku("tidak_dikenal")
    if penilaian.sudah_diisi:
        raise TautanTidakBerlaku("sudah_diisi")
    if penilaian.kedaluwarsa:
        raise TautanTidakBerlaku("kedaluwarsa")
    return penilaian


def simpan_penilaian(*, token, jawaban, komentar="", pengaduan="", profil=None):
    """Record the visitor's answers (and optional profile, see models.PROFIL) once; a second send (or a race) is refused."""
    with transaction.atomic():
        penilaian = ambil_penilaian_terbuka(token)
        # Lock and re-check: two taps on Kirim must not both pass.
        terkunci = Penilaian.objects.select_for_update().get(pk=penilaian.pk)
        if terkunci.sudah_diisi:
            raise TautanTidakBerlaku("sudah_diisi")
        for field in FIELD_UNSUR:
            nilai = int(jawaban[field])
            if not 1 <= nilai <= 4:
                raise ValidationError("Nilai harus 1 sampai 4.")
            setattr(terkunci, field, nilai)
        terkunci.komentar = (komentar or "").strip()
        terkunci.pengaduan = (pengaduan or "").strip()
        for field, _, pilihan in PROFIL:
            nilai = (profil or {}).get(field) or ""
            if nilai and nilai not in pilihan.values:
                raise ValidationError("Pilihan profil tidak dikenal.")
            setattr(terkunci, field, nilai)
        terkunci.diisi_pada = timezone.now()
        terkunci.save()
        RiwayatRating.objects.create(layanan_id=terkunci.layanan_id, jenis=RiwayatRating.Jenis.RATING_DIISI)
        if terkunci.pengaduan:
            # A complaint written in a rating lands in the complaints register, in the same transaction.
            pengunjung = terkunci.layanan.kontak
            catat_pengaduan(
                isi=terkunci.pengaduan, kanal=Kanal.RATING, layanan=terkunci.layanan,
                nama_pelapor=pengunjung.nama, kontak_pelapor=pengunjung.no_hp or pengunjung.email,
                diterima_pada=terkunci.diisi_pada,
            )
    return terkunci


def catat_skd_dibuka(skd):
    """Count an opening of the short link (atomic increment, safe for simultaneous clicks)."""
    sekarang = timezone.now()
    SurveiSKD.objects.filter(pk=skd.pk).update(jumlah_dibuka=F("jumlah_dibuka") + 1, terakhir_dibuka=sekarang)
    if SurveiSKD.objects.filter(pk=skd.pk, pertama_dibuka__isnull=True).update(pertama_dibuka=sekarang):
        skd_berubah.send(sender=SurveiSKD, skd=skd)


def tandai_skd_diisi(skd, *, oleh=None):
    """SKD Diisi: by the officer (`oleh`) or confirmed by the visitor (no user). Once only."""
    with transaction.atomic():
        diperbarui = SurveiSKD.objects.filter(pk=skd.pk, diisi_pada__isnull=True).update(
            diisi_pada=timezone.now(), ditandai_oleh=oleh
        )
        if not diperbarui:
            return False
        if oleh is None:
            RiwayatRating.objects.create(layanan_id=skd.layanan_id, jenis=RiwayatRating.Jenis.SKD_DIKONFIRMASI)
        else:
            RiwayatRating.objects.create(layanan_id=skd.layanan_id, jenis=RiwayatRating.Jenis.SKD_DIISI, oleh=oleh)
            skd.layanan.catat_riwayat("SKD ditandai Diisi.", oleh=oleh)
        skd_berubah.send(sender=SurveiSKD, skd=skd)
    skd.refresh_from_db()
    return True


PESAN_WA_RATING = (
    "Yth. Bapak/Ibu {nama},\n"
    "terima kasih telah menggunakan layanan {jenis} di PST {kantor}. "
    "Mohon kesediaan Bapak/Ibu menilai layanan kami (kurang dari 1 menit) melalui tautan berikut:\n{url}\n\n"
    "Penilaian Anda membantu kami memperbaiki pelayanan. Terima kasih."
)

PESAN_WA_SKD = (
    "Yth. Bapak/Ibu {nama},\n"
    "mohon bantuan mengisi Survei Kebutuhan Data (SKD) BPS atas permintaan data Anda di PST {kantor}:\n{url}\n\n"
    "Setelah selesai mengisi, mohon konfirmasi di sini:\n{url_konfirmasi}\n\nTerima kasih."
)


def pesan_wa_rating(layanan, *, url, kantor, url_lacak=""):
    teks = pesan_wa(PESAN_WA_RATING, nama=layanan.kontak.nama, jenis=layanan.jenis.nama, kantor=kantor.nama_kantor, url=url)
    return f"{teks}\n\nLacak layanan Anda: {url_lacak}" if url_lacak else teks


def pesan_wa_skd(layanan, *, url, url_konfirmasi, kantor):
    return pesan_wa(
        PESAN_WA_SKD, nama=layanan.kontak.nama, kantor=kantor.nama_kantor, url=url, url_konfirmasi=url_konfirmasi
    )


def kirim_tautan_ke_pengunjung(layanan, *, oleh):
    """Service set to Selesai: queue the rating link (and the SKD link) to the visitor's e-mail and,
    with the WhatsApp gateway on, their phone. The officer's QR code and Kirim WA stay as they are."""
    kantor = PengaturanKantor.get()
    penilaian = pastikan_penilaian(layanan, oleh=oleh)
    url = pesan_keluar.url_mutlak(penilaian.get_absolute_url())
    pesan_keluar.ke_pengunjung(
        layanan, peristiwa=Peristiwa.RATING, teks=pesan_wa_rating(layanan, url=url, kantor=kantor), oleh=oleh,
        subjek=f"Mohon nilai layanan kami — PST {kantor.nama_kantor}", isian={"url": url},
    )
    if perlu_skd(layanan, kantor=kantor):
        skd = pastikan_skd(layanan, oleh=oleh)
        url_skd = pesan_keluar.url_mutlak(skd.get_absolute_url())
        url_konfirmasi = pesan_keluar.url_mutlak(reverse("rating:skd_selesai", args=[skd.token]))
        pesan_keluar.ke_pengunjung(
            layanan, peristiwa=Peristiwa.SKD, oleh=oleh, subjek=f"Survei Kebutuhan Data BPS — PST {kantor.nama_kantor}",
            teks=pesan_wa_skd(layanan, url=url_skd, url_konfirmasi=url_konfirmasi, kantor=kantor),
            isian={"url": url_skd, "url_konfirmasi": url_konfirmasi},
        )


def tautan_wa_pengunjung(layanan, teks):
    """wa.me to the visitor's phone; without a phone the officer picks the chat."""
    return tautan_wa(teks, layanan.kontak.no_hp or "")
