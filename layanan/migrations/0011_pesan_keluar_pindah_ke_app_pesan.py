# The outbox and the gateway settings moved to their own app, `pesan`: here they leave layanan's
# model state only. Their tables stay; pesan's first migration takes them over and renames them.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('layanan', '0010_pesan_keluar'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='PesanKeluar'),
                migrations.DeleteModel(name='PengaturanGateway'),
            ],
        ),
    ]
