#!/usr/bin/env bash
# Run a command with the clock set to a given moment (libfaketime), e.g.
#   scripts/pada-waktu.sh "2027-01-01 00:10 +0800" .venv/bin/python -m pytest -m "not browser"
# libfaketime reads an absolute "@date" in each process's own TZ, and Django sets TZ to the office
# zone, so the moment is passed as an offset in seconds from now instead: the same instant in every
# process, whatever zone it runs in. Installs Debian's faketime when missing and we are root.
set -euo pipefail
if [ "$#" -lt 2 ]; then
  echo "Pemakaian: $0 'YYYY-MM-DD HH:MM +ZZZZ' PERINTAH [ARGUMEN…]" >&2
  exit 2
fi
if ! command -v faketime >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Memasang faketime (apt-get install faketime)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
  else
    echo "faketime tidak ada: pasang paket Debian 'faketime'." >&2
    exit 1
  fi
fi
target=$(date -d "$1" +%s)
shift
echo "Jam diatur ke $(date -u -d "@$target" '+%Y-%m-%d %H:%M UTC') untuk: $*"
exec faketime -f "+$((target - $(date +%s)))s" "$@"
