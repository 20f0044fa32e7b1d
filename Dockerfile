# PST Front Office: one app server (gunicorn) — see docs/operasi.md ("Produksi") and docker-compose.yml.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_PRODUCTION=1 MEDIA_ROOT=/data/media STATIC_ROOT=/app/staticfiles PORT=8000 \
    BACKUP_DIR=/data/cadangan

# An ordinary user runs the app; the code stays owned by root, so the app cannot change it.
RUN useradd --system --uid 1000 --user-group --create-home --home-dir /home/pst pst

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
# collectstatic needs a key to import the settings; the real one comes from the environment at run time.
RUN SECRET_KEY=build-only-not-used-at-runtime-0123456789abcdef ALLOWED_HOSTS=localhost \
      python manage.py collectstatic --noinput -v 0 \
    && mkdir -p /data/media /data/cadangan && chown pst:pst /data/media /data/cadangan \
    && chmod +x deploy/docker-mulai.sh

USER pst
# Uploads and `manage.py backup` archives live outside /app (root's, read-only to the app).
VOLUME ["/data/media", "/data/cadangan"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 CMD ["python", "deploy/cek_sehat.py"]
CMD ["deploy/docker-mulai.sh"]
