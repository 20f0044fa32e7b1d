"""Working days of the office: no weekends, national holidays or cuti bersama (the service standards count
online answers in working days).

National holidays come from the `holidays` package; cuti bersama is decreed each year, so it is
kept as dates an Admin edits (`CutiBersama`, proposed from the package by `hari_libur`), together
with one-off holidays and corrections of the package's estimated dates. Dates are the office's own
(see `kalender`): callers pass a local date, never `datetime.date()` of a UTC value.
"""

import datetime
import functools

import holidays

from django.utils import timezone

from .hari_libur import usulkan_yang_belum
from .kalender import awal_hari
from .models import CutiBersama

SABTU = 5


@functools.lru_cache(maxsize=32)
def _libur_nasional(tahun):
    return dict(holidays.Indonesia(years=tahun))


def libur_nasional(tanggal):
    """The name of the national holiday on `tanggal`, or None."""
    return _libur_nasional(tanggal.year).get(tanggal)


class KalenderKerja:
    """Working-day arithmetic with the Admin's dates read once (one query per calendar).

    `cuti_bersama`: extra days off; `bukan_libur`: days the office works although the package
    names a holiday (a proposal unticked, or an estimated date the Admin moved).
    """

    def __init__(self, cuti_bersama=None, *, bukan_libur=()):
        if cuti_bersama is None:
            cuti_bersama, bukan_libur = _tanggal_admin()
        self.cuti_bersama = frozenset(cuti_bersama)
        self.bukan_libur = frozenset(bukan_libur) - self.cuti_bersama

    def adalah_hari_libur(self, tanggal):
        """A national holiday or cuti bersama (weekends aside: service hours decide those)."""
        if tanggal in self.cuti_bersama:
            return True
        return tanggal not in self.bukan_libur and libur_nasional(tanggal) is not None

    def adalah_hari_kerja(self, tanggal):
        return tanggal.weekday() < SABTU and not self.adalah_hari_libur(tanggal)

    def tambah_hari_kerja(self, mulai, n):
        """The n-th working day after `mulai` (n=0: `mulai` itself if it is one, else the next)."""
        tanggal = mulai
        if n == 0:
            while not self.adalah_hari_kerja(tanggal):
                tanggal += datetime.timedelta(days=1)
            return tanggal
        sisa = n
        while sisa:
            tanggal += datetime.timedelta(days=1)
            if self.adalah_hari_kerja(tanggal):
                sisa -= 1
        return tanggal

    def hari_kerja_antara(self, dari, sampai):
        """How many working days lie in (dari, sampai]."""
        jumlah, tanggal = 0, dari
        while tanggal < sampai:
            tanggal += datetime.timedelta(days=1)
            jumlah += self.adalah_hari_kerja(tanggal)
        return jumlah

    def akhir_hari_kerja_ke(self, mulai, n, tz=None):
        """The end of the n-th working day after `mulai` in `tz` (default the current zone).

        The end is the day's last instant (23.59.59.999999), so anything done on that day, up to
        midnight, is done by then: work finished at 23.59.30 on the last day is on time. It reads
        "23.59" wherever a time is shown to the minute.
        """
        tanggal = self.tambah_hari_kerja(mulai, n)
        if tz is None:
            return awal_hari(tanggal + datetime.timedelta(days=1)) - datetime.timedelta(microseconds=1)
        return datetime.datetime.combine(tanggal, datetime.time.max, tzinfo=tz)


def _tanggal_admin():
    """(days off, days worked) from `CutiBersama`; a year without proposals gets them first."""
    baris = list(CutiBersama.objects.values_list("tanggal", "berlaku", "tanggal_usulan"))
    sudah = {usulan.year for _, _, usulan in baris if usulan}
    if usulkan_yang_belum(timezone.localdate(), sudah=sudah):
        baris = list(CutiBersama.objects.values_list("tanggal", "berlaku", "tanggal_usulan"))
    libur = {t for t, berlaku, _ in baris if berlaku}
    masuk = {t for t, berlaku, _ in baris if not berlaku}
    masuk |= {usulan for t, _, usulan in baris if usulan and usulan != t}
    return libur, masuk


def adalah_hari_kerja(tanggal):
    return KalenderKerja().adalah_hari_kerja(tanggal)


def adalah_hari_libur(tanggal):
    return KalenderKerja().adalah_hari_libur(tanggal)


def tambah_hari_kerja(mulai, n):
    return KalenderKerja().tambah_hari_kerja(mulai, n)


def hari_kerja_antara(dari, sampai):
    return KalenderKerja().hari_kerja_antara(dari, sampai)
