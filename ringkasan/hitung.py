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

from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from bukutamu.bawaan import KODE_KONSULTASI
from bukutamu.models import Antrian, Kunjungan, Sarana
from layanan.models import Layanan, Pengaduan, Status, StatusPengaduan, syarat_jatuh_tempo, syarat_kepatuhan
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
            "sarana", t=_hari("dibuat"), j=F("jenis_id"), kanal=F("kunjungan__kanal_online"),
            instansi=F("kunjungan__jenis_instansi"), p=F("petugas_id"), st=F("status"),
            otomatis=F("ditutup_otomatis"),
        )
        .annotate(
            # COUNT of a column counts its non-empty values: the links, those opened, those filled.
            n=Count("id"), skd_dibuat=Count("skd"), skd_dibuka=Count("skd__pertama_dibuka"), skd_diisi=Count("skd__diisi_pada"),
        )
        .values_list("t", "j", "sarana", "kanal", "instansi", "p", "st", "otomatis", "n", "skd_dibuat", "skd_dibuka", "skd_diisi")
        .order_by()
    )
    # Rows are nearly one per service (officer and visitor kind split them); their keys repeat, so
    # they are counted under plain tuples and written as the measures' text keys once each.
    per_jenis, per_sarana, per_instansi, per_petugas, selesai, skd = (Counter() for _ in range(6))
    for t, j, sarana, kanal, instansi, p, st, otomatis, n, dibuat, dibuka, diisi in baris:
        status = status_angka(st, otomatis)
        per_jenis[t, j, status] += n
        per_sarana[t, sarana, kanal] += n
        per_instansi[t, instansi] += n
        per_petugas[t, p] += n
        if status == Status.SELESAI:
            selesai[t, p] += n
        if st != Status.DIBATALKAN:
            skd[t, j, "dibuat"] += dibuat
            skd[t, j, "dibuka"] += dibuka
            skd[t, j, "diisi"] += diisi
    for (t, j, status), n in per_jenis.items():
        c = hasil[t]
        c[("layanan", f"{j}|{status}")] += n
        c[("layanan_hari", "")] += n
    for (t, sarana, kanal), n in per_sarana.items():
        hasil[t][("layanan_sarana", f"{sarana}|{kanal}")] += n
    for (t, instansi), n in per_instansi.items():
        hasil[t][("layanan_jenis_pengunjung", instansi)] += n
    for (t, p), n in per_petugas.items():
        hasil[t][("layanan_petugas", str(p))] += n
    for (t, p), n in selesai.items():
        hasil[t][("selesai_petugas", str(p))] += n
    for (t, j, angka), n in skd.items():
        hasil[t][("skd", f"{j}|{angka}")] += n


def _kepatuhan(awal, akhir, hasil, sekarang):
    # Only the decided services ("jatuh tempo"): every other figure is a part of it, so the rest
    # count nowhere. A report's days to come hold the open backlog's due times (thousands of rows at a
    # province-sized office), which would otherwise each be read and grouped for nothing. The channel
    # is the service's copy (Layanan.sarana): no join to the visits.
    bagian = syarat_kepatuhan(sekarang, di_antara_jatuh_tempo=True)
    baris = (
        Layanan.objects.filter(syarat_jatuh_tempo(sekarang), tenggat__gte=awal, tenggat__lt=akhir)
        # The kind's code and data-request flag grouped along (a join on a table of a few rows):
        # one query less than reading the kinds apart.
        .values(
            "sarana", t=_hari("tenggat"), kode=F("jenis__kode"),
            minta_data=F("jenis__adalah_permintaan_data"),
        )
        .annotate(**{angka: Count("id", filter=bagian[angka]) for angka in ANGKA_KEPATUHAN})
        .order_by()
    )
    for b in baris:
        standar = ["semua"]
        # The standards as layanan/tenggat.py sets the due times (laporan.rincian.saring_standar lists them).
        if b["kode"] == KODE_KONSULTASI and b["sarana"] == Sarana.LANGSUNG:
            standar.append("konsultasi_langsung")
        if b["sarana"] == Sarana.ONLINE or b["minta_data"]:
            standar.append("hari_kerja")
        for s in standar:
            for angka in ANGKA_KEPATUHAN:
                hasil[b["t"]][("kepatuhan", f"{s}|{angka}")] += b[angka]


def _kunjungan(awal, akhir, hasil):
    # Different people: each visitor's visit days in the range, in order, after their last visit
    # day before it; a person counts once per day, and once per week, month or year on the day of
    # their first visit in it. "pengunjung_sebelum" keeps the month of each one's previous visit.
    # One query: each (visitor, day) with its number of visits and the visitor's last visit day
    # before the range (one probe of the visitor's visits in time order, from the index).
    terakhir_sebelum = (
        Kunjungan.objects.filter(pengunjung=OuterRef("pengunjung"), waktu__lt=awal)
        .order_by("-waktu").values(d=_hari("waktu"))[:1]
    )
    hari = (
        Kunjungan.objects.filter(waktu__gte=awal, waktu__lt=akhir)
        .values("pengunjung", t=_hari("waktu")).annotate(n=Count("id"), lalu=Subquery(terakhir_sebelum))
        .values_list("pengunjung", "t", "n", "lalu").order_by("pengunjung", "t")
    )
    # Per day: visits, people, and people whose first visit of the week, month or year it is; the
    # previous visit is always before the day, so "in the same week" is "on or after its Monday".
    per_hari, bulan_sebelum, awal_dari = defaultdict(lambda: [0, 0, 0, 0, 0]), Counter(), {}
    terakhir = None, None
    for pengunjung, t, n, sebelum in hari:
        lalu = terakhir[1] if terakhir[0] == pengunjung else sebelum
        terakhir = pengunjung, t
        awal_t = awal_dari.get(t)
        if awal_t is None:
            awal_t = awal_dari[t] = (t - datetime.timedelta(days=t.weekday()), t.replace(day=1), t.replace(month=1, day=1))
        angka = per_hari[t]
        angka[0] += n
        angka[1] += 1
        if lalu is None:
            angka[2] += 1
            angka[3] += 1
            angka[4] += 1
            bulan_sebelum[t, None] += 1
        else:
            angka[2] += lalu < awal_t[0]
            angka[3] += lalu < awal_t[1]
            angka[4] += lalu < awal_t[2]
            bulan_sebelum[t, (lalu.year, lalu.month)] += 1
    for t, (kunjungan, orang, minggu, bulan, tahun) in per_hari.items():
        c = hasil[t]
        c[("kunjungan", "")] += kunjungan
        c[("pengunjung", "hari")] += orang
        c[("pengunjung", "minggu")] += minggu
        c[("pengunjung", "bulan")] += bulan
        c[("pengunjung", "tahun")] += tahun
    for (t, bulan), orang in bulan_sebelum.items():
        hasil[t][("pengunjung_sebelum", f"{bulan[0]:04d}-{bulan[1]:02d}" if bulan else "")] += orang


def _antrian(awal, akhir, hasil):
    # Fetched at once, not through a server-side cursor: a report reads today's few rows, where the
    # cursor's extra round trips cost 0.5 ms, and the catch-up's month is a few thousand tuples.
    tiket = Antrian.objects.filter(diambil__gte=awal, diambil__lt=akhir).values_list("diambil", "dipanggil_pada", "status")
    for diambil, dipanggil, status in tiket:
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
    # One grouping by (day, kind, the nine answers, the four profile answers): a day's ratings are
    # a few hundred rows at most, and counting them here is cheaper than building 45 conditional
    # aggregates into the query.
    kolom = [k for k, _, _ in PROFIL]
    baris = (
        Penilaian.objects.terisi().filter(diisi_pada__gte=awal, diisi_pada__lt=akhir)
        .values(*FIELD_UNSUR, *kolom, t=_hari("diisi_pada"), j=F("layanan__jenis_id")).annotate(n=Count("pk"))
        .values_list("t", "j", "n", *FIELD_UNSUR, *kolom).order_by()
    )
    responden, jawaban, profil = Counter(), Counter(), Counter()
    u = len(FIELD_UNSUR)
    for b in baris:
        t, j, n = b[0], b[1], b[2]
        responden[t, j] += n
        for i, v in enumerate(b[3:3 + u]):
            jawaban[t, j, i, v] += n
        for i, v in enumerate(b[3 + u:]):
            profil[t, i, v] += n
    for (t, j), n in responden.items():
        hasil[t][("skm_responden", str(j))] += n
    for (t, j, i, v), n in jawaban.items():
        if v is not None:
            c = hasil[t]
            c[("skm_jumlah", f"{j}|{FIELD_UNSUR[i]}")] += v * n
            c[("skm_jawaban", f"{FIELD_UNSUR[i]}|{v}")] += n
    for (t, i, v), n in profil.items():
        hasil[t][("skm_profil", f"{kolom[i]}|{v}")] += n


def _pengaduan(awal, akhir, hasil):
    aduan = Pengaduan.objects.filter(diterima_pada__gte=awal, diterima_pada__lt=akhir).values_list(
        "diterima_pada", "dijawab_pada", "kanal", "status"
    )
    for diterima, dijawab, kanal, status in aduan:  # at once, as the queue numbers above
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
