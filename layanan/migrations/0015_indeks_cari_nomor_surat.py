"""A trigram index for the search from anywhere: reply-letter numbers by any part ("B-028/", "/2026").

Django's icontains is UPPER(col::text) LIKE UPPER('%…%'), which no b-tree can serve; a GIN trigram
index on that same expression can (as bukutamu's visitor indexes). SQLite has no such index: there
this does nothing.
"""

from django.db import migrations

INDEKS = [("nomor_surat_nomor_trgm", "layanan_nomorsurat", "UPPER(nomor::text)")]


def buat(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for nama, tabel, ekspresi in INDEKS:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {nama} ON {tabel} USING gin ({ekspresi} gin_trgm_ops)")


def hapus(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for nama, _, _ in INDEKS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {nama}")


class Migration(migrations.Migration):
    dependencies = [("layanan", "0014_catatan_internal")]

    operations = [migrations.RunPython(buat, hapus, elidable=False)]
