"""The production gunicorn settings freeze a worker's objects once the app is loaded
(deploy/gunicorn.conf.py, post_worker_init), so a full garbage collection in the middle of a
request no longer walks Django's whole start-up heap. Checked on a real gunicorn."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_gunicorn_worker_freezes_what_it_loaded_before_its_first_request():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "WEB_CONCURRENCY": "1", "PYTHONPATH": str(ROOT)}
    proses = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tests.wsgi_gc:application", "-c", "deploy/gunicorn.conf.py",
         "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        batas = time.monotonic() + 60  # a ceiling for a slow start, not a wait: it polls until the worker answers
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as jawaban:
                    beku = int(jawaban.read())
                break
            except OSError:
                assert proses.poll() is None, proses.stderr.read().decode()
                assert time.monotonic() < batas, "gunicorn tidak menjawab"
                time.sleep(0.1)
    finally:
        proses.terminate()
        proses.wait(timeout=30)
    assert beku > 1000  # gunicorn's and the interpreter's own objects at least; a Django worker has ~150,000
