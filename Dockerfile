FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_PRODUCTION=1 MEDIA_ROOT=/data/media STATIC_ROOT=/app/staticfiles PORT=8000

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# collectstatic needs a key to import settings; the real one comes from the environment at run time.
RUN SECRET_KEY=build-only-not-used-at-runtime-0123456789abcdef python manage.py collectstatic --noinput \
    && useradd --system --uid 1000 --home /app pst && mkdir -p /data/media && chown -R pst /data
USER pst
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn pst_frontoffice.wsgi:application --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
