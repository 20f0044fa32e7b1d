"""manage.py backup: the database and uploaded files in one timestamped archive."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from pst_frontoffice.cadangan import buat_cadangan


class Command(BaseCommand):
    help = "Mencadangkan basis data (snapshot konsisten) dan semua berkas unggahan ke satu arsip .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder", default=os.environ.get("BACKUP_DIR", str(Path(settings.BASE_DIR) / "cadangan")),
            help="folder tujuan arsip (bawaan: $BACKUP_DIR atau ./cadangan)",
        )

    def handle(self, *args, folder, **options):
        arsip, manifest = buat_cadangan(folder)
        total = sum(manifest["jumlah"].values())
        self.stdout.write(self.style.SUCCESS(
            f"Cadangan tersimpan: {arsip} ({total} baris data, {manifest['berkas_media']} berkas unggahan)."
        ))
