"""manage.py restore ARSIP: bring a backup back into an empty (or, with --paksa, any) installation."""

from django.core.management.base import BaseCommand, CommandError

from pst_frontoffice.cadangan import CadanganError, pulihkan


class Command(BaseCommand):
    help = "Memulihkan arsip dari manage.py backup: migrasi, data, dan berkas unggahan."

    def add_arguments(self, parser):
        parser.add_argument("arsip", help="berkas pst-cadangan-….tar.gz")
        parser.add_argument(
            "--paksa", action="store_true", help="timpa basis data yang sudah berisi data (semua data lama hilang)"
        )

    def handle(self, *args, arsip, paksa, **options):
        try:
            manifest = pulihkan(arsip, paksa=paksa)
        except CadanganError as e:
            raise CommandError(str(e)) from e
        total = sum(manifest["jumlah"].values())
        self.stdout.write(self.style.SUCCESS(
            f"Cadangan {manifest['dibuat']} dipulihkan: {total} baris data, {manifest['berkas_media']} berkas unggahan."
        ))
