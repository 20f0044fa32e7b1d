"""Saving an uploaded file safely, for every app that takes uploads (reply letters, attachments).

    from pst_frontoffice.berkas import UnggahanGagal, simpan_unggahan
    try:
        nama = simpan_unggahan(form.cleaned_data["berkas"], folder="surat/2026")
    except UnggahanGagal as e:
        form.add_error("berkas", e)      # clear Indonesian message; the rest of the form is kept

A disk that fills up half-way leaves no partial file behind: the name is unique by construction,
so the helper can remove exactly what it started to write.
"""

import errno
import secrets
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils.text import get_valid_filename

from .teks import buang_kendali_arah

PESAN_PENUH = (
    "Berkas belum tersimpan karena ruang penyimpanan server penuh. Isian lain tidak hilang; "
    "hubungi administrator, lalu unggah lagi."
)
PESAN_GAGAL = "Berkas belum tersimpan karena gangguan penyimpanan di server. Coba unggah lagi sebentar lagi."


class UnggahanGagal(ValidationError):
    """The file could not be stored; the message is ready for the user."""


def nama_unik(folder, nama_asli):
    """folder/<random>-<safe original name>: never clashes with another upload."""
    asli = PurePosixPath(buang_kendali_arah(nama_asli) or "berkas").name
    aman = get_valid_filename(asli)[-80:] or "berkas"
    return str(PurePosixPath(folder) / f"{secrets.token_hex(6)}-{aman}")


def simpan_unggahan(berkas, *, folder=None, nama=None, storage=None):
    """Store the upload (under `folder`, or as the given unique `nama`) and return its storage name.

    Raises UnggahanGagal on a storage error, leaving no partial file behind.
    """
    storage = storage or default_storage
    nama = nama or nama_unik(folder, getattr(berkas, "name", ""))
    try:
        return storage.save(nama, berkas)
    except OSError as e:
        _hapus_sisa(storage, nama)
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise UnggahanGagal(PESAN_PENUH, code="penyimpanan_penuh") from e
        raise UnggahanGagal(PESAN_GAGAL, code="penyimpanan_gagal") from e


def _hapus_sisa(storage, nama):
    try:
        if storage.exists(nama):
            storage.delete(nama)
    except OSError:
        # The disk may still refuse; the unique name keeps the leftover harmless.
        pass
