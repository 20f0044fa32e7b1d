"""Rules of the services that span tables: opening them from a guest-book visit, recomputing due
times, the auto-close of silent online consultations, and the WhatsApp group summary."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone

from bukutamu.bawaan import KODE_KONSULTASI, KODE_PENGADUAN
from bukutamu.models import Sarana
from pst_frontoffice.hari_kerja import KalenderKerja
from pst_frontoffice.models import TEMPLATE_WA_GRUP_BAWAAN, PengaturanKantor, Peran
from pst_frontoffice.whatsapp import pesan_wa, tautan_wa

from .models import EMAIL_SISTEM, BerkasSurat, Layanan, NomorSurat, RiwayatLayanan, Status
from .pengaduan import daftarkan_pengaduan_buku_tamu
from .signals import tenggat_diperbarui


def buka_layanan_untuk_kunjungan(*, kunjungan, petugas):
    """One service per chosen jenis, handled by the officer who wrote the guest book."""
    dibuat = []
    for jenis in kunjungan.jenis_layanan.all():
        layanan = Layanan.objects.create(kunjungan=kunjungan, jenis=jenis, petugas=petugas, dibuat=kunjungan.waktu)
        layanan.catat_riwayat(
            "Dicatat dari Buku Tamu.", oleh=petugas, jenis=RiwayatLayanan.Jenis.DIBUAT, ke_status=layanan.status,
            waktu=kunjungan.waktu,
        )
        if jenis.kode == KODE_PENGADUAN:
            daftarkan_pengaduan_buku_tamu(layanan, kunjungan=kunjungan, petugas=petugas)
        dibuat.append(layanan)
    return dibuat


def perbarui_tenggat_terbuka(*, kantor=None):
    """Recompute the due time of every open service (after the standards or cuti bersama change)."""
    kantor = kantor or PengaturanKantor.get()
    kalender = KalenderKerja()
    daftar = list(Layanan.objects.terbuka().select_related("kunjungan", "jenis"))
    perubahan = []
    for layanan in daftar:
        lama = layanan.tenggat
        layanan.tenggat = layanan.hitung_tenggat(kantor=kantor, kalender=kalender)
        if layanan.tenggat != lama:
            perubahan.append((lama, layanan.tenggat))
    Layanan.objects.bulk_update(daftar, ["tenggat"], batch_size=500)
    if perubahan:
        tenggat_diperbarui.send(sender=Layanan, perubahan=perubahan)
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
    """Online consultations waiting on the visitor (Menunggu tanggapan pengunjung) silent for `hari` days.

    The consultation service standard closes a conversation the *visitor* let go silent after the
    office answered; a request the office never answered stays open (and shows as overdue). The
    silence runs from the office's answer or the visitor's last answer (`dengan_awal_diam`).
    """
    batas = (sekarang or timezone.now()) - datetime.timedelta(days=hari)
    return (
        Layanan.objects.filter(status=Status.MENUNGGU, sarana=Sarana.ONLINE, jenis__kode=KODE_KONSULTASI)
        .dengan_awal_diam()
        .filter(awal_diam__lt=batas)
        .order_by("pk")
    )


def tutup_konsultasi_online_diam(*, hari=None, sekarang=None):
    """Close silent answered online consultations as Selesai, marked auto-closed, with a history entry; safe to run repeatedly."""
    hari = hari or PengaturanKantor.get().tutup_otomatis_hari
    sistem = pengguna_sistem()
    ditutup = []
    for layanan in konsultasi_online_diam(hari=hari, sekarang=sekarang):
        catatan = (
            f"Ditutup otomatis: pengguna tidak menanggapi selama {hari} hari setelah dijawab "
            f"(tanpa tanggapan sejak {timezone.localtime(layanan.awal_diam):%d-%m-%Y %H.%M})."
        )
        try:
            with transaction.atomic():
                layanan.ubah_status(Status.SELESAI, oleh=sistem, catatan=catatan, otomatis=True)
        except ValidationError:
            continue  # an officer changed it meanwhile; their change wins
        ditutup.append(layanan)
    return ditutup


def catat_tanggapan_pengunjung(*, layanan, oleh, catatan="", waktu=None):
    """Record that the visitor answered (a reply by phone, e-mail, WhatsApp…), in the service's history.

    The one way to say so: the auto-close reads these entries (`LayananQuerySet.dengan_awal_diam`),
    so a visitor who answers is not closed as silent. An officer records it from the service page;
    code that receives replies by itself records them as the system account (`pengguna_sistem()`)
    with the time the reply arrived.
    """
    return layanan.catat_riwayat(
        (catatan or "").strip() or "Pengunjung menanggapi.", oleh=oleh, jenis=RiwayatLayanan.Jenis.TANGGAPAN, waktu=waktu,
    )


def teks_notifikasi_grup(layanan, *, kantor, request=None):
    """The summary an officer sends to the internal WhatsApp coordination group."""
    tautan = reverse("layanan:detail", args=[layanan.pk])
    if request is not None:
        tautan = request.build_absolute_uri(tautan)
    kunjungan = layanan.kunjungan
    return pesan_wa(
        kantor.template_wa_grup, cadangan=TEMPLATE_WA_GRUP_BAWAAN,
        nama=kunjungan.nama,
        instansi=kunjungan.instansi or "-",
        jenis=layanan.jenis.nama,
        keperluan=kunjungan.keperluan,
        petugas=layanan.petugas.nama,
        tautan=tautan,
        nomor=f"#{layanan.pk}",
    )


def tautan_notifikasi_grup(layanan, *, kantor, request=None):
    return tautan_wa(teks_notifikasi_grup(layanan, kantor=kantor, request=request))


# The visitor's other services shown beside a service; the rest are a click away in Semua Layanan.
BATAS_RIWAYAT_PENGUNJUNG = 12


def riwayat_pengunjung(layanan, *, batas=BATAS_RIWAYAT_PENGUNJUNG):
    """The visitor's other services (earlier visits, and the same visit's other kinds), newest first,
    each with its reply-letter number and signed file if any; and how many there are in all."""
    qs = Layanan.objects.filter(kunjungan__pengunjung_id=layanan.kunjungan.pengunjung_id).exclude(pk=layanan.pk)
    baris = list(qs.select_related("jenis", "kunjungan").order_by("-dibuat", "-id")[:batas])
    # Reply letters are given to data requests only (surat.beri_nomor_surat): the others need no look.
    permintaan = [b for b in baris if b.jenis.adalah_permintaan_data]
    for b in baris:
        if not b.jenis.adalah_permintaan_data:
            b.nomor_aktif, b.berkas_aktif = [], []
    prefetch_related_objects(
        permintaan,
        Prefetch("nomor_surat", queryset=NomorSurat.objects.aktif(), to_attr="nomor_aktif"),
        Prefetch("berkas_surat", queryset=BerkasSurat.objects.filter(diganti_pada__isnull=True), to_attr="berkas_aktif"),
    )
    return baris, (len(baris) if len(baris) < batas else qs.count())
