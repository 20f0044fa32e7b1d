"""The duty roster by month: the grid, and Excel template / import / export (openpyxl)."""

import calendar
import datetime
import io

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import load_workbook

from pst_frontoffice.excel import buku_excel
from pst_frontoffice.models import Peran
from pst_frontoffice.teks import normalisasi_email
from pst_frontoffice.unggahan import zip_wajar

from .models import JadwalPiket, Shift

MAKS_UKURAN = 2 * 1024 * 1024
MAKS_BARIS = 3000
# Unpacked: a month's roster is a few hundred KB; a zip bomb declares gigabytes.
BATAS_ISI_XLSX = 20 * 1024 * 1024
KOLOM = ("Tanggal", "Shift", "Email Petugas", "Nama Petugas")
FORMAT_TANGGAL = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


class ImporDitolak(Exception):
    """The file cannot be imported; `kesalahan` lists every reason (row by row)."""

    def __init__(self, kesalahan):
        super().__init__("; ".join(kesalahan))
        self.kesalahan = kesalahan


def hari_dalam_bulan(tahun, bulan):
    return [datetime.date(tahun, bulan, h) for h in range(1, calendar.monthrange(tahun, bulan)[1] + 1)]


def grid_bulan(tahun, bulan):
    """[(date, [(shift, [JadwalPiket…]) per active shift]) per day of the month] in 2 queries."""
    hari = hari_dalam_bulan(tahun, bulan)
    shift = list(Shift.objects.filter(aktif=True))
    sel = {}
    for j in (
        JadwalPiket.objects.berlaku()
        .filter(tanggal__range=(hari[0], hari[-1]))
        .select_related("petugas")
        .order_by("petugas__nama")
    ):
        sel.setdefault((j.tanggal, j.shift_id), []).append(j)
    return shift, [(t, [(s, sel.get((t, s.pk), [])) for s in shift]) for t in hari]


def petugas_terjadwal():
    """Who can be put on the roster: active officers (and Admins, who also staff the desk)."""
    return get_user_model().objects.filter(is_active=True, peran__in=[Peran.PETUGAS, Peran.ADMIN]).order_by("nama")


def baris_jadwal(tahun, bulan):
    """Rows of the month's roster: (date, shift, e-mail, name)."""
    hari = hari_dalam_bulan(tahun, bulan)
    for j in (
        JadwalPiket.objects.berlaku()
        .filter(tanggal__range=(hari[0], hari[-1]))
        .select_related("shift", "petugas")
        .order_by("tanggal", "shift__urutan", "petugas__nama")
    ):
        yield (j.tanggal, j.shift.nama, j.petugas.email, j.petugas.nama)


def ekspor_jadwal(tahun, bulan):
    return buku_excel(f"Jadwal {bulan:02d}-{tahun}", KOLOM, baris_jadwal(tahun, bulan))


def templat_jadwal(tahun, bulan):
    """The import template: header, two example rows, and a sheet listing shifts and officers."""
    shift = list(Shift.objects.filter(aktif=True))
    petugas = list(petugas_terjadwal())
    contoh = []
    if shift and petugas:
        awal = datetime.date(tahun, bulan, 1)
        contoh = [(awal, shift[0].nama, petugas[0].email, petugas[0].nama)]
    wb = load_workbook(io.BytesIO(buku_excel("Jadwal", KOLOM, contoh)))
    ws = wb.create_sheet("Petunjuk")
    ws.append(["Isi lembar Jadwal mulai baris 2. Kolom Nama Petugas hanya keterangan."])
    ws.append(["Format tanggal: 2026-11-23 (atau sel bertipe tanggal)."])
    ws.append([])
    ws.append(["Shift", "Jam", "Jam Jumat"])
    for s in shift:
        ws.append([s.nama, s.label_jam(), s.label_jam(datetime.date(2026, 11, 27))])
    ws.append([])
    ws.append(["Email Petugas", "Nama Petugas"])
    for p in petugas:
        ws.append([p.email, p.nama])
    ws.column_dimensions["A"].width = 40
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _tanggal(nilai):
    if isinstance(nilai, datetime.datetime):
        return nilai.date()
    if isinstance(nilai, datetime.date):
        return nilai
    teks = str(nilai or "").strip()
    for fmt in FORMAT_TANGGAL:
        try:
            return datetime.datetime.strptime(teks, fmt).date()
        except ValueError:
            continue
    return None


def _baca_baris(berkas):
    """Rows (row number, values) of the first sheet, after checking size, content and header."""
    if berkas.size > MAKS_UKURAN:
        raise ImporDitolak(["Ukuran berkas melebihi 2 MB."])
    berkas.seek(0)
    if berkas.read(4) != b"PK\x03\x04":
        raise ImporDitolak(["Berkas bukan file Excel (.xlsx). Gunakan templat yang disediakan."])
    if not zip_wajar(berkas, batas_isi=BATAS_ISI_XLSX):
        raise ImporDitolak(["Berkas Excel terlalu besar atau rusak setelah dibuka. Gunakan templat yang disediakan."])
    try:
        wb = load_workbook(berkas, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign zip
        raise ImporDitolak(["Berkas Excel tidak dapat dibaca. Simpan ulang sebagai .xlsx dari templat."]) from None
    ws = wb.worksheets[0]
    baris = ws.iter_rows(values_only=True)
    kepala = [str(v or "").strip().lower() for v in (next(baris, None) or ())][:3]
    if kepala != [k.lower() for k in KOLOM[:3]]:
        raise ImporDitolak(["Baris 1: judul kolom harus Tanggal, Shift, Email Petugas (unduh templat)."])
    hasil = []
    for nomor, nilai in enumerate(baris, start=2):
        nilai = (tuple(nilai) + (None, None, None))[:3]
        if all(v is None or str(v).strip() == "" for v in nilai):
            continue
        hasil.append((nomor, nilai))
        if len(hasil) > MAKS_BARIS:
            raise ImporDitolak([f"Berkas berisi lebih dari {MAKS_BARIS} baris jadwal; bagi per bulan."])
    wb.close()
    return hasil


def impor_jadwal(berkas, *, oleh):
    """Import the roster file: validate every row first; on any error import nothing.

    Returns (created, skipped) where skipped rows were already on the roster.
    """
    baris = _baca_baris(berkas)
    if not baris:
        raise ImporDitolak(["Berkas tidak berisi baris jadwal."])
    shift = {s.nama.strip().lower(): s for s in Shift.objects.filter(aktif=True)}
    email = {normalisasi_email(str(v[2] or "")) for _, v in baris}
    pengguna = {u.email: u for u in petugas_terjadwal().filter(email__in=email)}
    kesalahan, siap, dilihat = [], [], {}
    for nomor, (tgl, nama_shift, alamat) in baris:
        alasan = []
        tanggal = _tanggal(tgl)
        if tanggal is None:
            alasan.append(f"tanggal “{tgl or ''}” tidak dikenali (contoh: 2026-11-23)")
        s = shift.get(str(nama_shift or "").strip().lower())
        if s is None:
            pilihan = ", ".join(x.nama for x in shift.values())
            alasan.append(f"shift “{nama_shift or ''}” tidak dikenal (pilihan: {pilihan})")
        alamat = normalisasi_email(str(alamat or ""))
        p = pengguna.get(alamat)
        if p is None:
            alasan.append(f"email petugas tidak dikenal ({alamat or 'kosong'})")
        if not alasan:
            kunci = (tanggal, s.pk, p.pk)
            if kunci in dilihat:
                alasan.append(f"sama dengan baris {dilihat[kunci]}")
            dilihat.setdefault(kunci, nomor)
        if alasan:
            kesalahan.append(f"Baris {nomor}: " + "; ".join(alasan) + ".")
        else:
            siap.append((tanggal, s, p))
    if kesalahan:
        raise ImporDitolak(kesalahan)
    dibuat = dilewati = 0
    with transaction.atomic():
        ada = set(
            JadwalPiket.objects.berlaku()
            .filter(tanggal__range=(min(t for t, _, _ in siap), max(t for t, _, _ in siap)))
            .values_list("tanggal", "shift_id", "petugas_id")
        )
        baru = [
            JadwalPiket(tanggal=t, shift=s, petugas=p, dibuat_oleh=oleh)
            for t, s, p in siap
            if (t, s.pk, p.pk) not in ada
        ]
        JadwalPiket.objects.bulk_create(baru)
        dibuat, dilewati = len(baru), len(siap) - len(baru)
    return dibuat, dilewati


def tambah_jadwal(*, tanggal, shift, petugas, oleh):
    """Put an officer on a shift; refused with a message when already there."""
    if JadwalPiket.objects.berlaku().filter(tanggal=tanggal, shift=shift, petugas=petugas).exists():
        raise ValidationError(f"{petugas} sudah terjadwal pada shift {shift} tanggal {tanggal:%d-%m-%Y}.")
    return JadwalPiket.objects.create(tanggal=tanggal, shift=shift, petugas=petugas, dibuat_oleh=oleh)
