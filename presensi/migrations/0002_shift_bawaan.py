from django.db import migrations

from presensi.bawaan import pastikan_shift_bawaan


def buat(apps, schema_editor):
    pastikan_shift_bawaan(apps.get_model("presensi", "Shift"))


class Migration(migrations.Migration):
    dependencies = [("presensi", "0001_initial")]

    operations = [migrations.RunPython(buat, migrations.RunPython.noop)]
