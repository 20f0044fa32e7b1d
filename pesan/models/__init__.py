"""The messages app's tables, one module per concept."""

from .gateway import PengaturanGateway, Penyedia
from .masuk import PesanMasuk, PesanMasukQuerySet
from .outbox import URUTAN_STATUS, KanalPesan, Peristiwa, PesanKeluar, PesanKeluarQuerySet, StatusPesan
from .templat import ISIAN_TEMPLAT, KETERANGAN_ISIAN, TemplatWA

__all__ = [
    "ISIAN_TEMPLAT", "KETERANGAN_ISIAN", "URUTAN_STATUS",
    "KanalPesan", "PengaturanGateway", "Penyedia", "Peristiwa", "PesanKeluar", "PesanKeluarQuerySet", "PesanMasuk",
    "PesanMasukQuerySet", "StatusPesan", "TemplatWA",
]
