#!/usr/bin/env bash
# Each browser test file alone, N times in a row (3 by default): a file run alone starts cold (a new
# server, a new browser, nothing cached), and a race between the officer's keys and the page's scripts
# that the warm full suite hides shows up here. Prints one line per run and the failures; exits 1 if
# any run failed.
#   bash scripts/uji-per-berkas.sh [N] [berkas…]
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}
shift || true
if [ $# -gt 0 ]; then berkas=("$@"); else berkas=(tests/browser/test_*.py); fi
gagal=0
for f in "${berkas[@]}"; do
  for i in $(seq "$N"); do
    mulai=$(date +%s)
    if keluaran=$(.venv/bin/python -m pytest -q -p no:cacheprovider -p no:randomly "$f" 2>&1); then
      echo "$f putaran $i/$N lulus ($(( $(date +%s) - mulai )) detik)"
    else
      gagal=1
      echo "$f putaran $i/$N GAGAL ($(( $(date +%s) - mulai )) detik)"
      printf '%s\n' "$keluaran" | grep -E '^(FAILED|ERROR)|^>|^E +[A-Z]' | head -12
    fi
  done
done
exit "$gagal"
