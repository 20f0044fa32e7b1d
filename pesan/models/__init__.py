"""The messages app's tables, one module per concept."""

from .gateway import PengaturanGateway, Penyedia
from .outbox import KanalPesan, Peristiwa, PesanKeluar, PesanKeluarQuerySet, StatusPesan

__all__ = ["KanalPesan", "PengaturanGateway", "Penyedia", "Peristiwa", "PesanKeluar", "PesanKeluarQuerySet", "StatusPesan"]
