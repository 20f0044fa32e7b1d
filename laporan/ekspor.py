"""Writers that turn a report's rows into files: Excel (streamed), Word, CSV for Silastik.

Data comes from laporan.data; nothing here queries on its own (the data is kept apart from the file format).
"""

import datetime
import io
import tempfile

from django.utils import timezone
from django.utils.formats import date_format
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from pst_frontoffice.excel import PenulisCsv, buku_excel, nilai_bersih, teks_aman, teks_sel

from .data import KOLOM_LAYANAN, baris_layanan
from .definisi import DEFINISI
from .grafik import grafik_batang

TEBAL = Font(bold=True, color="FFFFFF")
ISI_JUDUL = PatternFill("solid", fgColor="0B4F8A")


def tabel_laporan(laporan):
    """The report's tables as (title, header, rows, definition) — one source for every format."""
    r = laporan.ringkasan()
    yield "Ringkasan", ["Ukuran", "Nilai", "Yang dihitung"], [
        [nama, r[kunci], DEFINISI[kunci]] for nama, kunci in (
            ("Kunjungan", "kunjungan"), ("Pengunjung (orang)", "pengunjung"), ("Layanan", "layanan"),
            ("Layanan selesai", "selesai"), ("Ditutup otomatis", "ditutup_otomatis"),
            ("Layanan belum selesai", "terbuka"), ("Terlambat, masih terbuka", "terlambat_terbuka"),
            ("Layanan dibatalkan", "dibatalkan"), ("Tingkat penyelesaian (%)", "tingkat_penyelesaian"),
        )
    ], ""
    yield "Per Jenis Layanan", ["Jenis layanan", "Jumlah", "Selesai", "Selesai (%)"], [
        [b["nama"], b["jumlah"], b["selesai"], b["persen_selesai"]] for b in laporan.per_jenis()
    ], DEFINISI["per_jenis"]
    yield "Per Sarana", ["Sarana", "Jumlah layanan"], [
        [b["nama"], b["jumlah"]] for b in laporan.per_sarana()
    ], DEFINISI["per_sarana"]
    yield "Per Petugas", ["Petugas", "Jumlah", "Selesai", "Selesai (%)"], [
        [b["nama"], b["jumlah"], b["selesai"], b["persen_selesai"]] for b in laporan.per_petugas()
    ], DEFINISI["per_petugas"]
    yield "Status", ["Status", "Jumlah"], [[b["nama"], b["jumlah"]] for b in laporan.per_status()], DEFINISI["per_status"]
    yield "Standar Waktu", ["Standar", "Jatuh tempo", "Memenuhi", "Memenuhi (%)", "Terlambat, masih terbuka"], [
        [b["nama"], b["jumlah"], b["tepat"], b["persen"], b["terlambat_terbuka"]] for b in laporan.standar_waktu()
    ], DEFINISI["standar_waktu"]
    k = laporan.kepuasan()
    yield "Kepuasan (IKM)", ["Kelompok", "Responden", "IKM", "Mutu"], [
        [h.label, h.responden, float(h.ikm) if h.ikm is not None else None, h.mutu] for h in [k["keseluruhan"], *k["per_jenis"]]
    ] + [["Sampel minimum (Krejcie–Morgan)", k["sampel_minimum"], None, None]], DEFINISI["kepuasan"]
    for tabel in k["profil"]:
        yield f"Profil {tabel['judul']}", [tabel["judul"], "Responden", "%"], [
            [b["nama"], b["jumlah"], b["persen"]] for b in tabel["baris"]
        ], DEFINISI["profil"]
    skd = laporan.skd()
    yield "SKD", ["Ukuran", "Jumlah"], [
        ["Permintaan data", skd["permintaan_data"]], ["Tautan SKD dibuat", skd["tautan_dibuat"]],
        ["Dibuka", skd["dibuka"]], ["SKD Diisi", skd["diisi"]], ["Tingkat pengisian (%)", skd["persen_diisi"]],
    ], DEFINISI["skd"]
    a = laporan.ringkasan_antrian()
    yield "Antrian", ["Ukuran", "Nilai"], [
        ["Nomor diambil", a["diambil"]], ["Dipanggil", a["dipanggil"]], ["Dilewati", a["dilewati"]],
        ["Rata-rata menunggu (menit)", a["rerata_tunggu_menit"]],
    ], DEFINISI["antrian"]
    p = laporan.pengaduan()
    yield "Pengaduan", ["Ukuran", "Nilai"], [
        ["Pengaduan di register (semua kanal)", p["jumlah"]],
        *[[f"— kanal {b['nama']}", b["jumlah"]] for b in p["per_kanal"]],
        ["Sudah dijawab", p["dijawab"]], ["Selesai", p["selesai"]],
        ["Rata-rata waktu menjawab (jam)", p["rerata_jawab_jam"]],
        ["Layanan berjenis Pengaduan di Buku Tamu", p["layanan_pengaduan"]],
    ], DEFINISI["pengaduan"]
    h = laporan.presensi()
    yield "Presensi", ["Ukuran", "Jumlah"], [
        ["Tugas piket terjadwal", h["tugas"]], ["Petugas terjadwal", h["petugas_terjadwal"]],
        ["Presensi (Absen Masuk)", h["hadir"]], ["Tanpa Absen Pulang", h["tanpa_pulang"]],
    ], DEFINISI["presensi"]
    yield "Tren", ["Minggu mulai" if laporan.periode.per_minggu else "Tanggal", "Layanan", "Kunjungan"], [
        [b["tanggal"], b["layanan"], b["kunjungan"]] for b in laporan.tren()
    ], DEFINISI["tren"]


def _sel(ws, nilai, *, judul=False):
    sel = teks_aman(WriteOnlyCell(ws, value=nilai_bersih(nilai)))
    if judul:
        sel.font = TEBAL
        sel.fill = ISI_JUDUL
        sel.alignment = Alignment(vertical="center", wrap_text=True)
    elif isinstance(nilai, datetime.datetime):
        sel.number_format = "DD/MM/YYYY HH:MM"
    elif isinstance(nilai, datetime.date):
        sel.number_format = "DD/MM/YYYY"
    elif isinstance(nilai, datetime.time):
        sel.number_format = "HH:MM"
    return sel


def tulis_xlsx(laporan, tujuan):
    """Write the workbook to the file object `tujuan` (write-only: a year streams in bounded memory)."""
    wb = Workbook(write_only=True)
    periode = laporan.periode
    for judul, header, rows, definisi in tabel_laporan(laporan):
        ws = wb.create_sheet(judul[:31])
        ws.freeze_panes = "A4"
        ws.column_dimensions["A"].width = 34
        for kolom in "BCDE":
            ws.column_dimensions[kolom].width = 14
        if judul == "Ringkasan":
            ws.column_dimensions["C"].width = 90
        ws.append([_sel(ws, f"{judul} — {periode.label}", judul=False)])
        ws.append([_sel(ws, f"Yang dihitung: {definisi}" if definisi else "")])
        ws.append([_sel(ws, h, judul=True) for h in header])
        for row in rows:
            ws.append([_sel(ws, v) for v in row])
    ws = wb.create_sheet("Data Layanan")
    ws.freeze_panes = "A2"
    for i, (_, lebar) in enumerate(KOLOM_LAYANAN):
        ws.column_dimensions[chr(ord("A") + i)].width = lebar
    ws.append([_sel(ws, nama, judul=True) for nama, _ in KOLOM_LAYANAN])
    for row in baris_layanan(periode):
        ws.append([_sel(ws, v) for v in row])
    wb.save(tujuan)


def berkas_xlsx(laporan):
    """A temporary file holding the workbook, rewound, for a FileResponse."""
    berkas = tempfile.TemporaryFile()
    tulis_xlsx(laporan, berkas)
    berkas.seek(0)
    return berkas


KOLOM_SILASTIK = ["Tanggal", "Nama Pengunjung", "Instansi", "No. HP", "Email", "Jenis Layanan", "Sarana", "Status"]


def baris_silastik(periode):
    """The period's services with the fields an officer re-enters into Silastik: a real date, the phone number as text."""
    for row in baris_layanan(periode):
        (_, tanggal, _, nama, instansi, hp, email, jenis, sarana, _, _, _, status, _) = row
        yield [tanggal, nama, instansi, str(hp or ""), email, jenis, sarana, status]


def tulis_csv_silastik(periode, tujuan):
    """The Silastik rows as CSV (dates as dd/mm/yyyy)."""
    w = PenulisCsv(tujuan)
    w.writerow(KOLOM_SILASTIK)
    for tanggal, *lain in baris_silastik(periode):
        w.writerow([tanggal.strftime("%d/%m/%Y"), *lain])


def xlsx_silastik(periode):
    """The same rows as the CSV, as .xlsx bytes through the shared writer (real dates, phone numbers as text)."""
    return buku_excel("Silastik", KOLOM_SILASTIK, baris_silastik(periode))


def _tabel_docx(doc, header, rows):
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Light Grid Accent 1"
    for sel, h in zip(t.rows[0].cells, header):
        sel.text = teks_sel(str(h))
        sel.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = t.add_row().cells
        for sel, v in zip(cells, row):
            sel.text = _teks(v)
            if isinstance(v, (int, float)):
                sel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return t


def _teks(v):
    if v is None:
        return "—"
    if isinstance(v, datetime.date):
        return date_format(v, "j M Y")
    if isinstance(v, float):
        return f"{v:.1f}".replace(".", ",")
    if isinstance(v, int):
        return str(v)
    return teks_sel(str(v))


def tulis_docx(laporan, kantor, tujuan, *, pembuat=""):
    """The weekly/monthly report as a Word document, in Indonesian, with a place to sign."""
    periode = laporan.periode
    doc = Document()
    bagian = doc.sections[0]
    bagian.orientation = WD_ORIENT.PORTRAIT
    bagian.left_margin = bagian.right_margin = Cm(2)
    gaya = doc.styles["Normal"]
    gaya.font.name = "Arial"
    gaya.font.size = Pt(10.5)

    kop = doc.add_paragraph()
    kop.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = kop.add_run("BADAN PUSAT STATISTIK\n" + kantor.nama_kantor.upper())
    run.bold = True
    run.font.size = Pt(13)
    alamat = doc.add_paragraph(kantor.alamat)
    alamat.alignment = WD_ALIGN_PARAGRAPH.CENTER
    alamat.runs[0].font.size = Pt(9)

    judul = doc.add_heading(f"{periode.judul} Pelayanan Statistik Terpadu (PST)", level=1)
    judul.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = doc.add_paragraph(f"Periode: {periode.label}")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for nomor, (nama, header, rows, definisi) in enumerate(tabel_laporan(laporan), start=1):
        if nama == "Tren":
            continue
        doc.add_heading(f"{nomor}. {nama}", level=2)
        if definisi:
            keterangan = doc.add_paragraph(f"Yang dihitung: {definisi}")
            keterangan.runs[0].font.size = Pt(8.5)
            keterangan.runs[0].italic = True
        _tabel_docx(doc, header, rows)

    tren = laporan.tren()
    doc.add_heading("Grafik", level=2)
    label = [date_format(b["tanggal"], "j/n") for b in tren]
    doc.add_picture(
        io.BytesIO(grafik_batang(f"Layanan per {'minggu' if periode.per_minggu else 'hari'}", label, [b["layanan"] for b in tren])),
        width=Cm(16),
    )
    jenis = [b for b in laporan.per_jenis() if b["jumlah"]]
    if jenis:
        doc.add_picture(
            io.BytesIO(grafik_batang("Layanan per jenis", [b["nama"][:14] for b in jenis], [b["jumlah"] for b in jenis])),
            width=Cm(16),
        )

    doc.add_paragraph()
    ttd = doc.add_paragraph()
    ttd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    ttd.add_run(f"{date_format(timezone.localdate(), 'j F Y')}\nKepala {kantor.nama_kantor}\n\n\n\n")
    ttd.add_run("(................................................)")
    if pembuat:
        catatan = doc.add_paragraph(f"Dibuat oleh {pembuat} dengan PST Front Office.")
        catatan.runs[0].font.size = Pt(8)
    doc.save(tujuan)
