"""The services app's tables, one module per concept."""

from .kepatuhan import syarat_jatuh_tempo, syarat_kepatuhan
from .layanan import EMAIL_SISTEM, URUT_BAWAAN, URUTAN, Layanan, LayananQuerySet, RiwayatLayanan
from .status import ALUR_STATUS, DIBATALKAN, DITUTUP_OTOMATIS, SELESAI, STATUS_TERBUKA, TERBUKA, Status
from .catatan import PANJANG_CATATAN, CatatanInternal
from .loker import JenisKartu, Loker, PeminjamanLoker
from .pemberitahuan import TandaBaca
from .pengaduan import Kanal, Pengaduan, StatusPengaduan, TindakLanjutPengaduan, UnsurSKM
from .permintaan import CaraPenyampaian, FormatData, ItemData, PermintaanData, Tag, TingkatWilayah
from .surat import KLASIFIKASI_BAWAAN, BerkasSurat, KlasifikasiSurat, NomorSurat, PenghitungSurat

__all__ = [
    "ALUR_STATUS", "DIBATALKAN", "DITUTUP_OTOMATIS", "EMAIL_SISTEM", "KLASIFIKASI_BAWAAN", "PANJANG_CATATAN", "SELESAI",
    "STATUS_TERBUKA", "TERBUKA", "URUT_BAWAAN", "URUTAN",
    "BerkasSurat", "CaraPenyampaian", "CatatanInternal", "FormatData", "ItemData", "JenisKartu", "Kanal", "KlasifikasiSurat",
    "Layanan", "LayananQuerySet", "Loker", "NomorSurat", "PeminjamanLoker", "Pengaduan", "PenghitungSurat",
    "PermintaanData", "RiwayatLayanan", "Status", "StatusPengaduan", "Tag", "TandaBaca", "TindakLanjutPengaduan",
    "TingkatWilayah", "UnsurSKM", "syarat_jatuh_tempo", "syarat_kepatuhan",
]
