#!/usr/bin/env bash
# make run: the development web server and, beside it, the background worker that sends the outbox
# (e-mail, WhatsApp gateway) and makes the big report files (unduhan). A worker that stops by itself (a
# crash, kill -9) is announced loudly and started again after 2 s. Ctrl+C (or the web server ending for
# any reason) stops the worker too.
#   bash scripts/jalankan.sh .venv/bin/python 8000
set -euo pipefail
PY=${1:-.venv/bin/python}
PORT=${2:-8000}

# Runs in its own subshell: starts the worker, waits for it, and starts it again when it ends.
jaga_worker() {
  set +e
  anak=""
  # Asked to stop: the worker gets SIGTERM (a message on the wire is finished first), at most 15 s.
  trap 'if [ -n "$anak" ] && kill -0 "$anak" 2>/dev/null; then
          kill -TERM "$anak" 2>/dev/null
          for _ in $(seq 150); do kill -0 "$anak" 2>/dev/null || break; sleep 0.1; done
          kill -KILL "$anak" 2>/dev/null
        fi; exit 0' TERM INT
  while true; do
    # --no-reload: one process whose id we hold (the autoreloader would leave a child behind on stop).
    "$PY" manage.py worker_pesan --no-reload &
    anak=$!
    echo "Worker latar (pesan dan berkas unduhan) berjalan (PID $anak)."
    wait "$anak"
    kode=$?
    echo "!!! WORKER LATAR BERHENTI (kode $kode): e-mail dan WhatsApp tidak terkirim, berkas unduhan tidak dibuat. Dijalankan lagi dalam 2 detik. !!!" >&2
    sleep 2
  done
}

jaga_worker &
PENJAGA=$!

berhenti() {
  if kill -0 "$PENJAGA" 2>/dev/null; then
    kill -TERM "$PENJAGA" 2>/dev/null || true
    for _ in $(seq 200); do kill -0 "$PENJAGA" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$PENJAGA" 2>/dev/null || true
  fi
  echo "Worker latar dihentikan."
}
trap berhenti EXIT
trap 'exit 130' INT TERM

"$PY" manage.py runserver "127.0.0.1:$PORT"
