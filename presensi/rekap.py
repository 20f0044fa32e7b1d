"""Monthly attendance recap per officer (for Pimpinan; the reports app may reuse `rekap_bulanan`)."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from pst_frontoffice.models import Peran

from .jadwal import hari_dalam_bulan
from .models import JadwalPiket, Presensi
from .services import zona_kantor

KOLOM_REKAP = (
    "Petugas", "Email", "Jadwal Piket", "Hadir", "Terlambat", "Tanpa Absen Pulang", "Jam Kerja",
)


@dataclass
class RekapPetugas:
    petugas: object
    jadwal: int = 0
    hadir: int = 0
    terlambat: int = 0
    tanpa_pulang: int = 0
    durasi: datetime.timedelta = field(default_factory=datetime.timedelta)

    @property
    def jam(self):
        """Hours worked, one decimal."""
        return round(self.durasi.total_seconds() / 3600, 1)


def rekap_bulanan(tahun, bulan, *, tz=None):
    """Per officer for the month: scheduled duties, attendances, late arrivals (after the start of
    their first shift that day), days without their own Absen Pulang, and hours between Absen Masuk
    and Absen Pulang. Three queries whatever the size."""
    tz = tz or zona_kantor()
    hari = hari_dalam_bulan(tahun, bulan)
    rentang = (hari[0], hari[-1])
    mulai_shift = {}  # (officer, date) -> earliest shift start
    per_petugas = {}

    def baris(user):
        return per_petugas.setdefault(user.pk, RekapPetugas(petugas=user))

    for u in get_user_model().objects.filter(is_active=True, peran=Peran.PETUGAS):
        baris(u)
    for j in JadwalPiket.objects.berlaku().filter(tanggal__range=rentang).select_related("shift", "petugas"):
        baris(j.petugas).jadwal += 1
        mulai = j.shift.rentang(j.tanggal, tz)[0]
        kunci = (j.petugas_id, j.tanggal)
        mulai_shift[kunci] = min(mulai, mulai_shift.get(kunci, mulai))
    for p in Presensi.objects.filter(tanggal__range=rentang).select_related("petugas"):
        r = baris(p.petugas)
        r.hadir += 1
        mulai = mulai_shift.get((p.petugas_id, p.tanggal))
        if mulai and p.masuk > mulai:
            r.terlambat += 1
        if p.lupa_pulang:
            r.tanpa_pulang += 1
        if p.pulang:
            r.durasi += p.pulang - p.masuk
    return sorted(per_petugas.values(), key=lambda r: (r.petugas.nama or r.petugas.email).lower())


def baris_rekap(rekap):
    for r in rekap:
        yield (r.petugas.nama, r.petugas.email, r.jadwal, r.hadir, r.terlambat, r.tanpa_pulang, r.jam)
