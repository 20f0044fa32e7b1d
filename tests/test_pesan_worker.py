"""The real worker process (`manage.py db_worker`) killed with SIGKILL in the middle of a batch and
started again: every message reaches the gateway, none is delivered twice.

The worker runs against its own SQLite file (a separate process cannot see the test database);
the fake gateway runs in this process and holds every request for a moment, so the kill lands
while a message is on the wire.
"""

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
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )


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
    gateway = GatewayPalsu().mulai()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    try:
        skrip = SIAPKAN.format(url=gateway.url, token=gateway.token, jumlah=1)
        subprocess.run([sys.executable, "manage.py", "shell", "-c", skrip], cwd=ROOT, env=env, check=True)
        with open(tmp_path / "run.log", "wb") as log:
            # The recipe of `make run` after its set-up steps; its own process group, as in a terminal.
            run = subprocess.Popen(
                ["bash", "scripts/jalankan.sh", sys.executable, str(port)], cwd=ROOT, env=env, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True,
            )
            try:
                assert _tunggu(lambda: _status(db) == {"uji:0": "terkirim"}, detik=60), (tmp_path / "run.log").read_text()
                teks = (tmp_path / "run.log").read_text()
                worker = int(teks.split("Worker pengiriman pesan berjalan (PID ")[1].split(")")[0])
                assert Path(f"/proc/{worker}").exists()
                assert _tunggu(lambda: _port_terbuka(port), detik=30)
                os.killpg(run.pid, signal.SIGINT)  # Ctrl+C in the terminal
                run.wait(30)
            finally:
                if run.poll() is None:
                    os.killpg(run.pid, signal.SIGKILL)
        assert _tunggu(lambda: not Path(f"/proc/{worker}").exists() or _zombie(worker), detik=20)
        assert "Worker pengiriman pesan dihentikan." in (tmp_path / "run.log").read_text()
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


def test_compose_menjalankan_worker_sebagai_layanan_sendiri():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    worker, app = compose["services"]["worker"], compose["services"]["app"]
    assert worker["command"] == ["python", "manage.py", "db_worker", "--no-reload"]
    assert worker["image"] == app["image"]
    assert worker["depends_on"] == {"app": {"condition": "service_healthy"}}
    # The same key as the app, or the encrypted gateway token cannot be read.
    assert worker["environment"]["SECRET_KEY"] == app["environment"]["SECRET_KEY"]
    assert worker["environment"]["DATABASE_URL"] == app["environment"]["DATABASE_URL"]
    assert "media:/data/media" in worker["volumes"]
