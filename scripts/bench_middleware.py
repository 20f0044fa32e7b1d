#!/usr/bin/env python
"""What the middleware stack costs: the bare page through the app's full stack against a minimal one.

In-process, the way gunicorn calls the app (Django's WSGI handler with its request_started and
request_finished signals, so connection health checks count too), many interleaved iterations,
median per request. The minimal stack is what a logged-in bare page cannot do without: sessions
and authentication. The pages are the benchmark's bare pages (scripts/bench_urls.py), anonymous
and logged in; each middleware of the full stack is also left out once to show what it costs.

    .venv/bin/python scripts/bench_middleware.py [--ulang 3000] [--json FILE]

Runs against DATABASE_URL when it points at PostgreSQL, else on a throwaway PostgreSQL cluster
(scripts/perkakas_uji.py). Production-like settings: DEBUG off, the database cache of production.
Prints a table and writes JSON; `make bench` puts the table in docs/kinerja.md.
"""

import argparse
import gc
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from perkakas_uji import AKAR, basis_data  # noqa: E402

MINIMAL = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
HALAMAN = {"anonim": "/_bench/polos/", "login": "/_bench/polos-login/"}


def _env_django(url, folder):
    sys.path.insert(0, str(AKAR))
    os.environ.update(
        DATABASE_URL=url, DJANGO_SETTINGS_MODULE="bench_settings", DEBUG="0", CACHE_BACKEND="database",
        MEDIA_ROOT=str(Path(folder) / "media"), STATIC_ROOT=str(Path(folder) / "static"), LOG_LEVEL="WARNING",
        ALLOWED_HOSTS="127.0.0.1",
    )
    os.environ.pop("DJANGO_PRODUCTION", None)
    os.environ.pop("BENCH_HITUNG_QUERY", None)


def _environ(path, cookie):
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "127.0.0.1", "HTTP_COOKIE": cookie,
        "HTTP_ACCEPT": "text/html,application/xhtml+xml", "HTTP_ACCEPT_ENCODING": "gzip, deflate, br",
        "HTTP_ACCEPT_LANGUAGE": "id-ID,id;q=0.9", "HTTP_USER_AGENT": "bench",
        "wsgi.input": io.BytesIO(b""), "wsgi.url_scheme": "http", "wsgi.version": (1, 0),
        "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": True, "wsgi.run_once": False,
    }


def _penangan(middleware):
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    with override_settings(MIDDLEWARE=middleware):
        return WSGIHandler()  # the middleware chain is built here, once, as in a gunicorn worker


def _satu(penangan, path, cookie):
    """(wall ns, CPU ns of this thread) for one request, response read and closed."""
    status = []
    environ = _environ(path, cookie)
    cpu, mulai = time.thread_time_ns(), time.perf_counter_ns()
    respons = penangan(environ, lambda s, h, *a: status.append(s))
    b"".join(respons)
    respons.close()
    ns, cpu = time.perf_counter_ns() - mulai, time.thread_time_ns() - cpu
    if not status[0].startswith("200"):
        raise SystemExit(f"{path}: {status[0]}")
    return ns, cpu


def _hitung_kueri(penangan, path, cookie):
    from django.db import connection

    jumlah = []
    with connection.execute_wrapper(lambda execute, *a: jumlah.append(1) or execute(*a)):
        _satu(penangan, path, cookie)
    return len(jumlah)


def siapkan():
    """Tables, one officer and a logged-in session cookie (as after the login form)."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from pst_frontoffice.models import PengaturanKantor, Peran

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    PengaturanKantor.get()
    user, _ = get_user_model().objects.get_or_create(
        email="bench-middleware@uji.example", defaults={"nama": "Petugas Bench", "peran": Peran.PETUGAS}
    )
    client = Client()
    client.force_login(user)
    client.get("/_bench/polos/", HTTP_HOST="127.0.0.1")
    return f"sessionid={client.cookies['sessionid'].value}"


def ukur(ulang, tinggalkan_satu=True):
    from django.conf import settings

    penuh = [m for m in settings.MIDDLEWARE if m != "bench_urls.HitungQuery"]
    cookie_login = siapkan()
    varian = {"penuh": penuh, "minimal": MINIMAL}
    if tinggalkan_satu:
        for m in penuh:
            if m not in MINIMAL:
                varian[f"tanpa {m}"] = [x for x in penuh if x != m]
    penangan = {nama: _penangan(mw) for nama, mw in varian.items()}
    permintaan = [(nama, jenis) for nama in varian for jenis in HALAMAN
                  if jenis == "login" or nama in ("penuh", "minimal")]
    hasil = {k: [] for k in permintaan}
    cookie = {"anonim": "", "login": cookie_login}
    for k in permintaan:  # warm-up: imports, URL resolver, template loaders, connection
        for _ in range(200):
            _satu(penangan[k[0]], HALAMAN[k[1]], cookie[k[1]])
    kueri = {k: _hitung_kueri(penangan[k[0]], HALAMAN[k[1]], cookie[k[1]]) for k in permintaan}
    gc.collect()
    acak = random.Random(26)
    urutan = list(permintaan)
    for _ in range(ulang):
        # Interleaved in a new random order every round: no variant profits from a quiet moment or
        # from the one before it (a request without a query leaves the database backend idle longer).
        acak.shuffle(urutan)
        for nama, jenis in urutan:
            hasil[(nama, jenis)].append(_satu(penangan[nama], HALAMAN[jenis], cookie[jenis]))
    median = {k: statistics.median(w for w, _ in v) / 1e6 for k, v in hasil.items()}
    cpu = {k: statistics.median(c for _, c in v) / 1e6 for k, v in hasil.items()}

    def tambahan(m, jenis, pembanding="minimal"):
        return round(m[("penuh", jenis)] - m[(pembanding, jenis)], 4)

    return {
        "ulang": ulang,
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "minimal": MINIMAL,
        "penuh": penuh,
        "ms": {f"{n} | {j}": round(v, 4) for (n, j), v in median.items()},
        "cpu_ms": {f"{n} | {j}": round(v, 4) for (n, j), v in cpu.items()},
        "kueri": {f"{n} | {j}": v for (n, j), v in kueri.items()},
        "tambahan_anonim_ms": tambahan(median, "anonim"),
        "tambahan_login_ms": tambahan(median, "login"),
        "tambahan_anonim_cpu_ms": tambahan(cpu, "anonim"),
        "tambahan_login_cpu_ms": tambahan(cpu, "login"),
        "per_middleware_login_cpu_ms": {
            n.removeprefix("tanpa "): tambahan(cpu, "login", n) for n in varian if n.startswith("tanpa ")
        },
    }


def gagal(h):
    """The target: the full stack costs at most 0.5 ms more than the minimal one, anonymous and logged
    in, and runs no query of its own. With the queries equal, the difference is our process's CPU
    work, so CPU time judges it: wall time on a shared machine swings by milliseconds with the
    database's scheduling (both are in the table)."""
    catatan = []
    for jenis in ("anonim", "login"):
        ekstra = h["kueri"][f"penuh | {jenis}"] - h["kueri"][f"minimal | {jenis}"]
        if ekstra:
            catatan.append(f"GAGAL middleware ({jenis}): {ekstra} query lebih banyak dari tumpukan minimal")
        if h[f"tambahan_{jenis}_cpu_ms"] > 0.5:
            catatan.append(f"GAGAL middleware ({jenis}): +{h[f'tambahan_{jenis}_cpu_ms']} ms CPU (target ≤ +0,5 ms)")
    return catatan


def tabel(h):
    baris = [
        f"Middleware, di proses yang sama ({h['database']}, {h['ulang']} putaran bergiliran, median per permintaan):",
        "",
        "| halaman polos | tumpukan minimal (sesi + autentikasi): waktu · CPU · query | tumpukan penuh: waktu · CPU · query "
        "| tambahan waktu | tambahan CPU |",
        "|---|---|---|---|---|",
    ]
    for jenis, label in (("anonim", "tanpa login"), ("login", "dengan login")):
        sel = []
        for tumpukan in ("minimal", "penuh"):
            k = f"{tumpukan} | {jenis}"
            sel.append(f"{h['ms'][k]:.3f} ms · {h['cpu_ms'][k]:.3f} ms · {h['kueri'][k]}")
        baris.append(f"| {label} | {sel[0]} | {sel[1]} | **{h[f'tambahan_{jenis}_ms']:+.3f} ms** "
                     f"| {h[f'tambahan_{jenis}_cpu_ms']:+.3f} ms |")
    baris += ["", "Waktu = jam dinding (termasuk menunggu PostgreSQL, peka terhadap beban mesin); CPU = waktu CPU proses "
              "aplikasi saja (tidak terpengaruh proses lain). Target: tambahan ≤ +0,5 ms dan tanpa query tambahan "
              "— " + ("terpenuhi." if not gagal(h) else "; ".join(gagal(h)))]
    if h["per_middleware_login_cpu_ms"]:
        baris += ["", "Biaya CPU tiap middleware (halaman polos dengan login: tumpukan penuh dikurangi tumpukan tanpa "
                  "middleware itu; selisih sekecil derau bisa negatif):", ""]
        baris.append("| middleware | CPU ms |")
        baris.append("|---|---|")
        for m, ms in sorted(h["per_middleware_login_cpu_ms"].items(), key=lambda x: -x[1]):
            baris.append(f"| `{m.rsplit('.', 1)[-1]}` | {ms:+.3f} |")
    return "\n".join(baris)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ulang", type=int, default=3000)
    ap.add_argument("--port-db", type=int, default=55439)
    ap.add_argument("--tanpa-rincian", action="store_true", help="hanya tumpukan penuh dan minimal")
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="pst-bench-mw-") as folder, basis_data(args.port_db) as (url, _):
        _env_django(url, folder)
        hasil = ukur(args.ulang, tinggalkan_satu=not args.tanpa_rincian)
    print(tabel(hasil))
    if args.json:
        Path(args.json).write_text(json.dumps(hasil, indent=2))
    return 0 if not gagal(hasil) else 1


if __name__ == "__main__":
    sys.exit(main())
