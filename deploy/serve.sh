#!/usr/bin/env bash
# `make serve`: gunicorn with the production settings on this machine, on plain HTTP.
#   deploy/serve.sh [PORT]
# Every variable can be set beforehand (DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, WEB_CONCURRENCY…).
# Without SECRET_KEY a random one is made for this run (logins end when it stops). Plain HTTP on
# 127.0.0.1 has no TLS, so the HTTPS redirect, HSTS and Secure cookies are off unless set.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-${PORT:-8000}}
PY=.venv/bin/python

export DJANGO_PRODUCTION=1
export SECRET_KEY=${SECRET_KEY:-$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-0}
export SECURE_COOKIES=${SECURE_COOKIES:-0}
export SECURE_HSTS_SECONDS=${SECURE_HSTS_SECONDS:-0}
# X-Forwarded-For is read only from the proxies in TRUSTED_PROXIES (none unless set).
export TRUSTED_PROXIES=${TRUSTED_PROXIES:-}

$PY manage.py migrate --noinput
$PY manage.py collectstatic --noinput -v 0
echo "PST Front Office (produksi, gunicorn) di http://127.0.0.1:$PORT — Ctrl+C untuk berhenti."
echo "Belum ada akun? Buat Admin pertama: DJANGO_PRODUCTION=1 SECRET_KEY=… $PY manage.py createsuperuser"
exec .venv/bin/gunicorn pst_frontoffice.wsgi:application -c deploy/gunicorn.conf.py --bind "127.0.0.1:$PORT"
