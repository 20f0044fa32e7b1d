from django.db import migrations

from bukutamu.bawaan import pastikan_jenis_bawaan


def isi(apps, schema_editor):
    pastikan_jenis_bawaan(apps.get_model("bukutamu", "JenisLayanan"))


class Migration(migrations.Migration):
    dependencies = [("bukutamu", "0001_initial")]
    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
