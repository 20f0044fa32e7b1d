"""Copy a year's cuti bersama dates known to the `holidays` package; Admin then edits them."""

import holidays
from django.core.management.base import BaseCommand

from pst_frontoffice.models import CutiBersama


class Command(BaseCommand):
    help = (
        "Mengisi tanggal cuti bersama satu tahun dari paket holidays (kategori government). "
        "Tanggal yang sudah ada tidak diubah; periksa dan sesuaikan dengan SKB di Admin → Cuti bersama."
    )

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int, nargs="+")

    def handle(self, *args, tahun, verbosity=1, **options):
        baru = 0
        for t in tahun:
            for tanggal, nama in sorted(holidays.Indonesia(years=t, categories=("government",)).items()):
                _, dibuat = CutiBersama.objects.get_or_create(tanggal=tanggal, defaults={"keterangan": nama[:150]})
                baru += dibuat
        if verbosity:
            self.stdout.write(f"{baru} tanggal cuti bersama ditambahkan.")
