"""The nightly catch-up of the daily summaries; run it from cron or a timer after midnight."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from pst_frontoffice.models import PengaturanKantor
from ringkasan.harian import hitung_ulang


class Command(BaseCommand):
    help = (
        "Menghitung ringkasan harian untuk hari-hari yang sudah lewat: hari yang berubah sejak dihitung, "
        "hari yang belum pernah dihitung, dan hari yang dihitung dengan zona waktu lain. Aman dijalankan berulang kali."
    )

    def add_arguments(self, parser):
        parser.add_argument("--semua", action="store_true", help="Hitung ulang semua hari, juga yang sudah benar.")

    def handle(self, *args, semua=False, verbosity=1, **options):
        # Office days end at the office's midnight, whatever the server's zone.
        timezone.activate(PengaturanKantor.get().tzinfo)
        jumlah = hitung_ulang(semua=semua)
        if verbosity:
            self.stdout.write(f"{jumlah} hari ringkasan dihitung.")
