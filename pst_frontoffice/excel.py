"""Writers every export goes through: the small .xlsx writer for lists, a CSV writer, and the
value checks they share (also for Word tables) so no exported cell is read as a formula.

Reports stream big workbooks through `pst_frontoffice.buku_xlsx` (made by the worker, `unduhan`),
which applies the same checks; these lists are small.

Text typed by a person that starts with = + - @, a tab or a carriage return is what a
spreadsheet reads as a formula (the OWASP "CSV injection" list). In .xlsx such text is stored as
text with Excel's quote prefix: Excel and LibreOffice show it as typed ("+62 812…" stays
readable) and never evaluate it, even after the cell is edited. CSV and Word have no cell types,
so there the text gets a leading apostrophe, the mark spreadsheets themselves use for "this is
text". Numbers, dates and times are never touched.

A CSV is also opened with another separator than it was written with: Excel and LibreOffice in an
Indonesian locale split on ";" (the comma is the decimal separator), and "Ani;=2+5", written
unquoted in a comma file, then gives a cell "=2+5". So in a CSV every piece of text that could
start a cell under any split (after , ; a tab or a line break, past spaces and quotes, which an
import may trim) gets the apostrophe too.
"""

import csv
import datetime
import io
import re

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
# The start or a separator or line break, then what a spreadsheet trims or unquotes ("Remove
# spaces" on import), then a formula's first character.
_RUMUS_SETELAH_PEMISAH = re.compile(r'((?:^|[,;\t\r\n])[\s"]*)(?=[=+\-@])')


def seperti_rumus(nilai):
    """True for text a spreadsheet would read as a formula."""
    return isinstance(nilai, str) and nilai.startswith(AWALAN_RUMUS)


def nilai_bersih(nilai):
    """Text without the control characters an .xlsx or .docx (XML) cannot hold; others unchanged."""
    return ILLEGAL_CHARACTERS_RE.sub("", nilai) if isinstance(nilai, str) else nilai


def teks_sel(nilai):
    """A value for a CSV or Word cell: formula-like text gets a leading apostrophe."""
    nilai = nilai_bersih(nilai)
    return "'" + nilai if seperti_rumus(nilai) else nilai


def teks_aman(sel):
    """An .xlsx cell holding formula-like text keeps it as text (quote prefix), never a formula."""
    if sel.data_type == "f" or seperti_rumus(sel.value):
        sel.data_type = "s"
        sel.quotePrefix = True
    return sel


def teks_csv(nilai):
    """A value for a CSV cell: `teks_sel`, and no formula after a separator inside the text either."""
    nilai = teks_sel(nilai)
    return _RUMUS_SETELAH_PEMISAH.sub(r"\1'", nilai) if isinstance(nilai, str) else nilai


class PenulisCsv:
    """csv.writer whose every cell goes through `teks_csv`: the one way the app writes CSV."""

    def __init__(self, tujuan, **opsi):
        self._penulis = csv.writer(tujuan, **opsi)

    def writerow(self, baris):
        return self._penulis.writerow([teks_csv(v) for v in baris])

    def writerows(self, daftar):
        for baris in daftar:
            self.writerow(baris)


# About as many characters of column width as an A4 portrait page prints at 100 %; wider sheets
# are printed landscape. Either way a sheet is scaled to one page wide (its rows run on).
LEBAR_A4_POTRET = 95
KERTAS_A4 = "9"  # paperSize code of A4 in the OOXML page setup


def orientasi_a4(lebar_kolom):
    """How a sheet with these column widths prints on A4: "landscape" when wider than portrait."""
    return "landscape" if sum(lebar_kolom) > LEBAR_A4_POTRET else "portrait"


def atur_cetak(ws, lebar_kolom, *, baris_judul=None):
    """Print the openpyxl sheet on A4, one page wide, landscape when its columns are wider than
    portrait (pst_frontoffice.buku_xlsx does the same with cetak_a4)."""
    ws.page_setup.paperSize = KERTAS_A4
    ws.page_setup.orientation = orientasi_a4(lebar_kolom)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if baris_judul:
        ws.print_title_rows = baris_judul  # the header row on every printed page


def buku_excel(judul, kolom, baris):
    """An .xlsx file (bytes): bold frozen header, real dates, widths that fit the content."""
    wb = Workbook()
    ws = wb.active
    ws.title = judul[:31]
    ws.append([nilai_bersih(k) for k in kolom])
    for sel in ws[1]:
        sel.font = Font(bold=True)
        teks_aman(sel)
    lebar = [len(str(k)) for k in kolom]
    for b in baris:
        b = [nilai_bersih(v) for v in b]
        ws.append(b)
        for sel in ws[ws.max_row]:
            teks_aman(sel)
            if isinstance(sel.value, datetime.datetime):
                sel.number_format = "DD/MM/YYYY HH:MM"
            elif isinstance(sel.value, datetime.date):
                sel.number_format = "DD/MM/YYYY"
        lebar = [max(w, len(str(v if v is not None else ""))) for w, v in zip(lebar, b)]
    lebar = [min(max(w + 2, 10), 60) for w in lebar]
    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    atur_cetak(ws, lebar, baris_judul="1:1")
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
