#!/usr/bin/env python
"""Long reports from the daily summaries against the same reports computed from the live tables.

Generates N services over T years (demo `buat_data_uji`, which fills the summaries as the nightly
catch-up would), then measures in-process with Django's test client: the month, year and five-year
report pages (median and p95, queries), the same figures computed live (`Laporan(sumber="langsung")`),
the catch-up of one day and of every day, and the number of summary rows.

    scripts/dengan-postgres.sh .venv/bin/python scripts/bench_ringkasan.py --layanan 1000000 --tahun 2

Prints a Markdown table for docs/kinerja.md ("Laporan dari ringkasan harian").
"""

import argparse
import datetime
import os
import pathlib
import statistics
import sys
import tempfile
import time

AKAR = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pst_frontoffice.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/pst-bench-ringkasan.sqlite3")


def _ms(fungsi, ulang):
    hasil = []
    for _ in range(ulang):
        t = time.perf_counter()
        fungsi()
        hasil.append((time.perf_counter() - t) * 1000)
    hasil.sort()
    return statistics.median(hasil), hasil[min(len(hasil) - 1, int(len(hasil) * 0.95))]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--layanan", type=int, default=100000)
    parser.add_argument("--tahun", type=int, default=2)
    parser.add_argument("--ulang", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from laporan.data import Laporan
    from laporan.periode import Periode
    from layanan.models import Layanan
    from pst_frontoffice.models import PengaturanKantor, Peran
    from ringkasan import harian
    from ringkasan.hitung import hitung_hari
    from ringkasan.models import AngkaHarian

    call_command("migrate", verbosity=0)
    if Layanan.objects.count() < args.layanan:
        t = time.perf_counter()
        call_command("buat_data_uji", layanan=args.layanan, pengunjung=args.layanan * 3 // 7, tahun=args.tahun,
                     penilaian=0.3, petugas=20)
        print(f"data uji + ringkasan: {time.perf_counter() - t:.0f} s", flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("VACUUM ANALYZE")
    kantor = PengaturanKantor.get()
    timezone.activate(kantor.tzinfo)
    hari_ini = timezone.localdate()
    tahun_lalu = hari_ini.replace(year=hari_ini.year - 1)
    periode = {
        "Laporan harian (hari ini)": Periode.dari("hari", hari_ini),
        "Laporan mingguan (minggu ini)": Periode.dari("minggu", hari_ini),
        "Laporan bulanan (bulan lalu)": Periode.dari("bulan", hari_ini.replace(day=1) - datetime.timedelta(days=1)),
        "Laporan tahunan (tahun lalu, penuh)": Periode.dari("tahun", tahun_lalu),
        "Laporan tahunan (tahun ini, sampai hari ini)": Periode.dari("tahun", hari_ini),
        "Laporan 5 tahun (rentang)": Periode("rentang", hari_ini.replace(year=hari_ini.year - 5), hari_ini),
    }
    pimpinan, _ = get_user_model().objects.get_or_create(
        email="pimpinan-bench@uji.example", defaults={"nama": "Pimpinan Uji", "peran": Peran.PIMPINAN}
    )
    client = Client()
    client.force_login(pimpinan)
    baris = []
    for nama, p in periode.items():
        alamat = "/laporan/?" + "&".join(f"{k}={v}" for k, v in p.query().items())
        client.get(alamat, HTTP_HOST="127.0.0.1")  # warm-up
        with CaptureQueriesContext(connection) as q:
            client.get(alamat, HTTP_HOST="127.0.0.1")
        halaman = _ms(lambda: client.get(alamat, HTTP_HOST="127.0.0.1"), args.ulang)
        layanan = Layanan.objects.filter(dibuat__gte=p.batas[0], dibuat__lt=p.batas[1]).count()

        def semua(sumber):
            lap = Laporan(p, kantor=kantor, sumber=sumber)
            for f in (lap.ringkasan, lap.per_jenis, lap.per_sarana, lap.per_petugas, lap.per_status, lap.tren,
                      lap.standar_waktu, lap.ringkasan_antrian, lap.kepuasan, lap.skd, lap.pengaduan):
                f()

        ringkasan = _ms(lambda: semua("ringkasan"), args.ulang)
        langsung = _ms(lambda: semua("langsung"), max(1, args.ulang // 3))
        baris.append((nama, layanan, halaman, len(q), ringkasan, langsung))
        print(nama, layanan, halaman, len(q), ringkasan, langsung, flush=True)

    with CaptureQueriesContext(connection) as q:
        t = time.perf_counter()
        hitung_hari(hari_ini - datetime.timedelta(days=1))
        satu_hari = (time.perf_counter() - t) * 1000
    for x in sorted(q.captured_queries, key=lambda x: -float(x["time"]))[:4]:
        print("  query satu hari:", x["time"], x["sql"][:160], flush=True)
    t = time.perf_counter()
    jumlah_hari = harian.hitung_ulang(semua=True)
    semua_hari = time.perf_counter() - t
    angka = AngkaHarian.objects.count()

    def f(x):
        return f"{x:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")

    def n(x):
        return f"{x:,}".replace(",", ".")

    print()
    print(f"Diukur {time.strftime('%Y-%m-%d')} pada {connection.vendor}, {n(Layanan.objects.count())} layanan dalam "
          f"{args.tahun} tahun; klien uji Django di proses yang sama, median / p95 dari {args.ulang} kali.")
    print()
    print("| laporan | layanan pada periode | halaman: median / p95 ms · query | semua angka dari ringkasan (ms) | semua angka langsung dari tabel (ms) |")
    print("|---|---|---|---|---|")
    for nama, layanan, halaman, q, ringkasan, langsung in baris:
        print(f"| {nama} | {n(layanan)} | {f(halaman[0])} / {f(halaman[1])} · {q} | {f(ringkasan[0])} | {f(langsung[0])} |")
    print()
    print(f"Ringkasan tersimpan: {n(angka)} baris angka untuk {n(jumlah_hari)} hari "
          f"({n(angka // max(jumlah_hari, 1))} per hari). Hitung ulang semua hari: {f(semua_hari)} detik; satu hari: {f(satu_hari)} ms.")


if __name__ == "__main__":
    main()
