#!/usr/bin/env bash
# The browser tests N times in a row (5 by default) while stress-ng keeps every CPU busy: a test that
# waits for time instead of a state fails here. Stops at the first failing run; prints each run's time.
#   bash scripts/uji-di-bawah-beban.sh [N] [argumen pytest tambahan…]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5}
shift || true
command -v stress-ng >/dev/null || { echo "stress-ng tidak ada: apt-get install stress-ng" >&2; exit 1; }
stress-ng --cpu "$(nproc)" --quiet &
BEBAN=$!
trap 'kill "$BEBAN" 2>/dev/null || true; wait "$BEBAN" 2>/dev/null || true' EXIT
for i in $(seq "$N"); do
  mulai=$(date +%s)
  if .venv/bin/python -m pytest -m browser -q -p no:randomly "$@"; then
    echo "Putaran $i/$N lulus dalam $(( $(date +%s) - mulai )) detik (CPU dibebani stress-ng --cpu $(nproc))."
  else
    echo "Putaran $i/$N GAGAL setelah $(( $(date +%s) - mulai )) detik." >&2
    exit 1
  fi
done
echo "Semua $N putaran lulus di bawah beban CPU penuh."
