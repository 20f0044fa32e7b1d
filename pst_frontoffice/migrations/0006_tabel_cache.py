"""The rate-limit counters' table for Django's database cache (settings.TABEL_CACHE).

Made here rather than by a separate `createcachetable` step so that every way of installing
(make run, make serve, the Docker image, restore into an empty installation) gets it with
`migrate`. Always made, also where the cache is in memory: switching CACHE_BACKEND later
then needs nothing more.
"""

from django.conf import settings
from django.db import migrations


def buat_tabel(apps, schema_editor):
    # Django's own createcachetable, pointed at this table even when CACHES is in memory.
    from django.core.management.commands.createcachetable import Command

    perintah = Command()
    perintah.verbosity = 0
    perintah.create_table(schema_editor.connection.alias, getattr(settings, "TABEL_CACHE", "pst_cache"), dry_run=False)


def hapus_tabel(apps, schema_editor):
    nama = getattr(settings, "TABEL_CACHE", "pst_cache")
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(nama)}")


class Migration(migrations.Migration):

    dependencies = [
        ("pst_frontoffice", "0005_hapus_jam_layanan_teks"),
    ]

    operations = [migrations.RunPython(buat_tabel, hapus_tabel)]
