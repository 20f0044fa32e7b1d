"""Filling {{placeholders}} in a .docx template, and checking an uploaded template once.

The reply letter (`layanan.draf_surat`) fills the office's template through `isi_template`; the
settings form runs the same code on upload (`validasi_template_docx`), so a template that cannot be
filled is refused when the Admin saves it, not when an officer presses Buat Draf Surat.
"""

import io
import re

from django.core.exceptions import ValidationError
from docx import Document

from .excel import nilai_bersih
from .unggahan import periksa_berkas

POLA_UMUM = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def _ganti_paragraf(paragraf, data, pola):
    if not pola.search(paragraf.text):
        return
    ganti = lambda m: nilai_bersih(str(data.get(m.group(1), "")))  # noqa: E731
    # Replace inside each run first, which keeps its formatting...
    for run in paragraf.runs:
        if pola.search(run.text):
            run.text = pola.sub(ganti, run.text)
    # ...and when Word split a placeholder over several runs, join them into the first run.
    if pola.search(paragraf.text):
        teks = pola.sub(ganti, paragraf.text)
        runs = paragraf.runs
        runs[0].text = teks
        for run in runs[1:]:
            run.text = ""


def semua_paragraf(dokumen):
    """Every paragraph: body, tables (nested too), headers and footers."""

    def dari(wadah):
        yield from wadah.paragraphs
        for tabel in getattr(wadah, "tables", []):
            for baris in tabel.rows:
                for sel in baris.cells:
                    yield from dari(sel)

    yield from dari(dokumen)
    for bagian in dokumen.sections:
        for wadah in (bagian.header, bagian.footer, bagian.first_page_header, bagian.first_page_footer):
            yield from dari(wadah)


def isi_template(dokumen, data, pola=POLA_UMUM):
    """Replace each placeholder matched by `pola` with its value from `data` (missing: empty)."""
    for paragraf in semua_paragraf(dokumen):
        _ganti_paragraf(paragraf, data, pola)
    return dokumen


def simpan_docx(dokumen):
    keluaran = io.BytesIO()
    dokumen.save(keluaran)
    keluaran.seek(0)
    return keluaran


class _Contoh(dict):
    def __missing__(self, kunci):
        return f"contoh {kunci}"


def validasi_template_docx(berkas):
    """Model-field validator: the upload is a real .docx that fills and saves like a letter does."""
    periksa_berkas(berkas, izinkan=("docx",))
    posisi = berkas.tell()
    try:
        berkas.seek(0)
        simpan_docx(isi_template(Document(io.BytesIO(berkas.read())), _Contoh()))
    except Exception as e:  # noqa: BLE001 (python-docx and lxml raise many kinds on a broken file)
        raise ValidationError(
            "Template surat tidak dapat dipakai: isinya tidak dapat dibaca dan diisi sebagai surat. "
            "Simpan ulang di Word sebagai .docx, atau unduh template bawaan dan mulai dari situ.",
            code="template_rusak",
        ) from e
    finally:
        berkas.seek(posisi)
