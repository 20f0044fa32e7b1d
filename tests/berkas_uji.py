"""Small real files for upload tests: uploads are checked by parsing, so a "%PDF-" header is not enough."""

import io

from pypdf import PdfWriter


def pdf_kecil():
    """A one-page blank PDF (a few hundred bytes)."""
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    keluaran = io.BytesIO()
    w.write(keluaran)
    return keluaran.getvalue()


PDF = pdf_kecil()
