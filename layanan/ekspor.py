"""Exports: one function yields rows, a writer turns them into a file, so data stays apart from format."""

from django.utils import timezone

KOLOM_REGISTER = (
    "No. urut", "Nomor surat", "Tanggal", "Klasifikasi", "Tujuan", "Perihal", "Pengunjung", "Instansi",
    "Layanan", "Dibuat oleh", "Dibuat pada", "Status", "Alasan pembatalan",
)


def baris_register(nomor_qs):
    for n in nomor_qs:
        kunjungan = n.layanan.kunjungan
        yield (
            n.urut, n.nomor, n.tanggal, n.klasifikasi, n.tujuan, n.perihal, kunjungan.nama,
            kunjungan.instansi, f"#{n.layanan_id}", n.dibuat_oleh.nama,
            timezone.localtime(n.dibuat).replace(tzinfo=None), "Dibatalkan" if n.dibatalkan else "Berlaku",
            n.alasan_batal,
        )
