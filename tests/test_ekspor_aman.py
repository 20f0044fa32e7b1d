"""Every export is formula-safe: text starting with = + - @, a tab or a CR is never a formula.

xlsx keeps such text as text with Excel's quote prefix (shown as typed); CSV and Word cells get a
leading apostrophe. Numbers stay numbers, dates stay dates.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from pst_frontoffice.excel import PenulisCsv, buku_excel, teks_sel

RUMUS = ['=HYPERLINK("http://contoh.invalid","klik")', "@SUM(A1:A9)", "+1+1", "-2+3", "\t=1+1", "\r=1+1"]


def test_shared_list_writer_keeps_every_formula_like_text_as_text():
    isi = buku_excel("Uji", ["Isian", "Angka"], [[teks, -5] for teks in RUMUS] + [["+62 812-3456-7890", 3.5]])

    ws = load_workbook(io.BytesIO(isi)).active
    for i, teks in enumerate(RUMUS, start=2):
        sel = ws.cell(i, 1)
        assert (sel.value, sel.data_type, sel.quotePrefix) == (teks, "s", True)
        assert (ws.cell(i, 2).value, ws.cell(i, 2).data_type) == (-5, "n")
    assert ws["A8"].value == "+62 812-3456-7890"  # a phone number reads as typed
    assert (ws["B8"].value, ws["B8"].data_type) == (3.5, "n")
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_shared_list_writer_leaves_ordinary_text_alone_and_drops_control_characters():
    ws = load_workbook(io.BytesIO(buku_excel("Uji", ["Isian"], [["Bappeda"], ["ab\x01c"]]))).active

    assert (ws["A2"].value, ws["A2"].quotePrefix) == ("Bappeda", False)
    assert ws["A3"].value == "abc"


def test_csv_writer_prefixes_formula_like_text_with_an_apostrophe():
    keluaran = io.StringIO()

    PenulisCsv(keluaran).writerows([[*RUMUS, 42, -7, "Biasa"]])

    baris = next(csv.reader(io.StringIO(keluaran.getvalue())))
    # A tab or CR in front also separates: the formula after it gets its own apostrophe.
    assert baris[:6] == ["'" + t for t in RUMUS[:4]] + ["'\t'=1+1", "'\r'=1+1"]
    assert baris[6:] == ["42", "-7", "Biasa"]


def test_cell_text_helper_keeps_numbers_and_plain_text():
    assert teks_sel(-3) == -3
    assert teks_sel("Rina") == "Rina"
    assert teks_sel("=1") == "'=1"


@pytest.mark.django_db
def test_report_xlsx_keeps_a_visitors_formula_as_text(masuk, pimpinan, buat_layanan, unduh_lewat_worker):
    buat_layanan(nama="@SUM(1+1)*cmd|' /C calc'!A0", instansi="+62 811", keperluan="-1+1")

    xlsx = unduh_lewat_worker(masuk(pimpinan), "laporan_xlsx", {"periode": "hari"})

    baris = list(load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))["Data Layanan"].iter_rows(min_row=2))[0]
    for sel in (baris[3], baris[4], baris[10]):
        assert sel.data_type == "s" and sel.quotePrefix
    assert baris[4].value == "+62 811"
    assert isinstance(baris[0].value, int) and baris[0].data_type == "n"


@pytest.mark.django_db
def test_silastik_csv_prefixes_formula_cells(masuk, pimpinan, buat_layanan, unduh_lewat_worker):
    buat_layanan(nama='=HYPERLINK("http://contoh.invalid","klik")', instansi="@SUM(A1)")

    berkas = unduh_lewat_worker(masuk(pimpinan), "silastik_csv", {"periode": "hari"})

    baris = list(csv.reader(io.StringIO(b"".join(berkas.streaming_content).decode("utf-8-sig"))))[1]
    assert baris[1] == '\'=HYPERLINK("http://contoh.invalid","klik")'
    assert baris[2] == "'@SUM(A1)"
    assert baris[0][0].isdigit()  # the date column is untouched


@pytest.mark.django_db
def test_report_docx_tables_prefix_formula_cells(masuk, pimpinan, petugas, buat_layanan):
    petugas.nama = "=1+2"
    petugas.save()
    buat_layanan(oleh=petugas)

    docx = masuk(pimpinan).get(reverse("laporan:unduh_docx"), {"periode": "hari"})

    doc = Document(io.BytesIO(b"".join(docx.streaming_content)))
    sel = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "'=1+2" in sel and "=1+2" not in sel


@pytest.mark.django_db
def test_letter_register_xlsx_keeps_formula_text_as_text(masuk, petugas, buat_layanan, kantor):
    from layanan.surat import beri_nomor_surat

    layanan = buat_layanan("permintaan-data", oleh=petugas, instansi="=HYPERLINK(\"x\")")
    beri_nomor_surat(layanan=layanan, oleh=petugas, klasifikasi="VS.320", tujuan="-Kepala", perihal="@Data")

    isi = masuk(petugas).get(reverse("layanan:register_surat_excel"))

    ws = load_workbook(io.BytesIO(b"".join(isi.streaming_content))).active
    baris = [c for c in ws[2]]
    teks = {c.value: c for c in baris}
    assert teks["-Kepala"].quotePrefix and teks["@Data"].quotePrefix and teks["=HYPERLINK(\"x\")"].data_type == "s"
    assert baris[0].data_type == "n" and isinstance(baris[2].value, datetime.datetime)


# Text that splits into a formula once a spreadsheet cuts the line on a character the writer did
# not quote for: our CSV is comma-separated, but Excel and LibreOffice in an Indonesian locale
# open a CSV with ";" (the decimal separator is the comma).
SISIPAN = [
    "Ani;=2+5", "Ani,=2+5", "Budi;+1+1", "Citra; =1+1", 'Dewi;"=3+3', "Eka\n=4+4", "Eka\r\n=4+4",
    "Fajar;@SUM(1)", "Gita;-2+3", "Hana\t=6+6", "Ina;\t=7+7", 'Joko","=8+8', "=5+5",
    " =9+9", '"=1+2', "Kiki;  =1",
]


@pytest.mark.parametrize("pemisah", [",", ";", "\t"])
def test_csv_has_no_formula_cell_whichever_separator_opens_it(pemisah):
    keluaran = io.StringIO()

    penulis = PenulisCsv(keluaran)
    for teks in SISIPAN:
        penulis.writerow([teks, "x", -7])

    sel = [s for baris in csv.reader(io.StringIO(keluaran.getvalue()), delimiter=pemisah) for s in baris]
    # A line break inside a quoted value is a new row for a reader whose quotes fell elsewhere.
    sel += [s for baris in keluaran.getvalue().splitlines() for s in baris.split(pemisah)]
    # Spaces and quotes are what an import may trim ("Remove spaces") or unquote.
    rumus = [s for s in sel if s.lstrip(' "\t').startswith(("=", "+", "-", "@")) and s.strip('"\r') != "-7"]
    assert rumus == []
    assert {baris[2] for baris in csv.reader(io.StringIO(keluaran.getvalue()))} == {"-7"}  # numbers stay numbers


def test_csv_keeps_ordinary_punctuation_readable():
    keluaran = io.StringIO()

    PenulisCsv(keluaran).writerow(["Bappeda, Bidang Statistik; lantai 2", "Jl. A - B"])

    assert next(csv.reader(io.StringIO(keluaran.getvalue()))) == ["Bappeda, Bidang Statistik; lantai 2", "Jl. A - B"]
