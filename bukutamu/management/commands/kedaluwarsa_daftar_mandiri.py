"""Self-registrations no officer wrote in the guest book by the end of their day expire; run it nightly (cron or a timer)."""

from django.core.management.base import BaseCommand

from bukutamu.antrian import waktu_kantor
from bukutamu.pendaftaran import kedaluwarsakan


class Command(BaseCommand):
    help = (
        "Menandai kedaluwarsa pendaftaran mandiri yang tidak dicatat petugas di buku tamu sampai hari itu berakhir. "
        "Aman dijalankan berulang kali."
    )

    def handle(self, *args, verbosity=1, **options):
        jumlah = kedaluwarsakan(tanggal=waktu_kantor().date())
        if verbosity:
            self.stdout.write(f"{jumlah} pendaftaran mandiri kedaluwarsa.")
