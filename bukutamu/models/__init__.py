"""The reception's tables, one module per concept."""

from .antrian import JAM_LAYANAN_BAWAAN, Antrian, Hari, JamLayanan, JanjiTemu, PenghitungAntrian, RiwayatAntrian
from .kunjungan import JenisInstansi, JenisLayanan, KanalOnline, Kontak, Kunjungan, Pengunjung, RiwayatPengunjung, Sarana
from .pendaftaran import PendaftaranMandiri

__all__ = [
    "JAM_LAYANAN_BAWAAN", "Antrian", "Hari", "JamLayanan", "JanjiTemu", "JenisInstansi", "JenisLayanan", "KanalOnline",
    "Kontak", "Kunjungan", "PendaftaranMandiri", "PenghitungAntrian", "Pengunjung", "RiwayatAntrian",
    "RiwayatPengunjung", "Sarana",
]
