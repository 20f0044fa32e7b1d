"""WhatsApp messages, click-to-chat links and Indonesian phone numbers.

Numbers are kept as 62… (no +, no leading 0), the form wa.me links need. Every message the app
prepares for WhatsApp is built by `pesan_wa` from a template with {placeholders}.
"""

import re
from urllib.parse import quote

from django.core.exceptions import ValidationError


def normalisasi_no_hp(nilai):
    """Return the number in international form without '+' (0812… → 62812…), or '' when empty.

    Raises ValidationError for something that cannot be an Indonesian phone number.
    """
    nilai = (nilai or "").strip()
    if not nilai:
        return ""
    if re.search(r"[^\d\s+().\-/]", nilai):
        raise ValidationError("No. HP hanya boleh berisi angka, spasi, tanda +, - atau kurung.")
    angka = re.sub(r"\D", "", nilai)
    if angka.startswith("0"):
        angka = "62" + angka.lstrip("0")
    elif angka.startswith("8"):
        angka = "62" + angka
    if not angka.startswith("62"):
        raise ValidationError("No. HP harus nomor Indonesia, diawali 0, 8, 62 atau +62.")
    if not 9 <= len(angka) <= 15:
        raise ValidationError("Panjang No. HP tidak wajar; periksa kembali angkanya.")
    return angka


class _TempatKosongAman(dict):
    """Leaves an unknown {placeholder} as it is instead of failing on an Admin's typo."""

    def __missing__(self, key):
        return "{" + key + "}"


def pesan_wa(template, *, cadangan=None, **data):
    """Fill a message template's {placeholders} from `data`.

    An unknown placeholder is left as written. A template that cannot be filled at all (an
    Admin's broken edit) falls back to `cadangan`, the built-in wording, so the desk never stops.
    """
    isian = _TempatKosongAman(data)
    try:
        return template.format_map(isian)
    except (ValueError, IndexError, AttributeError, KeyError):
        if cadangan is None:
            raise
        return cadangan.format_map(isian)


def tautan_wa(teks, nomor=""):
    """A wa.me link; without a number WhatsApp lets the officer pick the chat (e.g. a group)."""
    return f"https://wa.me/{nomor}?text={quote(teks, safe='')}"


def format_no_hp(nomor):
    """62812345678 → 0812-345-678 style, for reading on screen."""
    if not nomor:
        return ""
    lokal = "0" + nomor[2:] if nomor.startswith("62") else nomor
    return "-".join([lokal[:4], lokal[4:8], lokal[8:]]).strip("-")
