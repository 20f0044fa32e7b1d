"""Text rules every app shares: how an account's e-mail address is read, single-line fields."""

import re
import unicodedata

from django.core.exceptions import ValidationError

# Every character str.splitlines() breaks on: CR, LF, and the rarer ones a mail header or a
# spreadsheet may also take as a new line.
PATAHAN_BARIS = re.compile(r"[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def normalisasi_email(nilai):
    """An account's e-mail address the one way it is stored, looked up and locked out.

    NFKC first (a full-width or long-s letter is the letter itself), then lower case. Lookups
    compare this form exactly, never with the database's case-insensitive match: PostgreSQL's
    UPPER() also folds the dotless ı to I, which no other part of the login does.
    """
    teks = unicodedata.normalize("NFKC", (nilai or "").strip())
    return unicodedata.normalize("NFKC", teks.lower())


def satu_baris(nilai):
    """Validator of a single-line field (a name that goes into an e-mail header, a letter's line)."""
    if isinstance(nilai, str) and PATAHAN_BARIS.search(nilai):
        raise ValidationError("Isian ini harus satu baris: hapus baris baru di dalamnya.", code="satu_baris")


# The Unicode bidi controls (Unicode Standard Annex #9): embeddings, overrides, isolates and marks.
KENDALI_ARAH = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TANPA_KENDALI_ARAH = str.maketrans("", "", KENDALI_ARAH)


def buang_kendali_arah(nilai):
    """Text without bidi control characters, so "gnp.exe" after an override cannot display as "exe.png"."""
    return nilai.translate(_TANPA_KENDALI_ARAH) if isinstance(nilai, str) else nilai
