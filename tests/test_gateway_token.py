"""The stored WhatsApp gateway token goes only to the address and provider it was typed for.

The settings page keeps the token when its field is left empty; changing the API address or the
provider without typing the token again would send the stored token to the new address (a server
of whoever changed it). Such a change asks for the token again and saves nothing until then.
"""

import pytest

from pesan.models import PengaturanGateway

pytestmark = pytest.mark.django_db

GATEWAY = "/outbox/gateway/"
ASAL = {"aktif": "on", "penyedia": "fonnte", "url_api": "https://api.fonnte.com", "phone_number_id": "", "grup_id": ""}


@pytest.fixture
def admin_dengan_token(client, admin_user):
    client.force_login(admin_user)
    assert client.post(GATEWAY, {**ASAL, "token": "token-lama-1234"}).status_code == 302
    return client


@pytest.mark.parametrize("ubah", [
    {"url_api": "https://evil.example"},
    {"penyedia": "cloud_api", "url_api": "https://evil.example", "phone_number_id": "123"},
    {"penyedia": "cloud_api", "phone_number_id": "123"},
])
def test_a_new_address_or_provider_without_the_token_saves_nothing(admin_dengan_token, ubah):
    sebelum = PengaturanGateway.get()

    jawaban = admin_dengan_token.post(GATEWAY, {**ASAL, **ubah, "token": ""})

    assert jawaban.status_code == 400
    assert "ketik ulang token" in jawaban.content.decode()
    sesudah = PengaturanGateway.get()
    assert (sesudah.url_api, sesudah.penyedia, sesudah.token_terenkripsi) == (sebelum.url_api, sebelum.penyedia, sebelum.token_terenkripsi)


def test_a_new_address_with_the_token_typed_again_is_saved(admin_dengan_token):
    jawaban = admin_dengan_token.post(GATEWAY, {**ASAL, "url_api": "https://api2.fonnte.com", "token": "token-baru-5678"})

    assert jawaban.status_code == 302
    g = PengaturanGateway.get()
    assert (g.url_api, g.token_akhir) == ("https://api2.fonnte.com", "5678")


def test_other_changes_keep_the_stored_token_without_typing_it(admin_dengan_token):
    sebelum = PengaturanGateway.get().token_terenkripsi

    jawaban = admin_dengan_token.post(GATEWAY, {**ASAL, "grup_id": "120363012345678901@g.us", "token": ""})

    assert jawaban.status_code == 302
    g = PengaturanGateway.get()
    assert (g.grup_id, g.token_terenkripsi) == ("120363012345678901@g.us", sebelum)
