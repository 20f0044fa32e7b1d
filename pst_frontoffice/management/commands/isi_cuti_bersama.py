"""Propose a year's cuti bersama (and estimated national holidays) from the `holidays` package."""

from django.core.management.base import BaseCommand

from pst_frontoffice.hari_libur import usulkan


class Command(BaseCommand):
    help = (
        "Mengusulkan tanggal cuti bersama satu tahun dari paket holidays (kategori government), bertanda "
        "belum diperiksa. Tanggal yang sudah ada tidak diubah; periksa dan sesuaikan dengan SKB di "
        "Admin → Cuti bersama dan hari libur. (Tahun ini dan tahun depan sudah diusulkan saat migrate.)"
    )

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int, nargs="+")

    def handle(self, *args, tahun, verbosity=1, **options):
        baru = sum(usulkan(t) for t in tahun)
        if verbosity:
            self.stdout.write(f"{baru} tanggal cuti bersama/hari libur diusulkan (belum diperiksa).")
