"""Security baseline: CSP with nonces, no inline code, login lockout, activity log, no hard delete."""

import re
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from layanan.models import Status
from pst_frontoffice.aktivitas import catat
from pst_frontoffice.models import LogAktivitas, PengaturanKantor
from pst_frontoffice.ratelimit import batasi, dibatasi
from tests.conftest import KATA_SANDI

ROOT = Path(__file__).resolve().parent.parent
APP_KAMI = {"pst_frontoffice", "bukutamu", "layanan", "presensi", "rating", "laporan"}
# Settings tables, not records of what happened: a wrong row may be removed, after Django admin's
# confirmation page. Anything else is cancelled or deactivated, never deleted.
BOLEH_DIHAPUS = {
    "pst_frontoffice.CutiBersama": "hari cuti bersama yang salah ketik",
    "bukutamu.JamLayanan": "jam layanan satu hari (hari tanpa baris = tutup)",
}


# --- Content Security Policy ------------------------------------------------------------------

@pytest.mark.django_db
def test_pages_carry_a_csp_with_a_fresh_nonce_used_by_every_script(masuk, petugas, jenis):
    response = masuk(petugas).get(reverse("bukutamu:buku_tamu"))
    kebijakan = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", kebijakan).group(1)
    html = response.content.decode()

    skrip = re.findall(r"<script\b[^>]*>", html)
    assert skrip, "halaman tanpa skrip sama sekali?"
    assert all(f'nonce="{nonce}"' in s for s in skrip), skrip
    arahan = dict(bagian.strip().split(" ", 1) for bagian in kebijakan.split(";"))
    assert arahan["script-src"] == f"'self' 'nonce-{nonce}'"
    assert arahan["style-src"] == "'self'"
    assert "unsafe-inline" not in kebijakan and "unsafe-eval" not in kebijakan
    assert arahan["frame-ancestors"] == "'none'" and arahan["object-src"] == "'none'"

    lagi = masuk(petugas).get(reverse("bukutamu:buku_tamu"))["Content-Security-Policy"]
    assert f"'nonce-{nonce}'" not in lagi


def _template_kami():
    for folder in [ROOT / "templates", *ROOT.glob("*/templates")]:
        if ".venv" in folder.parts:
            continue
        yield from folder.rglob("*.html")


def test_no_template_has_inline_script_style_or_event_handler():
    pelanggaran = []
    for berkas in _template_kami():
        teks = berkas.read_text(encoding="utf-8")
        for n, baris in enumerate(teks.splitlines(), 1):
            if re.search(r"<script\b(?![^>]*\bsrc=)[^>]*>", baris):
                # Only data blocks (JSON) may sit inline: the browser never runs them.
                if 'type="application/json"' not in baris:
                    pelanggaran.append(f"{berkas.relative_to(ROOT)}:{n}: <script> tanpa src")
            if re.search(r"<style\b|\sstyle=", baris):
                pelanggaran.append(f"{berkas.relative_to(ROOT)}:{n}: gaya inline")
            if re.search(r"\son[a-z]+\s*=|\bhx-on|javascript:", baris):
                pelanggaran.append(f"{berkas.relative_to(ROOT)}:{n}: JavaScript inline")
    assert not pelanggaran, "Langgar CSP (pindahkan ke static/js atau static/css):\n" + "\n".join(pelanggaran)


# --- Login lockout (django-axes) --------------------------------------------------------------

def _login(client, email, sandi, ip="10.0.0.5"):
    return client.post(reverse("login"), {"username": email, "password": sandi}, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_email_from_that_address_with_an_indonesian_page(client, petugas):
    for _ in range(4):
        assert _login(client, petugas.email, "salah-sekali").status_code == 200
    terkunci = _login(client, petugas.email, "salah-sekali")

    assert terkunci.status_code == 429
    halaman = terkunci.content.decode()
    assert "Login dikunci sementara" in halaman and "15 menit" in halaman and petugas.email in halaman
    # Even the right password is refused while locked…
    benar = _login(client, petugas.email, KATA_SANDI)
    assert benar.status_code == 429
    assert "_auth_user_id" not in client.session
    # …from that address only, and for that email only.
    assert _login(client, petugas.email.upper(), KATA_SANDI, ip="10.0.0.9").status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_failure_count(client, petugas):
    for _ in range(4):
        _login(client, petugas.email, "salah-sekali")
    assert _login(client, petugas.email, KATA_SANDI).status_code == 302
    client.logout()
    for _ in range(4):
        assert _login(client, petugas.email, "salah-sekali").status_code == 200


@pytest.mark.django_db
def test_a_wrong_password_shows_the_form_again_with_the_indonesian_message(client, petugas):
    response = _login(client, petugas.email, "salah-sekali")
    assert "Email atau kata sandi salah" in response.content.decode()


# --- Activity log -----------------------------------------------------------------------------

@pytest.mark.django_db
def test_login_failed_login_and_logout_are_logged_with_who_and_ip(client, petugas):
    _login(client, petugas.email, "salah-sekali", ip="10.1.2.3")
    _login(client, petugas.email, KATA_SANDI, ip="10.1.2.3")
    client.post(reverse("logout"), REMOTE_ADDR="10.1.2.3")

    log = list(LogAktivitas.objects.order_by("pk").values_list("aksi", "identitas", "ip", "pengguna_id"))
    assert log == [
        ("login_gagal", petugas.email, "10.1.2.3", None),
        ("login", "Rina Petugas (rina@example.com)", "10.1.2.3", petugas.pk),
        ("logout", "Rina Petugas (rina@example.com)", "10.1.2.3", petugas.pk),
    ]
    assert "salah-sekali" not in str(list(LogAktivitas.objects.values()))


@pytest.mark.django_db
def test_a_status_change_is_logged_with_the_request_ip(masuk, petugas, buat_layanan):
    layanan = buat_layanan()
    masuk(petugas).post(
        reverse("layanan:update_status", args=[layanan.pk]), {"status": Status.DIPROSES}, REMOTE_ADDR="10.9.8.7"
    )

    baris = LogAktivitas.objects.get(aksi=LogAktivitas.Aksi.STATUS)
    assert (baris.pengguna, baris.objek_tipe, baris.objek_id, baris.ip) == (
        petugas, "layanan.layanan", str(layanan.pk), "10.9.8.7"
    )
    assert "Diterima → Diproses" in baris.keterangan


@pytest.mark.django_db
def test_admin_changes_are_logged(masuk, admin_user):
    client = masuk(admin_user)
    data = {"tanggal": "2026-11-27", "keterangan": "Hari pemungutan suara", "jenis": "libur", "berlaku": "on", "diperiksa": "on"}
    response = client.post(reverse("admin:pst_frontoffice_cutibersama_add"), data, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 302

    assert LogEntry.objects.count() == 1
    baris = LogAktivitas.objects.get(aksi=LogAktivitas.Aksi.ADMIN_TAMBAH)
    assert (baris.pengguna, baris.objek, baris.ip, baris.objek_tipe) == (
        admin_user, LogEntry.objects.get().object_repr, "10.0.0.1", "pst_frontoffice.cutibersama"
    )


@pytest.mark.django_db
def test_catat_from_a_service_without_a_request(petugas, kantor):
    baris = catat(petugas, "surat_nomor", kantor, "Nomor dibuat")
    assert (baris.pengguna, baris.objek, baris.objek_tipe, baris.ip, baris.label_aksi) == (
        petugas, kantor.nama_kantor, "pst_frontoffice.pengaturankantor", None, "Surat nomor"
    )


@pytest.mark.django_db
def test_admin_reads_the_activity_log_but_cannot_change_or_delete_it(masuk, admin_user, petugas):
    baris = catat(petugas, LogAktivitas.Aksi.LOGIN)
    client = masuk(admin_user)

    daftar = client.get(reverse("admin:pst_frontoffice_logaktivitas_changelist"))
    assert daftar.status_code == 200 and petugas.nama in daftar.content.decode()
    lihat = client.get(reverse("admin:pst_frontoffice_logaktivitas_change", args=[baris.pk]))
    assert lihat.status_code == 200
    assert client.post(reverse("admin:pst_frontoffice_logaktivitas_change", args=[baris.pk]), {}).status_code == 403
    assert client.post(reverse("admin:pst_frontoffice_logaktivitas_delete", args=[baris.pk]), {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:pst_frontoffice_logaktivitas_add")).status_code == 403
    assert LogAktivitas.objects.filter(pk=baris.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas", "pimpinan"])
def test_only_admin_reads_the_activity_log(masuk, request, peran):
    response = masuk(request.getfixturevalue(peran)).get(reverse("admin:pst_frontoffice_logaktivitas_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --- No hard delete ---------------------------------------------------------------------------

@pytest.mark.django_db
def test_no_domain_record_can_be_deleted_from_admin(rf, admin_user):
    permintaan = rf.get("/admin/")
    permintaan.user = admin_user
    boleh_hapus = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in APP_KAMI or model._meta.label in BOLEH_DIHAPUS:
            continue
        if model_admin.has_delete_permission(permintaan) or "delete_selected" in model_admin.get_actions(permintaan):
            boleh_hapus.append(model._meta.label)
    assert not boleh_hapus, f"Bisa dihapus permanen dari Admin (nonaktifkan/batalkan saja): {boleh_hapus}"


@pytest.mark.django_db
def test_deleting_a_settings_row_asks_for_confirmation_first(masuk, admin_user):
    from pst_frontoffice.models import CutiBersama

    cuti = CutiBersama.objects.create(tanggal="2026-11-27", keterangan="Hari pemungutan suara")
    client = masuk(admin_user)
    url = reverse("admin:pst_frontoffice_cutibersama_delete", args=[cuti.pk])

    konfirmasi = client.get(url)
    assert konfirmasi.status_code == 200 and 'name="post"' in konfirmasi.content.decode()
    assert CutiBersama.objects.filter(pk=cuti.pk).exists()
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not CutiBersama.objects.filter(pk=cuti.pk).exists()


@pytest.mark.django_db
def test_admin_delete_page_is_refused_for_a_domain_record(masuk, admin_user, petugas):
    response = masuk(admin_user).post(
        reverse("admin:pst_frontoffice_user_delete", args=[petugas.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert type(petugas).objects.filter(pk=petugas.pk).exists()


# --- Rate limit, health check -----------------------------------------------------------------

def test_rate_limit_refuses_after_the_allowed_count_per_address(rf, satu_jendela):
    cache.clear()
    dari_a = rf.get("/", REMOTE_ADDR="10.0.0.1")
    dari_b = rf.get("/", REMOTE_ADDR="10.0.0.2")
    hasil = [batasi(dari_a, "uji", 3, 60) for _ in range(5)]
    assert hasil == [False, False, False, True, True]
    assert batasi(dari_b, "uji", 3, 60) is False


@pytest.mark.django_db
def test_rate_limited_view_answers_429_in_indonesian(rf, satu_jendela):
    cache.clear()

    @dibatasi("uji-view", jumlah=1, detik=30)
    def halaman(request):
        from django.http import HttpResponse

        return HttpResponse("ok")

    permintaan = rf.get("/", REMOTE_ADDR="10.0.0.3")
    permintaan.kantor = PengaturanKantor.get()
    assert halaman(permintaan).status_code == 200
    kedua = halaman(permintaan)
    assert kedua.status_code == 429 and kedua["Retry-After"] == "30"
    assert "Terlalu banyak permintaan" in kedua.content.decode()
    kiriman = rf.post("/", REMOTE_ADDR="10.0.0.3")
    kiriman.kantor = permintaan.kantor
    assert "Isian Anda belum terkirim" in halaman(kiriman).content.decode()  # what was sent is not lost: go back


@pytest.mark.django_db
def test_health_check_reports_the_database(client):
    response = client.get("/sehat/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "basis_data": "ok"}


@pytest.mark.django_db
def test_a_stale_form_gets_an_indonesian_csrf_page(petugas, jenis):
    from django.test import Client

    klien = Client(enforce_csrf_checks=True)
    klien.force_login(petugas)
    response = klien.post(reverse("bukutamu:buku_tamu"), {"nama": "X"})
    assert response.status_code == 403
    assert "Formulir ini sudah kedaluwarsa" in response.content.decode()


@pytest.mark.django_db
def test_test_client_login_without_a_request_still_works(client, petugas):
    assert client.login(username=petugas.email, password=KATA_SANDI)
    assert not client.login(username=petugas.email, password="salah-sekali")


@pytest.mark.django_db
def test_rate_limit_counts_in_the_database_in_production_so_every_server_sees_it(rf, settings, satu_jendela):
    from django.db import connection

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": settings.TABEL_CACHE}
    }
    dari_a = rf.get("/", REMOTE_ADDR="10.0.0.9")
    hasil = [batasi(dari_a, "uji-db", 2, 60) for _ in range(3)]
    assert hasil == [False, False, True]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {settings.TABEL_CACHE}")
        kunci = [baris[0] for baris in cursor.fetchall()]
    assert any("batas:uji-db:10.0.0.9:" in k for k in kunci)


def test_production_settings_put_the_cache_in_the_database():
    import os
    import subprocess
    import sys

    env = {**os.environ, "DJANGO_PRODUCTION": "1", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "pst.example"}
    env.pop("CACHE_BACKEND", None)
    keluaran = subprocess.run(
        [sys.executable, "-c", "from pst_frontoffice import settings as s; print(s.CACHES['default']['BACKEND'])"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert keluaran == "django.core.cache.backends.db.DatabaseCache"
