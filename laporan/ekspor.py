"""Writers that turn a report's rows into files: Excel (streamed), Word, CSV for Silastik.

Data comes from laporan.data; nothing here queries on its own (the data is kept apart from the file format).
The files with a row per service (Excel, both Silastik files) can be a year of a province's
services: they stream into `tujuan` and report how far they are through `kemajuan(selesai, total)`,
so the background worker (`unduhan`) shows a progress bar.
"""

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

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


@dataclass
class Tabel:
    """One table of the report as every file shows it; `catatan` is printed under the rows."""

    judul: str
    kolom: list
    baris: list
    definisi: str = ""
    catatan: str = ""
    lebar: list = field(default_factory=list)  # Excel column widths (characters), first column first


def tabel_laporan(laporan):
    """The report's tables, in order — one source for the Excel and Word files."""
    yield from tabel_angka(
        laporan, antrian=laporan.ringkasan_antrian(), tren=laporan.tren(), per_minggu=laporan.periode.per_minggu,
        per_petugas=laporan.per_petugas(), presensi=laporan.presensi(),
    )


def tabel_angka(angka, *, antrian, tren, per_minggu, per_petugas=None, presensi=None):
    """The tables an office's report and the province roll-up (provinsi.ekspor) share, in order, from any
    object with the report's figures (laporan.data.Laporan, a province's summed figures). Per officer and
    attendance only where they exist: the province receives neither."""
    r = angka.ringkasan()
    yield Tabel("Ringkasan", ["Ukuran", "Nilai", "Yang dihitung"], [
        [nama, r[kunci], DEFINISI[kunci]] for nama, kunci in (
            ("Kunjungan", "kunjungan"), ("Pengunjung (orang)", "pengunjung"), ("Layanan", "layanan"),
            ("Layanan selesai", "selesai"), ("Ditutup otomatis", "ditutup_otomatis"),
            ("Layanan belum selesai", "terbuka"), ("Terlambat, masih terbuka", "terlambat_terbuka"),
            ("Layanan dibatalkan", "dibatalkan"), ("Tingkat penyelesaian (%)", "tingkat_penyelesaian"),
        )
    ], lebar=[30, 10, 80])
    yield Tabel("Per Jenis Layanan", ["Jenis layanan", "Jumlah", "Selesai", "Selesai (%)"], [
        [b["nama"], b["jumlah"], b["selesai"], b["persen_selesai"]] for b in angka.per_jenis()
    ], DEFINISI["per_jenis"])
    yield Tabel("Per Sarana", ["Sarana", "Jumlah layanan"], [
        [b["nama"], b["jumlah"]] for b in angka.per_sarana()
    ], DEFINISI["per_sarana"])
    if per_petugas is not None:
        yield Tabel("Per Petugas", ["Petugas", "Jumlah", "Selesai", "Selesai (%)"], [
            [b["nama"], b["jumlah"], b["selesai"], b["persen_selesai"]] for b in per_petugas
        ], DEFINISI["per_petugas"])
    yield Tabel("Status", ["Status", "Jumlah"], [[b["nama"], b["jumlah"]] for b in angka.per_status()], DEFINISI["per_status"])
    yield Tabel("Standar Waktu", ["Standar", "Jatuh tempo", "Memenuhi", "Memenuhi (%)", "Terlambat", "Terlambat, masih terbuka"], [
        [b["nama"], b["jumlah"], b["tepat"], b["persen"], b["terlambat"], b["terlambat_terbuka"]] for b in angka.standar_waktu()
    ], DEFINISI["standar_waktu"], lebar=[44, 12, 12, 12, 12, 14])
    k = angka.kepuasan()
    yield Tabel("Kepuasan (IKM)", ["Kelompok", "Responden", "IKM", "Mutu"], [
        [h.label, h.responden, h.ikm, f"{h.mutu} ({h.arti_mutu})" if h.mutu else None]
        for h in [k["keseluruhan"], *k["per_jenis"]]
    ], DEFINISI["kepuasan"], catatan=k["teks_sampel"])
    keseluruhan = k["keseluruhan"]
    yield Tabel("NRR per Unsur", ["Unsur", "NRR", "Bobot", "NRR × bobot"], [
        [f"U{u.nomor} {u.nama}", nrr, "1/9", (nrr / 9).quantize(Decimal("0.0001")) if nrr is not None else None]
        for u, nrr in keseluruhan.per_unsur
    ] + [["IKM = (Σ NRR × 1/9) × 25", None, None, keseluruhan.ikm]],
        "NRR = rata-rata jawaban semua responden tiap unsur (1–4), tiga desimal; IKM dihitung dari NRR yang tidak "
        "dibulatkan dengan bobot tepat 1/9 (PermenPAN-RB No. 14 Tahun 2017).", lebar=[44, 10, 8, 14])
    for tabel in k["profil"]:
        yield Tabel(f"Profil {tabel['judul']}", [tabel["judul"], "Responden", "%"], [
            [b["nama"], b["jumlah"], b["persen"]] for b in tabel["baris"]
        ], DEFINISI["profil"])
    skd = angka.skd()
    yield Tabel("SKD", ["Ukuran", "Jumlah"], [
        ["Permintaan data", skd["permintaan_data"]], ["Tautan SKD dibuat", skd["tautan_dibuat"]],
        ["Dibuka", skd["dibuka"]], ["SKD Diisi", skd["diisi"]], ["Tingkat pengisian (%)", skd["persen_diisi"]],
    ], DEFINISI["skd"])
    yield Tabel("Antrian", ["Ukuran", "Nilai"], [
        ["Nomor diambil", antrian["diambil"]], ["Dipanggil", antrian["dipanggil"]], ["Dilewati", antrian["dilewati"]],
        ["Rata-rata menunggu (menit)", antrian["rerata_tunggu_menit"]],
    ], DEFINISI["antrian"])
    p = angka.pengaduan()
    yield Tabel("Pengaduan", ["Ukuran", "Nilai"], [
        ["Pengaduan di register (semua kanal)", p["jumlah"]],
        *[[f"— kanal {b['nama']}", b["jumlah"]] for b in p["per_kanal"]],
        ["Sudah dijawab", p["dijawab"]], ["Selesai", p["selesai"]],
        ["Rata-rata waktu menjawab (jam)", p["rerata_jawab_jam"]],
        ["Layanan berjenis Pengaduan di Buku Tamu", p["layanan_pengaduan"]],
    ], DEFINISI["pengaduan"])
    if presensi is not None:
        yield Tabel("Presensi", ["Ukuran", "Jumlah"], [
            ["Tugas piket terjadwal", presensi["tugas"]], ["Petugas terjadwal", presensi["petugas_terjadwal"]],
            ["Presensi (Absen Masuk)", presensi["hadir"]], ["Tanpa Absen Pulang", presensi["tanpa_pulang"]],
        ], DEFINISI["presensi"])
    yield Tabel("Tren", ["Minggu mulai" if per_minggu else "Tanggal", "Layanan", "Kunjungan"], [
        [b["tanggal"], b["layanan"], b["kunjungan"]] for b in tren
    ], DEFINISI["tren"])


def _angka_xlsx(nilai):
    """A table's value for Excel: a percentage (float, rounded to one place) shown with its one place;
    a Decimal keeps the places it carries (IKM 88.38, NRR 3.545: the writer shows them)."""
    if isinstance(nilai, float) and nilai == nilai and abs(nilai) != float("inf"):
        return Decimal(f"{nilai:.1f}")
    return nilai


def tulis_lembar(buku, tabel, *, keterangan):
    """One Tabel as a sheet of a BukuXlsx: title, what it counts, header row (frozen, and repeated on
    every printed page of an A4 one page wide), rows, note."""
    lebar = tabel.lebar or [34] + [14] * (len(tabel.kolom) - 1)
    with buku.lembar(tabel.judul, lebar=lebar, beku_baris=3, cetak_a4=True, baris_judul_cetak=3) as ws:
        ws.baris([f"{tabel.judul} — {keterangan}"], tebal=True)
        ws.baris([f"Yang dihitung: {tabel.definisi}" if tabel.definisi else ""])
        ws.baris(tabel.kolom, judul=True)
        for row in tabel.baris:
            ws.baris([_angka_xlsx(v) for v in row])
        if tabel.catatan:
            ws.baris([])
            ws.baris([tabel.catatan], tebal=True)


def _tanpa_kemajuan(selesai, total):
    """The default `kemajuan`: a file written outside the worker reports to no one."""


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
    the period, streamed (a year of a province in flat memory).

    Every sheet prints on A4 one page wide (landscape when its columns need it), with its header
    row repeated on each printed page.
    """
    periode = laporan.periode
    with BukuXlsx(tujuan) as buku:
        for tabel in tabel_laporan(laporan):
            tulis_lembar(buku, tabel, keterangan=f"{periode.label} — {laporan.kantor.nama_kantor}")
        lebar = [w for _, w in KOLOM_LAYANAN]
        with buku.lembar("Data Layanan", lebar=lebar, beku_baris=1, cetak_a4=True, baris_judul_cetak=1) as ws:
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
    with BukuXlsx(tujuan) as buku, buku.lembar("Silastik", lebar=LEBAR_SILASTIK, beku_baris=1, cetak_a4=True,
                                               baris_judul_cetak=1) as ws:
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
            if isinstance(v, (int, float, Decimal)):
                sel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return t


def _teks(v):
    if v is None:
        return "—"
    if isinstance(v, datetime.date):
        return date_format(v, "j M Y")
    if isinstance(v, Decimal):
        return str(v).replace(".", ",")  # as many places as it carries: IKM 88,38, NRR 3,535
    if isinstance(v, float):
        return f"{v:.1f}".replace(".", ",")
    if isinstance(v, int):
        return str(v)
    return teks_sel(str(v))


def dokumen_a4():
    """An empty Word document on A4 portrait with 2 cm margins, Arial 10.5."""
    doc = Document()
    bagian = doc.sections[0]
    bagian.orientation = WD_ORIENT.PORTRAIT
    # python-docx starts from US Letter; Indonesian offices print on A4 (21 × 29,7 cm).
    bagian.page_width, bagian.page_height = Cm(21), Cm(29.7)
    bagian.left_margin = bagian.right_margin = Cm(2)
    bagian.top_margin = bagian.bottom_margin = Cm(2)
    gaya = doc.styles["Normal"]
    gaya.font.name = "Arial"
    gaya.font.size = Pt(10.5)
    return doc


def tulis_bagian_docx(doc, nomor, tabel):
    """One Tabel as a numbered section: heading, what it counts, the table, its note."""
    doc.add_heading(f"{nomor}. {tabel.judul}", level=2)
    if tabel.definisi:
        keterangan = doc.add_paragraph(f"Yang dihitung: {tabel.definisi}")
        keterangan.runs[0].font.size = Pt(8.5)
        keterangan.runs[0].italic = True
    _tabel_docx(doc, tabel.kolom, tabel.baris)
    if tabel.catatan:
        catatan = doc.add_paragraph(tabel.catatan)
        catatan.runs[0].bold = True
        catatan.runs[0].font.size = Pt(9)


def tulis_docx(laporan, kantor, tujuan, *, pembuat=""):
    """The weekly/monthly report as a Word document on A4, in Indonesian, with a place to sign."""
    periode = laporan.periode
    doc = dokumen_a4()

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

    for nomor, tabel in enumerate((t for t in tabel_laporan(laporan) if t.judul != "Tren"), start=1):
        tulis_bagian_docx(doc, nomor, tabel)

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
