"""The outbox moved from layanan to its own app: an installation that had messages keeps every row.

The database is taken back to layanan 0010 (the outbox still in layanan, tables `layanan_*`),
filled there with the historical models, then migrated forward like an upgrade. Backward works too.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django_tasks_db.models import DBTaskResult

from pesan.models import PengaturanGateway, PesanKeluar
from pesan.tasks import kirim_pesan_keluar
from tests import migrasi

SEBELUM = [("layanan", "0010_pesan_keluar")]


def _tabel():
    return set(connection.introspection.table_names())


@pytest.mark.django_db(transaction=True)
def test_upgrade_keeps_every_message_the_gateway_and_queued_worker_tasks(buat_layanan):
    layanan = buat_layanan()
    ct_pesan = ContentType.objects.get_for_model(PesanKeluar)
    tugas = DBTaskResult.objects.get(id=kirim_pesan_keluar.enqueue().id)
    with migrasi.sebelum(SEBELUM) as apps:
        assert {"layanan_pesankeluar", "layanan_pengaturangateway"} <= _tabel()
        assert not {"pesan_pesankeluar", "pesan_pengaturangateway"} & _tabel()
        # Backward, the content type and the queued task went back to layanan's names.
        assert ContentType.objects.get(pk=ct_pesan.pk).app_label == "layanan"
        assert DBTaskResult.objects.get(pk=tugas.pk).task_path == "layanan.tasks.kirim_pesan_keluar"

        Lama = apps.get_model("layanan", "PesanKeluar")
        apps.get_model("layanan", "PengaturanGateway").objects.create(
            pk=1, aktif=True, penyedia="fonnte", url_api="http://127.0.0.1:9", token_terenkripsi="sandi", token_akhir="1234",
        )
        terkirim = Lama.objects.create(
            peristiwa="rating", kanal="whatsapp", penerima="6281234567890", isi="Mohon nilai", kunci="rating:1:wa",
            layanan_id=layanan.pk, status="terkirim", percobaan=1, id_penyedia="wamid.1",
        )
        antri = Lama.objects.create(
            peristiwa="siap_diambil", kanal="email", penerima="tamu@example.com", isi="Siap", kunci="siap:1:email",
            layanan_id=layanan.pk, subjek="Siap Diambil",
        )

    assert {"pesan_pesankeluar", "pesan_pengaturangateway"} <= _tabel()
    assert not {"layanan_pesankeluar", "layanan_pengaturangateway"} & _tabel()
    rows = {p.pk: p for p in PesanKeluar.objects.all()}
    assert sorted(rows) == sorted([terkirim.pk, antri.pk])
    assert (rows[terkirim.pk].status, rows[terkirim.pk].id_penyedia, rows[terkirim.pk].layanan_id) == (
        "terkirim", "wamid.1", layanan.pk
    )
    assert (rows[antri.pk].status, rows[antri.pk].subjek, rows[antri.pk].penerima) == (
        "antri", "Siap Diambil", "tamu@example.com"
    )
    gateway = PengaturanGateway.get()
    assert (gateway.aktif, gateway.token_akhir, gateway.url_api) == (True, "1234", "http://127.0.0.1:9")
    # The same content type row (so the same permissions and admin history), now under pesan.
    assert ContentType.objects.get_for_model(PesanKeluar).pk == ct_pesan.pk
    assert DBTaskResult.objects.get(pk=tugas.pk).task_path == "pesan.tasks.kirim_pesan_keluar"
    # New rows continue after the old ids.
    baru = PesanKeluar.objects.create(peristiwa="percobaan", kanal="whatsapp", penerima="628111", isi="x", kunci="baru")
    assert baru.pk > max(rows)
