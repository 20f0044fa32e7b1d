"""Uploaded files: checked by parsing their content (not their name or first bytes) and stored
under random names.

A PDF must open as a PDF with at least one page; a DOCX must be a ZIP whose `word/document.xml` is
well-formed WordprocessingML. Both refuse what a browser could take for a web page (a `%PDF-`
header followed by HTML), and a DOCX is refused before unpacking when its declared content is
larger than `BATAS_ISI_DOCX` (a "zip bomb": a few KB that unpack to gigabytes).
"""

import uuid
import xml.etree.ElementTree as ET
import zipfile

from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

BATAS_UKURAN = 10 * 1024 * 1024  # 10 MB
# Unpacked size of every part of a DOCX together; a 100-page letter with photos is well below.
BATAS_ISI_DOCX = 50 * 1024 * 1024
BATAS_BAGIAN_DOCX = 2000
# The beginning a browser reads to guess a type ("MIME sniffing"): no HTML may appear there.
AWAL_DIENDUS = 1024
TANDA_HTML = (b"<html", b"<!doctype", b"<script", b"<body", b"<head", b"<svg", b"<iframe")
W_DOCUMENT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}document"

NAMA_JENIS = {"pdf": "PDF", "docx": "DOCX"}


def menerima_unggahan(view):
    """Marks a view that takes an uploaded file: its requests may carry BATAS_KIRIMAN_UNGGAHAN_BAIT
    (BatasKirimanMiddleware); every other page refuses a body larger than its form fields."""
    view.menerima_unggahan = True
    return view


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


def _mirip_html(berkas):
    berkas.seek(0)
    awal = berkas.read(AWAL_DIENDUS).lower()
    return any(tanda in awal for tanda in TANDA_HTML)


def pdf_sah(berkas):
    """The file parses as a PDF with at least one page, and does not start like a web page."""
    if _mirip_html(berkas):
        return False
    berkas.seek(0)
    try:
        return len(PdfReader(berkas, strict=False).pages) > 0
    except Exception:  # noqa: BLE001 (pypdf raises many kinds of error on a damaged file)
        return False


# What zipfile raises for a damaged or foreign archive (an unsupported compression method is a
# NotImplementedError, an encrypted part a RuntimeError).
GALAT_ZIP = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, ValueError, RuntimeError,
             NotImplementedError)


def zip_wajar(berkas, *, batas_isi=BATAS_ISI_DOCX, batas_bagian=BATAS_BAGIAN_DOCX):
    """A ZIP (DOCX, XLSX) whose declared content stays within the caps, checked before unpacking.
    Reading a part never yields more than its declared size, so the declared sizes are the bound."""
    berkas.seek(0)
    try:
        with zipfile.ZipFile(berkas) as z:
            bagian = z.infolist()
    except GALAT_ZIP:
        return False
    finally:
        berkas.seek(0)
    return len(bagian) <= batas_bagian and sum(b.file_size for b in bagian) <= batas_isi


def docx_sah(berkas):
    """The ZIP holds a well-formed `word/document.xml` and unpacks to at most BATAS_ISI_DOCX."""
    if not zip_wajar(berkas):
        return False
    try:
        with zipfile.ZipFile(berkas) as z:
            bagian = z.infolist()
            if not {"word/document.xml", "[Content_Types].xml"} <= {b.filename for b in bagian}:
                return False
            # A part whose real size exceeds the declared one fails its CRC check: reading is bounded.
            with z.open("word/document.xml") as f:
                isi = f.read(BATAS_ISI_DOCX + 1)
        if len(isi) > BATAS_ISI_DOCX:
            return False
        # ElementTree resolves no external entity; expat refuses entity expansion bombs.
        return ET.fromstring(isi).tag == W_DOCUMENT
    except (*GALAT_ZIP, ET.ParseError):
        return False


PEMERIKSA = {"pdf": pdf_sah, "docx": docx_sah}


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
    posisi = berkas.tell()
    try:
        sah = jenis in izinkan and PEMERIKSA[jenis](berkas)
    finally:
        berkas.seek(posisi)
    if not sah:
        daftar = " atau ".join(NAMA_JENIS[j] for j in izinkan)
        raise ValidationError(
            f"Isi berkas bukan {daftar} yang sah (nama berkas saja tidak cukup); unggah berkas {daftar} asli."
        )
    return jenis


def validasi_docx(berkas):
    """Model-field validator for .docx files."""
    periksa_berkas(berkas, izinkan=("docx",))


def nama_acak(folder, ekstensi):
    """'folder/2026/<uuid>.ext': the visitor's file name never reaches the disk."""
    return f"{folder}/{timezone.localdate():%Y}/{uuid.uuid4().hex}.{ekstensi}"


def jalur_template_surat(instance, filename):
    return nama_acak("template-surat", "docx")
