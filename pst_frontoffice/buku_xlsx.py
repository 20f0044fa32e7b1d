"""A streaming .xlsx writer for big tables: a year of services (hundreds of thousands of rows) in
seconds and in flat memory.

openpyxl's write-only mode and xlsxwriter's constant-memory mode both spend most of their time in
Python per cell (about 0.25 ms and 0.1 ms per row of 14 cells). This writer builds each row's XML
in one string and streams it into the zip: about 7 times faster than xlsxwriter, with the rows never
held in memory (docs/kinerja.md has the measurements).

    with BukuXlsx(berkas) as buku:
        with buku.lembar("Data Layanan", lebar=[8, 12], beku_baris=1) as ws:
            ws.baris(["No.", "Tanggal"], judul=True)
            for row in rows:
                ws.baris(row)

What it writes (the parts of Office Open XML, ECMA-376, that these tables need): text as inline
strings, numbers (a Decimal shown with the places it carries, up to four), booleans, dates,
date-times and times as Excel serial numbers with their format, a header style (bold white on blue,
wrapped), bold text, column widths, frozen top rows, and the print set-up of
`pst_frontoffice.excel.atur_cetak` (A4, one page wide, landscape when the columns need it, a header
row on every printed page). Text a
spreadsheet would read as a formula keeps Excel's quote prefix (`pst_frontoffice.excel`); it is
never written as a formula in any case.
"""

import datetime
import decimal
import zipfile
from xml.sax.saxutils import escape, quoteattr

from .excel import KERTAS_A4, nilai_bersih, orientasi_a4, seperti_rumus

# Style indexes into cellXfs below; ANGKA[n] shows a number with n decimal places.
BIASA, TANGGAL, TANGGAL_JAM, JAM, JUDUL, TEKS_RUMUS, TEBAL = range(7)
ANGKA = (7, 8, 9, 10, 11)
WARNA_JUDUL = "FF0B4F8A"
BATAS_TEKS = 32_767  # characters Excel keeps in one cell
_EPOCH = datetime.datetime(1899, 12, 30)
_EPOCH_HARI = _EPOCH.date().toordinal()

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_GAYA = _XML + f"""<styleSheet xmlns="{_NS}">
<numFmts count="6"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/><numFmt numFmtId="165" formatCode="DD/MM/YYYY HH:MM"/><numFmt numFmtId="166" formatCode="HH:MM"/><numFmt numFmtId="167" formatCode="0.0"/><numFmt numFmtId="168" formatCode="0.000"/><numFmt numFmtId="169" formatCode="0.0000"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="{WARNA_JUDUL}"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="12">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="168" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="169" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def huruf_kolom(indeks):
    """0 → A, 25 → Z, 26 → AA."""
    huruf = ""
    indeks += 1
    while indeks:
        indeks, sisa = divmod(indeks - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


_KOLOM = [huruf_kolom(i) for i in range(256)]


def _teks(nilai):
    nilai = nilai_bersih(nilai)[:BATAS_TEKS]
    isi = escape(nilai)
    if nilai[:1].isspace() or nilai[-1:].isspace():
        return f'<is><t xml:space="preserve">{isi}</t></is>'
    return f"<is><t>{isi}</t></is>"


def _desimal(ref, nilai):
    """A Decimal as a number shown with the places it carries (IKM 88.38, NRR 3.545), at most four."""
    if not nilai.is_finite():
        return ""
    tempat = max(0, -nilai.as_tuple().exponent)
    if tempat >= len(ANGKA):
        return sel(ref, float(nilai))
    return f'<c r="{ref}" s="{ANGKA[tempat]}"><v>{float(nilai)!r}</v></c>'


def sel(ref, nilai, judul=False, tebal=False):
    """One cell's XML (empty for None), `ref` its address such as B7. Text is the header style with
    `judul`, bold with `tebal`."""
    jenis = type(nilai)
    if jenis is str:
        if not nilai:
            return ""
        gaya = JUDUL if judul else TEKS_RUMUS if seperti_rumus(nilai) else TEBAL if tebal else BIASA
        s = f' s="{gaya}"' if gaya else ""
        return f'<c r="{ref}"{s} t="inlineStr">{_teks(nilai)}</c>'
    if jenis is int or jenis is float:
        return f'<c r="{ref}"><v>{nilai!r}</v></c>' if nilai == nilai and abs(nilai) != float("inf") else ""
    if nilai is None:
        return ""
    if jenis is bool:
        return f'<c r="{ref}" t="b"><v>{int(nilai)}</v></c>'
    if jenis is datetime.datetime:
        if nilai.tzinfo is not None:
            raise ValueError("Waktu untuk Excel harus waktu lokal tanpa zona (timezone.localtime lalu replace(tzinfo=None)).")
        selisih = nilai - _EPOCH
        serial = selisih.days + (selisih.seconds + selisih.microseconds / 1e6) / 86400
        return f'<c r="{ref}" s="{TANGGAL_JAM}"><v>{serial!r}</v></c>'
    if jenis is datetime.date:
        return f'<c r="{ref}" s="{TANGGAL}"><v>{nilai.toordinal() - _EPOCH_HARI}</v></c>'
    if jenis is datetime.time:
        serial = (nilai.hour * 3600 + nilai.minute * 60 + nilai.second) / 86400
        return f'<c r="{ref}" s="{JAM}"><v>{serial!r}</v></c>'
    if isinstance(nilai, decimal.Decimal):
        return _desimal(ref, nilai)
    if isinstance(nilai, str):
        return sel(ref, str(nilai), judul, tebal)
    if isinstance(nilai, int):
        return sel(ref, int(nilai))
    return sel(ref, str(nilai), judul, tebal)


class Lembar:
    """One worksheet being written; rows go straight into the zip, a thousand at a time."""

    def __init__(self, keluaran, *, penutup=""):
        self._keluaran = keluaran
        self._penutup = penutup  # what follows the rows (the print set-up)
        self._tampung = []
        self.jumlah_baris = 0

    def baris(self, nilai, *, judul=False, tebal=False):
        self.jumlah_baris += 1
        n = self.jumlah_baris
        sel_sel = "".join(sel(f"{_KOLOM[i]}{n}", v, judul, tebal) for i, v in enumerate(nilai))
        self._tampung.append(f'<row r="{n}">{sel_sel}</row>')
        if len(self._tampung) >= 1000:
            self._tulis_tampungan()

    def _tulis_tampungan(self):
        self._keluaran.write("".join(self._tampung).encode("utf-8"))
        self._tampung.clear()

    def _tutup(self):
        self._tulis_tampungan()
        self._keluaran.write(f"</sheetData>{self._penutup}</worksheet>".encode("utf-8"))
        self._keluaran.close()


class BukuXlsx:
    """A workbook written sheet by sheet into `tujuan` (a path or a binary file object)."""

    def __init__(self, tujuan, *, tingkat_kompresi=1):
        # Level 1: the sheet XML shrinks about 10 times already; higher levels cost seconds on a year.
        self._zip = zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED, compresslevel=tingkat_kompresi)
        self._nama = []
        self._judul_cetak = {}  # sheet index → the row printed at the top of every page
        self._terbuka = None

    def __enter__(self):
        return self

    def __exit__(self, jenis, *args):
        if jenis is None:
            self.tutup()
        else:
            self._zip.close()

    def lembar(self, judul, *, lebar=(), beku_baris=0, cetak_a4=False, baris_judul_cetak=None):
        """Start a sheet (the previous one is finished). `lebar`: column widths from A; `beku_baris`:
        how many top rows stay in view when scrolling; `cetak_a4`: printed on A4 one page wide
        (landscape when the columns are wider than portrait), `baris_judul_cetak` (a row number)
        repeated at the top of every printed page."""
        self._selesaikan_lembar()
        nama = judul.translate({ord(c): " " for c in "[]:*?/\\"})[:31].strip() or "Lembar"
        dipakai = {n.casefold() for n in self._nama}
        asli, ke = nama, 2
        while nama.casefold() in dipakai:  # Excel refuses two sheets of the same name
            akhiran = f" ({ke})"
            nama, ke = asli[: 31 - len(akhiran)] + akhiran, ke + 1
        self._nama.append(nama)
        keluaran = self._zip.open(f"xl/worksheets/sheet{len(self._nama)}.xml", "w")
        kepala = [_XML, f'<worksheet xmlns="{_NS}" xmlns:r="{_NS_R}">']
        penutup = ""
        if cetak_a4:
            # The elements' order is the schema's: sheetPr first; margins and page set-up after the rows.
            kepala.append('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
            penutup = ('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                       f'<pageSetup paperSize="{KERTAS_A4}" orientation="{orientasi_a4(lebar)}" '
                       'fitToWidth="1" fitToHeight="0"/>')
            if baris_judul_cetak:
                self._judul_cetak[len(self._nama) - 1] = baris_judul_cetak
        kepala.append('<sheetViews><sheetView workbookViewId="0"'
                      + (' tabSelected="1"' if len(self._nama) == 1 else "") + ">")
        if beku_baris:
            kepala.append(f'<pane ySplit="{beku_baris}" topLeftCell="A{beku_baris + 1}" activePane="bottomLeft" '
                          'state="frozen"/><selection pane="bottomLeft"/>')
        kepala.append("</sheetView></sheetViews>")
        if lebar:
            kepala.append("<cols>" + "".join(
                f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(lebar, start=1) if w
            ) + "</cols>")
        kepala.append("<sheetData>")
        keluaran.write("".join(kepala).encode("utf-8"))
        self._terbuka = Lembar(keluaran, penutup=penutup)
        return _KonteksLembar(self._terbuka)

    def _selesaikan_lembar(self):
        if self._terbuka is not None:
            self._terbuka._tutup()
            self._terbuka = None

    def tutup(self):
        self._selesaikan_lembar()
        if not self._nama:
            self.lembar("Lembar1")
            self._selesaikan_lembar()
        n = len(self._nama)
        z = self._zip
        z.writestr("[Content_Types].xml", _XML + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                      for i in range(1, n + 1))
            + "</Types>"))
        z.writestr("_rels/.rels", _XML + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'))
        z.writestr("xl/workbook.xml", _XML + (
            f'<workbook xmlns="{_NS}" xmlns:r="{_NS_R}"><bookViews><workbookView/></bookViews><sheets>'
            + "".join(f"<sheet name={quoteattr(nama)} sheetId=\"{i}\" r:id=\"rId{i}\"/>"
                      for i, nama in enumerate(self._nama, start=1))
            + "</sheets>" + self._nama_tercetak() + "</workbook>"))
        z.writestr("xl/_rels/workbook.xml.rels", _XML + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                      f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
            + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/></Relationships>'))
        z.writestr("xl/styles.xml", _GAYA)
        z.close()

    def _nama_tercetak(self):
        """The print titles: a defined name per sheet whose header row repeats on every printed page."""
        if not self._judul_cetak:
            return ""
        nama = "".join(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
            f"{escape(_acuan_lembar(self._nama[i]))}!${n}:${n}</definedName>"
            for i, n in sorted(self._judul_cetak.items())
        )
        return f"<definedNames>{nama}</definedNames>"


def _acuan_lembar(nama):
    """A sheet's name as a formula refers to it: 'Per Jenis Layanan' (quotes inside doubled)."""
    return "'" + nama.replace("'", "''") + "'"


class _KonteksLembar:
    """`with buku.lembar(...) as ws:` — the sheet is finished when the block ends."""

    def __init__(self, lembar):
        self._lembar = lembar

    def __enter__(self):
        return self._lembar

    def __exit__(self, *args):
        return False
