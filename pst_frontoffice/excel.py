"""The one small .xlsx writer for list exports (letter register, roster, attendance recap).

Reports stream big workbooks in write-only mode (`laporan.ekspor`); these lists are small.
"""

import datetime
import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter


def teks_aman(sel):
    """A value typed by a person such as "=HYPERLINK(…)" stays text, never a formula."""
    if sel.data_type == "f":
        sel.data_type = "s"
    return sel


def buku_excel(judul, kolom, baris):
    """An .xlsx file (bytes): bold frozen header, real dates, widths that fit the content."""
    wb = Workbook()
    ws = wb.active
    ws.title = judul[:31]
    ws.append(list(kolom))
    for sel in ws[1]:
        sel.font = Font(bold=True)
    lebar = [len(str(k)) for k in kolom]
    for b in baris:
        ws.append(list(b))
        for sel in ws[ws.max_row]:
            teks_aman(sel)
            if isinstance(sel.value, datetime.datetime):
                sel.number_format = "DD/MM/YYYY HH:MM"
            elif isinstance(sel.value, datetime.date):
                sel.number_format = "DD/MM/YYYY"
        lebar = [max(w, len(str(v if v is not None else ""))) for w, v in zip(lebar, b)]
    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(w + 2, 10), 60)
    ws.freeze_panes = "A2"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
