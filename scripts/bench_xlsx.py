#!/usr/bin/env python
"""Three ways to write the yearly Excel's big sheet, on the same rows: openpyxl's write-only mode,
xlsxwriter's constant-memory mode, and the app's own streaming writer (pst_frontoffice.buku_xlsx).

    .venv/bin/python scripts/bench_xlsx.py [--baris 50000]

Each writer runs in its own process (peak memory is per process); the rows are the 14 columns of
the report's "Data Layanan" sheet, made up in Python (no database). xlsxwriter is not a dependency
of the app: without it that line is skipped. Prints a table (CPU seconds are what a quiet server
would take; the wall time includes whatever else the machine was doing).
"""

import argparse
import datetime
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
NAMA = ["Siti Aminah", "Budi Santoso", "Dewi Lestari", "Ahmad Fauzi", "=Rina Wati"]


def baris(n):
    acak = random.Random(26)
    awal = datetime.datetime(2026, 1, 1, 8)
    for i in range(n):
        waktu = awal + datetime.timedelta(minutes=i)
        yield [i, waktu.date(), waktu.time(), acak.choice(NAMA), "Universitas Lambung Mangkurat", "6281234567890",
               "siti@example.org", "Permintaan Data", "Langsung", "", "Data kemiskinan per kecamatan 2020-2025",
               "Rina Petugas", "Selesai", waktu + datetime.timedelta(hours=2)]


def tulis_openpyxl(n, jalur):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from pst_frontoffice.excel import nilai_bersih, teks_aman

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data Layanan")
    for row in baris(n):  # as laporan.ekspor wrote it before: one styled cell per value
        sel = []
        for v in row:
            c = teks_aman(WriteOnlyCell(ws, value=nilai_bersih(v)))
            if isinstance(v, datetime.datetime):
                c.number_format = "DD/MM/YYYY HH:MM"
            elif isinstance(v, datetime.date):
                c.number_format = "DD/MM/YYYY"
            elif isinstance(v, datetime.time):
                c.number_format = "HH:MM"
            sel.append(c)
        ws.append(sel)
    wb.save(jalur)


def tulis_xlsxwriter(n, jalur):
    import xlsxwriter

    from pst_frontoffice.excel import nilai_bersih, seperti_rumus

    wb = xlsxwriter.Workbook(jalur, {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
                                     "strings_to_urls": False})
    ws = wb.add_worksheet("Data Layanan")
    f_jam, f_tgl, f_tgljam = (wb.add_format({"num_format": f}) for f in ("HH:MM", "DD/MM/YYYY", "DD/MM/YYYY HH:MM"))
    f_teks = wb.add_format({"quote_prefix": True})
    for r, row in enumerate(baris(n)):
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            if isinstance(v, str):
                v = nilai_bersih(v)
                ws.write_string(r, c, v, f_teks if seperti_rumus(v) else None)
            elif isinstance(v, datetime.datetime):
                ws.write_datetime(r, c, v, f_tgljam)
            elif isinstance(v, datetime.date):
                ws.write_datetime(r, c, v, f_tgl)
            elif isinstance(v, datetime.time):
                ws.write_datetime(r, c, v, f_jam)
            else:
                ws.write_number(r, c, v)
    wb.close()


def tulis_buku_xlsx(n, jalur):
    from pst_frontoffice.buku_xlsx import BukuXlsx

    with BukuXlsx(jalur) as buku, buku.lembar("Data Layanan") as ws:
        for row in baris(n):
            ws.baris(row)


PENULIS = {"openpyxl (write-only)": tulis_openpyxl, "xlsxwriter (constant_memory)": tulis_xlsxwriter,
           "pst_frontoffice.buku_xlsx": tulis_buku_xlsx}


def satu(nama, n):
    sys.path.insert(0, str(AKAR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pst_frontoffice.settings")
    import django

    django.setup()
    with tempfile.TemporaryDirectory() as folder:
        jalur = Path(folder) / "x.xlsx"
        awal = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        cpu, mulai = time.process_time(), time.perf_counter()
        PENULIS[nama](n, str(jalur))
        hasil = {"detik": time.perf_counter() - mulai, "cpu_detik": time.process_time() - cpu,
                 "mb": jalur.stat().st_size / 1e6,
                 "rss_tambahan_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - awal}
    print(json.dumps(hasil))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baris", type=int, default=50_000)
    ap.add_argument("--satu", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.satu:
        return satu(args.satu, args.baris)
    print(f"{args.baris:,} baris × 14 kolom".replace(",", "."))
    print("| penulis | CPU detik | per 100.000 baris | waktu dinding | berkas | memori tambahan |")
    print("|---|---|---|---|---|---|")
    for nama in PENULIS:
        keluar = subprocess.run([sys.executable, __file__, "--baris", str(args.baris), "--satu", nama],
                                capture_output=True, text=True)
        if keluar.returncode:
            print(f"| {nama} | tidak diukur: {keluar.stderr.strip().splitlines()[-1]} | | | | |")
            continue
        h = json.loads(keluar.stdout.strip().splitlines()[-1])
        print(f"| {nama} | {h['cpu_detik']:.1f} | {h['cpu_detik'] * 100_000 / args.baris:.1f} | {h['detik']:.1f} | "
              f"{h['mb']:.1f} MB | {h['rss_tambahan_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
