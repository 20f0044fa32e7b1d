#!/usr/bin/env bash
# Run a command with the clock set to a given moment (libfaketime), e.g.
#   scripts/pada-waktu.sh "2027-01-01 00:10 +0800" .venv/bin/python -m pytest -m "not browser"
# libfaketime reads an absolute "@date" in each process's own TZ, and Django sets TZ to the office
# zone, so the moment is passed as an offset in seconds from now instead: the same instant in every
# process, whatever zone it runs in. Installs Debian's faketime when missing and we are root.
#
# NO_FAKE_STAT=1: moving file times takes a semaphore shared by every process under libfaketime
# (0.9.10) on each stat(); a process killed with SIGKILL inside it (tests/test_pesan_worker.py kills
# workers on purpose) left it taken, and every other process hung at its next stat: a CI run hung
# for good starting tests/oidc's Node.js provider. No test reads file times.
# Hung for good, not 60 s: the monotonic clock is moved too, but not sem_clockwait's deadline, so a
# wait with a timeout (queue.get(timeout=60)) waits the offset, years. It stays moved all the same:
# with FAKETIME_DONT_FAKE_MONOTONIC=1, libfaketime's clock_nanosleep turns Python's time.sleep into
# EINVAL. So nothing under this script may count on a timeout to end a wait that never ends.
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
pustaka=(/usr/lib/*/faketime/libfaketime.so.1)
[ -e "${pustaka[0]}" ] || { echo "libfaketime.so.1 tidak ditemukan (paket Debian 'libfaketime')." >&2; exit 1; }
# "$LIB" is expanded by the dynamic loader (as the wrapper does): the library of each program's own kind.
export LD_PRELOAD="/usr/\$LIB/faketime/libfaketime.so.1${LD_PRELOAD:+:$LD_PRELOAD}"
export FAKETIME="+$((target - $(date +%s)))s" NO_FAKE_STAT=1
exec "$@"
