"""The real worker process (`manage.py worker_pesan`) killed with SIGKILL in the middle of a batch and
started again: every message reaches the gateway, none is delivered twice, and none is forgotten.

The worker runs against its own SQLite file (a separate process cannot see the test database);
the fake gateway runs in this process and holds every request for a moment, so the kill lands
while a message is on the wire.
"""

import datetime
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from .pengirim_palsu import GatewayPalsu

ROOT = Path(__file__).resolve().parent.parent
JUMLAH = 8

SIAPKAN = """
from pesan import gateway as aturan_gateway
from pesan import outbox as antrean
from pesan.models import PengaturanGateway
g = PengaturanGateway.get()
g.aktif, g.url_api = True, {url!r}
aturan_gateway.simpan_gateway(g, token_baru={token!r}, oleh=None)
for i in range({jumlah}):
    antrean.antrekan(peristiwa="percobaan", kanal="whatsapp", penerima=f"628120000{{i:04d}}", isi=f"pesan {{i}}", kunci=f"uji:{{i}}")
"""


# A report file asked for as the Excel/Silastik buttons do (unduhan): `make run`'s worker makes it too.
MINTA_BERKAS = """
from django.contrib.auth import get_user_model
from pst_frontoffice.models import Peran
from unduhan.unduhan import minta
oleh = get_user_model().objects.create_user(email="pimpinan@contoh.go.id", password="rahasia-uji-123", nama="Pimpinan", peran=Peran.PIMPINAN)
minta(jenis="silastik_csv", parameter={"periode": "hari"}, judul="Silastik", nama_berkas="silastik.csv", oleh=oleh)
"""


def _status_unduhan(db):
    with sqlite3.connect(db) as c:
        return [baris for baris in c.execute("select status, berkas from unduhan_unduhan")]


def _tunggu(syarat, *, detik):
    batas = time.monotonic() + detik
    while time.monotonic() < batas:
        if syarat():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def lingkungan(tmp_path):
    env = {
        **os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}", "PESAN_SEWA_DETIK": "2",
        "PESAN_BATAS_WAKTU_DETIK": "5", "PYTHONUNBUFFERED": "1",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    return env, tmp_path / "worker.sqlite3"


def _worker(env, log):
    return subprocess.Popen(
        # --no-reload: one process (the autoreloader would run the worker in a child the kill misses).
        [sys.executable, "manage.py", "worker_pesan", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )


def _hentikan(proses):
    proses.send_signal(signal.SIGTERM)
    try:
        proses.wait(20)
    except subprocess.TimeoutExpired:
        proses.kill()
        proses.wait(10)


def _status(db):
    with sqlite3.connect(db) as c:
        return dict(c.execute("select kunci, status from pesan_pesankeluar").fetchall())


def test_worker_dibunuh_di_tengah_batch_lalu_dijalankan_lagi_tiap_pesan_terkirim_sekali(lingkungan, tmp_path):
    env, db = lingkungan
    gateway = GatewayPalsu(tunda=0.3).mulai()
    try:
        skrip = SIAPKAN.format(url=gateway.url, token=gateway.token, jumlah=JUMLAH)
        subprocess.run([sys.executable, "manage.py", "shell", "-c", skrip], cwd=ROOT, env=env, check=True)
        assert set(_status(db).values()) == {"antri"}

        with open(tmp_path / "worker1.log", "wb") as log:
            pertama = _worker(env, log)
            # Kill the moment the third message reaches the gateway: it is on the wire, unanswered.
            assert _tunggu(lambda: len(gateway.permintaan) >= 3, detik=60), (tmp_path / "worker1.log").read_text()
            pertama.send_signal(signal.SIGKILL)
            assert pertama.wait(10) == -signal.SIGKILL
        sebelum_restart = len(gateway.permintaan)
        assert sebelum_restart < JUMLAH  # the batch really was cut short
        assert list(_status(db).values()).count("terkirim") < JUMLAH

        with open(tmp_path / "worker2.log", "wb") as log:
            kedua = _worker(env, log)
            try:
                selesai = _tunggu(lambda: set(_status(db).values()) == {"terkirim"}, detik=60)
            finally:
                kedua.send_signal(signal.SIGTERM)
                try:
                    kedua.wait(20)
                except subprocess.TimeoutExpired:
                    kedua.kill()
        assert selesai, (_status(db), (tmp_path / "worker2.log").read_text())

        # Every message delivered exactly once, per the gateway's own log.
        dikirim = sorted(p["kunci"] for p in gateway.terkirim)
        assert dikirim == sorted(f"uji:{i}" for i in range(JUMLAH))
        assert sorted(p["target"] for p in gateway.terkirim) == [f"628120000{i:04d}" for i in range(JUMLAH)]
        # Only the message that was on the wire at the kill reached the gateway twice; its key made
        # the gateway drop the repeat. Messages answered before the kill were never sent again.
        per_kunci = {}
        for p in gateway.permintaan:
            per_kunci[p["kunci"]] = per_kunci.get(p["kunci"], 0) + 1
        assert sorted(per_kunci.values(), reverse=True)[:2] == [2, 1]
        with sqlite3.connect(db) as c:
            (diulang,) = [k for k, n in per_kunci.items() if n == 2]
            assert c.execute("select percobaan from pesan_pesankeluar where kunci=?", (diulang,)).fetchone() == (2,)
    finally:
        gateway.berhenti()


def test_make_run_menjalankan_worker_di_samping_server_dan_menghentikannya(lingkungan, tmp_path):
    env, db = lingkungan
    env = {**env, "MEDIA_ROOT": str(tmp_path / "media")}
    gateway = GatewayPalsu().mulai()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    try:
        skrip = SIAPKAN.format(url=gateway.url, token=gateway.token, jumlah=1)
        subprocess.run([sys.executable, "manage.py", "shell", "-c", skrip], cwd=ROOT, env=env, check=True)
        subprocess.run([sys.executable, "manage.py", "shell", "-c", MINTA_BERKAS], cwd=ROOT, env=env, check=True)
        with open(tmp_path / "run.log", "wb") as log:
            # The recipe of `make run` after its set-up steps; its own process group, as in a terminal.
            run = subprocess.Popen(
                ["bash", "scripts/jalankan.sh", sys.executable, str(port)], cwd=ROOT, env=env, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True,
            )
            try:
                assert _tunggu(lambda: _status(db) == {"uji:0": "terkirim"}, detik=60), (tmp_path / "run.log").read_text()
                assert _tunggu(lambda: [s for s, _ in _status_unduhan(db)] == ["siap"], detik=60), (tmp_path / "run.log").read_text()
                ((_, berkas),) = _status_unduhan(db)
                assert (tmp_path / "media" / berkas).read_text(encoding="utf-8-sig").startswith("Tanggal,Nama Pengunjung")
                teks = (tmp_path / "run.log").read_text()
                worker = int(teks.split("Worker latar (pesan dan berkas unduhan) berjalan (PID ")[1].split(")")[0])
                assert Path(f"/proc/{worker}").exists()
                assert _tunggu(lambda: _port_terbuka(port), detik=30)
                os.killpg(run.pid, signal.SIGINT)  # Ctrl+C in the terminal
                run.wait(30)
            finally:
                if run.poll() is None:
                    os.killpg(run.pid, signal.SIGKILL)
        assert _tunggu(lambda: not Path(f"/proc/{worker}").exists() or _zombie(worker), detik=20)
        assert "Worker latar dihentikan." in (tmp_path / "run.log").read_text()
        assert [p["target"] for p in gateway.terkirim] == ["6281200000000"]
    finally:
        gateway.berhenti()


def _port_terbuka(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _zombie(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_compose_menjalankan_worker_sebagai_layanan_sendiri_yang_dijalankan_lagi():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    worker, app = compose["services"]["worker"], compose["services"]["app"]
    assert worker["command"] == ["python", "manage.py", "worker_pesan", "--no-reload"]
    assert worker["restart"] in ("always", "unless-stopped")  # a crashed worker is started again
    assert worker["image"] == app["image"]
    assert worker["depends_on"] == {"app": {"condition": "service_healthy"}}
    # The same key as the app, or the encrypted gateway token cannot be read.
    assert worker["environment"]["SECRET_KEY"] == app["environment"]["SECRET_KEY"]
    assert worker["environment"]["DATABASE_URL"] == app["environment"]["DATABASE_URL"]
    assert "media:/data/media" in worker["volumes"]


def test_unit_systemd_menjalankan_worker_lagi_setiap_kali_berhenti():
    unit = (ROOT / "deploy" / "pst-worker.service").read_text().splitlines()
    baris = {b.split("=", 1)[0]: b.split("=", 1)[1] for b in unit if "=" in b and not b.startswith("#")}
    assert baris["ExecStart"].endswith("manage.py worker_pesan --no-reload")
    assert baris["Restart"] == "always" and baris["StartLimitIntervalSec"] == "0"


SATU_PESAN = """
from pesan import gateway as aturan_gateway
from pesan.models import PengaturanGateway, PesanKeluar
g = PengaturanGateway.get()
g.aktif, g.url_api = True, {url!r}
aturan_gateway.simpan_gateway(g, token_baru={token!r}, oleh=None)
# Written straight into the outbox: no task asks the worker to look (as when the process that queued
# it died before its transaction's on_commit ran).
PesanKeluar.objects.create(peristiwa="percobaan", kanal="whatsapp", penerima="6281200000001", isi="satu", kunci="satu")
"""


def _kolom(db, kolom, kunci="satu"):
    with sqlite3.connect(db) as c:
        baris = c.execute(f"select {kolom} from pesan_pesankeluar where kunci=?", (kunci,)).fetchone()
    return baris[0] if baris else None


def test_worker_dibunuh_saat_mengirim_satu_pesan_terkirim_semenit_setelah_pegangannya_habis(lingkungan, tmp_path):
    env, db = lingkungan
    env = {**env, "PESAN_SEWA_DETIK": "6"}
    gateway = GatewayPalsu(tunda=2).mulai()
    try:
        skrip = SATU_PESAN.format(url=gateway.url, token=gateway.token)
        subprocess.run([sys.executable, "manage.py", "shell", "-c", skrip], cwd=ROOT, env=env, check=True)
        with open(tmp_path / "worker1.log", "wb") as log:
            pertama = _worker(env, log)
            # Its own look at start finds the message; kill it while the message is on the wire.
            assert _tunggu(lambda: len(gateway.permintaan) >= 1, detik=120), (tmp_path / "worker1.log").read_text()
            pertama.send_signal(signal.SIGKILL)
            assert pertama.wait(10) == -signal.SIGKILL
        assert _kolom(db, "status") == "antri"
        # What the database stores for the hold's end, read the way SQLite wrote it (UTC, ISO).
        lepas = _kolom(db, "diklaim_sampai")
        assert lepas

        # Nothing else is queued and no task is waiting: only the new worker's own look can find it.
        with open(tmp_path / "worker2.log", "wb") as log:
            kedua = _worker(env, log)
            try:
                assert _tunggu(lambda: _kolom(db, "status") == "terkirim", detik=180), (tmp_path / "worker2.log").read_text()
            finally:
                _hentikan(kedua)
        batas = _waktu_sqlite(lepas) + 60
        kirim_ulang = gateway.permintaan[1]["waktu"]
        assert kirim_ulang <= batas, f"dikirim {kirim_ulang - _waktu_sqlite(lepas):.1f} dtk setelah pegangan habis"
        assert [p["kunci"] for p in gateway.terkirim] == ["satu"]  # the gateway dropped the repeat by its key
    finally:
        gateway.berhenti()


def test_worker_sendiri_memeriksa_outbox_berkala_tanpa_tugas_yang_meminta(lingkungan, tmp_path):
    env, db = lingkungan
    env = {**env, "PESAN_SAPU_DETIK": "2"}
    gateway = GatewayPalsu().mulai()
    try:
        with open(tmp_path / "worker.log", "wb") as log:
            worker = _worker(env, log)
            try:
                # The worker is up and idle (the outbox is empty) before the message appears.
                assert _tunggu(lambda: _worker_siap(tmp_path / "worker.log"), detik=120), (tmp_path / "worker.log").read_text()
                skrip = SATU_PESAN.format(url=gateway.url, token=gateway.token)
                subprocess.run([sys.executable, "manage.py", "shell", "-c", skrip], cwd=ROOT, env=env, check=True)
                assert _tunggu(lambda: _kolom(db, "status") == "terkirim", detik=120), (tmp_path / "worker.log").read_text()
            finally:
                _hentikan(worker)
        assert [p["target"] for p in gateway.terkirim] == ["6281200000001"]
    finally:
        gateway.berhenti()


def test_make_run_menjalankan_lagi_worker_yang_mati_dan_mengumumkannya(lingkungan, tmp_path):
    env, db = lingkungan
    gateway = GatewayPalsu().mulai()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log_path = tmp_path / "run.log"
    try:
        with open(log_path, "wb") as log:
            run = subprocess.Popen(
                ["bash", "scripts/jalankan.sh", sys.executable, str(port)], cwd=ROOT, env=env, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True,
            )
            try:
                assert _tunggu(lambda: len(_pid_worker(log_path)) == 1, detik=120), log_path.read_text()
                (pertama,) = _pid_worker(log_path)
                os.kill(pertama, signal.SIGKILL)
                assert _tunggu(lambda: len(_pid_worker(log_path)) == 2, detik=120), log_path.read_text()
                teks = log_path.read_text()
                assert "WORKER LATAR BERHENTI (kode 137)" in teks  # said loudly
                kedua = _pid_worker(log_path)[1]
                assert kedua != pertama and Path(f"/proc/{kedua}").exists()
                # The restarted worker sends.
                skrip = SATU_PESAN.format(url=gateway.url, token=gateway.token)
                subprocess.run([sys.executable, "manage.py", "shell", "-c", skrip], cwd=ROOT, env=env, check=True)
                assert _tunggu(lambda: _kolom(db, "status") == "terkirim", detik=120), log_path.read_text()
                os.killpg(run.pid, signal.SIGINT)  # Ctrl+C in the terminal
                run.wait(60)
            finally:
                if run.poll() is None:
                    os.killpg(run.pid, signal.SIGKILL)
        assert _tunggu(lambda: not Path(f"/proc/{kedua}").exists() or _zombie(kedua), detik=30)
        assert "Worker latar dihentikan." in log_path.read_text()
    finally:
        gateway.berhenti()


def _pid_worker(log_path):
    teks = log_path.read_text() if log_path.exists() else ""
    return [int(b.split("(PID ")[1].split(")")[0]) for b in teks.splitlines() if "Worker latar (pesan dan berkas unduhan) berjalan (PID" in b]


def _worker_siap(log_path):
    return "Starting worker" in log_path.read_text()


def _waktu_sqlite(nilai):
    """A datetime column as SQLite holds it (UTC, ISO 8601) in seconds since the epoch."""
    return datetime.datetime.fromisoformat(nilai).replace(tzinfo=datetime.UTC).timestamp()
