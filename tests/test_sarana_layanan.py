"""`Layanan.sarana` is a copy of its visit's channel (the time-standard figures group by it without
joining every service to its visit): it is set from every way a service comes in, follows a visit
corrected in the admin, and the migration that added it fills it for existing services. (The visitor's
own online request: tests/test_pendaftaran.py.)"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bukutamu.models import Kunjungan
from layanan.models import Layanan, Status
from ringkasan import harian
from ringkasan.hitung import hitung_hari
from ringkasan.models import HariRingkasan
from tests import migrasi

WITA = ZoneInfo("Asia/Makassar")
D = datetime.date


def _tidak_sama():
    return list(Layanan.objects.exclude(sarana=F("kunjungan__sarana")).values_list("pk", "sarana", "kunjungan__sarana"))


@pytest.mark.django_db
def test_a_service_carries_its_visits_channel_from_the_guest_book(buat_layanan, buat_kunjungan):
    langsung = buat_layanan("konsultasi")
    online = buat_kunjungan("konsultasi", "permintaan-data", sarana="online", kanal_online="email")
    assert langsung.sarana == "langsung"
    assert set(online.layanan.values_list("sarana", flat=True)) == {"online"}
    # A service added to an existing visit later (Layanan.save reads the visit it is given).
    tambahan = Layanan.objects.create(kunjungan=online, jenis=langsung.jenis, petugas=langsung.petugas)
    assert tambahan.sarana == "online"
    assert Layanan.objects.count() == 4 and _tidak_sama() == []


def _ubah_di_admin(client, kunjungan, **perubahan):
    """Post the admin's change form of a visit as it is shown, with `perubahan` typed over it."""
    halaman = client.get(f"/admin/bukutamu/kunjungan/{kunjungan.pk}/change/")
    form = halaman.context["adminform"].form
    data = {}
    for nama, medan in form.fields.items():
        nilai = form[nama].value()
        if nama == "waktu":
            lokal = timezone.localtime(nilai)
            data.update(waktu_0=lokal.strftime("%d/%m/%Y"), waktu_1=lokal.strftime("%H:%M:%S"))
        elif isinstance(nilai, (list, tuple)):
            data[nama] = [str(v) for v in nilai]
        elif isinstance(nilai, bool):
            if nilai:
                data[nama] = "on"
        elif nilai is not None:
            data[nama] = str(nilai)
    data.update(perubahan)
    return client.post(f"/admin/bukutamu/kunjungan/{kunjungan.pk}/change/", data)


@pytest.mark.django_db
def test_a_visits_channel_corrected_in_the_admin_reaches_its_services_and_their_due_days(
    buat_kunjungan, masuk, admin_user, kantor, time_machine,
):
    kantor.zona_waktu = "Asia/Makassar"
    kantor.save()
    with timezone.override(WITA):
        time_machine.move_to(datetime.datetime(2027, 1, 4, 9, 0, tzinfo=WITA), tick=False)
        # Recorded at the desk as a walk-in, though the request came by e-mail.
        kunjungan = buat_kunjungan("konsultasi", "permintaan-data")
        lain = buat_kunjungan("konsultasi")
        for layanan in kunjungan.layanan.all():
            layanan.ubah_status(Status.SELESAI, oleh=layanan.petugas)
        konsultasi = kunjungan.layanan.get(jenis__kode="konsultasi")
        hari_tenggat = {timezone.localtime(t).date() for t in kunjungan.layanan.values_list("tenggat", flat=True)}
        hari_konsultasi = timezone.localtime(konsultasi.tenggat).date()
        time_machine.move_to(datetime.datetime(2027, 1, 20, 9, 0, tzinfo=WITA), tick=False)
        harian.hitung_ulang()
        assert not HariRingkasan.objects.filter(kotor=True).exists()
        dicatat_sebelum, tenggat_sebelum = hitung_hari(D(2027, 1, 4)), hitung_hari(hari_konsultasi)
        assert dicatat_sebelum[("layanan_sarana", "langsung|")] == 3

        response = _ubah_di_admin(masuk(admin_user), kunjungan, sarana="online", kanal_online="email")
        assert response.status_code == 302, response.context["adminform"].form.errors

        kunjungan.refresh_from_db()
        assert kunjungan.sarana == "online"
        assert set(kunjungan.layanan.values_list("sarana", flat=True)) == {"online"}
        assert lain.layanan.get().sarana == "langsung"
        assert _tidak_sama() == []
        # The services' record day (figures per channel) and due days (figures per time standard) are
        # to be computed again.
        ditandai = set(HariRingkasan.objects.filter(kotor=True).values_list("tanggal", flat=True))
        assert {D(2027, 1, 4)} | hari_tenggat <= ditandai
        dicatat = hitung_hari(D(2027, 1, 4))
        assert (dicatat[("layanan_sarana", "langsung|")], dicatat[("layanan_sarana", "online|email")]) == (1, 2)
        # The consultation is now held to the online (working-day) standard, not the walk-in one.
        tenggat = hitung_hari(hari_konsultasi)
        for standar, selisih in (("konsultasi_langsung", -1), ("hari_kerja", 1), ("semua", 0)):
            kunci = ("kepatuhan", f"{standar}|jatuh_tempo")
            assert tenggat[kunci] - tenggat_sebelum[kunci] == selisih, standar
        harian.hitung_ulang()
        for hari in {D(2027, 1, 4)} | hari_tenggat:
            tersimpan = harian.baca(hari, hari)
            assert (tersimpan.hari_tersimpan, tersimpan.hari_langsung) == (1, 0), hari  # read from the stored day
            assert tersimpan.jumlah == hitung_hari(hari), hari


@pytest.mark.django_db
def test_a_save_of_other_fields_of_a_visit_leaves_its_services_alone(buat_kunjungan):
    kunjungan = buat_kunjungan("konsultasi")
    kunjungan.keperluan = "Data inflasi"
    with CaptureQueriesContext(connection) as q:
        kunjungan.save(update_fields=["keperluan"])
    assert [x["sql"] for x in q.captured_queries if x["sql"].startswith('UPDATE "layanan_layanan"')] == []
    with CaptureQueriesContext(connection) as q:
        kunjungan.save()  # a full save (the admin) may carry a new channel: one UPDATE, of no row here
    assert len([x for x in q.captured_queries if x["sql"].startswith('UPDATE "layanan_layanan"')]) == 1
    assert kunjungan.layanan.get().sarana == "langsung"


@pytest.mark.django_db(transaction=True)
def test_the_migration_copies_each_visits_channel_to_its_services():
    with migrasi.sebelum(migrasi.hanya_sebelum("layanan", "0018_dijawab_pada")) as apps:
        lama = migrasi.data_lama(apps)
        buat = apps.get_model("layanan", "Layanan").objects.create
        pk = {}
        for sarana, banyak in (("online", 2), ("langsung", 3)):
            kunjungan = lama.kunjungan(sarana=sarana)
            pk[sarana] = [buat(kunjungan=kunjungan, jenis=lama.jenis, petugas=lama.petugas).pk for _ in range(banyak)]

    for sarana, daftar in pk.items():
        assert list(Layanan.objects.filter(pk__in=daftar).values_list("sarana", flat=True)) == [sarana] * len(daftar)
    assert Kunjungan.objects.count() == 2 and _tidak_sama() == []
