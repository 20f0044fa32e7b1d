"""The officer pages against the bare logged-in page of the same server, in interleaved rounds.

    DATABASE_URL=postgres://…/db .venv/bin/python scripts/bench_petugas.py --detail ID [--ulang 30]
        [--port 8795] [--folder /tmp/bench-petugas] [--json hasil.json]

One gunicorn process with one thread and production settings (scripts/bench_settings.py, whose
URLconf adds the bare pages), on a database made by `manage.py buat_data_uji`; the static files
are collected into --folder first. Each round asks every page once, in the same order, so a busy
moment of the machine falls on all pages alike; the medians and their ratio to the bare page
behind the login are printed (and, with --json, the raw times, so runs can be pooled).
The issue's targets: officer pages ≤ 3×, reports and IKM ≤ 10× (docs/kinerja.md).
"""

import argparse
import json
import os
import statistics
import subprocess

from perkakas_uji import PY, AKAR, Sesi, env_aplikasi, gunicorn

KATA_SANDI = "uji-beban-12345"
HALAMAN = [
    ("Halaman polos dengan login", "petugas", "/_bench/polos-login/"),
    ("Dashboard", "petugas", "/dashboard/"),
    ("Layanan Saya", "petugas", "/layanan/saya/"),
    ("Semua Layanan", "petugas", "/layanan/"),
    ("Semua Layanan, cari teks", "petugas", "/layanan/?q=Santoso"),
    ("Detail layanan", "petugas", "/layanan/{detail}/"),
    ("IKM", "pimpinan", "/ikm/"),
    ("Laporan mingguan", "pimpinan", "/laporan/?periode=minggu"),
    ("Laporan bulanan", "pimpinan", "/laporan/?periode=bulan"),
    ("Laporan tahunan", "pimpinan", "/laporan/?periode=tahun"),
]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--detail", type=int, required=True, help="a service of petugas01@uji.example")
    p.add_argument("--ulang", type=int, default=30)
    p.add_argument("--port", type=int, default=8795)
    p.add_argument("--folder", default="/tmp/bench-petugas")
    p.add_argument("--json")
    a = p.parse_args()
    env = env_aplikasi(os.environ["DATABASE_URL"], a.folder)
    env["BENCH_HITUNG_QUERY"] = "1"
    subprocess.run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=AKAR, env=env, check=True)
    hasil = {label: [] for label, *_ in HALAMAN}
    query = {}
    with gunicorn(env, a.port, workers=1, threads=1):
        sesi = {"petugas": Sesi(a.port), "pimpinan": Sesi(a.port)}
        sesi["petugas"].login("petugas01@uji.example", KATA_SANDI)
        sesi["pimpinan"].login("pimpinan@uji.example", KATA_SANDI)
        for putaran in range(a.ulang + 3):  # three rounds to warm up, not counted
            for label, peran, path in HALAMAN:
                status, _, ms = sesi[peran].get(path.format(detail=a.detail))
                if status != 200:
                    raise SystemExit(f"{path}: HTTP {status}")
                if putaran >= 3:
                    hasil[label].append(ms)
                    query[label] = sesi[peran].header_terakhir.get("x-jumlah-query")
    polos = statistics.median(hasil[HALAMAN[0][0]])
    for label, ms in hasil.items():
        m = statistics.median(ms)
        print(f"{label:28} median {m:7.2f} ms  {m / polos:5.2f}×  query {query[label]}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"ms": hasil, "query": query}, f)


if __name__ == "__main__":
    main()
