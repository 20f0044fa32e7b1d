"""Working-day due times end at the day's last instant, no longer at 23.59.00.

Before, work finished between 23.59.00 and midnight on the last working day counted as late.
Online requests and data requests (the working-day standard) got 23.59.00 office time; they move
to 23.59.59.999999 of the same day. Walk-in due times (recorded + N hours) are left as they are.
Offsets of the office zones are whole minutes, so "second 0" is the same in any zone.
"""

import datetime

from django.db import migrations
from django.db.models import F, Q

SAMPAI_AKHIR_HARI = datetime.timedelta(seconds=59, microseconds=999999)


def tenggat_sampai_akhir_hari(apps, schema_editor):
    Layanan = apps.get_model("layanan", "Layanan")
    hari_kerja = Q(kunjungan__sarana="online") | Q(jenis__adalah_permintaan_data=True)
    lama = Layanan.objects.filter(hari_kerja, tenggat__isnull=False, tenggat__second=0).values("pk")
    Layanan.objects.filter(pk__in=lama).update(tenggat=F("tenggat") + SAMPAI_AKHIR_HARI)


class Migration(migrations.Migration):

    dependencies = [
        ("layanan", "0011_pesan_keluar_pindah_ke_app_pesan"),
    ]

    operations = [
        migrations.RunPython(tenggat_sampai_akhir_hari, migrations.RunPython.noop, elidable=True),
    ]
