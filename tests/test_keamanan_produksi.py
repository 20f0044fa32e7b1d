"""Production settings and the deployment files (Docker is not on the test machines: the files are
parsed and checked; `make serve` exercises the same gunicorn start)."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _produksi(*args, **env_tambahan):
    env = {
        **os.environ, "DJANGO_PRODUCTION": "1", "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "pst.contoh.go.id", "DATABASE_URL": "sqlite:///:memory:", **env_tambahan,
    }
    env.pop("DEBUG", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by tests/conftest.py for Playwright only
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_under_production_settings():
    hasil = _produksi("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "no issues" in hasil.stdout


BACA_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps({k: getattr(s, k) "
    "for k in ['DEBUG', 'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_SECURE', "
    "'CSRF_COOKIE_HTTPONLY', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'DEMO_ALLOWED', 'AXES_FAILURE_LIMIT']}))"
)


def test_production_cookies_are_secure_and_http_only():
    hasil = _produksi("-c", BACA_SETTINGS, DJANGO_SETTINGS_MODULE="pst_frontoffice.settings")
    assert hasil.returncode == 0, hasil.stderr
    nilai = json.loads(hasil.stdout.strip().splitlines()[-1])
    assert nilai == {
        "DEBUG": False, "SESSION_COOKIE_SECURE": True, "SESSION_COOKIE_HTTPONLY": True, "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True, "SECURE_SSL_REDIRECT": True, "SECURE_HSTS_SECONDS": 31536000,
        "DEMO_ALLOWED": False, "AXES_FAILURE_LIMIT": 5,
    }


def test_production_refuses_to_start_without_a_real_secret_key():
    hasil = _produksi("manage.py", "check", SECRET_KEY="pendek")
    assert hasil.returncode != 0
    assert "SECRET_KEY wajib diisi" in hasil.stderr


def test_dockerfile_builds_a_slim_non_root_gunicorn_image():
    teks = (ROOT / "Dockerfile").read_text()
    assert teks.startswith("# ") and "FROM python:3.13-slim" in teks
    assert "collectstatic --noinput" in teks
    user = [baris for baris in teks.splitlines() if baris.startswith("USER ")]
    assert user == ["USER pst"]
    assert "HEALTHCHECK" in teks and "deploy/cek_sehat.py" in teks
    mulai = (ROOT / "deploy/docker-mulai.sh").read_text()
    assert "exec gunicorn pst_frontoffice.wsgi:application -c deploy/gunicorn.conf.py" in mulai
    assert (ROOT / "requirements.txt").read_text().count("gunicorn==") == 1


def test_compose_runs_the_app_with_postgres_16_volumes_and_health_checks():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    db, app = compose["services"]["db"], compose["services"]["app"]

    assert db["image"] == "postgres:16"
    assert "db-data:/var/lib/postgresql/data" in db["volumes"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert app["depends_on"] == {"db": {"condition": "service_healthy"}}
    assert "media:/data/media" in app["volumes"]
    assert app["healthcheck"]["test"] == ["CMD", "python", "deploy/cek_sehat.py"]
    assert app["environment"]["DJANGO_PRODUCTION"] == "1"
    assert app["environment"]["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in app["environment"]["DATABASE_URL"]
    assert set(compose["volumes"]) == {"db-data", "media", "cadangan"}
    # Every variable the compose file needs is in the example .env.
    contoh = (ROOT / ".env.contoh").read_text()
    for wajib in ("SECRET_KEY", "POSTGRES_PASSWORD", "ALLOWED_HOSTS"):
        assert f"{wajib}=" in contoh


PERINTAH_DEMO = ("siapkan_demo", "jadwal_demo", "buat_data_uji")


def test_demo_and_test_data_commands_exist_only_outside_production():
    produksi = _produksi("manage.py", "help")
    assert produksi.returncode == 0, produksi.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_PRODUCTION", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    pengembangan = subprocess.run([sys.executable, "manage.py", "help"], cwd=ROOT, env=env, capture_output=True,
                                  text=True, timeout=120)
    assert pengembangan.returncode == 0, pengembangan.stderr

    for perintah in PERINTAH_DEMO:
        assert perintah not in produksi.stdout
        assert perintah in pengembangan.stdout
    assert "[demo]" not in produksi.stdout and "[demo]" in pengembangan.stdout


def test_docker_backups_go_to_a_volume_the_app_user_owns_outside_the_code():
    teks = (ROOT / "Dockerfile").read_text()
    assert "BACKUP_DIR=/data/cadangan" in teks
    assert "chown pst:pst /data/media /data/cadangan" in teks
    assert '"/data/cadangan"' in [b for b in teks.splitlines() if b.startswith("VOLUME")][0]
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert "cadangan:/data/cadangan" in compose["services"]["app"]["volumes"]
    assert "docker compose exec app python manage.py backup" in (ROOT / "README.md").read_text()


def test_dockerignore_keeps_data_out_of_the_image():
    pola = {b.strip() for b in (ROOT / ".dockerignore").read_text().splitlines() if b.strip() and not b.startswith("#")}
    assert {"**/*.sqlite3", "media", "cadangan", "**/pst-cadangan-*.tar.gz", ".env"} <= pola
