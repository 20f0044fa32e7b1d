import datetime
import functools
import os
import shutil

import pytest
from django.core.cache import cache as cache_django
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from bukutamu.bawaan import pastikan_jenis_bawaan
from bukutamu.models import JenisLayanan
from bukutamu.kunjungan import catat_kunjungan
from bukutamu.pengunjung import Keputusan, PerluKeputusan
from pst_frontoffice.hari_libur import usulkan_yang_belum
from pst_frontoffice.models import CutiBersama, PengaturanKantor, Peran
from pst_frontoffice.sekali import NAMA_ISIAN, terbitkan
from pst_frontoffice.simpanan_kantor import simpanan_kantor
from tests import penyedia_oidc as oidc

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

KATA_SANDI = "rahasia-uji-123"


def kunci(cakupan):
    """The one-time key a form of kind `cakupan` carries when drawn (pst_frontoffice.sekali), as POST data."""
    return {NAMA_ISIAN: terbitkan(cakupan)}


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the test database is a file, as in production, never Django's in-memory default.

    An in-memory database has one connection, which Django lends to every thread of the live server
    (and the test's own thread). Two requests at once, or the test writing while a page is answered,
    then share it: "bad parameter or other API misuse" or "database table is locked" at random (CI
    saw it when a visitor search was still answered as the guest book's save redirected). With a
    file each thread opens its own connection and waits for a writer (lingkungan.basis_data), the
    way gunicorn's threads do."""
    from django.conf import settings

    for db in settings.DATABASES.values():
        if db["ENGINE"] == "django.db.backends.sqlite3":
            db.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("basis-data") / "uji.sqlite3")


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


@pytest.fixture(autouse=True)
def _pengaturan_kantor_segar(settings):
    """Each test starts without the office settings an earlier test left in the process (its rows are
    rolled back or flushed, which sends no signal), and the row is never read again on a timer here:
    a request's query count does not depend on how fast the machine is. The timer has its own tests."""
    settings.PENGATURAN_KANTOR_CEK_DETIK = 10**9
    simpanan_kantor.lupakan()
    yield
    simpanan_kantor.lupakan()


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
def satu_jendela(time_machine):
    """The clock stands still, so every call of a rate-limit test falls in one fixed window: a window
    edge in the middle would restart the count (61 SSO presses on a busy machine took long enough
    to cross a one-minute edge)."""
    time_machine.move_to(timezone.now(), tick=False)


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
    """Write a guest-book entry the way the Buku Tamu tab does; returns the visit.

    A returning visitor (same phone or e-mail) whose typed data differ from the stored record is
    decided as an officer would with `keputusan` (default: the stored record, "tersimpan").
    """
    nomor = iter(range(1000, 100000))

    def buat(*kode_jenis, oleh=None, waktu=None, keputusan=Keputusan.TERSIMPAN, **data):
        n = next(nomor)
        isian = dict(
            nama=f"Pengunjung {n}", instansi="Bappeda", jenis_instansi="pemerintah",
            no_hp=f"6281200{n:05d}", email="", keperluan="Data penduduk per kecamatan",
            sarana="langsung", kanal_online="", nomor_surat_permintaan="",
        )
        isian.update(data)
        simpan = functools.partial(
            catat_kunjungan, petugas=oleh or petugas, jenis_layanan=[jenis[k] for k in (kode_jenis or ("konsultasi",))],
            waktu=waktu or timezone.now(), **isian,
        )
        try:
            return simpan()
        except PerluKeputusan as e:
            return simpan(keputusan=keputusan, sidik=e.perbandingan.sidik)

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


def _pk_dari_lokasi(response):
    return int(response["Location"].rstrip("/").rsplit("/", 1)[-1])


def jalankan_tugas():
    """Every waiting background task, run in this process by the worker's own runner (django-tasks-db's
    Worker.run_task, what `db_worker` calls for each task), without the worker loop's connection
    recycling: inside a test's transaction that would close the connection on PostgreSQL. The
    browser test of the download runs the real worker command (`worker_pesan`)."""
    worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="uji", excluded_queue_names=[])
    while (tugas := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        tugas.claim(worker.worker_id)
        worker.run_task(tugas)


@pytest.fixture
def unduh_lewat_worker(django_capture_on_commit_callbacks, settings, tmp_path):
    """A report file as the page gets it: asked for (POST), made by the worker's task runner (in this
    process), then downloaded. Returns the download's response. The file is stored under tmp_path."""
    settings.MEDIA_ROOT = tmp_path / "media"

    def unduh(client, jenis, query):
        with django_capture_on_commit_callbacks(execute=True):
            diminta = client.post(reverse("unduhan:buat"), {"jenis": jenis, **query})
        assert diminta.status_code == 302, diminta
        jalankan_tugas()
        return client.get(reverse("unduhan:unduh", args=[_pk_dari_lokasi(diminta)]))

    return unduh
