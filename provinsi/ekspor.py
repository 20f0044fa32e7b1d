"""The province's Excel and Word files: the offices side by side and the total's tables (or one office's), like the office reports.

The tables come from provinsi.rekap; the sheets and Word sections are written by laporan's writers
(`tulis_lembar`, `dokumen_a4`, `tulis_bagian_docx`).
"""

import io

from django.utils import timezone
from django.utils.formats import date_format
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from laporan.ekspor import Tabel, dokumen_a4, tabel_angka, tulis_bagian_docx, tulis_lembar
from laporan.grafik import grafik_batang
from pst_frontoffice.buku_xlsx import BukuXlsx

from .rekap import baris_ringkas

KOLOM_KANTOR = [
    "Kode", "Kantor", "Hari diterima", "Kunjungan", "Layanan", "Selesai", "Tingkat penyelesaian (%)",
    "Jatuh tempo", "Memenuhi standar waktu", "Memenuhi (%)", "Antrian tepat (%)", "IKM", "Mutu", "Responden",
    "Sampel minimum", "Permintaan data", "SKD Diisi", "SKD diisi (%)", "Ringkasan terakhir",
]
DEFINISI_KANTOR = (
    "Setiap kantor dari ringkasan harian yang dikirimnya; total provinsi dijumlahkan dari angka mentah semua kantor "
    "(IKM dari jumlah jawaban semua responden, bukan rata-rata IKM kantor). Hari diterima: hari kantor pada periode "
    "ini yang ringkasannya sudah sampai di provinsi."
)


def _baris_kantor(kode, nama, hari, b, terakhir):
    return [
        kode, nama, hari, b["kunjungan"], b["layanan"], b["selesai"], b["tingkat_penyelesaian"], b["jatuh_tempo"],
        b["memenuhi"], b["persen_tepat"], b["antrian_persen"], b["ikm"], b["mutu"], b["responden"], b["sampel_minimum"],
        b["permintaan_data"], b["skd_diisi"], b["skd_persen"], terakhir,
    ]


def tabel_rekap(rekap):
    """The tables of the province file (or of one office's file when the rekap is for one office)."""
    if rekap.satu_kantor is None:
        baris = [
            _baris_kantor(b.kantor.kode, b.kantor.nama, b.hari_diterima, baris_ringkas(b), b.kantor.ringkasan_terakhir)
            for b in rekap.per_kantor
        ]
        baris.append(_baris_kantor("", "Total provinsi", sum(b.hari_diterima for b in rekap.per_kantor), baris_ringkas(rekap.total), None))
        yield Tabel("Per Kantor", KOLOM_KANTOR, baris, DEFINISI_KANTOR, lebar=[8, 34] + [11] * (len(KOLOM_KANTOR) - 2))
        angka = rekap.total
    else:
        angka = rekap.per_kantor[0].angka
    yield from tabel_angka(angka, antrian=angka.antrian(), tren=rekap.tren(), per_minggu=rekap.periode.per_minggu)


def judul(rekap, nama_provinsi):
    return rekap.per_kantor[0].kantor.nama if rekap.satu_kantor is not None else f"Rekap {nama_provinsi}"


def tulis_xlsx(rekap, nama_provinsi, tujuan):
    keterangan = f"{rekap.periode.label} — {judul(rekap, nama_provinsi)}"
    with BukuXlsx(tujuan) as buku:
        for tabel in tabel_rekap(rekap):
            tulis_lembar(buku, tabel, keterangan=keterangan)


def tulis_docx(rekap, kantor_provinsi, tujuan, *, pembuat=""):
    """The province's report on A4: its letterhead, every table, the trend chart and a place to sign."""
    doc = dokumen_a4()
    kop = doc.add_paragraph()
    kop.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = kop.add_run("BADAN PUSAT STATISTIK\n" + kantor_provinsi.nama_kantor.upper())
    run.bold = True
    run.font.size = Pt(13)
    awal = doc.add_heading(f"Rekap Pelayanan Statistik Terpadu (PST) — {judul(rekap, kantor_provinsi.nama_kantor)}", level=1)
    awal.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(f"Periode: {rekap.periode.label}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    tren = None
    for nomor, tabel in enumerate(tabel_rekap(rekap), start=1):
        if tabel.judul == "Tren":
            tren = tabel
            continue
        tulis_bagian_docx(doc, nomor, tabel)
    doc.add_heading("Grafik", level=2)
    label = [date_format(b[0], "j/n") for b in tren.baris]
    doc.add_picture(io.BytesIO(grafik_batang(
        f"Layanan per {'minggu' if rekap.periode.per_minggu else 'hari'}", label, [b[1] for b in tren.baris]
    )), width=Cm(16))
    doc.add_paragraph()
    ttd = doc.add_paragraph()
    ttd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    ttd.add_run(f"{date_format(timezone.localdate(), 'j F Y')}\nKepala {kantor_provinsi.nama_kantor}\n\n\n\n")
    ttd.add_run("(................................................)")
    if pembuat:
        catatan = doc.add_paragraph(f"Dibuat oleh {pembuat} dengan PST Front Office.")
        catatan.runs[0].font.size = Pt(8)
    doc.save(tujuan)
