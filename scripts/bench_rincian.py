#!/usr/bin/env python
"""Where the time of each page goes, in-process: SQL, ORM compilation, templates and the rest.

Run by scripts/bench.py on the data set it just made (DATABASE_URL, production-like settings from
the environment); also the yearly Excel export made the way the worker makes it. Prints JSON.

    .venv/bin/python scripts/bench_rincian.py --ulang 10 halaman PERAN:PATH...
    .venv/bin/python scripts/bench_rincian.py excel
    .venv/bin/python scripts/bench_rincian.py --ulang 5 query PERAN:PATH...   # each query's time, slowest first

Each request goes through Django's test client in this process (all middleware, no network).
The time of each part is exclusive: SQL run while a template renders counts as SQL, not template.
"""

import argparse
import collections
import datetime
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]


class Jam:
    """Exclusive time per category: entering a category pauses the one it runs inside."""

    def __init__(self):
        self.total = collections.defaultdict(float)
        self.tumpukan = []
        self.sejak = 0.0

    def masuk(self, kategori):
        sekarang = time.perf_counter()
        if self.tumpukan:
            self.total[self.tumpukan[-1]] += sekarang - self.sejak
        self.tumpukan.append(kategori)
        self.sejak = sekarang

    def keluar(self):
        sekarang = time.perf_counter()
        self.total[self.tumpukan.pop()] += sekarang - self.sejak
        self.sejak = sekarang

    def bungkus(self, kategori, fungsi):
        def dibungkus(*args, **kwargs):
            self.masuk(kategori)
            try:
                return fungsi(*args, **kwargs)
            finally:
                self.keluar()

        return dibungkus


def _setup():
    import django

    django.setup()


def ukur_halaman(jalur, ulang):
    """{path: {median_ms, sql_ms, orm_ms, template_ms, lain_ms, query}} for the officer or head pages."""
    _setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models.sql.compiler import SQLCompiler
    from django.template.base import Template
    from django.test import Client

    User = get_user_model()
    klien = {}
    for peran, email in (("petugas", "petugas01@uji.example"), ("pimpinan", "pimpinan@uji.example")):
        klien[peran] = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
        klien[peran].force_login(User.objects.get(email=email))

    jam = Jam()
    jumlah_query = [0]

    def sql(execute, *args):
        jumlah_query[0] += 1
        jam.masuk("sql")
        try:
            return execute(*args)
        finally:
            jam.keluar()

    asli_as_sql, asli_render = SQLCompiler.as_sql, Template.render
    hasil = {}
    for path in jalur:
        peran, _, url = path.partition(":")
        client = klien[peran]
        for _ in range(2):
            assert client.get(url).status_code == 200, url
        waktu = []
        for _ in range(ulang):  # plain, uninstrumented: the page's own time
            mulai = time.perf_counter()
            client.get(url)
            waktu.append((time.perf_counter() - mulai) * 1000)
        SQLCompiler.as_sql = jam.bungkus("orm", asli_as_sql)
        Template.render = jam.bungkus("template", asli_render)
        bagian = collections.defaultdict(list)
        try:
            with connection.execute_wrapper(sql):
                for _ in range(ulang):
                    jam.total.clear()
                    jumlah_query[0] = 0
                    jam.masuk("lain")
                    client.get(url)
                    jam.keluar()
                    for k in ("sql", "orm", "template", "lain"):
                        bagian[k].append(jam.total[k] * 1000)
                    bagian["query"].append(jumlah_query[0])
        finally:
            SQLCompiler.as_sql, Template.render = asli_as_sql, asli_render
        median = statistics.median(waktu)
        instrumen = {k: statistics.median(v) for k, v in bagian.items()}
        jumlah = sum(instrumen[k] for k in ("sql", "orm", "template", "lain")) or 1
        # The instruments themselves cost a little: each part is scaled to the page's own median.
        hasil[path] = {"median_ms": round(median, 2), "query": int(instrumen["query"]),
                       **{f"{k}_ms": round(median * instrumen[k] / jumlah, 2) for k in ("sql", "orm", "template", "lain")}}
    return hasil


def ukur_query(jalur, ulang):
    """{path: [[median ms, SQL head], ...]}: every query of the page, slowest first."""
    _setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    User = get_user_model()
    hasil = {}
    for path in jalur:
        peran, _, url = path.partition(":")
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(email=f"{'petugas01' if peran == 'petugas' else peran}@uji.example"))
        client.get(url)
        waktu = collections.defaultdict(list)

        def catat(execute, sql, params, many, context):
            mulai = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                waktu[len(urutan)].append((time.perf_counter() - mulai) * 1000)
                urutan.append(sql)

        for _ in range(ulang):
            urutan = []
            with connection.execute_wrapper(catat):
                client.get(url)
            kepala = urutan
        hasil[path] = sorted(([round(statistics.median(ms), 2), " ".join(kepala[i].split())[:160]]
                              for i, ms in waktu.items() if i < len(kepala)), reverse=True)
    return hasil


def ukur_excel():
    """The yearly Excel as the worker makes it (unduhan.pembuatan.buat_berkas): time, size, memory."""
    _setup()
    from django.contrib.auth import get_user_model

    from laporan.data import jumlah_layanan
    from laporan.periode import Periode
    from pst_frontoffice.kalender import hari_ini
    from unduhan.models import Unduhan
    from unduhan.pembuatan import buat_berkas

    periode = Periode.dari("tahun", hari_ini())
    unduhan = Unduhan.objects.create(
        pemilik=get_user_model().objects.get(email="pimpinan@uji.example"), jenis="laporan_xlsx",
        parameter=periode.query(), judul="bench", nama_berkas=f"{periode.nama_berkas()}.xlsx",
    )
    rss_awal = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu, mulai = time.process_time(), time.perf_counter()
    buat_berkas(unduhan_id=unduhan.pk)
    detik, cpu = time.perf_counter() - mulai, time.process_time() - cpu
    unduhan.refresh_from_db()
    return {
        "tahun": periode.mulai.year, "baris": jumlah_layanan(periode), "detik": round(detik, 1), "cpu_detik": round(cpu, 1),
        "mb": round((unduhan.ukuran or 0) / 1e6, 1), "rss_awal_mb": round(rss_awal, 1),
        "rss_puncak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), "status": unduhan.status,
        "diukur": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["halaman", "query", "excel"])
    ap.add_argument("jalur", nargs="*", help="peran:/path/, mis. petugas:/dashboard/")
    ap.add_argument("--ulang", type=int, default=10)
    args = ap.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")
    if args.mode == "halaman":
        hasil = ukur_halaman(args.jalur, args.ulang)
    elif args.mode == "query":
        hasil = ukur_query(args.jalur, args.ulang)
    else:
        hasil = ukur_excel()
    print(json.dumps(hasil))


if __name__ == "__main__":
    main()
