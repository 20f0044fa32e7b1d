#!/usr/bin/env bash
# The SSO tests sign in against a real OpenID Provider (tests/oidc: the npm package oidc-provider on
# Node.js). Installs Debian's Node.js when missing and we are root, then the package from its lock
# file (npm ci: the npm registry only). With CI set, a missing Node.js is an error.
set -euo pipefail
cd "$(dirname "$0")/../tests/oidc"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Memasang Node.js untuk penyedia OpenID uji (apt-get install nodejs npm)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  elif [ -n "${CI:-}" ]; then
    echo "Node.js tidak ada dan tidak dapat dipasang: pengujian SSO wajib jalan di CI." >&2
    exit 1
  else
    echo "Peringatan: Node.js tidak ada; pengujian SSO akan dilewati (pasang paket 'nodejs' dan 'npm')." >&2
    exit 0
  fi
fi
# npm ci writes node_modules/.package-lock.json: newer than the lock file means nothing to do.
if [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
echo "Memasang penyedia OpenID uji (npm ci di tests/oidc)…"
npm ci --no-audit --no-fund --loglevel=error
