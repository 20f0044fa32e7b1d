"""Masuk dengan SSO BPS refuses what it must: forged or replayed returns, tokens that fail a check,
a provider that is down; and the login protections (lockout, rate limit, CSRF) hold for it.

The bad tokens come from the provider itself (tests/oidc/penyedia.mjs), never forged here: an ID
token it issued to another client (wrong audience), one it issued with its clock two hours behind
(expired), one signed with a key it does not publish (unknown key).
"""

import socket
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from pst_frontoffice.models import LogAktivitas
from sso import penyedia as penyedia_sso
from tests.conftest import KATA_SANDI
from tests.penyedia_oidc import PenyediaOidc, akun, jalur_dan_query, parameter
from tests.test_sso import masuk_sso, mulai, pesan

pytestmark = pytest.mark.django_db


def sampai_kembali(client, penyedia, username="rina.s"):
    """Presses the button and signs in at the provider; returns the app's redirect URI with code and state."""
    kembali = penyedia.masuk_di_penyedia(mulai(client), username=username)
    assert kembali.startswith("http://testserver/sso/kembali/?")
    return jalur_dan_query(kembali)


def ganti_parameter(jalur, **baru):
    jalur_saja, _, _ = jalur.partition("?")
    p = parameter(jalur) | baru
    return f"{jalur_saja}?" + "&".join(f"{k}={v}" for k, v in p.items())


def alasan_terakhir():
    return LogAktivitas.objects.filter(aksi=LogAktivitas.Aksi.SSO_DITOLAK).latest("pk").keterangan


def ditolak(jawaban, client):
    assert jawaban.status_code == 302 and jawaban["Location"].startswith(reverse("login"))
    assert SESSION_KEY not in client.session
    assert "Masuk dengan SSO BPS gagal" in " ".join(pesan(jawaban))
    return alasan_terakhir()


@pytest.fixture
def rina(sso, petugas):
    sso.atur(akun=[akun("rina.s", email="rina@example.com")])
    return petugas


def test_tampered_state_is_refused(client, sso, rina):
    kembali = sampai_kembali(client, sso)

    jawaban = client.get(ganti_parameter(kembali, state="state-dari-penyerang"))

    assert "state tidak cocok" in ditolak(jawaban, client)


def test_replayed_return_is_refused_after_its_state_was_used(client, sso, rina):
    kembali = sampai_kembali(client, sso)
    assert client.get(kembali).status_code == 302 and SESSION_KEY in client.session
    client.post("/logout/")

    assert "state tidak cocok" in ditolak(client.get(kembali), client)


def test_replayed_code_is_refused_by_the_provider_in_a_fresh_flow(client, sso, rina):
    pertama = sampai_kembali(client, sso)
    client.get(pertama)
    client.post("/logout/")
    # A new flow in this browser: its own state is valid, but the code is the one used already.
    state_baru = parameter(mulai(client))["state"]

    jawaban = client.get(ganti_parameter(pertama, state=state_baru))

    assert "invalid_grant" in ditolak(jawaban, client)


def test_id_token_issued_to_another_client_is_refused_for_its_audience(client, sso, rina):
    kembali = sampai_kembali(client, sso)
    sso.atur(audiensLain="aplikasi-lain")

    assert "klaim aud" in ditolak(client.get(kembali), client)


def test_expired_id_token_is_refused(client, sso, rina):
    kembali = sampai_kembali(client, sso)
    sso.atur(mundurDetik=2 * 60 * 60)  # its ID tokens (5 minutes) expired an hour and 55 minutes ago

    assert "kedaluwarsa" in ditolak(client.get(kembali), client)


def test_id_token_signed_with_an_unknown_key_is_refused_after_fetching_the_keys_again(client, sso, rina):
    kembali = sampai_kembali(client, sso)
    penyedia_sso.klien().fetch_jwk_set()  # this process already holds the published keys
    sso.atur(kunciTanda="asing", kunciTerbit=["utama"])

    assert "kuncinya tidak dikenal" in ditolak(client.get(kembali), client)


def test_key_rotation_is_picked_up_by_fetching_the_keys_again(client, sso, rina):
    kembali = sampai_kembali(client, sso)
    lama = penyedia_sso.klien().fetch_jwk_set()
    sso.atur(kunciTanda="baru", kunciTerbit=["utama", "baru"])

    jawaban = client.get(kembali)

    assert jawaban.status_code == 302 and int(client.session[SESSION_KEY]) == rina.pk
    assert [k["kid"] for k in lama["keys"]] == ["kunci-utama"]
    assert {k["kid"] for k in penyedia_sso.klien().server_metadata["jwks"]["keys"]} == {"kunci-utama", "kunci-baru"}


def test_cancel_on_the_provider_page_is_told_and_not_counted(client, sso, rina):
    state = parameter(mulai(client))["state"]

    jawaban = client.get(f"/sso/kembali/?error=access_denied&state={state}")

    assert "dibatalkan" in " ".join(pesan(jawaban))
    assert SESSION_KEY not in client.session


def test_refused_returns_lock_sso_out_for_the_address_like_wrong_passwords(client, sso, rina, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.get(ganti_parameter(sampai_kembali(client, sso), state="palsu"))

    kembali = sampai_kembali(client, sso)
    jawaban = client.get(kembali)

    assert jawaban.status_code == 429
    assert SESSION_KEY not in client.session
    # Password login for the officer's own e-mail is a different lock and still works.
    client.post("/login/", {"username": "rina@example.com", "password": KATA_SANDI})
    assert int(client.session[SESSION_KEY]) == rina.pk


def test_account_locked_by_wrong_passwords_cannot_come_in_by_sso_either(client, sso, rina, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/login/", {"username": "rina@example.com", "password": "salah-salah-123"})

    jawaban = masuk_sso(client, sso, "rina.s")

    assert jawaban.status_code == 429
    assert SESSION_KEY not in client.session
    assert "terkunci" in alasan_terakhir()


def test_button_is_rate_limited_per_address(client, sso, satu_jendela):
    for _ in range(60):
        assert client.post(reverse("sso:masuk")).status_code == 302

    assert client.post(reverse("sso:masuk")).status_code == 429


def test_button_needs_the_csrf_token(sso):
    client = Client(enforce_csrf_checks=True)

    assert client.post(reverse("sso:masuk")).status_code == 403


def test_discovery_document_for_another_issuer_is_not_used(client, sso, settings):
    settings.SSO_ISSUER = sso.issuer.replace("127.0.0.1", "localhost")

    jawaban = client.post(reverse("sso:masuk"))

    assert jawaban["Location"] == reverse("login")
    assert "tidak dapat dihubungi" in " ".join(pesan(jawaban))


def test_stopped_provider_is_told_in_indonesian_at_once_and_password_login_still_works(client, settings, rina):
    berhenti = PenyediaOidc().mulai()
    settings.SSO_ISSUER = berhenti.issuer
    berhenti.berhenti()

    awal = time.monotonic()
    jawaban = client.post(reverse("sso:masuk"), {"next": "/layanan/saya/"})
    lama = time.monotonic() - awal

    assert lama < 5
    assert jawaban["Location"] == reverse("login") + "?next=%2Flayanan%2Fsaya%2F"
    assert "SSO BPS sedang tidak dapat dihubungi" in " ".join(pesan(jawaban))
    halaman = client.get(jawaban["Location"]).content.decode()
    assert "SSO BPS sedang tidak dapat dihubungi" in halaman and 'id="sso-gangguan"' in halaman
    client.post("/login/", {"username": "rina@example.com", "password": KATA_SANDI})
    assert int(client.session[SESSION_KEY]) == rina.pk


def test_provider_that_never_answers_costs_the_click_only_the_timeout(client, settings, sso):
    # Accepts the connection (the kernel's backlog) and never says a word.
    diam = socket.socket()
    diam.bind(("127.0.0.1", 0))
    diam.listen(8)
    settings.SSO_ISSUER = f"http://127.0.0.1:{diam.getsockname()[1]}/realms/pegawai-bps"
    try:
        awal = time.monotonic()
        jawaban = client.post(reverse("sso:masuk"))
        lama = time.monotonic() - awal
    finally:
        diam.close()

    assert settings.SSO_BATAS_WAKTU_DETIK <= lama < settings.SSO_BATAS_WAKTU_DETIK + 3
    assert "SSO BPS sedang tidak dapat dihubungi" in " ".join(pesan(jawaban))
    # The next click within the half minute answers at once, without waiting again.
    awal = time.monotonic()
    client.post(reverse("sso:masuk"))
    assert time.monotonic() - awal < settings.SSO_BATAS_WAKTU_DETIK


def test_provider_down_when_the_person_comes_back_is_told_too(client, settings, sso, rina):
    sebentar = PenyediaOidc().mulai()
    try:
        sebentar.atur_ulang("http://testserver")
        sebentar.atur(akun=[akun("rina.s", email="rina@example.com")])
        settings.SSO_ISSUER = sebentar.issuer
        kembali = sampai_kembali(client, sebentar)
    finally:
        sebentar.berhenti()

    jawaban = client.get(kembali)

    assert "SSO BPS sedang tidak dapat dihubungi" in " ".join(pesan(jawaban))
    assert SESSION_KEY not in client.session
