"""Default kinds of service, as named in the officers' user guide (Buku Tamu); an Admin can add more."""

JENIS_BAWAAN = [
    # kode, nama, kelompok, permintaan data, urutan, keterangan
    ("konsultasi", "Konsultasi", "utama", False, 10, "Penjelasan teknis atau metadata."),
    ("permintaan-data", "Permintaan Data", "utama", True, 20, "Permintaan data spesifik, dengan surat balasan."),
    ("pengaduan", "Pengaduan", "utama", False, 30, "Keluhan atau kritik."),
    ("rekomendasi-statistik", "Rekomendasi Statistik", "lainnya", False, 40, ""),
    ("perpustakaan", "Perpustakaan", "lainnya", False, 50, ""),
    ("penjualan-produk-statistik", "Penjualan Produk Statistik", "lainnya", False, 60, ""),
]


# Queue prefixes (K-001 …) of the default kinds, added with the queue.
PREFIX_ANTRIAN_BAWAAN = {
    "konsultasi": "K",
    "permintaan-data": "D",
    "pengaduan": "A",
    "rekomendasi-statistik": "R",
    "perpustakaan": "P",
    "penjualan-produk-statistik": "J",
}


def pastikan_jenis_bawaan(JenisLayanan):
    """Create the default kinds that are missing (given the model class, real or historical)."""
    for kode, nama, kelompok, data, urutan, ket in JENIS_BAWAAN:
        JenisLayanan.objects.get_or_create(
            kode=kode,
            defaults=dict(nama=nama, kelompok=kelompok, adalah_permintaan_data=data, urutan=urutan, keterangan=ket),
        )
    # Migration 0002 runs before the prefix field exists; later callers also fill the prefixes.
    if any(f.name == "prefix_antrian" for f in JenisLayanan._meta.get_fields()):
        pastikan_prefix_antrian(JenisLayanan)


def pastikan_prefix_antrian(JenisLayanan):
    """Give the default kinds their queue prefix where none is set yet."""
    for kode, prefix in PREFIX_ANTRIAN_BAWAAN.items():
        JenisLayanan.objects.filter(kode=kode, prefix_antrian="").update(prefix_antrian=prefix)
