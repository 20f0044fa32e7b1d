"""The IKM page as an Excel file: the same figures, with the office, the period, the sample and what
each column counts written inside the sheet, so the file reads on its own when forwarded."""

import io

from django.utils.formats import date_format
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from pst_frontoffice.excel import atur_cetak, nilai_bersih, teks_aman
from pst_frontoffice.skm import UNSUR

from . import ikm

KOLOM_IKM = ["Bagian", "Kelompok", "Responden", *[f"U{u.nomor} {u.nama}" for u in UNSUR], "IKM", "Mutu", "%"]
LEBAR_IKM = [27, 28, 11, *[12] * len(UNSUR), 9, 8, 8]

# What each column counts, written under the table.
KETERANGAN_KOLOM = [
    ("Bagian", "Keseluruhan, per jenis layanan, per petugas penanggung jawab, lalu tabel profil responden."),
    ("Kelompok", "Jenis layanan, nama petugas, atau jawaban profil."),
    ("Responden", "Jumlah penilaian SKM yang diisi pengunjung pada periode ini (satu per layanan yang dinilai)."),
    ("U1 … U9", "NRR tiap unsur: rata-rata jawaban responden (1 = tidak baik … 4 = sangat baik), tiga desimal."),
    ("IKM", "(Σ NRR × 1/9) × 25, dua desimal, dari nilai NRR yang tidak dibulatkan (PermenPAN-RB No. 14 Tahun 2017)."),
    ("Mutu", "A Sangat Baik (88,31–100), B Baik (76,61–88,30), C Kurang Baik (65,00–76,60), D Tidak Baik (25,00–64,99)."),
    ("%", "Untuk tabel profil: persen dari responden periode ini."),
]

FORMAT_NRR, FORMAT_IKM, FORMAT_PERSEN = "0.000", "0.00", "0.0"


def baris_ikm(angka):
    """Overall, per kind of service and per officer (NRR per element, IKM, grade), then the profile tables."""
    kelompok = [("Keseluruhan", [angka.keseluruhan]), ("Per jenis layanan", angka.per_jenis),
                ("Per petugas", angka.per_petugas)]
    for bagian, daftar in kelompok:
        for h in daftar:
            yield [bagian, h.label, h.responden, *h.nrr, h.ikm, h.mutu or "", None]
    for tabel in angka.profil:
        for b in tabel["baris"]:
            yield [f"Profil: {tabel['judul']}", b["nama"], b["jumlah"], *[None] * len(UNSUR), None, "", b["persen"]]


def _format(kolom):
    if 3 <= kolom < 3 + len(UNSUR):
        return FORMAT_NRR
    if kolom == 3 + len(UNSUR):
        return FORMAT_IKM
    if kolom == len(KOLOM_IKM) - 1:
        return FORMAT_PERSEN
    return None


def berkas_ikm(*, dari, sampai, kantor):
    """The workbook as bytes: a heading naming the office, period and sample; the table; the column key."""
    wb = Workbook()
    ws = wb.active
    ws.title = "IKM"
    populasi = ikm.layanan_periode(dari=dari, sampai=sampai)
    angka = ikm.hitung_ikm_halaman(dari=dari, sampai=sampai)
    responden = angka.keseluruhan.responden
    _, teks_sampel = ikm.teks_sampel(responden, populasi)
    kepala = [
        f"Indeks Kepuasan Masyarakat (IKM) — {kantor.nama_kantor}",
        f"Periode {date_format(dari, 'j F Y')} sampai {date_format(sampai, 'j F Y')}, menurut tanggal penilaian diisi.",
        teks_sampel or "Belum ada layanan pada periode ini.",
        "IKM = (Σ NRR × 1/9) × 25; NRR = rata-rata jawaban tiap unsur (1–4). Keterangan setiap kolom ada di bawah tabel.",
    ]
    for teks in kepala:
        ws.append([nilai_bersih(teks)])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    ws.append(KOLOM_IKM)
    baris_kepala = ws.max_row
    for sel in ws[baris_kepala]:
        sel.font = Font(bold=True)
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[baris_kepala].height = 45  # element names wrap onto three lines
    for baris in baris_ikm(angka):
        ws.append([nilai_bersih(v) for v in baris])
        for i, sel in enumerate(ws[ws.max_row]):
            teks_aman(sel)
            if sel.value is not None and _format(i):
                sel.number_format = _format(i)
    ws.append([])
    ws.append(["Keterangan kolom"])
    ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    for nama, arti in KETERANGAN_KOLOM:
        ws.append([nama, arti])
    for i, lebar in enumerate(LEBAR_IKM, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = lebar
    ws.freeze_panes = f"C{baris_kepala + 1}"
    atur_cetak(ws, LEBAR_IKM, baris_judul=f"{baris_kepala}:{baris_kepala}")
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
