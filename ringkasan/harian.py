"""Keeping the stored daily summaries current, reading them for a period, and a day's portable form.

- A saved change marks the office days it touches (`tandai`, from ringkasan.receivers); only past
  days are stored, so a change to today's services marks nothing.
- `hitung_ulang` (the nightly catch-up, `manage.py hitung_ringkasan`) recomputes every marked day,
  every past day not stored yet, and every day stored in another time zone or by another version
  of the definition, then sums each complete month whose days are all current (`jumlahkan_bulan`).
- `baca` gives a report the figures of a period: whole months from their sums, the other stored
  days from their rows (both summed by the database), plus `hitung` for the days that cannot be
  trusted (today and later, marked, missing, other zone).
- `sebagai_data` is one day as plain data without personal data, for the province roll-up.

A change of the office's time zone moves midnight, so every stored day would cut the services at
the wrong hour: they are all treated as not stored until the catch-up has recomputed them in the
new zone (each day records the zone it was cut in). Reports stay right meanwhile, computing live.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Min, Q, Sum
from django.utils import timezone

from bukutamu.models import Antrian, JenisLayanan, Kunjungan
from layanan.models import Layanan, Pengaduan
from pst_frontoffice.kalender import hari_ini
from rating.models import Penilaian

from .hitung import VERSI, hitung
from .models import AngkaBulanan, AngkaHarian, BulanRingkasan, HariRingkasan

SATU_HARI = datetime.timedelta(days=1)
# Days computed together by the catch-up: one month of rows per round of queries.
POTONGAN_HARI = 31
# A report computes at most this many untrusted days live besides the stored ones; beyond it the
# whole period is computed live (after a zone change, before the catch-up has run).
BATAS_HARI_LANGSUNG = 62

# Measures that identify people of this office (its officers): kept for the office's own
# reports, never part of the portable form.
UKURAN_SETEMPAT = ("layanan_petugas", "selesai_petugas")


def _zona():
    return timezone.get_current_timezone_name()


def tandai(tanggal):
    """Mark office days (dates) as changed; today and later are never stored, so they are skipped."""
    hari = {t for t in tanggal if t is not None and t < hari_ini()}
    if not hari:
        return
    sekarang = timezone.now()
    HariRingkasan.objects.bulk_create(
        [HariRingkasan(tanggal=t, kotor=True, ditandai_pada=sekarang) for t in sorted(hari)],
        update_conflicts=True, unique_fields=["tanggal"], update_fields=["kotor", "ditandai_pada"],
    )


def tandai_semua():
    """Every stored day is to be recomputed (a change that can touch any day, e.g. a kind of service)."""
    HariRingkasan.objects.update(kotor=True, ditandai_pada=timezone.now())


def hari_lokal(waktu):
    """The office day of an aware datetime, or None."""
    return timezone.localtime(waktu).date() if waktu else None


def hari_pertama():
    """The first office day any figure can fall on, or None without data."""
    awal = [
        Layanan.objects.aggregate(t=Min("dibuat"))["t"], Layanan.objects.aggregate(t=Min("tenggat"))["t"],
        Kunjungan.objects.aggregate(t=Min("waktu"))["t"], Antrian.objects.aggregate(t=Min("diambil"))["t"],
        Pengaduan.objects.aggregate(t=Min("diterima_pada"))["t"], Penilaian.objects.aggregate(t=Min("diisi_pada"))["t"],
    ]
    awal = [t for t in awal if t is not None]
    return hari_lokal(min(awal)) if awal else None


def _hari_antara(mulai, selesai):
    t = mulai
    while t <= selesai:
        yield t
        t += SATU_HARI


def _rangkaian(hari, *, paling_panjang=None):
    """Consecutive runs [(first, last)] of the dates, each at most `paling_panjang` days long."""
    hasil = []
    for t in sorted(hari):
        if hasil and hasil[-1][1] + SATU_HARI == t and (paling_panjang is None or (t - hasil[-1][0]).days < paling_panjang):
            hasil[-1][1] = t
        else:
            hasil.append([t, t])
    return [tuple(r) for r in hasil]


def _tersimpan(mulai, selesai):
    """The stored days in [mulai, selesai] a report may trust: clean, cut in this zone, this definition."""
    return set(
        HariRingkasan.objects.filter(tanggal__range=(mulai, selesai), kotor=False, zona_waktu=_zona(), versi=VERSI)
        .values_list("tanggal", flat=True)
    )


def _kosong_sebelum():
    """The days before this one hold no data: the catch-up starts at the first day with data, and a
    record saved later on an earlier day marks that day (a row before this one). None when unknown.

    The first row only has to have been computed in this zone and definition: being marked since
    (an edit of that day) makes that day untrusted, not the empty days before it.
    """
    pertama = HariRingkasan.objects.order_by("tanggal").first()
    if pertama is None or pertama.dihitung_pada is None or pertama.zona_waktu != _zona() or pertama.versi != VERSI:
        return None
    return pertama.tanggal


def perlu_dihitung(*, semua=False):
    """The past days the catch-up must compute, oldest first."""
    pertama = hari_pertama()
    kemarin = hari_ini() - SATU_HARI
    if pertama is None or pertama > kemarin:
        return []
    if semua:
        return list(_hari_antara(pertama, kemarin))
    baik = _tersimpan(pertama, kemarin)
    return [t for t in _hari_antara(pertama, kemarin) if t not in baik]


def simpan(hasil, *, mulai_hitung):
    """Store computed days ({date: Counter}) whole; a day marked again while it was computed stays marked."""
    hari = sorted(hasil)
    with transaction.atomic():
        ada = {h.tanggal: h for h in HariRingkasan.objects.select_for_update().filter(tanggal__in=hari)}
        # A month's sums no longer hold once one of its days changes: summed again by the catch-up.
        BulanRingkasan.objects.filter(bulan__in={_awal_bulan(t) for t in hari}).delete()
        AngkaHarian.objects.filter(tanggal__in=hari).delete()
        AngkaHarian.objects.bulk_create(
            [AngkaHarian(tanggal=t, ukuran=u, kunci=k, nilai=n) for t in hari for (u, k), n in hasil[t].items()],
            batch_size=2000,
        )
        sekarang = timezone.now()
        baru, ubah = [], []
        for t in hari:
            h = ada.get(t) or HariRingkasan(tanggal=t)
            h.zona_waktu, h.versi, h.dihitung_pada = _zona(), VERSI, sekarang
            h.kotor = bool(h.ditandai_pada and h.ditandai_pada > mulai_hitung)
            (ubah if h.pk else baru).append(h)
        HariRingkasan.objects.bulk_create(baru)
        HariRingkasan.objects.bulk_update(ubah, ["zona_waktu", "versi", "dihitung_pada", "kotor"])


def _awal_bulan(t):
    return t.replace(day=1)


def _akhir_bulan(bulan):
    return (bulan + datetime.timedelta(days=32)).replace(day=1) - SATU_HARI


def _bulan_dipercaya(bulan_semua, tersimpan, kosong_sebelum):
    """The months among `bulan_semua` whose every day is trusted (stored, or before any data)."""
    return [
        b for b in bulan_semua
        if all(t in tersimpan or (kosong_sebelum and t < kosong_sebelum) for t in _hari_antara(b, _akhir_bulan(b)))
    ]


def jumlahkan_bulan():
    """Sum every complete past month whose days are all trusted and that has no current sums; returns how many."""
    pertama = hari_pertama()
    kemarin = hari_ini() - SATU_HARI
    if pertama is None:
        return 0
    bulan, b = [], _awal_bulan(pertama)
    while _akhir_bulan(b) <= kemarin:
        bulan.append(b)
        b = _akhir_bulan(b) + SATU_HARI
    ada = set(BulanRingkasan.objects.filter(zona_waktu=_zona(), versi=VERSI).values_list("bulan", flat=True))
    perlu = [b for b in bulan if b not in ada]
    if not perlu:
        return 0
    siap = _bulan_dipercaya(perlu, _tersimpan(perlu[0], _akhir_bulan(perlu[-1])), _kosong_sebelum())
    for b in siap:
        with transaction.atomic():
            BulanRingkasan.objects.filter(bulan=b).delete()
            AngkaBulanan.objects.filter(bulan=b).delete()
            jumlah = AngkaHarian.objects.filter(tanggal__range=(b, _akhir_bulan(b))).values("ukuran", "kunci").annotate(n=Sum("nilai"))
            AngkaBulanan.objects.bulk_create(
                [AngkaBulanan(bulan=b, ukuran=r["ukuran"], kunci=r["kunci"], nilai=r["n"]) for r in jumlah.order_by()],
                batch_size=2000,
            )
            BulanRingkasan.objects.create(bulan=b, zona_waktu=_zona(), versi=VERSI, dihitung_pada=timezone.now())
    return len(siap)


def hitung_ulang(*, semua=False, sekarang=None):
    """The catch-up: compute and store every past day that needs it, then sum the complete months; returns how many days."""
    hari = perlu_dihitung(semua=semua)
    for mulai, selesai in _rangkaian(hari, paling_panjang=POTONGAN_HARI):
        mulai_hitung = timezone.now()
        simpan(hitung(mulai, selesai, sekarang=sekarang), mulai_hitung=mulai_hitung)
    jumlahkan_bulan()
    return len(hari)


@dataclass
class Ringkasan:
    """The figures of a period: summed over its days, and per day for the trend."""

    jumlah: Counter = field(default_factory=Counter)  # (ukuran, kunci) → nilai
    harian: dict = field(default_factory=dict)  # date → Counter{ukuran: nilai} for layanan and kunjungan
    hari_tersimpan: int = 0
    hari_langsung: int = 0

    def tambah(self, hasil):
        """Add days computed live ({date: Counter})."""
        for t, c in hasil.items():
            self.jumlah.update(c)
            self.harian[t] = Counter({"layanan": c[("layanan_hari", "")], "kunjungan": c[("kunjungan", "")]})
        self.hari_langsung += len(hasil)

    def per_kunci(self, ukuran):
        """{kunci: nilai} of one measure."""
        return {k: n for (u, k), n in self.jumlah.items() if u == ukuran}


def langsung(mulai, selesai, *, sekarang=None):
    """The period computed entirely from the live tables (short periods, and the reference for tests)."""
    hasil = Ringkasan()
    hasil.tambah(hitung(mulai, selesai, sekarang=sekarang))
    return hasil


def baca(mulai, selesai, *, sekarang=None):
    """The period from the stored days, with the days that cannot be trusted computed live."""
    sekarang = sekarang or timezone.now()
    batas = min(selesai, hari_ini() - SATU_HARI)
    tersimpan = _tersimpan(mulai, batas) if mulai <= batas else set()
    # The empty days before the first stored one can only lie in the period when its first day is a
    # past day not stored: a running office's periods skip the query.
    kosong_sebelum = _kosong_sebelum() if mulai <= batas and mulai not in tersimpan else None
    kosong = {t for t in _hari_antara(mulai, min(batas, kosong_sebelum - SATU_HARI))} if kosong_sebelum else set()
    lain = [t for t in _hari_antara(mulai, selesai) if t not in tersimpan and t not in kosong]
    # Days to come hold little (due times, answers ahead); past days not stored cost a scan each.
    lewat = [t for t in lain if t <= batas]
    if len(lewat) > BATAS_HARI_LANGSUNG:
        return langsung(mulai, selesai, sekarang=sekarang)
    hasil = Ringkasan(hari_tersimpan=len(tersimpan) + len(kosong))
    if tersimpan:
        # Whole months from their sums; the other trusted days (the period's edges) from their rows.
        bulan, b = [], _awal_bulan(mulai)
        if b < mulai:
            b = _akhir_bulan(b) + SATU_HARI
        while _akhir_bulan(b) <= batas:
            bulan.append(b)
            b = _akhir_bulan(b) + SATU_HARI
        if bulan:  # a week or a month to date has no whole month: two queries less to build
            ada = set(BulanRingkasan.objects.filter(bulan__in=bulan, zona_waktu=_zona(), versi=VERSI).values_list("bulan", flat=True))
            bulan = _bulan_dipercaya([b for b in bulan if b in ada], tersimpan, kosong_sebelum)
        if bulan:
            for r in AngkaBulanan.objects.filter(bulan__in=bulan).values("ukuran", "kunci").annotate(n=Sum("nilai")).order_by():
                hasil.jumlah[(r["ukuran"], r["kunci"])] += r["n"]
        dalam_bulan = {t for b in bulan for t in _hari_antara(b, _akhir_bulan(b))}
        sisa = [t for t in tersimpan if t not in dalam_bulan]
        if sisa:
            rentang = Q()
            for a, z in _rangkaian(sisa):
                rentang |= Q(tanggal__range=(a, z))
            harian_sisa = AngkaHarian.objects.filter(rentang).values("ukuran", "kunci").annotate(n=Sum("nilai"))
            for r in harian_sisa.order_by():
                hasil.jumlah[(r["ukuran"], r["kunci"])] += r["n"]
        # The trend, per day: one row a day of each of its two measures.
        per_hari = (
            AngkaHarian.objects.filter(ukuran__in=("layanan_hari", "kunjungan"), tanggal__range=(mulai, batas))
            .exclude(tanggal__in=lewat).values_list("tanggal", "ukuran", "nilai")
        )
        nama = {"layanan_hari": "layanan", "kunjungan": "kunjungan"}
        for t, ukuran, n in per_hari:
            hasil.harian.setdefault(t, Counter())[nama[ukuran]] += n
    for a, b in _rangkaian(lain):
        hasil.tambah(hitung(a, b, sekarang=sekarang))
    return hasil


def sebagai_data(tanggal):
    """A stored day as plain data (JSON-ready) without personal data, for sending it elsewhere as is.

    {"versi": 1, "tanggal": "2026-11-02", "zona_waktu": "Asia/Makassar", "dihitung_pada": ISO-8601,
     "jenis_layanan": {"<id>": "<kode>"}, "angka": {"<ukuran>": {"<kunci>": nilai}}}
    Keys that name a kind of service by its id are readable elsewhere through "jenis_layanan"
    (id → code); the officers' measures are left out. None while the day is not stored current.
    """
    hari = HariRingkasan.objects.filter(tanggal=tanggal, kotor=False, zona_waktu=_zona(), versi=VERSI).first()
    if hari is None:
        return None
    angka = {}
    for a in AngkaHarian.objects.filter(tanggal=tanggal).exclude(ukuran__in=UKURAN_SETEMPAT).order_by("ukuran", "kunci"):
        angka.setdefault(a.ukuran, {})[a.kunci] = a.nilai
    return {
        "versi": hari.versi,
        "tanggal": tanggal.isoformat(),
        "zona_waktu": hari.zona_waktu,
        "dihitung_pada": hari.dihitung_pada.isoformat(),
        "jenis_layanan": {str(pk): kode for pk, kode in JenisLayanan.objects.values_list("pk", "kode")},
        "angka": angka,
    }
