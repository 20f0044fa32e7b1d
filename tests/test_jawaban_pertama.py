"""`Layanan.dijawab_pada`, the office's first answer, is stored: it always equals what the history says
(the first Menunggu tanggapan pengunjung not undone), after any Update and Urungkan, and the
migration that added it fills it from the history of existing services."""

import datetime
import random

import pytest
from django.core.exceptions import ValidationError

from layanan.models import Layanan, RiwayatLayanan, Status
from tests import migrasi

SEKARANG = datetime.datetime(2026, 12, 2, 2, 0, tzinfo=datetime.UTC)


def _menurut_riwayat(layanan):
    """The rule read from the history in Python, apart from the query the app uses."""
    jawaban = [
        r for r in layanan.riwayat.select_related("diurungkan").order_by("waktu", "id")
        if r.ke_status == Status.MENUNGGU and getattr(r, "diurungkan", None) is None
    ]
    return jawaban[0].waktu if jawaban else None


@pytest.mark.django_db
def test_the_first_answer_follows_every_update_and_undo(buat_layanan, petugas, time_machine):
    acak = random.Random(20261207)
    waktu = SEKARANG
    time_machine.move_to(waktu, tick=False)
    layanan_semua = [buat_layanan(sarana="online", kanal_online="email") for _ in range(12)]
    dijawab_pernah = 0
    for layanan in layanan_semua:
        for _ in range(8):
            waktu += datetime.timedelta(seconds=acak.randint(1, 40))
            time_machine.move_to(waktu, tick=False)
            pilihan = [s for s in layanan.status_berikutnya() if s != Status.DIBATALKAN]
            if pilihan and acak.random() < 0.7:
                layanan.ubah_status(acak.choice(pilihan), oleh=petugas)
            else:
                terakhir = layanan.riwayat.filter(jenis=RiwayatLayanan.Jenis.STATUS).order_by("-waktu", "-id").first()
                try:
                    layanan.urungkan_status(terakhir.pk, oleh=petugas)
                except (ValidationError, AttributeError):
                    pass  # nothing to undo, or not any more: the next step changes the status
            disimpan = Layanan.objects.get(pk=layanan.pk).dijawab_pada
            assert disimpan == layanan.dijawab_pada == _menurut_riwayat(layanan)
        dijawab_pernah += layanan.riwayat.filter(ke_status=Status.MENUNGGU).exists()
    # The walk went through answers, and undos of them, not only around them.
    assert dijawab_pernah >= 6
    assert RiwayatLayanan.objects.filter(mengurungkan__ke_status=Status.MENUNGGU).exists()


@pytest.mark.django_db
def test_a_later_answer_keeps_the_first_and_an_undone_first_leaves_the_next(buat_layanan, petugas, time_machine):
    time_machine.move_to(SEKARANG, tick=False)
    layanan = buat_layanan(sarana="online", kanal_online="whatsapp")
    layanan.ubah_status(Status.MENUNGGU, oleh=petugas)
    pertama = layanan.dijawab_pada
    assert pertama == SEKARANG
    time_machine.move_to(SEKARANG + datetime.timedelta(hours=1), tick=False)
    layanan.ubah_status(Status.DIPROSES, oleh=petugas)
    time_machine.move_to(SEKARANG + datetime.timedelta(hours=2), tick=False)
    layanan.ubah_status(Status.MENUNGGU, oleh=petugas)
    assert Layanan.objects.get(pk=layanan.pk).dijawab_pada == pertama


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_first_answer_from_the_history():
    with migrasi.sebelum(migrasi.hanya_sebelum("layanan", "0017_urungkan_status")) as apps:
        lama = migrasi.data_lama(apps)
        petugas = lama.petugas
        Riwayat = apps.get_model("layanan", "RiwayatLayanan")
        kunjungan = lama.kunjungan(waktu=SEKARANG, sarana="online")
        buat = apps.get_model("layanan", "Layanan").objects.create
        dijawab, diurungkan, belum = (buat(kunjungan=kunjungan, jenis=lama.jenis, petugas=petugas) for _ in range(3))
        jam = [SEKARANG + datetime.timedelta(hours=h) for h in range(4)]
        # Answered twice: the first answer counts.
        Riwayat.objects.create(layanan=dijawab, ke_status="menunggu", oleh=petugas, waktu=jam[2])
        Riwayat.objects.create(layanan=dijawab, ke_status="menunggu", oleh=petugas, waktu=jam[1])
        # Its first answer undone: the second one counts.
        salah = Riwayat.objects.create(layanan=diurungkan, ke_status="menunggu", oleh=petugas, waktu=jam[0])
        Riwayat.objects.create(layanan=diurungkan, ke_status="diproses", oleh=petugas, waktu=jam[1], mengurungkan=salah)
        Riwayat.objects.create(layanan=diurungkan, ke_status="menunggu", oleh=petugas, waktu=jam[3])
        Riwayat.objects.create(layanan=belum, ke_status="diproses", oleh=petugas, waktu=jam[0])
        pk = dijawab.pk, diurungkan.pk, belum.pk

    assert [Layanan.objects.get(pk=p).dijawab_pada for p in pk] == [jam[1], jam[3], None]
