#!/usr/bin/env bash
# make run: the development web server and, beside it, the background worker that sends the outbox
# (e-mail, WhatsApp gateway) and makes the big report files. Ctrl+C (or the web server ending for any
# reason) stops the worker too.
#   bash scripts/jalankan.sh .venv/bin/python 8000
set -euo pipefail
PY=${1:-.venv/bin/python}
PORT=${2:-8000}

# --no-reload: one process whose id we hold (the autoreloader would leave a child behind on stop).
"$PY" manage.py db_worker --no-reload &
WORKER=$!
echo "Worker pengiriman pesan berjalan (PID $WORKER)."

berhenti() {
  if kill -0 "$WORKER" 2>/dev/null; then
    kill -TERM "$WORKER" 2>/dev/null || true
    # A message on the wire is finished first; after 15 s the worker is stopped regardless.
    for _ in $(seq 150); do kill -0 "$WORKER" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$WORKER" 2>/dev/null || true
  fi
  echo "Worker pengiriman pesan dihentikan."
}
trap berhenti EXIT
trap 'exit 130' INT TERM

"$PY" manage.py runserver "127.0.0.1:$PORT"
