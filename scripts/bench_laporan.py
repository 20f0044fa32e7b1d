#!/usr/bin/env python
"""Reports at the scale of a busy office over five years.

About 70,000 services (~60,000 visits) and ~20,000 ratings spread over five years: how long the
month and year report pages take (median and p95 over repeated requests, queries per request),
and the peak memory of the process that writes the yearly Excel workbook.

Run with `make bench-laporan` (a throwaway PostgreSQL on 127.0.0.1) or against any DATABASE_URL.
Writes docs/bench-laporan.json and the table between the bench-laporan markers in docs/kinerja.md.
"""

import argparse
import json
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

AKAR = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pst_frontoffice.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/pst-bench-laporan.sqlite3")

MULAI, SELESAI = "<!-- bench-laporan:mulai -->", "<!-- bench-laporan:selesai -->"


def siapkan(layanan):
    import django
    from django.core.management import call_command

    django.setup()
    from layanan.models import Layanan

    call_command("migrate", verbosity=0)
    if Layanan.objects.count() < layanan:
        call_command("buat_data_uji", layanan=layanan, pengunjung=layanan * 3 // 7, tahun=5, penilaian=0.3, petugas=20)


def ukur_halaman(ulang):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pst_frontoffice.models import Peran

    pimpinan, _ = get_user_model().objects.get_or_create(
        email="pimpinan-bench@uji.example", defaults={"nama": "Pimpinan Uji", "peran": Peran.PIMPINAN}
    )
    client = Client()
    client.force_login(pimpinan)
    hasil = {}
    for label, path in (("Laporan bulanan", "/laporan/?periode=bulan"), ("Laporan tahunan", "/laporan/?periode=tahun"),
                        ("Laporan 5 tahun", "/laporan/?periode=rentang&dari=2021-12-01&sampai=2026-11-30")):
        client.get(path)  # warm-up
        ms = []
        for _ in range(ulang):
            with CaptureQueriesContext(connection) as q:
                t = time.perf_counter()
                r = client.get(path, HTTP_HOST="127.0.0.1")
                ms.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200, (path, r.status_code)
        ms.sort()
        hasil[label] = {
            "median_ms": round(statistics.median(ms), 1),
            "p95_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.95))], 1),
            "query": len(q),
        }
    return hasil


def ukur_xlsx_di_proses_ini():
    """Write the yearly workbook once; print the process's peak resident memory (MB) and rows."""
    import django

    django.setup()
    from openpyxl import load_workbook

    from laporan.data import Laporan
    from laporan.ekspor import tulis_xlsx
    from laporan.periode import Periode
    from pst_frontoffice.kalender import hari_ini

    sebelum = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    berkas = tempfile.TemporaryFile()
    tulis_xlsx(Laporan(Periode.dari("tahun", hari_ini())), berkas)
    detik = time.perf_counter() - t
    berkas.seek(0)
    puncak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    baris = sum(1 for _ in load_workbook(berkas, read_only=True)["Data Layanan"].iter_rows(values_only=True)) - 1
    print(json.dumps({"rss_awal_mb": round(sebelum, 1), "rss_puncak_mb": round(puncak, 1),
                      "detik": round(detik, 2), "baris_data": baris}))


def angka(n):
    return f"{n:,}".replace(",", ".")


def tulis_kinerja(teks):
    readme = AKAR / "docs" / "kinerja.md"
    isi = readme.read_text()
    blok = f"{MULAI}\n{teks}\n{SELESAI}"
    if MULAI in isi:
        awal, sisa = isi.split(MULAI, 1)
        isi = awal + blok + sisa.split(SELESAI, 1)[1]
    else:
        isi += f"\n## Laporan pada skala lima tahun\n\n{blok}\n"
    readme.write_text(isi)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--layanan", type=int, default=70000)
    parser.add_argument("--ulang", type=int, default=7)
    parser.add_argument("--ukur-xlsx", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tanpa-dokumen", action="store_true")
    args = parser.parse_args()
    if args.ukur_xlsx:
        ukur_xlsx_di_proses_ini()
        return
    siapkan(args.layanan)
    from django.db import connection

    from layanan.models import Layanan
    from rating.models import Penilaian

    halaman = ukur_halaman(args.ulang)
    keluaran = subprocess.run([sys.executable, __file__, "--ukur-xlsx"], check=True, capture_output=True, text=True,
                              env=os.environ.copy())
    xlsx = json.loads(keluaran.stdout.strip().splitlines()[-1])
    hasil = {"basis_data": connection.vendor, "layanan": Layanan.objects.count(),
             "penilaian": Penilaian.objects.count(), "halaman": halaman, "xlsx_tahunan": xlsx}
    (AKAR / "docs" / "bench-laporan.json").write_text(json.dumps(hasil, indent=2))
    baris = [
        f"Diukur {time.strftime('%Y-%m-%d')} di mesin pengembang (2 inti), {connection.vendor}, "
        f"{angka(hasil['layanan'])} layanan dan {angka(hasil['penilaian'])} penilaian selama lima tahun; "
        f"klien uji Django di proses yang sama, {args.ulang} kali per halaman.",
        "",
        "| halaman | median | p95 | query |",
        "|---|---|---|---|",
    ]
    for label, h in halaman.items():
        baris.append(f"| {label} | {h['median_ms']} ms | {h['p95_ms']} ms | {h['query']} |")
    baris += ["", f"Ekspor Excel tahunan ({angka(xlsx['baris_data'])} baris data): {xlsx['detik']} detik, memori puncak "
              f"proses {xlsx['rss_puncak_mb']} MB (setelah Django dimuat {xlsx['rss_awal_mb']} MB); target < 200 MB."]
    teks = "\n".join(baris)
    print(teks)
    if not args.tanpa_dokumen:
        tulis_kinerja(teks)


if __name__ == "__main__":
    main()
