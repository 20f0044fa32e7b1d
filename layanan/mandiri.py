"""Online requests sent through the self-registration form: who handles them, and the desk's list
of those nobody was on duty for."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from bukutamu.antrian import waktu_kantor
from bukutamu.pendaftaran import catat_permintaan_online
from pst_frontoffice.models import Peran

from .layanan import pengguna_sistem
from .models import STATUS_TERBUKA, Layanan


def petugas_jaga(waktu=None):
    """The officer on duty by the roster at `waktu`, or None.

    Read through the users' reverse relation `jadwal_piket` (the roster is presensi's table;
    layanan does not import presensi). Among those whose shift runs now, the one with the
    fewest open services; else anyone rostered that day, the same way.
    """
    lokal = waktu_kantor(waktu)
    jam = lokal.time()
    jumat = lokal.weekday() == 4
    hari_ini = Q(jadwal_piket__tanggal=lokal.date(), jadwal_piket__dibatalkan_pada__isnull=True)
    if jumat:
        berjalan = Q(jadwal_piket__shift__jam_mulai_jumat__lte=jam, jadwal_piket__shift__jam_selesai_jumat__gt=jam) | Q(
            jadwal_piket__shift__jam_mulai_jumat__isnull=True,
            jadwal_piket__shift__jam_mulai__lte=jam, jadwal_piket__shift__jam_selesai__gt=jam,
        )
    else:
        berjalan = Q(jadwal_piket__shift__jam_mulai__lte=jam, jadwal_piket__shift__jam_selesai__gt=jam)
    calon = get_user_model().objects.filter(is_active=True, peran__in=[Peran.PETUGAS, Peran.ADMIN]).annotate(
        terbuka=Count("layanan_ditangani", filter=Q(layanan_ditangani__status__in=STATUS_TERBUKA))
    )
    for syarat in (hari_ini & berjalan, hari_ini):
        petugas = calon.filter(syarat).order_by("terbuka", "nama", "pk").first()
        if petugas is not None:
            return petugas
    return None


@transaction.atomic
def terima_permintaan_online(*, pendaftaran):
    """Record the online request and open its services, for the officer on duty or the desk."""
    petugas = petugas_jaga(pendaftaran.dibuat)
    sistem = pengguna_sistem()
    kunjungan = catat_permintaan_online(pendaftaran=pendaftaran, petugas=petugas or sistem)
    layanan = list(kunjungan.layanan.select_related("jenis"))
    catatan = (
        f"Permintaan online dari formulir daftar mandiri; ditugaskan ke {petugas} menurut jadwal piket."
        if petugas else "Permintaan online dari formulir daftar mandiri; belum ada petugas piket, menunggu diambil petugas."
    )
    if not kunjungan.kontak_dikonfirmasi:
        catatan += (
            " Identitas yang diketik berbeda dengan data pengunjung tersimpan yang cocok: pesan otomatis "
            "(tautan rating, SKD, pemberitahuan, surat balasan) tidak dikirim ke kontak ini sampai petugas memeriksanya (Periksa Identitas)."
        )
    for item in layanan:
        item.catat_riwayat(catatan, oleh=sistem)
    if petugas:
        # Given by the roster, not taken: it rings the officer's bell as newly assigned.
        Layanan.objects.filter(pk__in=[item.pk for item in layanan]).update(ditugaskan_pada=timezone.now())
    return layanan


def belum_ditugaskan():
    """Open services still held by the system account: online requests nobody was on duty for."""
    return Layanan.objects.terbuka().filter(petugas__email=pengguna_sistem().email).untuk_daftar().order_by("dibuat", "id")


@transaction.atomic
def ambil(*, layanan_id, petugas):
    """An officer takes an unassigned online request; None when someone else took it first."""
    layanan = (
        Layanan.objects.select_for_update().filter(pk=layanan_id, petugas__email=pengguna_sistem().email).first()
    )
    if layanan is None or not layanan.terbuka:
        return None
    layanan.alihkan(petugas, oleh=petugas, catatan=f"Diambil oleh {petugas} dari daftar belum ditugaskan.")
    return layanan
