"""Permintaan Masuk SSO: the Admin's list of SSO identities without an account, approved with a role in one step.

The rows are made the way a refused login makes them (sso.masuk.catat_permintaan); the full
round trip through the provider is in test_sso.py.
"""

import pytest
from django.urls import reverse

from pst_frontoffice.models import LogAktivitas, Peran
from sso.masuk import catat_permintaan
from sso.models import AkunSso, PermintaanMasukSso

pytestmark = pytest.mark.django_db
ISSUER = "https://sso.example/realms/pegawai-bps"


def permintaan(sub="budi", **klaim):
    data = {"sub": sub, "email": f"{sub}@bps.go.id", "email_verified": True, "name": sub.title(),
            "preferred_username": sub, "nonce": "x", "exp": 1}
    data.update(klaim)
    return catat_permintaan(issuer=ISSUER, klaim=data, klaim_nip="nip")


@pytest.mark.parametrize("peran", ["petugas", "pimpinan"])
def test_list_is_refused_to_other_roles(client, request, peran):
    client.force_login(request.getfixturevalue(peran))

    assert client.get(reverse("sso:permintaan")).status_code == 403
    assert client.post(reverse("sso:setujui", args=[permintaan().pk]), {"peran": Peran.ADMIN}).status_code == 403
    assert not AkunSso.objects.exists()


def test_list_sends_a_stranger_to_the_login(client):
    assert client.get(reverse("sso:permintaan"))["Location"].startswith(reverse("login"))


def test_later_attempts_update_the_one_row(admin_user):
    permintaan("budi")
    permintaan("budi", name="Budi Santoso")

    baris = PermintaanMasukSso.objects.get()
    assert (baris.jumlah, baris.nama) == (2, "Budi Santoso")


@pytest.mark.parametrize("jumlah", [1, 4])
def test_list_queries_do_not_grow_with_rows(client, admin_user, django_assert_max_num_queries, jumlah):
    for i in range(jumlah):
        permintaan(f"orang{i}")
    client.force_login(admin_user)
    client.get(reverse("sso:permintaan"))

    with django_assert_max_num_queries(12):
        halaman = client.get(reverse("sso:permintaan")).content.decode()

    assert halaman.count('<tr id="permintaan-') == jumlah


def test_approval_can_link_an_existing_account_and_sets_its_role(client, admin_user, buat_user):
    lama = buat_user("budi.pribadi@example.com", nama="Budi Lama")
    p = permintaan("budi", nip="199001012015011002")
    client.force_login(admin_user)

    jawaban = client.post(reverse("sso:setujui", args=[p.pk]), {"peran": Peran.PIMPINAN, "akun": lama.pk})

    assert jawaban.status_code == 302
    lama.refresh_from_db()
    assert (lama.peran, lama.nip, lama.email) == (Peran.PIMPINAN, "199001012015011002", "budi.pribadi@example.com")
    assert AkunSso.objects.get(sub="budi").pengguna == lama
    p.refresh_from_db()
    assert (p.status, p.pengguna, p.diputuskan_oleh, p.peran) == (
        PermintaanMasukSso.Status.DISETUJUI, lama, admin_user, Peran.PIMPINAN,
    )
    log = LogAktivitas.objects.get(aksi=LogAktivitas.Aksi.SSO_DISETUJUI)
    assert "ditautkan ke akun budi.pribadi@example.com" in log.keterangan
    assert "Budi" in client.get(reverse("sso:permintaan")).content.decode()  # under "Sudah diputuskan"


def test_approval_without_email_asks_for_an_account_and_keeps_the_choice(client, admin_user):
    p = permintaan("tanpa", email=None)
    client.force_login(admin_user)

    jawaban = client.post(reverse("sso:setujui", args=[p.pk]), {"peran": Peran.PIMPINAN, "akun": ""})

    assert jawaban.status_code == 400
    halaman = jawaban.content.decode()
    assert "tanpa email: pilih akun" in halaman
    assert '<option value="pimpinan" selected>' in halaman
    p.refresh_from_db()
    assert p.status == PermintaanMasukSso.Status.MENUNGGU


def test_account_already_linked_cannot_be_chosen(client, admin_user, petugas):
    AkunSso.objects.create(pengguna=petugas, issuer=ISSUER, sub="rina", cara=AkunSso.Cara.EMAIL)
    p = permintaan("budi")
    client.force_login(admin_user)

    jawaban = client.post(reverse("sso:setujui", args=[p.pk]), {"peran": Peran.PETUGAS, "akun": petugas.pk})

    assert jawaban.status_code == 400
    assert "sudah tertaut" in jawaban.content.decode()


def test_decided_request_is_not_approved_twice(client, admin_user):
    p = permintaan("budi")
    client.force_login(admin_user)
    client.post(reverse("sso:setujui", args=[p.pk]), {"peran": Peran.PETUGAS})

    jawaban = client.post(reverse("sso:setujui", args=[p.pk]), {"peran": Peran.ADMIN})

    assert jawaban.status_code == 400
    assert AkunSso.objects.get().pengguna.peran == Peran.PETUGAS


def test_ignored_request_leaves_the_list_and_comes_back_with_the_next_attempt(client, admin_user):
    p = permintaan("budi")
    client.force_login(admin_user)

    client.post(reverse("sso:abaikan", args=[p.pk]))

    p.refresh_from_db()
    assert p.status == PermintaanMasukSso.Status.DIABAIKAN
    assert 'id="tanpa-permintaan"' in client.get(reverse("sso:permintaan")).content.decode()
    assert LogAktivitas.objects.filter(aksi=LogAktivitas.Aksi.SSO_DIABAIKAN).exists()
    permintaan("budi")
    p.refresh_from_db()
    assert p.status == PermintaanMasukSso.Status.MENUNGGU and p.jumlah == 2


def test_navbar_badge_counts_waiting_requests_for_the_admin(client, admin_user, settings):
    settings.SSO_ISSUER, settings.SSO_CLIENT_ID, settings.SSO_CLIENT_SECRET = ISSUER, "pst", "rahasia"
    permintaan("budi")
    permintaan("ani")
    client.force_login(admin_user)

    halaman = client.get(reverse("layanan:dashboard")).content.decode()

    assert 'id="sso-menunggu"' in halaman and ">2</span>" in halaman

