#!/usr/bin/env python
"""The province's roll-up at 38 offices × 5 years of daily summaries.

Fills a province instance (PST_MODE=provinsi) with a realistic daily summary for every office and
every day of the last five years (about 130 figures a day: every kind, status, standard, SKM answer
and profile a busy desk produces), summed per month and per year as the receiving endpoint does, then measures
the Rekap Provinsi page in-process with Django's test client (median and p95, queries) for a month,
a full year and five years, one office's drill-down for a year, and the year's Excel file.
Target: the year's page under 300 ms on PostgreSQL.

    bash scripts/dengan-postgres.sh .venv/bin/python scripts/bench_provinsi.py [--kantor 38] [--tahun 5]

Prints a Markdown table for docs/kinerja.md ("Rekap provinsi") and exits 1 when the target is missed.
"""

import argparse
import datetime
import os
import pathlib
import random
import statistics
import sys
import tempfile
import time
from collections import Counter

AKAR = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pst_frontoffice.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/pst-bench-provinsi.sqlite3")
os.environ["PST_MODE"] = "provinsi"
os.environ.setdefault("DEBUG", "0")

TARGET_MS = 300
JENIS = {
    "konsultasi": ("Konsultasi", False), "permintaan-data": ("Permintaan Data", True), "pengaduan": ("Pengaduan", False),
    "rekomendasi-statistik": ("Rekomendasi Statistik", False), "perpustakaan": ("Perpustakaan", False),
    "penjualan-produk-statistik": ("Penjualan Produk Statistik", False),
}
STATUS = ["diterima", "diproses", "menunggu", "siap_diambil", "selesai", "selesai", "selesai", "dibatalkan", "ditutup_otomatis"]


def _ms(fungsi, ulang):
    hasil = []
    for _ in range(ulang):
        t = time.perf_counter()
        fungsi()
        hasil.append((time.perf_counter() - t) * 1000)
    hasil.sort()
    return statistics.median(hasil), hasil[min(len(hasil) - 1, int(len(hasil) * 0.95))]


def sehari(rnd, besar):
    """One office day's figures, {"<ukuran>|<kunci>": nilai}, as a desk of this size produces them."""
    a = Counter()
    layanan = rnd.randint(0, besar)
    for _ in range(layanan):
        kode = rnd.choice(list(JENIS))
        a[f"layanan|{kode}|{rnd.choice(STATUS)}"] += 1
        a[f"layanan_sarana|{rnd.choice(['langsung|', 'online|email', 'online|whatsapp'])}"] += 1
        a[f"layanan_jenis_pengunjung|{rnd.choice(['pemerintah', 'pendidikan', 'perorangan', 'swasta', 'lainnya'])}"] += 1
        if kode == "permintaan-data":
            a["skd|permintaan-data|dibuat"] += 1
            a["skd|permintaan-data|dibuka"] += rnd.random() < 0.7
            a["skd|permintaan-data|diisi"] += rnd.random() < 0.4
    a["layanan_hari|"] = layanan
    kunjungan = max(0, layanan - rnd.randint(0, 2))
    a["kunjungan|"] = kunjungan
    for p in ("hari", "minggu", "bulan", "tahun"):
        a[f"pengunjung|{p}"] = max(0, kunjungan - rnd.randint(0, 3))
    for s in ("semua", "konsultasi_langsung", "hari_kerja"):
        jatuh = rnd.randint(0, max(1, layanan // 2))
        tepat = rnd.randint(0, jatuh)
        a[f"kepatuhan|{s}|jatuh_tempo"], a[f"kepatuhan|{s}|memenuhi"] = jatuh, tepat
        a[f"kepatuhan|{s}|terlambat"], a[f"kepatuhan|{s}|terlambat_terbuka"] = jatuh - tepat, rnd.randint(0, jatuh - tepat)
    antri = rnd.randint(0, besar)
    a["antrian|diambil"], a["antrian|dipanggil"], a["antrian|dilewati"] = antri, antri, 0
    for _ in range(antri):
        menit = rnd.choice([2, 5, 8, 10, 12, 20, 30, 45])
        a[f"antrian_tunggu|{menit}"] += 1
        a["antrian_tunggu_total|"] += menit * 60_000_000
    for _ in range(rnd.randint(0, max(1, layanan // 2))):
        kode = rnd.choice(["konsultasi", "permintaan-data", "perpustakaan"])
        a[f"skm_responden|{kode}"] += 1
        for u in range(1, 10):
            v = rnd.choice([2, 3, 3, 4, 4])
            a[f"skm_jumlah|{kode}|u{u}"] += v
            a[f"skm_jawaban|u{u}|{v}"] += 1
        a[f"skm_profil|jenis_kelamin|{rnd.choice(['', 'L', 'P'])}"] += 1
        a[f"skm_profil|pendidikan|{rnd.choice(['', 'sma', 's1', 's2'])}"] += 1
        a[f"skm_profil|pekerjaan|{rnd.choice(['', 'pns', 'swasta', 'pelajar'])}"] += 1
        a[f"skm_profil|umur|{rnd.choice(['', '20-29', '30-39', '40-49'])}"] += 1
    if rnd.random() < 0.3:
        a[f"pengaduan|{rnd.choice(['langsung', 'email', 'whatsapp'])}"] += 1
        a["pengaduan_dijawab|"] += 1
        a["pengaduan_jawab_total|"] += rnd.randint(1, 40) * 3_600_000_000
    return {k: n for k, n in a.items() if n}


def isi(kantor_n, tahun, sekarang):
    from provinsi.models import BulanKantor, Kantor, RingkasanKantor

    rnd = random.Random(24)
    kemarin = sekarang.date() - datetime.timedelta(days=1)
    awal = kemarin.replace(year=kemarin.year - tahun) + datetime.timedelta(days=1)
    jenis = {k: {"nama": n, "permintaan_data": d, "aktif": True} for k, (n, d) in JENIS.items()}
    standar = {"batas_tunggu_menit": 10, "batas_konsultasi_langsung_jam": 3, "batas_online_hari_kerja": 3}
    for i in range(kantor_n):
        kantor = Kantor.objects.create(
            kode=f"63{i:02d}", nama=f"BPS Kabupaten Uji {i + 1:02d}", zona_waktu="Asia/Makassar", jenis_layanan=jenis,
            standar=standar, info_tanggal=kemarin, ringkasan_terakhir=kemarin, diterima_terakhir=sekarang,
        )
        besar = rnd.choice([6, 10, 15, 25, 40])
        hari, bulan = [], {}
        t = awal
        while t <= kemarin:
            angka = sehari(rnd, besar)
            hari.append(RingkasanKantor(
                kantor=kantor, tanggal=t, versi=1, zona_waktu="Asia/Makassar", dihitung_pada=sekarang, diterima_pada=sekarang,
                angka=angka, layanan=angka.get("layanan_hari|", 0), kunjungan=angka.get("kunjungan|", 0),
            ))
            b = bulan.setdefault(t.replace(day=1), [Counter(), 0])
            b[0].update(angka)
            b[1] += 1
            t += datetime.timedelta(days=1)
        RingkasanKantor.objects.bulk_create(hari, batch_size=2000)
        tahun = {}
        for b, (c, n) in bulan.items():
            t = tahun.setdefault(b.replace(month=1), [Counter(), 0])
            t[0].update(c)
            t[1] += n
        BulanKantor.objects.bulk_create(
            [BulanKantor(kantor=kantor, bulan=b, hari=n, angka=dict(c)) for b, (c, n) in bulan.items()]
            + [BulanKantor(kantor=kantor, bulan=t, tahunan=True, hari=n, angka=dict(c)) for t, (c, n) in tahun.items()],
            batch_size=500,
        )
        print(f"kantor {i + 1}/{kantor_n}: {len(hari)} hari", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kantor", type=int, default=38)
    parser.add_argument("--tahun", type=int, default=5)
    parser.add_argument("--ulang", type=int, default=15)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from laporan.periode import Periode
    from provinsi.models import BulanKantor, Kantor, RingkasanKantor
    from pst_frontoffice.models import PengaturanKantor, Peran

    call_command("migrate", verbosity=0)
    kantor = PengaturanKantor.get()
    timezone.activate(kantor.tzinfo)
    sekarang = timezone.localtime()
    if Kantor.objects.count() < args.kantor:
        t = time.perf_counter()
        isi(args.kantor, args.tahun, sekarang)
        print(f"data: {time.perf_counter() - t:.0f} s", flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("VACUUM ANALYZE")
    hari_ini = sekarang.date()
    tahun_lalu = hari_ini.replace(year=hari_ini.year - 1)
    periode = {
        "Rekap bulanan (bulan lalu)": Periode.dari("bulan", hari_ini.replace(day=1) - datetime.timedelta(days=1)),
        "Rekap tahunan (tahun lalu, penuh)": Periode.dari("tahun", tahun_lalu),
        f"Rekap {args.tahun} tahun (rentang)": Periode("rentang", hari_ini.replace(year=hari_ini.year - args.tahun), hari_ini),
    }
    pimpinan, _ = get_user_model().objects.get_or_create(
        email="pimpinan-bench@uji.example", defaults={"nama": "Pimpinan Uji", "peran": Peran.PIMPINAN}
    )
    client = Client()
    client.force_login(pimpinan)
    # Each request starts by clearing the connection's query log, which would hide its queries from the count.
    request_started.disconnect(reset_queries)
    tahun = periode["Rekap tahunan (tahun lalu, penuh)"]
    alamat = {nama: "/provinsi/?" + "&".join(f"{k}={v}" for k, v in p.query().items()) for nama, p in periode.items()}
    kueri_tahun = "&".join(f"{k}={v}" for k, v in tahun.query().items())
    alamat["Rincian satu kantor (tahun lalu)"] = "/provinsi/kantor/6300/?" + kueri_tahun
    alamat["Unduh Excel rekap (tahun lalu)"] = "/provinsi/unduh/rekap.xlsx?" + kueri_tahun
    baris = []
    for nama, url in alamat.items():
        r = client.get(url, HTTP_HOST="127.0.0.1")  # warm-up
        assert r.status_code == 200, (url, r.status_code)
        with CaptureQueriesContext(connection) as q:
            client.get(url, HTTP_HOST="127.0.0.1")
        ulang = args.ulang if "Excel" not in nama else max(3, args.ulang // 3)
        baris.append((nama, _ms(lambda url=url: b"".join(getattr(client.get(url, HTTP_HOST="127.0.0.1"), "streaming_content", [b""])), ulang), len(q)))
        print(nama, baris[-1], flush=True)

    def f(x):
        return f"{x:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")

    def n(x):
        return f"{x:,}".replace(",", ".")

    print()
    print(f"Diukur {time.strftime('%Y-%m-%d')} pada {connection.vendor}: {n(Kantor.objects.count())} kantor, "
          f"{n(RingkasanKantor.objects.count())} ringkasan harian ({args.tahun} tahun), {n(BulanKantor.objects.count())} jumlah bulanan dan tahunan; "
          f"klien uji Django di proses yang sama, median / p95 dari {args.ulang} kali (Excel: {max(3, args.ulang // 3)} kali).")
    print()
    print("| halaman | median / p95 ms | query |")
    print("|---|---|---|")
    for nama, (median, p95), q in baris:
        print(f"| {nama} | {f(median)} / {f(p95)} | {q} |")
    median_tahun = baris[1][1][0]
    print()
    print(f"Target rekap tahunan < {TARGET_MS} ms: {'TERPENUHI' if median_tahun < TARGET_MS else 'GAGAL'} ({f(median_tahun)} ms).")
    return 0 if median_tahun < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
