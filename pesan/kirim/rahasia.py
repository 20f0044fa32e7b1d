"""The gateway token at rest: encrypted with a key derived from SECRET_KEY (Fernet, HKDF-SHA256).

A database dump or backup holds only ciphertext. Changing SECRET_KEY makes the stored token
unreadable: the settings page then asks the Admin to enter it again.
"""

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class TokenTidakTerbaca(Exception):
    """The stored token was encrypted under another SECRET_KEY."""


def _fernet():
    kunci = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"pst-frontoffice gateway token").derive(
        settings.SECRET_KEY.encode()
    )
    return Fernet(base64.urlsafe_b64encode(kunci))


def enkripsi(token):
    return _fernet().encrypt(token.encode()).decode()


def dekripsi(teks):
    try:
        return _fernet().decrypt(teks.encode()).decode()
    except InvalidToken as e:
        raise TokenTidakTerbaca("Token gateway tidak dapat dibaca (SECRET_KEY berubah); isi ulang token.") from e
