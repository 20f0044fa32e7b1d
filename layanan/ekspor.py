"""Exports: one function yields rows, a writer turns them into a file (STYLE: data apart from format)."""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

KOLOM_REGISTER = (
    "No. urut", "Nomor surat", "Tanggal", "Klasifikasi", "Tujuan", "Perihal", "Pengunjung", "Instansi",
    "Layanan", "Dibuat oleh", "Dibuat pada", "Status", "Alasan pembatalan",
)


def baris_register(nomor_qs):
    for n in nomor_qs:
        kunjungan = n.layanan.kunjungan
        yield (
            n.urut, n.nomor, n.tanggal, n.klasifikasi, n.tujuan, n.perihal, kunjungan.pengunjung.nama,
            kunjungan.instansi, f"#{n.layanan_id}", n.dibuat_oleh.nama,
            timezone.localtime(n.dibuat).replace(tzinfo=None), "Dibatalkan" if n.dibatalkan else "Berlaku",
            n.alasan_batal,
        )


def xlsx(kolom, baris, *, judul):
    wb = Workbook()
    ws = wb.active
    ws.title = judul[:31]
    ws.append(list(kolom))
    for sel in ws[1]:
        sel.font = Font(bold=True)
    lebar = [len(k) for k in kolom]
    for b in baris:
        ws.append(list(b))
        lebar = [max(w, len(str(v or ""))) for w, v in zip(lebar, b)]
    for i, w in enumerate(lebar, 1):
        ws.column_dimensions[get_column_letter(i)].width = min(w + 2, 60)
    for sel in ws["C"][1:]:
        sel.number_format = "DD/MM/YYYY"
    for sel in ws["K"][1:]:
        sel.number_format = "DD/MM/YYYY HH:MM"
    ws.freeze_panes = "A2"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    keluaran.seek(0)
    return keluaran
