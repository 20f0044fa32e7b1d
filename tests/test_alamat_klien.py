"""The client's address: X-Forwarded-For counts only from the office's proxies (TRUSTED_PROXIES).

A spoofed header must not get past the login lockout, the public rate limits or the attendance
network check, under the default settings and under every documented deployment.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.test import RequestFactory
from django.urls import reverse

from pst_frontoffice.aktivitas import ip_klien
from tests.conftest import KATA_SANDI

ROOT = Path(__file__).resolve().parent.parent
rf = RequestFactory()


def _dari(remote, xff=None):
    extra = {"HTTP_X_FORWARDED_FOR": xff} if xff is not None else {}
    return rf.get("/", REMOTE_ADDR=remote, **extra)


def test_client_ip_ignores_x_forwarded_for_by_default(settings):
    assert settings.TRUSTED_PROXIES == []
    assert ip_klien(_dari("10.0.0.5", "6.6.6.6")) == "10.0.0.5"
    assert ip_klien(_dari("127.0.0.1", "6.6.6.6")) == "127.0.0.1"


def test_client_ip_reads_x_forwarded_for_only_from_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = ["172.16.0.0/12", "10.9.9.9"]
    # From the proxy: the rightmost hop no proxy of ours vouches for; anything left of it may be forged.
    assert ip_klien(_dari("172.18.0.1", "6.6.6.6, 192.168.100.7")) == "192.168.100.7"
    assert ip_klien(_dari("172.18.0.1", "6.6.6.6, 192.168.100.7, 10.9.9.9")) == "192.168.100.7"
    # Not from the proxy: the header is the client's own words.
    assert ip_klien(_dari("192.168.100.7", "6.6.6.6")) == "192.168.100.7"
    # A garbled hop stops the walk at the last address a proxy gave.
    assert ip_klien(_dari("172.18.0.1", "bukan-ip")) == "172.18.0.1"
    assert ip_klien(_dari("172.18.0.1", "")) == "172.18.0.1"


def _login(client, email, sandi, xff):
    return client.post(reverse("login"), {"username": email, "password": sandi},
                       REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=xff)


@pytest.mark.django_db
def test_spoofed_x_forwarded_for_does_not_escape_the_login_lockout(client, petugas):
    # Seven wrong passwords, each claiming another address, then the right one: still locked.
    kode = [_login(client, petugas.email, "salah-sekali", f"6.6.6.{i}").status_code for i in range(7)]
    assert kode[:4] == [200] * 4 and set(kode[4:]) == {429}
    benar = _login(client, petugas.email, KATA_SANDI, "7.7.7.7")
    assert benar.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_spoofed_x_forwarded_for_does_not_escape_the_public_rate_limit(client, settings, satu_jendela, batas_bersih):
    settings.RATING_BATAS_KIRIM = 3
    # Links nobody was given are counted per address: claiming another one each time does not help.
    kode = [
        client.post(reverse("rating:isi", args=[f"tebakan{i}"]), {"u1": "4"}, HTTP_X_FORWARDED_FOR=f"6.6.6.{i}").status_code
        for i in range(5)
    ]
    assert kode == [404, 404, 404, 429, 429]


@pytest.mark.django_db
def test_spoofed_x_forwarded_for_does_not_pass_the_presensi_network_check(masuk, petugas, settings):
    settings.PRESENSI_JARINGAN = ["192.168.100.0/24"]
    response = masuk(petugas).post(
        reverse("presensi:absen_masuk"), REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="192.168.100.5",
        headers={"HX-Request": "true"},
    )
    assert "hanya dapat dilakukan dari jaringan kantor" in response.content.decode()
    assert not petugas.presensi.exists()


# --- Every documented deployment keeps the default ---------------------------------------------

CEK_SPOOF = (
    "import django, json; django.setup(); from django.conf import settings; from django.test import RequestFactory; "
    "from pst_frontoffice.aktivitas import ip_klien; "
    "r = RequestFactory().get('/', REMOTE_ADDR='203.0.113.9', HTTP_X_FORWARDED_FOR='192.168.100.5'); "
    "print(json.dumps({'proxy': settings.TRUSTED_PROXIES, 'ip': ip_klien(r)}))"
)


def _env_serve():
    """The variables deploy/serve.sh (make serve) exports, with their defaults."""
    env = {}
    for nama, nilai in re.findall(r"^export (\w+)=(.*)$", (ROOT / "deploy/serve.sh").read_text(), re.M):
        bawaan = re.fullmatch(r"\$\{\w+:-(.*)\}", nilai)
        env[nama] = bawaan.group(1) if bawaan else nilai
    return env


def _env_compose():
    """The app service's environment in docker-compose.yml with an empty .env."""
    app = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["app"]
    env = {}
    for nama, nilai in app["environment"].items():
        bawaan = re.fullmatch(r"\$\{\w+:[-?](.*)\}", str(nilai))
        env[nama] = bawaan.group(1) if bawaan else str(nilai)
    return env


@pytest.mark.parametrize("deployment", [_env_serve, _env_compose], ids=["make-serve", "docker-compose"])
def test_documented_deployments_do_not_trust_a_spoofed_x_forwarded_for(deployment):
    env = {**os.environ, **deployment(), "DJANGO_PRODUCTION": "1", "SECRET_KEY": secrets.token_urlsafe(50),
           "ALLOWED_HOSTS": "pst.contoh.go.id", "DATABASE_URL": "sqlite:///:memory:",
           "DJANGO_SETTINGS_MODULE": "pst_frontoffice.settings"}
    for nama in ("DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "TRUSTED_PROXIES"):
        if nama not in deployment():
            env.pop(nama, None)
    hasil = subprocess.run([sys.executable, "-c", CEK_SPOOF], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    assert json.loads(hasil.stdout.strip().splitlines()[-1]) == {"proxy": [], "ip": "203.0.113.9"}


def test_env_example_and_deployments_no_longer_use_the_old_switch():
    for berkas in ("deploy/serve.sh", "docker-compose.yml", ".env.contoh", "deploy/gunicorn.conf.py"):
        assert "TRUST_X_FORWARDED_FOR" not in (ROOT / berkas).read_text(), berkas
    assert re.search(r"^TRUSTED_PROXIES=$", (ROOT / ".env.contoh").read_text(), re.M)


def test_an_env_still_naming_the_old_switch_gets_a_warning_at_start_up():
    env = {**os.environ, "TRUST_X_FORWARDED_FOR": "1"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    hasil = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert "pst.W001" in hasil.stderr + hasil.stdout and "TRUSTED_PROXIES" in hasil.stderr + hasil.stdout
