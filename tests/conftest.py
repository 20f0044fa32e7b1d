import datetime
import os
import shutil

import pytest
from django.core.cache import cache as cache_django
from django.utils import timezone

from bukutamu.bawaan import pastikan_jenis_bawaan
from bukutamu.models import JenisLayanan
from bukutamu.kunjungan import catat_kunjungan
from pst_frontoffice.hari_libur import usulkan_yang_belum
from pst_frontoffice.models import CutiBersama, PengaturanKantor, Peran
from tests import penyedia_oidc as oidc

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

KATA_SANDI = "rahasia-uji-123"


@pytest.fixture
def batas_bersih():
    """The rate limits count in the cache: a test that opens public pages many times starts at zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _hash_sandi_cepat(settings):
    # The real hasher takes ~1 s per password on a busy machine; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def kantor(db):
    return PengaturanKantor.get()


@pytest.fixture
def alamat_publik(kantor):
    """The office's public address set (Pengaturan kantor): messages are queued only with it."""
    kantor.url_publik = "https://pst.contoh.go.id"
    kantor.save()
    return kantor.url_publik


@pytest.fixture
def tanpa_cuti_bersama(db):
    """2026 without cuti bersama: the proposals from the `holidays` package set aside (office works)."""
    usulkan_yang_belum(datetime.date(2026, 6, 1))
    CutiBersama.objects.update(berlaku=False)


@pytest.fixture
def jenis(db):
    """The default kinds of service by code (transactional tests flush the data migration)."""
    pastikan_jenis_bawaan(JenisLayanan)
    return {j.kode: j for j in JenisLayanan.objects.all()}


@pytest.fixture
def buat_user(db, django_user_model):
    def buat(email, peran=Peran.PETUGAS, nama=None, **extra):
        return django_user_model.objects.create_user(
            email=email, password=KATA_SANDI, nama=nama or email.split("@")[0].title(), peran=peran, **extra
        )

    return buat


@pytest.fixture
def petugas(buat_user):
    return buat_user("rina@example.com", nama="Rina Petugas")


@pytest.fixture
def petugas2(buat_user):
    return buat_user("ahmad@example.com", nama="Ahmad Petugas")


@pytest.fixture
def pimpinan(buat_user):
    return buat_user("kepala@example.com", Peran.PIMPINAN, nama="Kepala Kantor")


@pytest.fixture
def admin_user(buat_user):
    return buat_user("admin@example.com", Peran.ADMIN, nama="Admin Kantor")


@pytest.fixture
def buat_kunjungan(jenis, petugas):
    """Write a guest-book entry the way the Buku Tamu tab does; returns the visit."""
    nomor = iter(range(1000, 100000))

    def buat(*kode_jenis, oleh=None, waktu=None, **data):
        n = next(nomor)
        isian = dict(
            nama=f"Pengunjung {n}", instansi="Bappeda", jenis_instansi="pemerintah",
            no_hp=f"6281200{n:05d}", email="", keperluan="Data penduduk per kecamatan",
            sarana="langsung", kanal_online="", nomor_surat_permintaan="",
        )
        isian.update(data)
        return catat_kunjungan(
            petugas=oleh or petugas, jenis_layanan=[jenis[k] for k in (kode_jenis or ("konsultasi",))],
            waktu=waktu or timezone.now(), **isian,
        )

    return buat


@pytest.fixture
def buat_layanan(buat_kunjungan):
    def buat(kode="konsultasi", **kwargs):
        return buat_kunjungan(kode, **kwargs).layanan.get()

    return buat


@pytest.fixture
def masuk(client):
    """Log the test client in as the given user."""

    def login(user):
        client.force_login(user)
        return client

    return login


def chromium_path():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def penyedia_oidc():
    """The SSO BPS stand-in: a real OpenID Provider (tests/oidc, oidc-provider on Node.js) on 127.0.0.1."""
    alasan = oidc.siap()
    if alasan:
        if os.environ.get("CI"):
            pytest.fail(f"Penyedia OIDC uji tidak dapat jalan: {alasan}; pengujian SSO wajib jalan di CI.")
        pytest.skip(alasan)
    penyedia = oidc.PenyediaOidc().mulai()
    yield penyedia
    penyedia.berhenti()


@pytest.fixture
def sso(penyedia_oidc, settings, db):
    """SSO BPS configured against the test provider, reset to a well-behaved one with no accounts.

    The test client's address (http://testserver) is registered as a redirect URI; browser tests
    register the live server's too.
    """
    settings.SSO_ISSUER = penyedia_oidc.issuer
    settings.SSO_CLIENT_ID = oidc.KLIEN_ID
    settings.SSO_CLIENT_SECRET = oidc.KLIEN_RAHASIA
    settings.SSO_KLAIM_NIP = "nip"
    cache_django.clear()  # the rate limits and the "server down" note of another test
    penyedia_oidc.atur_ulang("http://testserver")
    yield penyedia_oidc
    cache_django.clear()
