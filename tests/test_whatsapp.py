import pytest
from django.core.exceptions import ValidationError

from pst_frontoffice.whatsapp import format_no_hp, normalisasi_no_hp, tautan_wa


@pytest.mark.parametrize(
    "masukan, hasil",
    [
        ("081234567890", "6281234567890"),
        ("0812-3456-7890", "6281234567890"),
        ("+62 812 3456 7890", "6281234567890"),
        ("6281234567890", "6281234567890"),
        ("81234567890", "6281234567890"),
        ("(0518) 70123", "6251870123"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalisasi_no_hp_gives_international_form(masukan, hasil):
    assert normalisasi_no_hp(masukan) == hasil


@pytest.mark.parametrize("masukan", ["08abc", "+1 202 555 0100", "0812", "0812345678901234567", "email@x.id"])
def test_normalisasi_no_hp_refuses_what_is_not_an_indonesian_number(masukan):
    with pytest.raises(ValidationError):
        normalisasi_no_hp(masukan)


def test_tautan_wa_encodes_text_and_number():
    assert tautan_wa("Halo & terima kasih\nBaris 2", "6281234") == (
        "https://wa.me/6281234?text=Halo%20%26%20terima%20kasih%0ABaris%202"
    )


def test_tautan_wa_without_number_lets_officer_pick_the_group():
    assert tautan_wa("Ringkasan").startswith("https://wa.me/?text=")


def test_format_no_hp_reads_like_a_local_number():
    assert format_no_hp("6281234567890") == "0812-3456-7890"
