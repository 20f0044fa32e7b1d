"""Writers that turn a report's rows into files: Excel (streamed), Word, CSV for Silastik.

Data comes from laporan.data; nothing here queries on its own (the data is kept apart from the file format).
The files with a row per service (Excel, both Silastik files) can be a year of a province's
services: they stream into `tujuan` and report how far they are through `kemajuan(selesai, total)`,
so the background worker (`unduhan`) shows a progress bar.
"""

import datetime
import io

from django.utils import timezone
from django.utils.formats import date_format
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from pst_frontoffice.buku_xlsx import BukuXlsx
from pst_frontoffice.excel import PenulisCsv, teks_sel

from .data import KOLOM_LAYANAN, baris_layanan, jumlah_layanan
from .definisi import DEFINISI
from .grafik import grafik_batang

# Rows between two progress reports: often enough for a moving bar, rare enough to cost nothing.
LANGKAH_KEMAJUAN = 5_000


def tabel_laporan(laporan):
    """The report's tables as (title, header, rows, definition) — one source for every format."""
    r = laporan.ringkasan()
    yield "Ringkasan", ["Ukuran", "Nilai", "Yang dihitung"], [
        [nama, r[kunci], DEFINISI[kunci]] for nama, kunci in (
            ("Kunjungan", "kunjungan"), ("Pengunjung (orang)", "pengunjung"), ("Layanan", "layanan"),
            ("Layanan selesai", "selesai"), ("Ditutup otomatis", "ditutup_otomatis"),
            ("Layanan belum selesai", "terbuka"), ("Terlambat, masih terbuka", "terlambat_terbuka"),
            ("Tingkat penyelesaian (%)", "tingkat_penyelesaian"),
        )
    ] + [["Layanan dibatalkan", r["dibatalkan"], "Layanan periode ini yang Dibatalkan (dengan alasan)."]], ""
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


def _tanpa_kemajuan(selesai, total):
    pass


def _baris_dengan_kemajuan(baris, total, kemajuan, langkah):
    kemajuan(0, total)
    selesai = 0
    for selesai, row in enumerate(baris, start=1):
        yield row
        if selesai % langkah == 0:
            kemajuan(selesai, total)
    if selesai % langkah:
        kemajuan(selesai, max(total, selesai))


def tulis_xlsx(laporan, tujuan, *, kemajuan=_tanpa_kemajuan, langkah=LANGKAH_KEMAJUAN):
    """The report's workbook into `tujuan` (a path or binary file): its tables, then every service of
    the period, streamed (a year of a province in flat memory)."""
    periode = laporan.periode
    with BukuXlsx(tujuan) as buku:
        for judul, header, rows, definisi in tabel_laporan(laporan):
            lebar = [34, 90 if judul == "Ringkasan" else 14, 14, 14, 14]
            with buku.lembar(judul, lebar=lebar, beku_baris=3) as ws:
                ws.baris([f"{judul} — {periode.label}"])
                ws.baris([f"Yang dihitung: {definisi}" if definisi else ""])
                ws.baris(header, judul=True)
                for row in rows:
                    ws.baris(row)
        with buku.lembar("Data Layanan", lebar=[lebar for _, lebar in KOLOM_LAYANAN], beku_baris=1) as ws:
            ws.baris([nama for nama, _ in KOLOM_LAYANAN], judul=True)
            for row in _baris_dengan_kemajuan(baris_layanan(periode), jumlah_layanan(periode), kemajuan, langkah):
                ws.baris(row)


KOLOM_SILASTIK = ["Tanggal", "Nama Pengunjung", "Instansi", "No. HP", "Email", "Jenis Layanan", "Sarana", "Status"]


def baris_silastik(periode):
    """The period's services with the fields an officer re-enters into Silastik: a real date, the phone number as text."""
    for row in baris_layanan(periode):
        (_, tanggal, _, nama, instansi, hp, email, jenis, sarana, _, _, _, status, _) = row
        yield [tanggal, nama, instansi, str(hp or ""), email, jenis, sarana, status]


LEBAR_SILASTIK = [12, 28, 32, 16, 26, 22, 10, 13]


def tulis_csv_silastik(periode, tujuan, *, kemajuan=_tanpa_kemajuan, langkah=LANGKAH_KEMAJUAN):
    """The Silastik rows as CSV into the text file `tujuan` (dates as dd/mm/yyyy)."""
    w = PenulisCsv(tujuan)
    w.writerow(KOLOM_SILASTIK)
    for tanggal, *lain in _baris_dengan_kemajuan(baris_silastik(periode), jumlah_layanan(periode), kemajuan, langkah):
        w.writerow([tanggal.strftime("%d/%m/%Y"), *lain])


def tulis_xlsx_silastik(periode, tujuan, *, kemajuan=_tanpa_kemajuan, langkah=LANGKAH_KEMAJUAN):
    """The same rows as the CSV as .xlsx (real dates, phone numbers as text), streamed into `tujuan`."""
    with BukuXlsx(tujuan) as buku, buku.lembar("Silastik", lebar=LEBAR_SILASTIK, beku_baris=1) as ws:
        ws.baris(KOLOM_SILASTIK, judul=True)
        for row in _baris_dengan_kemajuan(baris_silastik(periode), jumlah_layanan(periode), kemajuan, langkah):
            ws.baris(row)


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
