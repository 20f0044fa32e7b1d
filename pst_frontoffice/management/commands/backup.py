"""manage.py backup: the database and uploaded files in one timestamped archive."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pst_frontoffice.cadangan import buat_cadangan


class Command(BaseCommand):
    help = "Mencadangkan basis data (snapshot konsisten) dan semua berkas unggahan ke satu arsip .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder", default=os.environ.get("BACKUP_DIR", str(Path(settings.BASE_DIR) / "cadangan")),
            help="folder tujuan arsip (bawaan: $BACKUP_DIR atau ./cadangan)",
        )

    def handle(self, *args, folder, **options):
        try:
            arsip, manifest = buat_cadangan(folder)
        except PermissionError as e:
            raise CommandError(
                f"Folder cadangan {folder} tidak dapat ditulis oleh pengguna yang menjalankan aplikasi. "
                "Pilih folder lain dengan --folder atau BACKUP_DIR (di Docker: /data/cadangan)."
            ) from e
        except (FileExistsError, NotADirectoryError) as e:
            raise CommandError(f"{folder} bukan folder: pilih folder cadangan dengan --folder atau BACKUP_DIR.") from e
        except OSError as e:
            raise CommandError(f"Cadangan gagal ditulis ke {folder}: disk penuh atau folder tidak tersedia.") from e
        total = sum(manifest["jumlah"].values())
        self.stdout.write(self.style.SUCCESS(
            f"Cadangan tersimpan: {arsip} ({total} baris data, {manifest['berkas_media']} berkas unggahan)."
        ))
