#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster on 127.0.0.1:
#   scripts/dengan-postgres.sh .venv/bin/python -m pytest
# Installs Debian's PostgreSQL when initdb/pg_ctl are missing (as root), creates a cluster in a
# temporary folder, starts it on a free port (55432 upwards), creates the database "pst",
# exports DATABASE_URL=postgres://pst@127.0.0.1:PORT/pst, runs the command, then stops the
# cluster and removes the folder, whatever happens (trap).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "Pemakaian: $0 PERINTAH [ARGUMEN…]" >&2
  exit 2
fi

cari_bin() {
  # PATH first, then Debian's versioned folders (highest version wins).
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

PG_BIN=$(cari_bin || true)
if [ -z "$PG_BIN" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Memasang PostgreSQL Debian (apt-get install postgresql)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    PG_BIN=$(cari_bin || true)
  fi
fi
if [ -z "$PG_BIN" ]; then
  echo "PostgreSQL (initdb, pg_ctl) tidak ditemukan dan tidak dapat dipasang." >&2
  echo "Pasang paket 'postgresql' (Debian/Ubuntu) lalu jalankan lagi." >&2
  exit 1
fi

# initdb refuses to run as root: the cluster belongs to an ordinary user.
PG_USER=""
if [ "$(id -u)" = "0" ]; then
  if id postgres >/dev/null 2>&1; then PG_USER=postgres; else PG_USER=nobody; fi
fi
sebagai() {
  if [ -n "$PG_USER" ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pst-pg.XXXXXX")
chmod 700 "$PG_DIR"
[ -n "$PG_USER" ] && chown "$PG_USER" "$PG_DIR"

berhenti() {
  local rc=$?
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    sebagai "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  exit "$rc"
}
trap berhenti EXIT
trap 'exit 130' INT TERM

port_bebas() {
  local p
  for p in $(seq "${PG_PORT:-55432}" 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}
PORT=$(port_bebas) || { echo "Tidak ada port bebas antara 55432 dan 55532." >&2; exit 1; }

echo "PostgreSQL sementara: $("$PG_BIN/postgres" --version) di 127.0.0.1:$PORT ($PG_DIR)"
sebagai "$PG_BIN/initdb" -D "$PG_DIR/data" -U pst --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>"$PG_DIR/initdb.log" \
  || sebagai "$PG_BIN/initdb" -D "$PG_DIR/data" -U pst --auth=trust -E UTF8 --locale=C >/dev/null \
  || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
# Tuned for throwaway test data: durability off, more connections for live-server browser tests.
sebagai "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
  start >/dev/null || { cat "$PG_DIR/postgres.log" >&2; exit 1; }
sebagai "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U pst pst 2>/dev/null \
  || sebagai "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U pst -d postgres -qc "CREATE DATABASE pst" >/dev/null

export DATABASE_URL="postgres://pst@127.0.0.1:$PORT/pst"
echo "DATABASE_URL=$DATABASE_URL"
set +e
"$@"
status=$?
set -e
exit "$status"
