"""Shared by loadtest.py and bench.py: a throwaway PostgreSQL, gunicorn with production settings,
and a small HTTP client that keeps cookies and sends the CSRF token. Only 127.0.0.1 is ever used."""

import contextlib
import gzip
import http.client
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
PY = str(AKAR / ".venv" / "bin" / "python") if (AKAR / ".venv" / "bin" / "python").exists() else sys.executable
HOST = "127.0.0.1"


def _sebagai_pemilik(cmd):
    """initdb/pg_ctl refuse to run as root: run them as nobody then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "nobody", "--", *cmd]
    return cmd


def _bin_pg(nama):
    found = shutil.which(nama)
    if found:
        return found
    for versi in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (versi / nama).exists():
            return str(versi / nama)
    raise SystemExit(f"{nama} tidak ditemukan: pasang PostgreSQL (apt-get install postgresql) atau isi DATABASE_URL.")


class KlasterPostgres:
    """A PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only."""

    def __init__(self, port):
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="pst-pg-"))
        self.data = self.folder / "data"
        if os.geteuid() == 0:
            shutil.chown(self.folder, "nobody")
        self.url = f"postgres://postgres@{HOST}:{port}/pst"

    def _pg_ctl(self, *args):
        subprocess.run(_sebagai_pemilik([_bin_pg("pg_ctl"), "-D", str(self.data), *args]), check=True,
                       stdout=subprocess.DEVNULL, cwd=self.folder)

    def mulai(self):
        if not self.data.exists():
            subprocess.run(_sebagai_pemilik([_bin_pg("initdb"), "-D", str(self.data), "-U", "postgres",
                                             "--auth=trust", "-E", "UTF8"]),
                           check=True, stdout=subprocess.DEVNULL, cwd=self.folder)
        opsi = (f"-p {self.port} -k {self.folder} -c listen_addresses={HOST} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._pg_ctl("-o", opsi, "-l", str(self.folder / "log"), "-w", "start")
        subprocess.run([_bin_pg("createdb"), "-h", HOST, "-p", str(self.port), "-U", "postgres", "pst"],
                       stderr=subprocess.DEVNULL)

    def berhenti(self):
        self._pg_ctl("-m", "fast", "-w", "stop")

    def hapus(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.berhenti()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def basis_data(port):
    """DATABASE_URL from the environment when it points at PostgreSQL, else a throwaway cluster."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        yield url, None
        return
    klaster = KlasterPostgres(port)
    try:
        klaster.mulai()
        yield klaster.url, klaster
    finally:
        klaster.hapus()


def env_aplikasi(database_url, folder, produksi=True):
    """Production settings on plain http over loopback: cookies not Secure, no HTTPS redirect."""
    env = dict(os.environ)
    env.update(DATABASE_URL=database_url, MEDIA_ROOT=str(Path(folder) / "media"),
               STATIC_ROOT=str(Path(folder) / "static"), LOG_LEVEL="WARNING",
               PYTHONPATH=f"{AKAR}{os.pathsep}{AKAR / 'scripts'}", DJANGO_SETTINGS_MODULE="bench_settings")
    if produksi:
        env.update(DJANGO_PRODUCTION="1", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS=HOST,
                   SECURE_COOKIES="0", SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0", DEBUG="0",
                   TRUSTED_PROXIES="127.0.0.1")
    else:
        env.pop("DJANGO_PRODUCTION", None)
    return env


def manage(env, *args, tampil=True):
    kwargs = {} if tampil else {"stdout": subprocess.DEVNULL}
    subprocess.run([PY, "manage.py", *args], cwd=AKAR, env=env, check=True, **kwargs)


@contextlib.contextmanager
def gunicorn(env, port, *, workers=3, threads=4, wsgi="pst_frontoffice.wsgi:application"):
    # The production settings (deploy/gunicorn.conf.py, its hooks included); the arguments here win,
    # and a worker is never recycled in the middle of a measurement. Its access log goes to stdout,
    # which is dropped; errors still reach the terminal.
    proses = subprocess.Popen(
        [PY, "-m", "gunicorn", wsgi, "-c", str(AKAR / "deploy" / "gunicorn.conf.py"), "--bind", f"{HOST}:{port}",
         "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread", "--log-level", "warning",
         "--max-requests", "0"],
        cwd=AKAR, env=env, stdout=subprocess.DEVNULL,
    )
    try:
        batas = time.monotonic() + 60
        while True:
            try:
                status, _, _ = Sesi(port).get("/login/")
                if status == 200:
                    break
            except OSError:
                pass
            if proses.poll() is not None or time.monotonic() > batas:
                raise SystemExit("gunicorn tidak mau jalan; lihat pesan di atas.")
            time.sleep(0.3)
        yield proses
    finally:
        proses.terminate()
        proses.wait(timeout=30)


class Sesi:
    """One browser: keep-alive connection, cookies, CSRF token taken from the cookie."""

    def __init__(self, port, timeout=30, alamat=None, gzip=False):
        self.port, self.timeout = port, timeout
        # Each simulated visitor has its own address (X-Forwarded-For, trusted only in the load
        # test's environment), so per-address rate limits see 50 phones, not one.
        self.header_tetap = {"X-Forwarded-For": alamat} if alamat else {}
        if gzip:  # as a browser asks: the app compresses its pages (the time it takes is counted)
            self.header_tetap["Accept-Encoding"] = "gzip"
        self.byte_terakhir = 0
        self.cookie = {}
        self.conn = None
        self.header_terakhir = {}

    def _kirim(self, method, path, body=None, header=None):
        h = {"Host": f"{HOST}:{self.port}", **self.header_tetap, **(header or {})}
        if self.cookie:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookie.items())
        for percobaan in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
            try:
                mulai = time.perf_counter()
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                isi = r.read()
                ms = (time.perf_counter() - mulai) * 1000
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # The server closed an idle keep-alive connection: open a new one once.
                self.conn.close()
                self.conn = None
                if percobaan:
                    raise
        self.header_terakhir = {k.lower(): v for k, v in r.getheaders()}
        self.byte_terakhir = len(isi)
        if self.header_terakhir.get("content-encoding") == "gzip":
            isi = gzip.decompress(isi)
        for nilai in r.headers.get_all("Set-Cookie") or []:
            nama, _, sisa = nilai.partition("=")
            self.cookie[nama.strip()] = sisa.split(";", 1)[0]
        if r.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return r.status, isi.decode("utf-8", "replace"), ms, r.getheader("Location", "")

    def get(self, path, header=None):
        status, isi, ms, _ = self._kirim("GET", path, header=header)
        return status, isi, ms

    def post(self, path, data):
        data = {**data, "csrfmiddlewaretoken": self.cookie.get("csrftoken", "")}
        body = urllib.parse.urlencode(data, doseq=True)
        return self._kirim("POST", path, body=body, header={
            "Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://{HOST}:{self.port}",
        })

    def login(self, email, sandi):
        self.get("/login/")
        status, _, ms, lokasi = self.post("/login/", {"username": email, "password": sandi})
        if status != 302:
            raise RuntimeError(f"login {email} gagal (HTTP {status})")
        return ms


def persentil(nilai, p):
    if not nilai:
        return None
    urut = sorted(nilai)
    k = (len(urut) - 1) * p / 100
    bawah = int(k)
    atas = min(bawah + 1, len(urut) - 1)
    return urut[bawah] + (urut[atas] - urut[bawah]) * (k - bawah)
