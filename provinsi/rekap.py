"""The province's figures of a report period: every office side by side, the province total, trends.

Whole calendar years and months are read from each office's sums (BulanKantor), the days at the
period's edges from the day rows (RingkasanKantor): a year of 38 offices is 38 small JSON objects
and one grouped query for the trend, whatever the offices' sizes. Only days already over reach the
province (an office sends a day after its midnight), so a period holding today shows the past days.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.utils.functional import cached_property

from pst_frontoffice.kalender import hari_ini

from .angka import AngkaKantor
from .models import BulanKantor, Kantor, RingkasanKantor

SATU_HARI = datetime.timedelta(days=1)


def _akhir_bulan(bulan):
    return (bulan + datetime.timedelta(days=32)).replace(day=1) - SATU_HARI


def tahun_penuh(mulai, selesai):
    """The calendar years (their 1 January) lying wholly inside [mulai, selesai]."""
    pertama = mulai.year if (mulai.month, mulai.day) == (1, 1) else mulai.year + 1
    terakhir = selesai.year if (selesai.month, selesai.day) == (12, 31) else selesai.year - 1
    return [datetime.date(t, 1, 1) for t in range(pertama, terakhir + 1)]


def bulan_penuh(mulai, selesai):
    """The calendar months (their first days) lying wholly inside [mulai, selesai]."""
    b = mulai if mulai.day == 1 else _akhir_bulan(mulai) + SATU_HARI
    hasil = []
    while _akhir_bulan(b) <= selesai:
        hasil.append(b)
        b = _akhir_bulan(b) + SATU_HARI
    return hasil


@dataclass
class BarisKantor:
    kantor: Kantor
    angka: AngkaKantor
    hari_diterima: int

    @property
    def hari_periode(self):
        return self.angka.periode.jumlah_hari

    @property
    def tertinggal(self):
        """Office days since its latest summary, up to yesterday (None when it never sent one)."""
        if self.kantor.ringkasan_terakhir is None:
            return None
        return max(0, (hari_ini() - SATU_HARI - self.kantor.ringkasan_terakhir).days)

    @property
    def diam(self):
        """Silent: no summary yet, or more than one day behind (a day arrives after the office's midnight)."""
        return self.tertinggal is None or self.tertinggal > 1


class Rekap:
    """One period for the province, or for one office (`kantor`)."""

    def __init__(self, periode, *, kantor=None):
        self.periode = periode
        self.satu_kantor = kantor

    @cached_property
    def kantor(self):
        if self.satu_kantor is not None:
            return [self.satu_kantor]
        return list(Kantor.objects.order_by("kode"))

    @cached_property
    def _jumlah(self):
        """{kantor id: (Counter of counts, days received)}: whole years, then whole months outside them, then the days left."""
        mulai, selesai = self.periode.mulai, self.periode.selesai
        tahun = tahun_penuh(mulai, selesai)
        dalam_tahun = {t.year for t in tahun}
        bulan = [b for b in bulan_penuh(mulai, selesai) if b.year not in dalam_tahun]
        hasil = {k.pk: (Counter(), [0]) for k in self.kantor}
        jumlah = Q(tahunan=True, bulan__in=tahun) | Q(tahunan=False, bulan__in=bulan)
        if tahun or bulan:
            qs = BulanKantor.objects.filter(jumlah, kantor__in=hasil)
            for kantor_id, angka, hari in qs.values_list("kantor_id", "angka", "hari").iterator(chunk_size=500):
                hasil[kantor_id][0].update(angka)
                hasil[kantor_id][1][0] += hari
        tercakup = [(t, t.replace(month=12, day=31)) for t in tahun] + [(b, _akhir_bulan(b)) for b in bulan]
        sisa = Q(tanggal__range=(mulai, selesai))
        for a, z in tercakup:
            sisa &= ~Q(tanggal__range=(a, z))
        for kantor_id, angka in RingkasanKantor.objects.filter(sisa, kantor__in=hasil).values_list("kantor_id", "angka").iterator(chunk_size=500):
            hasil[kantor_id][0].update(angka)
            hasil[kantor_id][1][0] += 1
        return {k: (c, n[0]) for k, (c, n) in hasil.items()}

    @cached_property
    def per_kantor(self):
        baris = []
        for k in self.kantor:
            jumlah, hari = self._jumlah[k.pk]
            baris.append(BarisKantor(k, AngkaKantor(jumlah, jenis=k.jenis_layanan, standar=k.standar, periode=self.periode), hari))
        return baris

    @cached_property
    def total(self):
        return AngkaKantor.total([b.angka for b in self.per_kantor], periode=self.periode)

    def tren(self):
        """Services and visits per day (per week beyond two months), every day or week present, as the office report."""
        qs = RingkasanKantor.objects.filter(tanggal__range=(self.periode.mulai, self.periode.selesai))
        if self.satu_kantor is not None:
            qs = qs.filter(kantor=self.satu_kantor)
        return self.periode.baris_tren(qs.values_list("tanggal").annotate(l=Sum("layanan"), k=Sum("kunjungan")).order_by())

    def hari_kantor(self):
        """The office's days received in the period, newest first (drill-down)."""
        return (
            RingkasanKantor.objects.filter(kantor=self.satu_kantor, tanggal__range=(self.periode.mulai, self.periode.selesai))
            .order_by("-tanggal").only("tanggal", "diterima_pada", "dikirim_ulang", "layanan", "kunjungan", "dihitung_pada")
        )


def baris_ringkas(baris):
    """The side-by-side columns of one office (a BarisKantor) or of the total (an AngkaKantor)."""
    angka = baris.angka if isinstance(baris, BarisKantor) else baris
    r = angka.ringkasan()
    kepatuhan = angka.kepatuhan()
    dipanggil, tepat = angka.antrian_tepat()
    k = angka.kepuasan()
    skd = angka.skd()
    return {
        "kunjungan": r["kunjungan"], "layanan": r["layanan"], "selesai": r["selesai"],
        "tingkat_penyelesaian": r["tingkat_penyelesaian"], "terlambat_terbuka": r["terlambat_terbuka"],
        "jatuh_tempo": kepatuhan["jatuh_tempo"], "memenuhi": kepatuhan["memenuhi"], "persen_tepat": kepatuhan["persen"],
        "antrian_dipanggil": dipanggil, "antrian_persen": round(100 * tepat / dipanggil, 1) if dipanggil else None,
        "ikm": k["keseluruhan"].ikm, "mutu": k["keseluruhan"].mutu, "arti_mutu": k["keseluruhan"].arti_mutu,
        "responden": k["keseluruhan"].responden, "sampel_minimum": k["sampel_minimum"], "sampel_cukup": k["sampel_cukup"],
        "permintaan_data": skd["permintaan_data"], "skd_diisi": skd["diisi"], "skd_persen": skd["persen_diisi"],
    }
