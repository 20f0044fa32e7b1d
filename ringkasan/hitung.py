"""The daily summary, defined once: the figures of each office day, computed from the live tables.

`hitung(mulai, selesai)` gives, for every office day in [mulai, selesai], a Counter of
(ukuran, kunci) → nilai: additive counts (and sums of durations) that the reports add up over any
period and the province roll-up receives per day. `hitung_hari(tanggal)` is one day of it. The
stored summaries (`ringkasan.models`) hold exactly these numbers; the reports read them for long
periods and call `hitung` for the days not stored yet.

Each measure belongs to the day its own date falls on, in the office's time zone (the zone active
when it runs): services by when they were recorded, the time standards by the due day, visits by
their time, ratings by when they were filled, queue numbers by when they were taken, complaints by
when they were received. What each condition means is the one rule of the data's own app
(`layanan.models.SELESAI`, `syarat_kepatuhan`, `rating.ikm`).

Measures (ukuran: kunci):
- layanan: "<jenis id>|<status>" — status as `status_angka` gives it ("ditutup_otomatis" apart from "selesai");
  layanan_hari: "" — all of that day's services (the same count, one row a day for the trend)
- layanan_sarana: "<sarana>|<kanal online>"; layanan_jenis_pengunjung: "<jenis instansi of the visit>"
- layanan_petugas, selesai_petugas: "<user id>" (the handling officer now; stays on this server)
- skd: "<jenis id>|dibuat|dibuka|diisi" — SKD links of services not cancelled
- kepatuhan: "<standar>|<angka>" — standar konsultasi_langsung, hari_kerja or semua; angka jatuh_tempo,
  memenuhi, terlambat, terlambat_terbuka (by due day; a stored day is past, so every due time in it has come)
- kunjungan: ""; pengunjung: "hari" (different people that day), "minggu", "bulan", "tahun" (people whose
  first visit of that ISO week, month or year is that day: summed over a week, month or year they give
  the different people of it); pengunjung_sebelum: "<YYYY-MM>" of each person's previous visit, "" for a
  first visit ever (summed over any range, the keys before its first month count its different people,
  save those whose previous visit falls in that month before the range: see laporan.data)
- antrian: "diambil|dipanggil|dilewati"; antrian_tunggu: "<whole minutes, rounded up>" per called number;
  antrian_tunggu_total: "" (microseconds from taking to being called, summed)
- skm_responden: "<jenis id>"; skm_jumlah: "<jenis id>|u<n>" (sum of the answers); skm_jawaban: "u<n>|<1–4>";
  skm_profil: "<profile question>|<answer>" ("" = not answered)
- pengaduan: "<kanal>"; pengaduan_dijawab, pengaduan_selesai: ""; pengaduan_jawab_total: "" (microseconds)
"""

import datetime
import math
from collections import Counter, defaultdict

from django.db.models import Count, F, Max, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from bukutamu.bawaan import KODE_KONSULTASI
from bukutamu.models import Antrian, JenisLayanan, Kunjungan, Sarana
from layanan.models import Layanan, Pengaduan, Status, StatusPengaduan, syarat_kepatuhan
from pst_frontoffice.kalender import rentang_hari
from pst_frontoffice.skm import FIELD_UNSUR
from rating.models import PROFIL, Penilaian

STATUS_DITUTUP_OTOMATIS = "ditutup_otomatis"
STANDAR = ("konsultasi_langsung", "hari_kerja", "semua")
ANGKA_KEPATUHAN = ("jatuh_tempo", "memenuhi", "terlambat", "terlambat_terbuka")
PERIODE_PENGUNJUNG = ("hari", "minggu", "bulan", "tahun")

# Bumped whenever a measure above changes meaning: stored days of another version are recomputed.
VERSI = 1
# The measures whose key starts with a kind of service's id ("<jenis id>" or "<jenis id>|…"): ids are
# this server's own, so a summary read elsewhere names the kind by its code (`harian.sebagai_data`).
UKURAN_BERJENIS = ("layanan", "skd", "skm_responden", "skm_jumlah")


def status_angka(status, ditutup_otomatis):
    """The status a figure counts a service under: an auto-closed one is not "selesai"."""
    return STATUS_DITUTUP_OTOMATIS if ditutup_otomatis and status == Status.SELESAI else status


def mikrodetik(durasi):
    return (durasi.days * 86400 + durasi.seconds) * 1_000_000 + durasi.microseconds


def _hari(kolom):
    return TruncDate(kolom, tzinfo=timezone.get_current_timezone())


def _lokal(waktu):
    return timezone.localtime(waktu).date()


def _layanan(awal, akhir, hasil):
    baris = (
        Layanan.objects.filter(dibuat__gte=awal, dibuat__lt=akhir)
        .values(
            t=_hari("dibuat"), j=F("jenis_id"), sarana=F("kunjungan__sarana"), kanal=F("kunjungan__kanal_online"),
            instansi=F("kunjungan__jenis_instansi"), p=F("petugas_id"), st=F("status"),
            otomatis=F("ditutup_otomatis"),
        )
        .annotate(
            n=Count("id"),
            skd_dibuat=Count("skd"),
            skd_dibuka=Count("skd", filter=Q(skd__pertama_dibuka__isnull=False)),
            skd_diisi=Count("skd", filter=Q(skd__diisi_pada__isnull=False)),
        )
        .order_by()
    )
    for b in baris:
        c = hasil[b["t"]]
        status = status_angka(b["st"], b["otomatis"])
        n = b["n"]
        c[("layanan", f"{b['j']}|{status}")] += n
        c[("layanan_hari", "")] += n
        c[("layanan_sarana", f"{b['sarana']}|{b['kanal']}")] += n
        c[("layanan_jenis_pengunjung", b["instansi"])] += n
        c[("layanan_petugas", str(b["p"]))] += n
        if status == Status.SELESAI:
            c[("selesai_petugas", str(b["p"]))] += n
        if b["st"] != Status.DIBATALKAN:
            for angka in ("dibuat", "dibuka", "diisi"):
                c[("skd", f"{b['j']}|{angka}")] += b[f"skd_{angka}"]


def _kepatuhan(awal, akhir, hasil, sekarang):
    syarat = syarat_kepatuhan(sekarang)
    baris = (
        Layanan.objects.filter(tenggat__gte=awal, tenggat__lt=akhir).dengan_jawaban()
        .values(t=_hari("tenggat"), j=F("jenis_id"), sarana=F("kunjungan__sarana"))
        .annotate(**{angka: Count("id", filter=syarat[angka]) for angka in ANGKA_KEPATUHAN})
        .order_by()
    )
    jenis = {j.pk: j for j in JenisLayanan.objects.all()}
    for b in baris:
        j = jenis[b["j"]]
        standar = ["semua"]
        # The standards as layanan/tenggat.py sets the due times (laporan.rincian.saring_standar lists them).
        if j.kode == KODE_KONSULTASI and b["sarana"] == Sarana.LANGSUNG:
            standar.append("konsultasi_langsung")
        if b["sarana"] == Sarana.ONLINE or j.adalah_permintaan_data:
            standar.append("hari_kerja")
        for s in standar:
            for angka in ANGKA_KEPATUHAN:
                hasil[b["t"]][("kepatuhan", f"{s}|{angka}")] += b[angka]


# Up to this many visitors their earlier visits are looked up by id (the visitor index); more (a
# long range computed live) are joined as a subquery.
_PENGUNJUNG_PER_ID = 5000


def _kunjungan(awal, akhir, hasil):
    dalam = Kunjungan.objects.filter(waktu__gte=awal, waktu__lt=akhir)
    for b in dalam.values(t=_hari("waktu")).annotate(n=Count("id")).order_by():
        hasil[b["t"]][("kunjungan", "")] += b["n"]
    # Different people: each visitor's visit days in the range, in order, after their last visit
    # day before it; a person counts once per day, and once per week, month or year on the day of
    # their first visit in it. "pengunjung_sebelum" keeps the month of each one's previous visit.
    hari = list(dalam.annotate(t=_hari("waktu")).values_list("pengunjung", "t").distinct().order_by("pengunjung", "t"))
    orang = sorted({p for p, _ in hari})
    sebelumnya = Kunjungan.objects.filter(waktu__lt=awal)
    if len(orang) <= _PENGUNJUNG_PER_ID:
        sebelumnya = sebelumnya.filter(pengunjung__in=orang)
    else:
        sebelumnya = sebelumnya.filter(pengunjung__in=dalam.values("pengunjung"))
    sebelum = dict(sebelumnya.values("pengunjung").annotate(t=Max(_hari("waktu"))).values_list("pengunjung", "t").order_by())
    terakhir = None, None
    for pengunjung, t in hari:
        lalu = terakhir[1] if terakhir[0] == pengunjung else sebelum.get(pengunjung)
        terakhir = pengunjung, t
        c = hasil[t]
        c[("pengunjung", "hari")] += 1
        c[("pengunjung_sebelum", f"{lalu:%Y-%m}" if lalu else "")] += 1
        if lalu is None or lalu.isocalendar()[:2] != t.isocalendar()[:2]:
            c[("pengunjung", "minggu")] += 1
        if lalu is None or (lalu.year, lalu.month) != (t.year, t.month):
            c[("pengunjung", "bulan")] += 1
        if lalu is None or lalu.year != t.year:
            c[("pengunjung", "tahun")] += 1


def _antrian(awal, akhir, hasil):
    tiket = Antrian.objects.filter(diambil__gte=awal, diambil__lt=akhir).values_list("diambil", "dipanggil_pada", "status")
    for diambil, dipanggil, status in tiket.iterator(chunk_size=5000):
        c = hasil[_lokal(diambil)]
        c[("antrian", "diambil")] += 1
        if status == Antrian.Status.DILEWATI:
            c[("antrian", "dilewati")] += 1
        if dipanggil is not None:
            tunggu = mikrodetik(dipanggil - diambil)
            c[("antrian", "dipanggil")] += 1
            c[("antrian_tunggu_total", "")] += tunggu
            # Rounded up to whole minutes: "called within N minutes" is exactly "minute ≤ N" for any N.
            c[("antrian_tunggu", str(max(0, math.ceil(tunggu / 60_000_000))))] += 1


def _penilaian(awal, akhir, hasil):
    qs = Penilaian.objects.terisi().filter(diisi_pada__gte=awal, diisi_pada__lt=akhir)
    # One grouping per (day, kind) gives the sums and the answer counts; the day's counts are their sum.
    jawaban = {f"{f}_{v}": Count("pk", filter=Q(**{f: v})) for f in FIELD_UNSUR for v in range(1, 5)}
    per_jenis = qs.values(t=_hari("diisi_pada"), j=F("layanan__jenis_id")).annotate(
        n=Count("pk"), **{f"jumlah_{f}": Sum(f) for f in FIELD_UNSUR}, **jawaban
    ).order_by()
    for b in per_jenis:
        c = hasil[b["t"]]
        c[("skm_responden", str(b["j"]))] += b["n"]
        for f in FIELD_UNSUR:
            c[("skm_jumlah", f"{b['j']}|{f}")] += b[f"jumlah_{f}"] or 0
            for v in range(1, 5):
                if b[f"{f}_{v}"]:
                    c[("skm_jawaban", f"{f}|{v}")] += b[f"{f}_{v}"]
    kolom = [k for k, _, _ in PROFIL]
    for b in qs.values(*kolom, t=_hari("diisi_pada")).annotate(n=Count("pk")).order_by():
        for k in kolom:
            hasil[b["t"]][("skm_profil", f"{k}|{b[k]}")] += b["n"]


def _pengaduan(awal, akhir, hasil):
    aduan = Pengaduan.objects.filter(diterima_pada__gte=awal, diterima_pada__lt=akhir).values_list(
        "diterima_pada", "dijawab_pada", "kanal", "status"
    )
    for diterima, dijawab, kanal, status in aduan.iterator(chunk_size=5000):
        c = hasil[_lokal(diterima)]
        c[("pengaduan", kanal)] += 1
        if status == StatusPengaduan.SELESAI:
            c[("pengaduan_selesai", "")] += 1
        if dijawab is not None:
            c[("pengaduan_dijawab", "")] += 1
            c[("pengaduan_jawab_total", "")] += mikrodetik(dijawab - diterima)


def hitung(mulai, selesai, *, sekarang=None):
    """{office day: Counter{(ukuran, kunci): nilai}} for every day from `mulai` to `selesai` (dates, inclusive)."""
    sekarang = sekarang or timezone.now()
    awal, akhir = rentang_hari(mulai, selesai)
    hasil = defaultdict(Counter)
    _layanan(awal, akhir, hasil)
    _kepatuhan(awal, akhir, hasil, sekarang)
    _kunjungan(awal, akhir, hasil)
    _antrian(awal, akhir, hasil)
    _penilaian(awal, akhir, hasil)
    _pengaduan(awal, akhir, hasil)
    hari = {}
    t = mulai
    while t <= selesai:
        hari[t] = +hasil.get(t, Counter())  # zeros dropped: an absent measure is 0
        t += datetime.timedelta(days=1)
    return hari


def hitung_hari(tanggal, *, sekarang=None):
    """The summary of one office day: the definition the stored rows, the reports and the tests share."""
    return hitung(tanggal, tanggal, sekarang=sekarang)[tanggal]
