"""Report periods: a day, an ISO week (Monday–Sunday), a month, a year, or any date range."""

import calendar
import datetime
from dataclasses import dataclass

from django.utils.formats import date_format

from pst_frontoffice.kalender import rentang_hari

JENIS_PERIODE = {
    "hari": "Harian",
    "minggu": "Mingguan",
    "bulan": "Bulanan",
    "tahun": "Tahunan",
    "rentang": "Rentang tanggal",
}


@dataclass(frozen=True)
class Periode:
    jenis: str
    mulai: datetime.date
    selesai: datetime.date  # inclusive

    @classmethod
    def dari(cls, jenis, tanggal):
        """The period of the given kind that contains `tanggal`."""
        if jenis == "hari":
            return cls(jenis, tanggal, tanggal)
        if jenis == "minggu":
            senin = tanggal - datetime.timedelta(days=tanggal.weekday())
            return cls(jenis, senin, senin + datetime.timedelta(days=6))
        if jenis == "bulan":
            akhir = calendar.monthrange(tanggal.year, tanggal.month)[1]
            return cls(jenis, tanggal.replace(day=1), tanggal.replace(day=akhir))
        if jenis == "tahun":
            return cls(jenis, datetime.date(tanggal.year, 1, 1), datetime.date(tanggal.year, 12, 31))
        raise ValueError(f"jenis periode tidak dikenal: {jenis}")

    @property
    def batas(self):
        """Aware datetimes [start, end) in the office zone, for index-friendly filters."""
        return rentang_hari(self.mulai, self.selesai)

    @property
    def jumlah_hari(self):
        return (self.selesai - self.mulai).days + 1

    @property
    def per_minggu(self):
        """Trend charts group by week when a period is longer than two months."""
        return self.jumlah_hari > 62

    @property
    def label(self):
        if self.jenis == "hari":
            return date_format(self.mulai, "l, j F Y")
        if self.jenis == "bulan":
            return date_format(self.mulai, "F Y")
        if self.jenis == "tahun":
            return f"Tahun {self.mulai.year}"
        return f"{_tanggal(self.mulai)} – {_tanggal(self.selesai)}"

    @property
    def judul(self):
        return f"Laporan {JENIS_PERIODE[self.jenis]}" if self.jenis != "rentang" else "Laporan Pelayanan"

    def geser(self, arah):
        """The previous (-1) or next (+1) period of the same kind."""
        if self.jenis == "rentang":
            n = datetime.timedelta(days=self.jumlah_hari * arah)
            try:
                return Periode("rentang", self.mulai + n, self.selesai + n)
            except OverflowError:
                return self
        try:
            if arah < 0:
                return Periode.dari(self.jenis, self.mulai - datetime.timedelta(days=1))
            return Periode.dari(self.jenis, self.selesai + datetime.timedelta(days=1))
        except OverflowError:
            return self  # at the end of the calendar there is no further period (forms keep dates in 2000–2100)

    def query(self):
        """GET parameters that reproduce this period."""
        if self.jenis == "rentang":
            return {"periode": "rentang", "dari": self.mulai.isoformat(), "sampai": self.selesai.isoformat()}
        return {"periode": self.jenis, "tanggal": self.mulai.isoformat()}

    def nama_berkas(self):
        return f"laporan-pst-{self.mulai:%Y%m%d}-{self.selesai:%Y%m%d}"


def _tanggal(d):
    return date_format(d, "j F Y")
