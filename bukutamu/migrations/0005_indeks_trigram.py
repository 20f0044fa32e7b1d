"""Trigram indexes for "contains" searches on PostgreSQL (visitor autocomplete, Semua Layanan filter).

Django's icontains is UPPER(col::text) LIKE UPPER('%…%'), which no b-tree can serve; a GIN
trigram index on that same expression can. SQLite has no such index: there this does nothing.
"""

from django.db import migrations, models

INDEKS = [
    ("pengunjung_nama_trgm", "bukutamu_pengunjung", "UPPER(nama::text)"),
    ("pengunjung_email_trgm", "bukutamu_pengunjung", "UPPER(email::text)"),
    ("pengunjung_instansi_trgm", "bukutamu_pengunjung", "UPPER(instansi::text)"),
    ("pengunjung_no_hp_trgm", "bukutamu_pengunjung", "(no_hp::text)"),
    ("kunjungan_instansi_trgm", "bukutamu_kunjungan", "UPPER(instansi::text)"),
    ("kunjungan_keperluan_trgm", "bukutamu_kunjungan", "UPPER(keperluan::text)"),
]


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
    dependencies = [("bukutamu", "0004_antrian_bawaan")]

    operations = [
        migrations.AddIndex(
            model_name="pengunjung",
            index=models.Index(fields=["-diperbarui"], name="pengunjung_diperbarui_idx"),
        ),
        migrations.RunPython(buat, hapus, elidable=False),
    ]
