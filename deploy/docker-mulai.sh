#!/bin/sh
# Container start: apply migrations (unless MIGRASI_OTOMATIS=0, e.g. on the 2nd, 3rd… app server
# behind one load balancer), then hand over to gunicorn (deploy/gunicorn.conf.py).
set -e
if [ "${MIGRASI_OTOMATIS:-1}" = "1" ]; then
  python manage.py migrate --noinput
fi
exec gunicorn pst_frontoffice.wsgi:application -c deploy/gunicorn.conf.py
