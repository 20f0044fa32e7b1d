from django.db import migrations, models


def salin_dari_kunjungan(apps, schema_editor):
    """Each service's channel from its visit, as `Layanan.save` copies it."""
    Layanan = apps.get_model("layanan", "Layanan")
    Kunjungan = apps.get_model("bukutamu", "Kunjungan")
    Layanan.objects.update(sarana=models.Subquery(Kunjungan.objects.filter(pk=models.OuterRef("kunjungan_id")).values("sarana")[:1]))


class Migration(migrations.Migration):

    dependencies = [
        ("bukutamu", "0001_initial"),
        ("layanan", "0018_dijawab_pada"),
    ]

    operations = [
        migrations.AddField(
            model_name="layanan",
            name="sarana",
            field=models.CharField(
                choices=[("langsung", "Langsung"), ("online", "Online")], default="", editable=False,
                max_length=10, verbose_name="sarana kunjungan",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(salin_dari_kunjungan, migrations.RunPython.noop),
    ]
