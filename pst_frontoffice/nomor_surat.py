"""Reply-letter number formats: filling one, and checking the one an Admin types in the settings."""

import re

from django.core.exceptions import ValidationError

FORMAT_NOMOR_SURAT_BAWAAN = "B-{urut:03}/{kode_unit}/{klasifikasi}/{bulan:02}/{tahun}"

# {name} or {name:0N} (zero-padded to N digits), nothing else: no attribute access, no other format spec.
_BAGIAN_NOMOR = re.compile(r"\{([a-z_]+)(?::0([1-9]))?\}|[{}]")


def isi_format_nomor(format_, **data):
    """Fill a letter-number format; ValueError for anything in braces but the known placeholders."""
    def ganti(m):
        nama, lebar = m.group(1), m.group(2)
        if nama not in data:
            raise ValueError(f"bagian {m.group(0)} tidak dikenal")
        return str(data[nama]).zfill(int(lebar)) if lebar else str(data[nama])

    return _BAGIAN_NOMOR.sub(ganti, format_)


def validasi_format_nomor(nilai):
    """A letter-number format must carry the sequence and the year, and only known placeholders."""
    if "{urut" not in nilai or "{tahun" not in nilai:
        raise ValidationError("Format nomor surat wajib memuat {urut} dan {tahun}.")
    try:
        contoh = isi_format_nomor(nilai, urut=7, kode_unit="63100", klasifikasi="HM.310", bulan=11, tahun=2026)
    except ValueError as e:
        raise ValidationError(
            "Format nomor surat tidak dapat dipakai (%(galat)s). Tersedia: {urut} {kode_unit} {klasifikasi} "
            "{bulan} {tahun}, mis. {urut:03} dan {bulan:02}.", params={"galat": e},
        ) from e
    if len(contoh) > 80:
        raise ValidationError("Nomor surat dari format ini terlalu panjang (lebih dari 80 karakter).")
