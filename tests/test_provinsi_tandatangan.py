"""Signing a summary for the province (provinsi/tandatangan.py): the exact body, time, nonce and code, with the office's key."""

import pytest

from provinsi import tandatangan

BADAN = b'{"format":1,"kantor":"6310"}'


def test_a_new_key_names_its_office_and_holds_256_random_bits():
    kunci = tandatangan.buat_kunci("6310")
    assert tandatangan.kode_dari_kunci(kunci) == "6310"
    assert len(kunci.split(".", 1)[1]) >= 43
    assert tandatangan.buat_kunci("6310") != kunci


@pytest.mark.parametrize("kunci", ["", "6310", "6310.pendek", ".abcdefghijklmnopqrstuvwxyzabcdefghij", "63 10.abcdefghijklmnopqrstuvwxyzabcdefghij"])
def test_a_key_without_code_dot_and_secret_is_refused(kunci):
    with pytest.raises(tandatangan.KunciTidakSah):
        tandatangan.kode_dari_kunci(kunci)


def test_the_headers_verify_with_the_same_key_and_body():
    kunci = tandatangan.buat_kunci("6310")
    h = tandatangan.kepala(kunci, BADAN, waktu=1_800_000_000)
    assert h[tandatangan.KEPALA_KANTOR] == "6310" and h[tandatangan.KEPALA_WAKTU] == "1800000000"
    assert tandatangan.bentuk_sah(kode="6310", waktu=h["X-PST-Waktu"], nonce=h["X-PST-Nonce"], tanda_diterima=h["X-PST-Tanda"])
    assert tandatangan.cocok(kunci, h["X-PST-Tanda"], waktu="1800000000", nonce=h["X-PST-Nonce"], kode="6310", badan=BADAN)


def test_every_nonce_is_new():
    kunci = tandatangan.buat_kunci("6310")
    assert len({tandatangan.kepala(kunci, BADAN)["X-PST-Nonce"] for _ in range(50)}) == 50


@pytest.mark.parametrize("ubah", ["badan", "waktu", "nonce", "kode", "kunci"])
def test_changing_anything_signed_breaks_the_signature(ubah):
    kunci = tandatangan.buat_kunci("6310")
    h = tandatangan.kepala(kunci, BADAN, waktu=1_800_000_000)
    isi = {"waktu": "1800000000", "nonce": h["X-PST-Nonce"], "kode": "6310", "badan": BADAN}
    lain = {"badan": BADAN.replace(b"6310", b"6311"), "waktu": "1800000001", "nonce": "0" * 32, "kode": "6311"}
    if ubah == "kunci":
        kunci = tandatangan.buat_kunci("6310")
    else:
        isi[ubah] = lain[ubah]
    assert not tandatangan.cocok(kunci, h["X-PST-Tanda"], **isi)


@pytest.mark.parametrize("kode, waktu, nonce, tanda", [
    ("", "1", "a" * 32, "v1=" + "0" * 64),
    ("6310", "-1", "a" * 32, "v1=" + "0" * 64),
    ("6310", "1", "A" * 32, "v1=" + "0" * 64),
    ("6310", "1", "a" * 32, "v2=" + "0" * 64),
    ("6310", "1", "a" * 32, "v1=" + "0" * 63),
    ("6310", "1" * 13, "a" * 32, "v1=" + "0" * 64),
])
def test_headers_of_the_wrong_shape_are_refused_before_any_lookup(kode, waktu, nonce, tanda):
    assert not tandatangan.bentuk_sah(kode=kode, waktu=waktu, nonce=nonce, tanda_diterima=tanda)
