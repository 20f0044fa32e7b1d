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


# The placeholders each Admin-editable template may use (shown in the settings form's help text).
ISIAN_WA_GRUP = ("nama", "instansi", "jenis", "keperluan", "petugas", "tautan", "nomor")
ISIAN_WA_PENGUNJUNG = ("nama", "kantor", "status", "keterangan", "nomor_surat", "jenis", "nomor")

# "{{" and "}}" are literal braces; "{…}" is a placeholder. Only a plain name is ever filled:
# Python's str.format would also follow "{nama.__class__}" (attribute access), "{nama[0]}" (index)
# and "{nama:>3000}" (format specs), so templates are never passed to it.
_POLA = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_NAMA = re.compile(r"[a-z_]+")


def _periksa_template(template, tersedia):
    daftar = " ".join("{" + n + "}" for n in tersedia)
    sisa = _POLA.sub("", template)
    if "{" in sisa or "}" in sisa:
        raise ValidationError(
            "Kurung kurawal harus berpasangan, mis. {nama}; tulis {{ atau }} untuk kurung kurawal biasa.",
            code="kurung",
        )
    salah = []
    for m in _POLA.finditer(template):
        isian = m.group(1)
        if isian is not None and (not _NAMA.fullmatch(isian) or isian not in tersedia):
            salah.append("{" + isian + "}")
    if salah:
        raise ValidationError(
            "Isian tidak dikenal: %(salah)s. Tersedia: %(daftar)s (tanpa titik, kurung siku atau titik dua).",
            code="isian_tidak_dikenal", params={"salah": ", ".join(dict.fromkeys(salah)), "daftar": daftar},
        )


def validasi_template_wa_grup(nilai):
    """Settings-form validator: only the documented placeholders of the group message."""
    _periksa_template(nilai, ISIAN_WA_GRUP)


def validasi_template_wa_pengunjung(nilai):
    """Settings-form validator: only the documented placeholders of the visitor message."""
    _periksa_template(nilai, ISIAN_WA_PENGUNJUNG)


def pesan_wa(template, *, cadangan=None, **data):
    """Fill a message template's {placeholders} from `data`; never raises.

    Only `{name}` with a name in `data` is filled; anything else (an unknown name, an attribute,
    an index, a format spec, a lone brace) stays as written. An empty template (an Admin cleared
    the setting) uses `cadangan`, the built-in wording, so the desk never stops.
    """
    if not (template or "").strip() and cadangan is not None:
        template = cadangan

    def ganti(m):
        if m.group(1) is None:
            return m.group(0)[0]
        return str(data[m.group(1)]) if m.group(1) in data else m.group(0)

    return _POLA.sub(ganti, template or "")


def tautan_wa(teks, nomor=""):
    """A wa.me link; without a number WhatsApp lets the officer pick the chat (e.g. a group)."""
    return f"https://wa.me/{nomor}?text={quote(teks, safe='')}"


def format_no_hp(nomor):
    """62812345678 → 0812-345-678 style, for reading on screen."""
    if not nomor:
        return ""
    lokal = "0" + nomor[2:] if nomor.startswith("62") else nomor
    return "-".join([lokal[:4], lokal[4:8], lokal[8:]]).strip("-")
