"""Text rules every app shares: how an account's e-mail address is read."""

import unicodedata


def normalisasi_email(nilai):
    """An account's e-mail address the one way it is stored, looked up and locked out.

    NFKC first (a full-width or long-s letter is the letter itself), then lower case. Lookups
    compare this form exactly, never with the database's case-insensitive match: PostgreSQL's
    UPPER() also folds the dotless ı to I, which no other part of the login does.
    """
    teks = unicodedata.normalize("NFKC", (nilai or "").strip())
    return unicodedata.normalize("NFKC", teks.lower())
