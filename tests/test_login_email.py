"""One normalisation of account e-mail addresses: the lookup at login, the lockout key and account
creation all read an address the same way, whatever the database's case rules.

PostgreSQL's UPPER() folds the dotless ı and the long ſ to I and S, so a case-insensitive lookup
there matched `admın@…` to `admin@…` while django-axes counted it as another address: a fresh
budget of guesses and, on success, the real account's lock cleared. These tests run on SQLite and
(`make test-postgres`) on PostgreSQL.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from pst_frontoffice.aktivitas import email_login
from pst_frontoffice.teks import normalisasi_email
from tests import migrasi
from tests.conftest import KATA_SANDI

pytestmark = pytest.mark.django_db


def _login(client, email, sandi, ip="10.0.0.5"):
    return client.post(reverse("login"), {"username": email, "password": sandi}, REMOTE_ADDR=ip)


def _kunci(client, email):
    for _ in range(5):
        _login(client, email, "salah-sekali")
    assert _login(client, email, KATA_SANDI).status_code == 429


def test_login_with_a_dotless_i_never_reaches_the_locked_account(client, admin_user):
    _kunci(client, admin_user.email)

    tiruan = admin_user.email.replace("i", "ı")
    jawaban = _login(client, tiruan, KATA_SANDI)

    assert jawaban.status_code != 302 and "_auth_user_id" not in client.session
    # …and the real account is still locked.
    assert _login(client, admin_user.email, KATA_SANDI).status_code == 429


def test_login_with_a_long_s_counts_against_the_same_account(client, buat_user):
    petugas = buat_user("petugas@example.com")
    for _ in range(4):
        _login(client, petugas.email, "salah-sekali")

    # ſ is the same letter as s once normalised: it is the fifth failure, not a fresh budget.
    assert _login(client, "petugaſ@example.com", "salah-sekali").status_code == 429
    assert _login(client, "petugaſ@example.com", KATA_SANDI).status_code == 429
    assert _login(client, petugas.email, KATA_SANDI).status_code == 429


def test_lockout_key_lookup_and_stored_address_are_one_normalisation():
    for ketikan in ("  Petugaſ@Example.COM ", "ｐｅｔｕｇａｓ@example.com", "PETUGAS@EXAMPLE.COM"):
        assert normalisasi_email(ketikan) == "petugas@example.com"
        assert email_login(None, {"username": ketikan}) == "petugas@example.com"
    assert normalisasi_email("admın@example.com") != "admin@example.com"
    assert normalisasi_email(normalisasi_email("İnci@example.com")) == normalisasi_email("İnci@example.com")

    user = get_user_model().objects.create_user("Petugaſ@Example.com", password=KATA_SANDI, nama="P")
    assert user.email == "petugas@example.com"
    assert get_user_model().objects.get_by_natural_key("PETUGAſ@example.com") == user


def test_admin_cannot_add_a_second_account_for_the_same_normalised_address(admin_user, client):
    client.force_login(admin_user)
    jawaban = client.post(reverse("admin:pst_frontoffice_user_add"), {
        "email": "ADMIN@example.com", "nama": "Tiruan", "peran": "petugas",
        "password1": "Sandi-Panjang-2026!", "password2": "Sandi-Panjang-2026!", "usable_password": "true",
    })

    assert jawaban.status_code == 200
    assert "Pengguna dengan Email telah ada." in jawaban.content.decode()
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_migration_normalises_existing_addresses_and_keeps_a_clash_apart():
    sebelum = [("pst_frontoffice", "0009_template_diperiksa")]
    with migrasi.sebelum(sebelum) as apps:
        User = apps.get_model("pst_frontoffice", "User")
        lama = User.objects.create(email="rinaſ@example.com", nama="Rina", peran="petugas")
        asli = User.objects.create(email="ahmad@example.com", nama="Ahmad", peran="petugas")
        kembar = User.objects.create(email="ａhmad@example.com", nama="Ahmad Kembar", peran="petugas")

    email = dict(get_user_model().objects.values_list("pk", "email"))
    assert email[lama.pk] == "rinas@example.com"
    assert email[asli.pk] == "ahmad@example.com"
    assert email[kembar.pk] == "ａhmad@example.com"  # left for the Admin, never merged silently
