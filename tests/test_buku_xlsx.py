"""The streaming .xlsx writer (pst_frontoffice.buku_xlsx) gives a workbook that spreadsheet readers
open with the right values, types, formats and styles."""

import datetime
import decimal
import io
import zipfile

import pytest
from openpyxl import load_workbook

from pst_frontoffice.buku_xlsx import BATAS_TEKS, BukuXlsx, huruf_kolom


def _buka(tulis):
    keluaran = io.BytesIO()
    with BukuXlsx(keluaran) as buku:
        tulis(buku)
    return keluaran.getvalue()


def test_values_keep_their_type_and_format():
    baris = [7, 2.5, decimal.Decimal("81.25"), True, datetime.date(2026, 11, 22),
             datetime.datetime(2026, 11, 22, 14, 5, 30), datetime.time(8, 15), None, "", "Siti & <Budi>"]

    def tulis(buku):
        with buku.lembar("Data") as ws:
            ws.baris(baris)

    ws = load_workbook(io.BytesIO(_buka(tulis)))["Data"]
    sel = list(ws.iter_rows())[0]
    assert [c.value for c in sel[:7]] == [7, 2.5, 81.25, True, datetime.datetime(2026, 11, 22),
                                          datetime.datetime(2026, 11, 22, 14, 5, 30), datetime.time(8, 15)]
    assert [c.number_format for c in sel[4:7]] == ["DD/MM/YYYY", "DD/MM/YYYY HH:MM", "HH:MM"]
    assert sel[7].value is None and sel[8].value is None
    assert (sel[9].value, sel[9].data_type) == ("Siti & <Budi>", "s")


def test_text_that_looks_like_a_formula_is_text_with_the_quote_prefix():
    def tulis(buku):
        with buku.lembar("Data") as ws:
            ws.baris(["=HYPERLINK(\"http://x\")", "+62 812", "-1+1", "@SUM(A1)", "Bappeda"])

    sel = list(load_workbook(io.BytesIO(_buka(tulis))).active.iter_rows())[0]
    for c in sel[:4]:
        assert c.data_type == "s" and c.quotePrefix, c.value
    assert sel[0].value == "=HYPERLINK(\"http://x\")" and not sel[4].quotePrefix
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(_buka(tulis))).read("xl/worksheets/sheet1.xml")


def test_text_loses_what_xml_cannot_hold_and_keeps_its_spaces():
    def tulis(buku):
        with buku.lembar("Data") as ws:
            ws.baris(["ab\x01c\x1f", "  diawali spasi", "x" * (BATAS_TEKS + 10)])

    sel = list(load_workbook(io.BytesIO(_buka(tulis))).active.iter_rows(values_only=True))[0]
    assert sel[0] == "abc" and sel[1] == "  diawali spasi" and len(sel[2]) == BATAS_TEKS


def test_header_style_widths_and_frozen_rows():
    def tulis(buku):
        with buku.lembar("Ringkasan", lebar=[34, 90], beku_baris=3) as ws:
            ws.baris(["Judul"])
            ws.baris([""])
            ws.baris(["Ukuran", "Nilai"], judul=True)

    ws = load_workbook(io.BytesIO(_buka(tulis)))["Ringkasan"]
    assert ws.freeze_panes == "A4"
    assert (ws.column_dimensions["A"].width, ws.column_dimensions["B"].width) == (34, 90)
    kepala = ws["A3"]
    assert kepala.font.b and kepala.font.color.rgb == "FFFFFFFF" and kepala.fill.fgColor.rgb == "FF0B4F8A"
    assert kepala.alignment.wrap_text and not ws["A1"].font.b


def test_sheet_names_are_made_valid_and_unique():
    def tulis(buku):
        for judul in ("Profil Pendidikan/Pekerjaan Responden Lengkap", "Profil Pendidikan/Pekerjaan Responden Lengkap",
                      "SKD", "skd"):
            with buku.lembar(judul) as ws:
                ws.baris([judul])

    nama = load_workbook(io.BytesIO(_buka(tulis))).sheetnames
    assert len(nama) == len({n.casefold() for n in nama}) == 4
    assert all(len(n) <= 31 and "/" not in n for n in nama)
    assert nama[2:] == ["SKD", "skd (2)"]


def test_many_rows_stream_through_and_all_come_back():
    def tulis(buku):
        with buku.lembar("Data", beku_baris=1) as ws:
            ws.baris(["No.", "Nama"], judul=True)
            for i in range(2_500):
                ws.baris([i, f"Pengunjung {i}"])

    baris = list(load_workbook(io.BytesIO(_buka(tulis)), read_only=True)["Data"].iter_rows(values_only=True))
    assert len(baris) == 2_501 and baris[-1] == (2_499, "Pengunjung 2499")


def test_an_aware_time_is_refused():
    keluaran = io.BytesIO()
    buku = BukuXlsx(keluaran)
    with pytest.raises(ValueError, match="tanpa zona"), buku.lembar("Data") as ws:
        ws.baris([datetime.datetime(2026, 11, 22, tzinfo=datetime.UTC)])


def test_column_letters():
    assert [huruf_kolom(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_decimals_keep_their_places_and_bold_text_is_bold():
    def tulis(buku):
        with buku.lembar("Kepuasan") as ws:
            ws.baris(["Kepuasan (IKM) — Minggu ini"], tebal=True)
            ws.baris([decimal.Decimal("88.38"), decimal.Decimal("3.545"), decimal.Decimal("0.3939"),
                      decimal.Decimal("66.7"), decimal.Decimal("12"), decimal.Decimal("1.234567")])

    ws = load_workbook(io.BytesIO(_buka(tulis)))["Kepuasan"]
    assert ws["A1"].font.b and ws["A1"].fill.fill_type is None  # bold, not the header style
    angka = list(ws.iter_rows(min_row=2))[0]
    assert [c.number_format for c in angka] == ["0.00", "0.000", "0.0000", "0.0", "0", "General"]
    assert angka[0].value == pytest.approx(88.38) and angka[5].value == pytest.approx(1.234567)


def test_sheets_print_on_a4_one_page_wide_with_their_header_row_on_every_page():
    def tulis(buku):
        with buku.lembar("Per Sarana", lebar=[34, 14], cetak_a4=True, baris_judul_cetak=3) as ws:
            ws.baris(["Per Sarana"])
        with buku.lembar("Data Layanan", lebar=[20] * 8, beku_baris=1, cetak_a4=True, baris_judul_cetak=1) as ws:
            ws.baris(["No."], judul=True)
        with buku.lembar("Tanpa cetak") as ws:
            ws.baris(["x"])
        with buku.lembar("Kantor 'Utama'", lebar=[10], cetak_a4=True, baris_judul_cetak=2) as ws:
            ws.baris(["y"])

    wb = load_workbook(io.BytesIO(_buka(tulis)))
    for nama, orientasi, judul in (("Per Sarana", "portrait", "$3:$3"), ("Data Layanan", "landscape", "$1:$1"),
                                   ("Kantor 'Utama'", "portrait", "$2:$2")):
        ws = wb[nama]
        ps = ws.page_setup
        assert ws.sheet_properties.pageSetUpPr.fitToPage and (ps.fitToWidth, ps.fitToHeight, str(ps.paperSize)) == (1, 0, "9")
        assert (ps.orientation, ws.print_title_rows) == (orientasi, judul), nama
    assert wb["Data Layanan"].freeze_panes == "A2"
    assert wb["Tanpa cetak"].print_title_rows is None
