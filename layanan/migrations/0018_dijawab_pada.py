from django.db import migrations, models


def isi_dari_riwayat(apps, schema_editor):
    """Each service's first answer from its history, as `Layanan.hitung_ulang_jawaban` sets it."""
    Layanan = apps.get_model("layanan", "Layanan")
    RiwayatLayanan = apps.get_model("layanan", "RiwayatLayanan")
    jawaban = RiwayatLayanan.objects.filter(layanan=models.OuterRef("pk"), ke_status="menunggu", diurungkan__isnull=True)
    dijawab = RiwayatLayanan.objects.filter(ke_status="menunggu").values("layanan_id")
    Layanan.objects.filter(pk__in=dijawab).update(
        dijawab_pada=models.Subquery(jawaban.order_by("waktu", "id").values("waktu")[:1])
    )


class Migration(migrations.Migration):

    dependencies = [
        ("layanan", "0017_urungkan_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="layanan",
            name="dijawab_pada",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="dijawab pada"),
        ),
        migrations.RunPython(isi_dari_riwayat, migrations.RunPython.noop),
    ]
