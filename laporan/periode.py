"""Report periods: a day, an ISO week (Monday–Sunday), a month, a year, or any date range."""

import calendar
import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.formats import date_format

from pst_frontoffice.kalender import hari_ini, rentang_hari

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

    @classmethod
    def bawaan(cls, hari):
        """The period the report opens on: the week holding `hari`, but on a Monday the week just ended.

        On Monday the new week is hours old and nearly empty, and Monday is when last week is
        reviewed. Only this unnamed default moves: the quick periods say what they show
        ("Minggu ini" is this week even on a Monday), and "Minggu lalu" and "Bulan lalu" sit beside
        them for the first days of a week or month, so no named choice changes its meaning.
        """
        if hari.weekday() == 0:
            hari -= datetime.timedelta(days=7)
        return cls.dari("minggu", hari)

    @staticmethod
    def pilihan_cepat(hari):
        """The quick periods seen from `hari`: (key, label, period), in the order of the buttons."""
        minggu = Periode.dari("minggu", hari)
        bulan = Periode.dari("bulan", hari)
        return [
            ("hari", "Hari ini", Periode.dari("hari", hari)),
            ("minggu", "Minggu ini", minggu),
            ("minggu_lalu", "Minggu lalu", minggu.geser(-1)),
            ("bulan", "Bulan ini", bulan),
            ("bulan_lalu", "Bulan lalu", bulan.geser(-1)),
            ("tahun", "Tahun ini", Periode.dari("tahun", hari)),
        ]

    @property
    def cepat(self):
        """The quick periods as the page shows them: (key, label, query, whether it is this period).

        "… ini" links name no date, so a bookmark keeps meaning today's period.
        """
        return [
            (kunci, label, urlencode(p.query() if kunci.endswith("_lalu") else {"periode": p.jenis}), p == self)
            for kunci, label, p in self.pilihan_cepat(hari_ini())
        ]

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

    def baris_tren(self, harian):
        """The trend rows of the office report and the province roll-up: services and visits per day (per
        week from its Monday beyond two months), every day or week present; `harian` gives
        (date, services, visits) of the days that had any."""
        langkah = datetime.timedelta(days=7 if self.per_minggu else 1)
        mulai = self.mulai - datetime.timedelta(days=self.mulai.weekday()) if self.per_minggu else self.mulai
        hasil = {}
        d = mulai
        while d <= self.selesai:
            hasil[d] = {"tanggal": d, "layanan": 0, "kunjungan": 0}
            d += langkah
        for tanggal, layanan, kunjungan in harian:
            b = hasil[tanggal - datetime.timedelta(days=tanggal.weekday())] if self.per_minggu else hasil[tanggal]
            b["layanan"] += layanan
            b["kunjungan"] += kunjungan
        return list(hasil.values())

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
        # Followed by "Pelayanan Statistik Terpadu" in the page's heading and the Word file's: a range is
        # plain "Laporan" (its dates are the label), never "Laporan Pelayanan Pelayanan …".
        return f"Laporan {JENIS_PERIODE[self.jenis]}" if self.jenis != "rentang" else "Laporan"

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
