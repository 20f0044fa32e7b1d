# The app's public address becomes an office setting. An installation that gave it in the
# environment (URL_SITUS, read by earlier versions) keeps it: the value is copied once, here.

import os

import pst_frontoffice.situs
from django.db import migrations, models


def salin_url_situs(apps, schema_editor):
    url = os.environ.get('URL_SITUS', '').strip().rstrip('/')
    if not url:
        return
    PengaturanKantor = apps.get_model('pst_frontoffice', 'PengaturanKantor')
    kantor, _ = PengaturanKantor.objects.get_or_create(pk=1)
    if not kantor.url_publik:
        kantor.url_publik = url
        kantor.save(update_fields=['url_publik'])


class Migration(migrations.Migration):

    dependencies = [
        ('pst_frontoffice', '0011_pengaturan_satu_baris'),
    ]

    operations = [
        migrations.AddField(
            model_name='pengaturankantor',
            name='url_publik',
            field=models.CharField(blank=True, help_text='Alamat PST Front Office yang dibuka pengunjung dari internet, mis. https://pst.bps6310.go.id. Awal setiap tautan di pesan otomatis (e-mail, WhatsApp) dan di kode QR poster pendaftaran. Pesan otomatis tidak dikirim selama alamat ini kosong.', max_length=200, validators=[pst_frontoffice.situs.validasi_url_publik], verbose_name='alamat publik aplikasi'),
        ),
        migrations.RunPython(salin_url_situs, migrations.RunPython.noop),
    ]
