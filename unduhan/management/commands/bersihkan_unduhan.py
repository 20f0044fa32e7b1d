from django.core.management.base import BaseCommand

from unduhan.pembuatan import bersihkan


class Command(BaseCommand):
    help = "Hapus berkas unduhan yang disimpan lebih lama dari UNDUHAN_SIMPAN_JAM (worker juga melakukannya setiap selesai membuat berkas)."

    def handle(self, *args, **options):
        jumlah = bersihkan()
        self.stdout.write(f"{jumlah} berkas unduhan dihapus.")
