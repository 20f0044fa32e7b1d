"""Rules that span the services app and others: opening services, WhatsApp summaries,
complaints, due times and the auto-close of silent online consultations."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from bukutamu.models import KanalOnline, Sarana
from pst_frontoffice.hari_kerja import KalenderKerja
from pst_frontoffice.models import TEMPLATE_WA_GRUP_BAWAAN, PengaturanKantor, Peran
from pst_frontoffice.whatsapp import tautan_wa

from .models import Kanal, Layanan, Pengaduan, RiwayatLayanan, Status

KODE_KONSULTASI = "konsultasi"
KODE_PENGADUAN = "pengaduan"
EMAIL_SISTEM = "sistem@pst-frontoffice.invalid"

# A complaint written in the guest book keeps the channel it came through.
KANAL_DARI_KUNJUNGAN = {
    KanalOnline.PST: Kanal.WEBSITE,
    KanalOnline.WHATSAPP: Kanal.WHATSAPP,
    KanalOnline.EMAIL: Kanal.EMAIL,
}


def buka_layanan_untuk_kunjungan(*, kunjungan, petugas):
    """One service per chosen jenis, handled by the officer who wrote the guest book."""
    dibuat = []
    for jenis in kunjungan.jenis_layanan.all():
        layanan = Layanan.objects.create(kunjungan=kunjungan, jenis=jenis, petugas=petugas, dibuat=kunjungan.waktu)
        RiwayatLayanan.objects.create(
            layanan=layanan, jenis=RiwayatLayanan.Jenis.DIBUAT, ke_status=layanan.status,
            catatan="Dicatat dari Buku Tamu.", oleh=petugas, waktu=kunjungan.waktu,
        )
        if jenis.kode == KODE_PENGADUAN:
            _daftarkan_pengaduan_buku_tamu(layanan, kunjungan=kunjungan, petugas=petugas)
        dibuat.append(layanan)
    return dibuat


def _daftarkan_pengaduan_buku_tamu(layanan, *, kunjungan, petugas):
    """A Pengaduan service from the guest book is also a row of the complaints register."""
    kanal = Kanal.LANGSUNG
    if kunjungan.sarana == Sarana.ONLINE:
        kanal = KANAL_DARI_KUNJUNGAN.get(kunjungan.kanal_online, Kanal.LANGSUNG)
    pengunjung = kunjungan.pengunjung
    catat_pengaduan(
        isi=kunjungan.keperluan, kanal=kanal, oleh=petugas, layanan=layanan, diterima_pada=kunjungan.waktu,
        nama_pelapor=pengunjung.nama, kontak_pelapor=pengunjung.no_hp or pengunjung.email,
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


def perbarui_tenggat_terbuka(*, kantor=None):
    """Recompute the due time of every open service (after the standards or cuti bersama change)."""
    kantor = kantor or PengaturanKantor.get()
    kalender = KalenderKerja()
    daftar = list(Layanan.objects.terbuka().select_related("kunjungan", "jenis"))
    for layanan in daftar:
        layanan.tenggat = layanan.hitung_tenggat(kantor=kantor, kalender=kalender)
    Layanan.objects.bulk_update(daftar, ["tenggat"], batch_size=500)
    return len(daftar)


def pengguna_sistem():
    """The account automatic actions are recorded under; it cannot log in."""
    User = get_user_model()
    try:
        return User.objects.get(email=EMAIL_SISTEM)
    except User.DoesNotExist:
        user = User(email=EMAIL_SISTEM, nama="Sistem (otomatis)", peran=Peran.PETUGAS, is_active=False)
        user.set_unusable_password()
        user.save()
        return user


def konsultasi_online_diam(*, hari, sekarang=None):
    """Open online consultations whose last activity (history entry or creation) is older than `hari` days."""
    batas = (sekarang or timezone.now()) - datetime.timedelta(days=hari)
    return (
        Layanan.objects.terbuka()
        .filter(kunjungan__sarana=Sarana.ONLINE, jenis__kode=KODE_KONSULTASI)
        .annotate(aktivitas_terakhir=Coalesce(Max("riwayat__waktu"), "dibuat"))
        .filter(aktivitas_terakhir__lt=batas)
        .order_by("pk")
    )


def tutup_konsultasi_online_diam(*, hari=None, sekarang=None):
    """Close silent online consultations as Selesai with a history entry; safe to run repeatedly."""
    hari = hari or PengaturanKantor.get().tutup_otomatis_hari
    sistem = pengguna_sistem()
    ditutup = []
    for layanan in konsultasi_online_diam(hari=hari, sekarang=sekarang):
        catatan = (
            f"Ditutup otomatis: pengguna tidak menanggapi selama {hari} hari "
            f"(aktivitas terakhir {timezone.localtime(layanan.aktivitas_terakhir):%d-%m-%Y %H.%M})."
        )
        try:
            with transaction.atomic():
                layanan.ubah_status(Status.SELESAI, oleh=sistem, catatan=catatan)
        except ValidationError:
            continue  # an officer changed it meanwhile; their change wins
        ditutup.append(layanan)
    return ditutup


class _Aman(dict):
    """Leaves an unknown {placeholder} as it is instead of failing on an Admin's typo."""

    def __missing__(self, key):
        return "{" + key + "}"


def teks_notifikasi_grup(layanan, *, kantor, request=None):
    """The summary an officer sends to the internal WhatsApp coordination group."""
    tautan = reverse("layanan:detail", args=[layanan.pk])
    if request is not None:
        tautan = request.build_absolute_uri(tautan)
    kunjungan = layanan.kunjungan
    data = _Aman(
        nama=kunjungan.pengunjung.nama,
        instansi=kunjungan.instansi or kunjungan.pengunjung.instansi or "-",
        jenis=layanan.jenis.nama,
        keperluan=kunjungan.keperluan,
        petugas=layanan.petugas.nama,
        tautan=tautan,
        nomor=f"#{layanan.pk}",
    )
    try:
        return kantor.template_wa_grup.format_map(data)
    except (ValueError, IndexError, AttributeError):
        # A broken template must not stop the officer: fall back to the default wording.
        return TEMPLATE_WA_GRUP_BAWAAN.format_map(data)


def tautan_notifikasi_grup(layanan, *, kantor, request=None):
    return tautan_wa(teks_notifikasi_grup(layanan, kantor=kantor, request=request))
