"""Default kinds of service, as named in the user guide (section 3); an Admin can add more."""

JENIS_BAWAAN = [
    # kode, nama, kelompok, permintaan data, urutan, keterangan
    ("konsultasi", "Konsultasi", "utama", False, 10, "Penjelasan teknis atau metadata."),
    ("permintaan-data", "Permintaan Data", "utama", True, 20, "Permintaan data spesifik, dengan surat balasan."),
    ("pengaduan", "Pengaduan", "utama", False, 30, "Keluhan atau kritik."),
    ("rekomendasi-statistik", "Rekomendasi Statistik", "lainnya", False, 40, ""),
    ("perpustakaan", "Perpustakaan", "lainnya", False, 50, ""),
    ("penjualan-produk-statistik", "Penjualan Produk Statistik", "lainnya", False, 60, ""),
]


def pastikan_jenis_bawaan(JenisLayanan):
    """Create the default kinds that are missing (given the model class, real or historical)."""
    for kode, nama, kelompok, data, urutan, ket in JENIS_BAWAAN:
        JenisLayanan.objects.get_or_create(
            kode=kode,
            defaults=dict(nama=nama, kelompok=kelompok, adalah_permintaan_data=data, urutan=urutan, keterangan=ket),
        )
