"""Default kinds of service, as the officers' user guide names them; an Admin can add more.

The codes of the kinds the app treats specially are named here, once: code compares
`jenis.kode` with these constants, never with a string literal.
"""

KODE_KONSULTASI = "konsultasi"
KODE_PERMINTAAN_DATA = "permintaan-data"
KODE_PENGADUAN = "pengaduan"
KODE_REKOMENDASI = "rekomendasi-statistik"
KODE_PERPUSTAKAAN = "perpustakaan"
KODE_PENJUALAN = "penjualan-produk-statistik"

JENIS_BAWAAN = [
    # kode, nama, kelompok, permintaan data, urutan, keterangan
    (KODE_KONSULTASI, "Konsultasi", "utama", False, 10, "Penjelasan teknis atau metadata."),
    (KODE_PERMINTAAN_DATA, "Permintaan Data", "utama", True, 20, "Permintaan data spesifik, dengan surat balasan."),
    (KODE_PENGADUAN, "Pengaduan", "utama", False, 30, "Keluhan atau kritik."),
    (KODE_REKOMENDASI, "Rekomendasi Statistik", "lainnya", False, 40, ""),
    (KODE_PERPUSTAKAAN, "Perpustakaan", "lainnya", False, 50, ""),
    (KODE_PENJUALAN, "Penjualan Produk Statistik", "lainnya", False, 60, ""),
]


# Queue prefixes (K-001 …) of the default kinds, added with the queue.
PREFIX_ANTRIAN_BAWAAN = {
    KODE_KONSULTASI: "K",
    KODE_PERMINTAAN_DATA: "D",
    KODE_PENGADUAN: "A",
    KODE_REKOMENDASI: "R",
    KODE_PERPUSTAKAAN: "P",
    KODE_PENJUALAN: "J",
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
