"""Uploaded files: checked by their content (not their name) and stored under random names."""

import uuid
import zipfile

from django.core.exceptions import ValidationError
from django.utils import timezone

BATAS_UKURAN = 10 * 1024 * 1024  # 10 MB

NAMA_JENIS = {"pdf": "PDF", "docx": "DOCX"}


def jenis_berkas(berkas):
    """'pdf' or 'docx' from the first bytes / the ZIP directory of the file, else None."""
    posisi = berkas.tell() if hasattr(berkas, "tell") else 0
    try:
        berkas.seek(0)
        awal = berkas.read(5)
        berkas.seek(0)
        if awal == b"%PDF-":
            return "pdf"
        if awal[:4] == b"PK\x03\x04":
            try:
                with zipfile.ZipFile(berkas) as z:
                    if "word/document.xml" in z.namelist():
                        return "docx"
            except (zipfile.BadZipFile, OSError, EOFError):
                return None
        return None
    finally:
        berkas.seek(posisi)


def periksa_berkas(berkas, *, izinkan=("pdf", "docx"), batas=BATAS_UKURAN):
    """Return the content type of an upload, or raise ValidationError with a clear message."""
    if berkas is None:
        raise ValidationError("Pilih berkas yang akan diunggah.")
    if berkas.size > batas:
        raise ValidationError(
            f"Berkas terlalu besar ({berkas.size / 1024 / 1024:.1f} MB); batasnya {batas // 1024 // 1024} MB."
        )
    if berkas.size == 0:
        raise ValidationError("Berkas kosong; pilih berkas lain.")
    jenis = jenis_berkas(berkas)
    if jenis not in izinkan:
        daftar = " atau ".join(NAMA_JENIS[j] for j in izinkan)
        raise ValidationError(
            f"Isi berkas bukan {daftar} yang sah (nama berkas saja tidak cukup); unggah berkas {daftar} asli."
        )
    return jenis


def validasi_docx(berkas):
    """Model-field validator for .docx templates."""
    periksa_berkas(berkas, izinkan=("docx",))


def nama_acak(folder, ekstensi):
    """'folder/2026/<uuid>.ext': the visitor's file name never reaches the disk."""
    return f"{folder}/{timezone.localdate():%Y}/{uuid.uuid4().hex}.{ekstensi}"


def jalur_template_surat(instance, filename):
    return nama_acak("template-surat", "docx")
