"""Signing a summary for the province, and checking the signature: HMAC-SHA256 over the exact body.

An office's key is "<kode>.<secret>" (issued by the province Admin; the code names the office). The
office sends the JSON body with four headers:

    X-PST-Kantor: <kode>
    X-PST-Waktu:  Unix time in seconds when it signed
    X-PST-Nonce:  32 random hex characters, never used twice
    X-PST-Tanda:  v1=<hex HMAC-SHA256(key, "v1\n" + waktu + "\n" + nonce + "\n" + kode + "\n" + body)>

The timestamp, the nonce and the code are inside the signed text, so none can be changed without
the key; the province refuses a timestamp outside its window and a nonce it has seen (a captured
request cannot be sent again), and compares signatures in constant time. Plain Python only: the
tests sign with it too.
"""

import hashlib
import hmac
import re
import secrets
import time

KEPALA_KANTOR = "X-PST-Kantor"
KEPALA_WAKTU = "X-PST-Waktu"
KEPALA_NONCE = "X-PST-Nonce"
KEPALA_TANDA = "X-PST-Tanda"
VERSI_TANDA = "v1"

POLA_KODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{1,19}$")
POLA_NONCE = re.compile(r"^[0-9a-f]{32}$")
POLA_TANDA = re.compile(r"^v1=([0-9a-f]{64})$")


class KunciTidakSah(ValueError):
    """A key that is not "<kode>.<secret>"."""


def buat_kunci(kode):
    """A new key for the office `kode`: its code, a dot, and 256 random bits."""
    return f"{kode}.{secrets.token_urlsafe(32)}"


def kode_dari_kunci(kunci):
    """The office code of a key; KunciTidakSah when it is not one."""
    kode, titik, rahasia = (kunci or "").strip().partition(".")
    if not titik or not POLA_KODE.match(kode) or len(rahasia) < 32:
        raise KunciTidakSah("Kunci tidak sah: bentuknya kode kantor, titik, lalu rahasia, persis seperti yang diberikan Admin provinsi.")
    return kode


def _teks_ditandatangani(*, waktu, nonce, kode, badan):
    return f"{VERSI_TANDA}\n{waktu}\n{nonce}\n{kode}\n".encode() + badan


def tanda(kunci, *, waktu, nonce, kode, badan):
    """The signature header's value for `badan` (bytes)."""
    mac = hmac.new(kunci.strip().encode(), _teks_ditandatangani(waktu=waktu, nonce=nonce, kode=kode, badan=badan), hashlib.sha256)
    return f"{VERSI_TANDA}={mac.hexdigest()}"


def kepala(kunci, badan, *, waktu=None, nonce=None):
    """The four headers that sign `badan` with `kunci`, now and with a fresh nonce (unless given)."""
    kode = kode_dari_kunci(kunci)
    waktu = str(int(time.time()) if waktu is None else int(waktu))
    nonce = nonce or secrets.token_hex(16)
    return {
        KEPALA_KANTOR: kode, KEPALA_WAKTU: waktu, KEPALA_NONCE: nonce,
        KEPALA_TANDA: tanda(kunci, waktu=waktu, nonce=nonce, kode=kode, badan=badan),
    }


def bentuk_sah(*, kode, waktu, nonce, tanda_diterima):
    """True when the four header values have their shapes (before anything is looked up)."""
    return bool(
        POLA_KODE.match(kode or "") and (waktu or "").isdigit() and len(waktu) <= 12
        and POLA_NONCE.match(nonce or "") and POLA_TANDA.match(tanda_diterima or "")
    )


def cocok(kunci, tanda_diterima, *, waktu, nonce, kode, badan):
    """True when `tanda_diterima` signs exactly this body, time, nonce and code with `kunci`."""
    return hmac.compare_digest(tanda(kunci, waktu=waktu, nonce=nonce, kode=kode, badan=badan), tanda_diterima or "")
