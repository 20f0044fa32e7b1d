"""The services app's tables, one module per concept."""

from .layanan import ALUR_STATUS, STATUS_TERBUKA, Layanan, LayananQuerySet, RiwayatLayanan, Status
from .loker import JenisKartu, Loker, PeminjamanLoker
from .pengaduan import Kanal, Pengaduan, StatusPengaduan, TindakLanjutPengaduan, UnsurSKM
from .permintaan import CaraPenyampaian, FormatData, ItemData, PermintaanData, Tag, TingkatWilayah
from .surat import KLASIFIKASI_BAWAAN, BerkasSurat, KlasifikasiSurat, NomorSurat, PenghitungSurat

__all__ = [
    "ALUR_STATUS", "KLASIFIKASI_BAWAAN", "STATUS_TERBUKA",
    "BerkasSurat", "CaraPenyampaian", "FormatData", "ItemData", "JenisKartu", "Kanal", "KlasifikasiSurat",
    "Layanan", "LayananQuerySet", "Loker", "NomorSurat", "PeminjamanLoker", "Pengaduan", "PenghitungSurat",
    "PermintaanData", "RiwayatLayanan", "Status", "StatusPengaduan", "Tag", "TindakLanjutPengaduan",
    "TingkatWilayah", "UnsurSKM",
]
