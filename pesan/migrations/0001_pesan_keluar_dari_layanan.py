# The outbox and the gateway settings, moved here from layanan (its 0011 drops them from its state
# only). An existing installation keeps every row: the models are taken over on the tables layanan
# made, those tables are renamed to this app's names, the admin's content types (and so their
# permissions and admin history) follow, and worker tasks already queued under the old module path
# point at the new one.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _pindahkan(apps, dari, ke):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    for model in ('pesankeluar', 'pengaturangateway'):
        if not ContentType.objects.filter(app_label=ke, model=model).exists():
            ContentType.objects.filter(app_label=dari, model=model).update(app_label=ke)
    DBTaskResult = apps.get_model('django_tasks_database', 'DBTaskResult')
    DBTaskResult.objects.filter(task_path=f'{dari}.tasks.kirim_pesan_keluar').update(
        task_path=f'{ke}.tasks.kirim_pesan_keluar'
    )


def maju(apps, schema_editor):
    _pindahkan(apps, 'layanan', 'pesan')


def mundur(apps, schema_editor):
    _pindahkan(apps, 'pesan', 'layanan')


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('layanan', '0011_pesan_keluar_pindah_ke_app_pesan'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('django_tasks_database', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PengaturanGateway',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('aktif', models.BooleanField(default=False, verbose_name='gateway aktif')),
                        ('penyedia', models.CharField(choices=[('fonnte', 'Fonnte (atau API serupa: POST /send)'), ('cloud_api', 'WhatsApp Business Cloud API')], default='fonnte', max_length=20, verbose_name='penyedia')),
                        ('url_api', models.URLField(blank=True, default='https://api.fonnte.com', help_text='Fonnte: https://api.fonnte.com — Cloud API: https://graph.facebook.com/v21.0', verbose_name='alamat API')),
                        ('token_terenkripsi', models.TextField(blank=True, verbose_name='token (terenkripsi)')),
                        ('token_akhir', models.CharField(blank=True, max_length=4, verbose_name='akhir token')),
                        ('phone_number_id', models.CharField(blank=True, help_text='Khusus WhatsApp Business Cloud API.', max_length=50, verbose_name='phone number ID')),
                        ('grup_id', models.CharField(blank=True, help_text='Tujuan Kirim Notifikasi ke Grup WA lewat gateway, mis. 120363012345678901@g.us.', max_length=100, verbose_name='ID grup WA')),
                        ('token_ditolak', models.TextField(blank=True, verbose_name='token ditolak')),
                        ('token_ditolak_pada', models.DateTimeField(blank=True, null=True, verbose_name='token ditolak pada')),
                        ('diperbarui', models.DateTimeField(auto_now=True, verbose_name='diperbarui')),
                    ],
                    options={
                        'db_table': 'layanan_pengaturangateway',
                        'verbose_name': 'pengaturan gateway WA',
                        'verbose_name_plural': 'pengaturan gateway WA',
                    },
                ),
                migrations.CreateModel(
                    name='PesanKeluar',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('peristiwa', models.CharField(choices=[('rating', 'Tautan rating'), ('skd', 'Tautan SKD'), ('siap_diambil', 'Siap Diambil'), ('surat_balasan', 'Surat balasan'), ('grup', 'Notifikasi grup WA'), ('percobaan', 'Kirim percobaan')], max_length=20, verbose_name='peristiwa')),
                        ('kanal', models.CharField(choices=[('email', 'E-mail'), ('whatsapp', 'WhatsApp')], max_length=10, verbose_name='kanal')),
                        ('penerima', models.CharField(max_length=254, verbose_name='penerima')),
                        ('subjek', models.CharField(blank=True, max_length=200, verbose_name='subjek')),
                        ('isi', models.TextField(verbose_name='isi')),
                        ('kunci', models.CharField(max_length=200, unique=True, verbose_name='kunci idempotensi')),
                        ('status', models.CharField(choices=[('antri', 'Antri'), ('terkirim', 'Terkirim'), ('gagal', 'Gagal')], default='antri', max_length=10, verbose_name='status')),
                        ('percobaan', models.PositiveSmallIntegerField(default=0, verbose_name='percobaan')),
                        ('galat_terakhir', models.TextField(blank=True, verbose_name='galat terakhir')),
                        ('id_penyedia', models.CharField(blank=True, max_length=200, verbose_name='ID pesan penyedia')),
                        ('dibuat', models.DateTimeField(default=django.utils.timezone.now, verbose_name='dibuat')),
                        ('kirim_setelah', models.DateTimeField(default=django.utils.timezone.now, verbose_name='kirim setelah')),
                        ('diklaim_sampai', models.DateTimeField(blank=True, null=True, verbose_name='diklaim sampai')),
                        ('terkirim_pada', models.DateTimeField(blank=True, null=True, verbose_name='terkirim pada')),
                        ('diperbarui', models.DateTimeField(auto_now=True, verbose_name='diperbarui')),
                        ('lampiran', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='layanan.berkassurat', verbose_name='lampiran')),
                        ('layanan', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='pesan_keluar', to='layanan.layanan', verbose_name='layanan')),
                        ('oleh', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='diantrekan oleh')),
                    ],
                    options={
                        'db_table': 'layanan_pesankeluar',
                        'verbose_name': 'pesan keluar',
                        'verbose_name_plural': 'pesan keluar',
                        'ordering': ['-dibuat', '-id'],
                        'indexes': [models.Index(fields=['status', 'kirim_setelah'], name='pesan_jatuh_tempo_idx'), models.Index(fields=['-dibuat'], name='pesan_dibuat_idx')],
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name='pengaturangateway', table=None),
        migrations.AlterModelTable(name='pesankeluar', table=None),
        migrations.RunPython(maju, mundur),
    ]
