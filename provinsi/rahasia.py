"""Keys at rest: encrypted with a key derived from SECRET_KEY (Fernet, HKDF-SHA256), on both sides.

The province must read an office's key to check its signatures, and the office must read it to
sign, so neither can store a hash; a database dump or backup holds only ciphertext. Changing
SECRET_KEY makes the stored keys unreadable: the office's page then asks for the key again, and
the province Admin issues new keys (a refused summary says why).
"""

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class KunciTidakTerbaca(Exception):
    """The stored key was encrypted under another SECRET_KEY."""


def _fernet():
    kunci = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"pst-frontoffice kunci provinsi").derive(
        settings.SECRET_KEY.encode()
    )
    return Fernet(base64.urlsafe_b64encode(kunci))


def enkripsi(teks):
    return _fernet().encrypt(teks.encode()).decode()


def dekripsi(teks):
    try:
        return _fernet().decrypt((teks or "").encode()).decode()
    except InvalidToken as e:
        raise KunciTidakTerbaca("Kunci tersimpan tidak dapat dibaca (SECRET_KEY berubah); pasang kunci lagi.") from e
