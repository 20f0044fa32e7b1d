"""The forms' Indonesian messages replace Django's own defaults and never a message the app wrote:
a validator's message reaches the person who typed the value."""

import pytest
from django import forms

from pesan.forms.gateway import PengaturanGatewayForm
from provinsi.forms import KantorForm
from pst_frontoffice.forms import FormIndonesia

pytestmark = pytest.mark.django_db


def test_a_validators_own_message_is_shown_not_a_generic_one():
    form = KantorForm({"kode": "63 10!", "nama": "BPS Kabupaten Tanah Laut"})
    assert not form.is_valid()
    assert form.errors["kode"] == ["Kode 2–20 huruf, angka atau tanda hubung, misalnya 6310."]

    form = PengaturanGatewayForm({"penyedia": "cloud_api", "url_api": "https://graph.facebook.com/v21.0",
                                  "phone_number_id": "123/../me", "grup_id": "grup-saya"})
    assert not form.is_valid()
    assert form.errors["phone_number_id"] == ["Phone number ID hanya berisi angka, mis. 109876543210987."]
    assert form.errors["grup_id"] == ["ID grup WA diakhiri @g.us dan sebelumnya hanya angka, mis. 120363012345678901@g.us."]


def test_django_defaults_are_still_said_in_indonesian_by_the_label():
    class Isian(FormIndonesia):
        surel = forms.EmailField(label="Email")
        jumlah = forms.IntegerField(label="Jumlah")

    form = Isian({"surel": "bukan-email", "jumlah": "dua"})
    assert not form.is_valid()
    assert form.errors == {"surel": ["Email tidak valid."], "jumlah": ["Jumlah tidak valid."]}
