"""What every app shares: users with their role, the office's settings, its own days off, the activity log, the one-time form keys."""

from ..nomor_surat import validasi_format_nomor  # named by earlier migrations as pst_frontoffice.models.validasi_format_nomor
from ..sekali import KunciSekali  # the one-time form keys' table lives beside its helper
from .aktivitas import LogAktivitas
from .akun import Peran, User, UserManager
from .kalender import CutiBersama
from .kantor import TEMPLATE_WA_GRUP_BAWAAN, TEMPLATE_WA_PENGUNJUNG_BAWAAN, PengaturanKantor, ZonaWaktu

__all__ = [
    "CutiBersama", "KunciSekali", "LogAktivitas", "PengaturanKantor", "Peran", "TEMPLATE_WA_GRUP_BAWAAN",
    "TEMPLATE_WA_PENGUNJUNG_BAWAAN", "User", "UserManager", "ZonaWaktu", "validasi_format_nomor",
]
