"""The reception's tables, one module per concept."""

from .antrian import JAM_LAYANAN_BAWAAN, Antrian, Hari, JamLayanan, JanjiTemu, PenghitungAntrian, RiwayatAntrian
from .kunjungan import JenisInstansi, JenisLayanan, KanalOnline, Kunjungan, Pengunjung, Sarana
from .pendaftaran import PendaftaranMandiri

__all__ = [
    "JAM_LAYANAN_BAWAAN", "Antrian", "Hari", "JamLayanan", "JanjiTemu", "JenisInstansi", "JenisLayanan", "KanalOnline",
    "Kunjungan", "PendaftaranMandiri", "PenghitungAntrian", "Pengunjung", "RiwayatAntrian", "Sarana",
]
