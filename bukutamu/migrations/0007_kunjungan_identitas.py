"""Each visit keeps who came as they were that day: name, agency, kind of agency, phone, e-mail.

The new columns are filled from the visitor records as they stand today (a visit with no agency of
its own takes the visitor's, as the screens showed it until now). Until this migration, saving the
guest book for a returning visitor overwrote the stored name and contact, so for older visits
today's record is the only source: **an earlier overwrite cannot be undone** — a visit whose
visitor was overwritten shows the later name and contact, as it did before this migration. From
here on a visit never changes when the visitor record does.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

INDEKS_TRIGRAM = ("kunjungan_nama_trgm", "bukutamu_kunjungan", "UPPER(nama::text)")


def isi_dari_pengunjung(apps, schema_editor):
    Kunjungan = apps.get_model("bukutamu", "Kunjungan")
    Pengunjung = apps.get_model("bukutamu", "Pengunjung")

    def dari(kolom):
        return Subquery(Pengunjung.objects.filter(pk=OuterRef("pengunjung_id")).values(kolom)[:1])

    # One UPDATE per statement, in the database: no row is read into Python, whatever the size.
    Kunjungan.objects.update(
        nama=dari("nama"), jenis_instansi=dari("jenis_instansi"), no_hp=dari("no_hp"), email=dari("email")
    )
    Kunjungan.objects.filter(instansi="").update(instansi=dari("instansi"))


def buat_indeks(apps, schema_editor):
    # The service lists search the visit's name ("contains"): a trigram index on PostgreSQL, as in 0005.
    if schema_editor.connection.vendor != "postgresql":
        return
    nama, tabel, ekspresi = INDEKS_TRIGRAM
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {nama} ON {tabel} USING gin ({ekspresi} gin_trgm_ops)")


def hapus_indeks(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEKS_TRIGRAM[0]}")


class Migration(migrations.Migration):
    dependencies = [("bukutamu", "0006_pendaftaran_mandiri")]

    operations = [
        migrations.AddField(
            model_name="kunjungan", name="nama",
            field=models.CharField(default="", max_length=150, verbose_name="nama saat kunjungan"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="kunjungan", name="jenis_instansi",
            field=models.CharField(
                choices=[
                    ("pemerintah", "Instansi pemerintah"), ("organisasi", "Organisasi / LSM"),
                    ("perusahaan", "Perusahaan / swasta"), ("pendidikan", "Perguruan tinggi / sekolah"),
                    ("perorangan", "Perorangan / umum"), ("lainnya", "Lainnya"),
                ],
                default="perorangan", max_length=20, verbose_name="jenis instansi saat kunjungan",
            ),
        ),
        migrations.AddField(
            model_name="kunjungan", name="no_hp",
            field=models.CharField(
                blank=True, help_text="Bentuk internasional, 62…", max_length=20, verbose_name="no. HP saat kunjungan"
            ),
        ),
        migrations.AddField(
            model_name="kunjungan", name="email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="email saat kunjungan"),
        ),
        migrations.AddField(
            model_name="kunjungan", name="kontak_dikonfirmasi",
            field=models.BooleanField(
                default=True, verbose_name="kontak dikonfirmasi",
                help_text="Pesan otomatis (tautan rating, SKD, pemberitahuan, surat balasan) hanya ke kontak yang dikonfirmasi petugas.",
            ),
        ),
        # The index before the rows are filled: PostgreSQL refuses to build an index on a table with
        # the foreign-key checks of the UPDATE still pending in the same transaction.
        migrations.RunPython(buat_indeks, hapus_indeks, elidable=False),
        migrations.RunPython(isi_dari_pengunjung, migrations.RunPython.noop, elidable=False),
    ]
