#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
# Installs it when missing and we are root; with CI set, a missing browser is an error.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Memasang Chromium untuk pengujian browser (apt-get install chromium)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
if [ -n "${CI:-}" ]; then
  echo "Chromium tidak ada dan tidak dapat dipasang: pengujian browser wajib jalan di CI." >&2
  exit 1
fi
echo "Peringatan: Chromium tidak ada; pengujian browser akan dilewati (pasang paket 'chromium')." >&2
