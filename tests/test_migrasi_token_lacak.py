"""The migration that adds tracking tokens gives every existing service and ticket its own."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from bukutamu.models import Antrian
from layanan.models import Layanan

SEBELUM = [("layanan", "0007_item_dihapus"), ("bukutamu", "0005_indeks_trigram")]


@pytest.mark.django_db(transaction=True)
def test_existing_services_and_tickets_get_distinct_tokens():
    executor = MigrationExecutor(connection)
    executor.migrate(SEBELUM)
    apps = executor.loader.project_state(SEBELUM).apps
    try:
        User = apps.get_model("pst_frontoffice", "User")
        jenis = apps.get_model("bukutamu", "JenisLayanan").objects.create(kode="uji", nama="Uji", prefix_antrian="U")
        petugas = User.objects.create(email="lama@example.com", nama="Lama", peran="petugas")
        pengunjung = apps.get_model("bukutamu", "Pengunjung").objects.create(nama="Tamu Lama")
        kunjungan = apps.get_model("bukutamu", "Kunjungan").objects.create(
            pengunjung=pengunjung, waktu=datetime.datetime(2026, 1, 5, 2, tzinfo=datetime.UTC), sarana="langsung",
            keperluan="Data lama", dicatat_oleh=petugas,
        )
        for _ in range(3):
            apps.get_model("layanan", "Layanan").objects.create(kunjungan=kunjungan, jenis=jenis, petugas=petugas)
        for urut in (1, 2):
            apps.get_model("bukutamu", "Antrian").objects.create(jenis_layanan=jenis, tanggal=datetime.date(2026, 1, 5), prefix="U", urut=urut,
                                   nomor=f"U-00{urut}", diambil=datetime.datetime(2026, 1, 5, 2, tzinfo=datetime.UTC))
    finally:
        # Back to the latest state, later migrations included, for the tests that follow.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    token_layanan = list(Layanan.objects.values_list("token_lacak", flat=True))
    token_antrian = list(Antrian.objects.values_list("token", flat=True))
    assert len(token_layanan) == 3 and len(set(token_layanan)) == 3 and all(len(t) >= 22 for t in token_layanan)
    assert len(token_antrian) == 2 and len(set(token_antrian)) == 2 and all(token_antrian)
