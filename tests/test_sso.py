"""Masuk dengan SSO BPS against a real OpenID Provider (tests/oidc): who gets in, and how.

Every test signs in on the provider's own pages (tests.penyedia_oidc.masuk_di_penyedia) and
brings the provider's redirect back to the app through the Django test client. Refusals of the
protocol itself (state, code, tokens) are in test_sso_penolakan.py.
"""

import json
import os
import re
import subprocess
import sys

import pytest
import requests
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from pst_frontoffice.models import LogAktivitas, Peran
from sso.models import AkunSso, PermintaanMasukSso
from tests.conftest import KATA_SANDI
from tests.penyedia_oidc import akun, jalur_dan_query, parameter

pytestmark = pytest.mark.django_db


def mulai(client, next_=""):
    """Presses the button; returns the provider's authorization URL the app redirects to."""
    jawaban = client.post(reverse("sso:masuk"), {"next": next_})
    assert jawaban.status_code == 302, jawaban.content.decode()[:500]
    return jawaban["Location"]


def masuk_sso(client, penyedia, username, next_="", sesi=None):
    """The whole round trip; returns the app's answer to the provider's redirect back."""
    kembali = penyedia.masuk_di_penyedia(mulai(client, next_), username=username, sesi=sesi)
    assert kembali.startswith("http://testserver/sso/kembali/?")
    return client.get(jalur_dan_query(kembali))


def pesan(jawaban):
    return [str(m) for m in jawaban.wsgi_request._messages]


def test_login_page_offers_sso_only_when_configured(client, settings):
    settings.SSO_ISSUER = ""
    assert "Masuk dengan SSO BPS" not in client.get("/login/").content.decode()

    settings.SSO_ISSUER, settings.SSO_CLIENT_ID, settings.SSO_CLIENT_SECRET = "https://sso.example/realms/x", "pst", "rahasia"
    halaman = client.get("/login/").content.decode()

    assert "Masuk dengan SSO BPS" in halaman
    assert 'action="/sso/masuk/"' in halaman


def test_button_sends_an_authorization_code_request_with_pkce_state_and_nonce(client, sso):
    url = mulai(client)

    p = parameter(url)
    assert url.startswith(f"{sso.issuer}/protocol/openid-connect/auth?")
    assert p["response_type"] == "code"
    assert p["client_id"] == "pst-frontoffice"
    assert p["redirect_uri"] == "http://testserver/sso/kembali/"
    assert set(p["scope"].split()) == {"openid", "email", "profile"}
    assert p["code_challenge_method"] == "S256" and len(p["code_challenge"]) == 43
    assert len(p["state"]) >= 20 and len(p["nonce"]) >= 20


def test_verified_email_signs_the_officer_in_with_the_role_held_here(client, sso, petugas):
    sso.atur(akun=[akun("rina.s", email="RINA@example.com")])
    kunci_lama = client.session.session_key

    jawaban = masuk_sso(client, sso, "rina.s")

    assert jawaban.status_code == 302 and jawaban["Location"] == reverse("layanan:beranda")
    assert int(client.session[SESSION_KEY]) == petugas.pk
    assert client.session.session_key != kunci_lama  # a new session key at login
    assert client.get(reverse("layanan:dashboard")).status_code == 200
    tautan = AkunSso.objects.get(pengguna=petugas)
    assert (tautan.issuer, tautan.sub, tautan.cara) == (sso.issuer, "rina.s", AkunSso.Cara.EMAIL)
    log = LogAktivitas.objects.get(aksi=LogAktivitas.Aksi.LOGIN)
    assert log.pengguna == petugas
    assert log.keterangan == "Masuk dengan SSO BPS (email terverifikasi; RINA@example.com (sub rina.s))"


def test_nip_claim_finds_the_account_whatever_email_sso_holds(client, sso, buat_user):
    kepala = buat_user("kepala.pst@example.com", Peran.PIMPINAN, nip="198001012005011001")
    sso.atur(akun=[akun("kepala", email="kepala@bps.go.id", email_verified=False, nip="198001012005011001")])

    jawaban = masuk_sso(client, sso, "kepala")

    assert jawaban.status_code == 302
    assert int(client.session[SESSION_KEY]) == kepala.pk
    assert AkunSso.objects.get(pengguna=kepala).cara == AkunSso.Cara.NIP


def test_linked_identity_still_signs_in_after_its_email_changes_at_sso(client, sso, petugas):
    sso.atur(akun=[akun("rina.s", email="rina@example.com")])
    masuk_sso(client, sso, "rina.s")
    client.post("/logout/")

    sso.atur(akun=[akun("rina.s", email="rina.baru@bps.go.id")])
    jawaban = masuk_sso(client, sso, "rina.s")

    assert jawaban.status_code == 302
    assert int(client.session[SESSION_KEY]) == petugas.pk


def test_next_leads_back_to_a_page_of_this_site_only(client, sso, petugas):
    sso.atur(akun=[akun("rina.s", email="rina@example.com")])

    assert masuk_sso(client, sso, "rina.s", next_="/layanan/saya/")["Location"] == "/layanan/saya/"
    client.post("/logout/")
    assert masuk_sso(client, sso, "rina.s", next_="https://evil.example/")["Location"] == reverse("layanan:beranda")
    client.post("/logout/")
    assert masuk_sso(client, sso, "rina.s", next_="//evil.example/")["Location"] == reverse("layanan:beranda")
    client.post("/logout/")
    assert masuk_sso(client, sso, "rina.s", next_="admin:index")["Location"] == reverse("layanan:beranda")


def test_unknown_person_waits_for_the_admin_who_lets_them_in_with_a_role(client, sso, admin_user):
    sso.atur(akun=[akun("budi.baru", email="budi@bps.go.id", name="Budi Baru", nip="199001012015011002")])

    jawaban = masuk_sso(client, sso, "budi.baru")

    assert SESSION_KEY not in client.session
    assert jawaban["Location"] == reverse("login")
    assert "belum terdaftar" in " ".join(pesan(jawaban))
    permintaan = PermintaanMasukSso.objects.get()
    assert (permintaan.email, permintaan.nama, permintaan.nip, permintaan.status) == (
        "budi@bps.go.id", "Budi Baru", "199001012015011002", PermintaanMasukSso.Status.MENUNGGU,
    )
    assert permintaan.klaim["preferred_username"] == "budi.baru" and "nonce" not in permintaan.klaim
    ditolak = LogAktivitas.objects.get(aksi=LogAktivitas.Aksi.SSO_DITOLAK)
    assert "persetujuan Admin" in ditolak.keterangan and "budi@bps.go.id" in ditolak.objek

    client.force_login(admin_user)
    halaman = client.get(reverse("sso:permintaan")).content.decode()
    assert "Budi Baru" in halaman and "199001012015011002" in halaman
    jawaban = client.post(reverse("sso:setujui", args=[permintaan.pk]), {"peran": Peran.PETUGAS, "akun": ""})
    assert jawaban.status_code == 302
    client.post("/logout/")

    jawaban = masuk_sso(client, sso, "budi.baru")

    budi = AkunSso.objects.get(sub="budi.baru").pengguna
    assert (budi.email, budi.nama, budi.peran, budi.nip) == ("budi@bps.go.id", "Budi Baru", Peran.PETUGAS, "199001012015011002")
    assert not budi.has_usable_password()
    assert int(client.session[SESSION_KEY]) == budi.pk
    assert jawaban["Location"] == reverse("layanan:beranda")
    disetujui = LogAktivitas.objects.get(aksi=LogAktivitas.Aksi.SSO_DISETUJUI)
    assert disetujui.pengguna == admin_user and "peran Petugas" in disetujui.keterangan


def test_unverified_email_is_refused_and_not_matched(client, sso, petugas):
    sso.atur(akun=[akun("palsu", email="rina@example.com", email_verified=False)])

    jawaban = masuk_sso(client, sso, "palsu")

    assert SESSION_KEY not in client.session
    assert "belum terverifikasi" in " ".join(pesan(jawaban))
    assert not AkunSso.objects.exists() and not PermintaanMasukSso.objects.exists()
    assert "email_verified" in LogAktivitas.objects.get(aksi=LogAktivitas.Aksi.SSO_DITOLAK).keterangan


def test_deactivated_account_is_refused(client, sso, petugas):
    petugas.is_active = False
    petugas.save()
    sso.atur(akun=[akun("rina.s", email="rina@example.com")])

    jawaban = masuk_sso(client, sso, "rina.s")

    assert SESSION_KEY not in client.session
    assert "dinonaktifkan" in " ".join(pesan(jawaban))


def test_account_set_to_sso_only_refuses_the_password_but_takes_sso(client, sso, petugas):
    petugas.masuk_sandi = False
    petugas.save()
    sso.atur(akun=[akun("rina.s", email="rina@example.com")])

    jawaban = client.post("/login/", {"username": "rina@example.com", "password": KATA_SANDI})

    assert jawaban.status_code == 200
    assert "masuk dengan kata sandi dimatikan" in jawaban.content.decode()
    assert SESSION_KEY not in client.session
    masuk_sso(client, sso, "rina.s")
    assert int(client.session[SESSION_KEY]) == petugas.pk
    assert client.get(reverse("layanan:dashboard")).status_code == 200


def test_sso_only_message_needs_the_right_password(client, petugas):
    petugas.masuk_sandi = False
    petugas.save()

    halaman = client.post("/login/", {"username": "rina@example.com", "password": "salah-salah-123"}).content.decode()

    assert "Email atau kata sandi salah" in halaman and "dimatikan" not in halaman


def test_turning_password_login_off_ends_password_sessions(client, petugas):
    client.post("/login/", {"username": "rina@example.com", "password": KATA_SANDI})
    assert client.get(reverse("layanan:dashboard")).status_code == 200

    petugas.masuk_sandi = False
    petugas.save()

    assert client.get(reverse("layanan:dashboard")).status_code == 302


def test_keluar_also_ends_the_sso_session_at_the_provider(client, sso, petugas):
    sso.atur(akun=[akun("rina.s", email="rina@example.com")])
    peramban = requests.Session()  # the browser's cookies at the provider
    masuk_sso(client, sso, "rina.s", sesi=peramban)
    navbar = client.get(reverse("layanan:dashboard")).content.decode()
    assert 'action="/sso/keluar/"' in navbar

    jawaban = client.post(reverse("sso:keluar"))

    assert SESSION_KEY not in client.session
    p = parameter(jawaban["Location"])
    assert jawaban["Location"].startswith(f"{sso.issuer}/protocol/openid-connect/logout?")
    assert p["post_logout_redirect_uri"] == "http://testserver/sso/keluar/selesai/"
    assert p["id_token_hint"].count(".") == 2 and p["state"]
    konfirmasi = peramban.get(jawaban["Location"], timeout=10)
    aksi = re.search(r'<form id="op.logoutForm" method="post" action="([^"]+)"', konfirmasi.text).group(1)
    xsrf = re.search(r'name="xsrf" value="([^"]+)"', konfirmasi.text).group(1)
    balik = peramban.post(aksi, data={"xsrf": xsrf, "logout": "yes"}, allow_redirects=False, timeout=10)
    assert balik.headers["Location"].startswith("http://testserver/sso/keluar/selesai/?")
    selesai = client.get(jalur_dan_query(balik.headers["Location"]))
    assert selesai["Location"] == reverse("login")
    assert "dari SSO BPS" in " ".join(pesan(selesai))
    # The provider asks for the password again: its session is gone.
    halaman = peramban.get(mulai(client), timeout=10)
    assert 'name="password"' in halaman.text
    assert LogAktivitas.objects.filter(aksi=LogAktivitas.Aksi.LOGOUT, pengguna=petugas).exists()


def test_keluar_without_an_end_session_endpoint_ends_the_session_here(client, sso, petugas):
    sso.atur(akun=[akun("rina.s", email="rina@example.com")], tanpaKeluar=True)
    masuk_sso(client, sso, "rina.s")

    jawaban = client.post(reverse("sso:keluar"))

    assert jawaban["Location"] == reverse("login")
    assert SESSION_KEY not in client.session


def test_password_session_logs_out_the_plain_way(client, sso, petugas):
    client.post("/login/", {"username": "rina@example.com", "password": KATA_SANDI})
    navbar = client.get(reverse("layanan:dashboard")).content.decode()

    assert 'action="/logout/"' in navbar and "/sso/keluar/" not in navbar


def test_configured_sso_server_may_receive_the_login_forms_under_the_csp():
    # Read in a fresh process, the way the environment configures it (settings.py reads it once).
    kode = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps(s.SECURE_CSP['form-action']))"
    )
    env = {
        **os.environ, "SSO_ISSUER": "https://sso.bps.go.id/realms/pegawai-bps/",
        "DJANGO_SETTINGS_MODULE": "pst_frontoffice.settings",
    }

    hasil = subprocess.run([sys.executable, "-c", kode], env=env, capture_output=True, text=True, timeout=120)

    assert hasil.returncode == 0, hasil.stderr
    assert json.loads(hasil.stdout.strip().splitlines()[-1]) == ["'self'", "https://sso.bps.go.id"]
