from django.db import migrations

from bukutamu.bawaan import pastikan_prefix_antrian
from bukutamu.models.antrian import JAM_LAYANAN_BAWAAN


def isi(apps, schema_editor):
    pastikan_prefix_antrian(apps.get_model("bukutamu", "JenisLayanan"))
    JamLayanan = apps.get_model("bukutamu", "JamLayanan")
    for hari, (buka, tutup) in JAM_LAYANAN_BAWAAN.items():
        JamLayanan.objects.get_or_create(hari=int(hari), defaults={"buka": buka, "tutup": tutup})


class Migration(migrations.Migration):
    dependencies = [("bukutamu", "0003_antrian_janji_temu")]
    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
