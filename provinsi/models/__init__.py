from .kiriman import KirimanHarian, SambunganProvinsi, StatusKiriman
from .penerimaan import AlasanTolak, NonceKiriman, PenolakanKiriman
from .rekap import BulanKantor, Kantor, RingkasanKantor

__all__ = [
    "AlasanTolak", "BulanKantor", "Kantor", "KirimanHarian", "NonceKiriman", "PenolakanKiriman", "RingkasanKantor",
    "SambunganProvinsi", "StatusKiriman",
]
