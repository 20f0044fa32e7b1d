"""Wrong old passwords on Ganti Kata Sandi are limited like logins (same count, same lock)."""

import pytest
from django.urls import reverse

from tests.conftest import KATA_SANDI

BARU = "kata-sandi-baru-2026!"


def _ganti(client, lama, ip="10.0.0.5"):
    return client.post(reverse("ganti_kata_sandi"), {
        "old_password": lama, "new_password1": BARU, "new_password2": BARU,
    }, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_wrong_old_password_shows_the_form_again(masuk, petugas):
    response = _ganti(masuk(petugas), "salah-sekali")
    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors


@pytest.mark.django_db
def test_five_wrong_old_passwords_lock_the_account_from_that_address(masuk, client, petugas, settings):
    c = masuk(petugas)
    kode = [_ganti(c, "salah-sekali").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]

    assert kode == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    assert "_auth_user_id" not in client.session  # the session that guessed is ended
    # Locked like a login: the right old password is refused…
    masuk(petugas)
    terkunci = _ganti(c, KATA_SANDI)
    assert terkunci.status_code == 429 and "Login dikunci sementara" in terkunci.content.decode()
    petugas.refresh_from_db()
    assert petugas.check_password(KATA_SANDI)
    # …and so is logging in with the password from that address.
    login = client.post(reverse("login"), {"username": petugas.email, "password": KATA_SANDI}, REMOTE_ADDR="10.0.0.5")
    assert login.status_code == 429


@pytest.mark.django_db
def test_wrong_logins_and_wrong_old_passwords_count_together(client, masuk, petugas, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(reverse("login"), {"username": petugas.email, "password": "salah"}, REMOTE_ADDR="10.0.0.5")
    assert _ganti(masuk(petugas), "salah-lagi").status_code == 429


@pytest.mark.django_db
def test_the_right_old_password_changes_it(masuk, petugas):
    response = _ganti(masuk(petugas), KATA_SANDI)
    assert response.status_code == 302 and response["Location"] == reverse("password_change_done")
    petugas.refresh_from_db()
    assert petugas.check_password(BARU)


@pytest.mark.django_db
def test_spoofed_x_forwarded_for_does_not_reset_the_count(masuk, petugas, settings):
    c = masuk(petugas)
    kode = [
        c.post(reverse("ganti_kata_sandi"), {"old_password": "salah", "new_password1": BARU, "new_password2": BARU},
               REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=f"6.6.6.{i}").status_code
        for i in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert kode[-1] == 429
