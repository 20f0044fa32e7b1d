#!/usr/bin/env bash
# Run a command with the clock set to a given moment (libfaketime), e.g.
#   scripts/pada-waktu.sh "2027-01-01 00:10 +0800" .venv/bin/python -m pytest -m "not browser"
# libfaketime reads an absolute "@date" in each process's own TZ, and Django sets TZ to the office
# zone, so the moment is passed as an offset in seconds from now instead: the same instant in every
# process, whatever zone it runs in. Installs Debian's faketime when missing and we are root.
#
# Only the wall clock moves, as on a machine whose clock is set to that moment:
# - FAKETIME_DONT_FAKE_MONOTONIC=1: libfaketime 0.9.10 also moves the monotonic clock, but not the
#   deadline of sem_clockwait, so every wait with a timeout (Python's queue.get(timeout=60),
#   subprocess.wait(20)…) waited the offset, years, when what it waited for never came.
# - NO_FAKE_STAT=1: moving file times takes a semaphore shared by every process under libfaketime
#   on each stat(); a process killed with SIGKILL inside it (tests/test_pesan_worker.py kills
#   workers on purpose) left it taken, and every other process hung at its next stat (a CI run
#   hung starting tests/oidc's Node.js provider). No test reads file times.
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
export FAKETIME="+$((target - $(date +%s)))s" FAKETIME_DONT_FAKE_MONOTONIC=1 NO_FAKE_STAT=1
exec "$@"
