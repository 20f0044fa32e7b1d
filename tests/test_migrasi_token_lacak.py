"""The migration that adds tracking tokens gives every existing service and ticket its own."""

import datetime

import pytest

from bukutamu.models import Antrian
from layanan.models import Layanan
from tests import migrasi

SEBELUM = [("layanan", "0007_item_dihapus"), ("bukutamu", "0005_indeks_trigram")]


@pytest.mark.django_db(transaction=True)
def test_existing_services_and_tickets_get_distinct_tokens():
    with migrasi.sebelum(SEBELUM) as apps:
        lama = migrasi.data_lama(apps)
        kunjungan, jenis = lama.kunjungan(), lama.jenis
        for _ in range(3):
            apps.get_model("layanan", "Layanan").objects.create(kunjungan=kunjungan, jenis=jenis, petugas=lama.petugas)
        for urut in (1, 2):
            apps.get_model("bukutamu", "Antrian").objects.create(jenis_layanan=jenis, tanggal=datetime.date(2026, 1, 5), prefix="U", urut=urut,
                                   nomor=f"U-00{urut}", diambil=datetime.datetime(2026, 1, 5, 2, tzinfo=datetime.UTC))

    token_layanan = list(Layanan.objects.values_list("token_lacak", flat=True))
    token_antrian = list(Antrian.objects.values_list("token", flat=True))
    assert len(token_layanan) == 3 and len(set(token_layanan)) == 3 and all(len(t) >= 22 for t in token_layanan)
    assert len(token_antrian) == 2 and len(set(token_antrian)) == 2 and all(token_antrian)
