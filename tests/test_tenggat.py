"""Due times of open services: the rule, amber/red, recomputation, lists sorted by due time."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from layanan.models import Layanan, Status
from pst_frontoffice.models import CutiBersama

WITA = ZoneInfo("Asia/Makassar")
RABU_18_MARET = datetime.datetime(2026, 3, 18, 10, 0, tzinfo=WITA)  # Thu 19 is Nyepi


@pytest.mark.django_db
def test_walk_in_consultation_is_due_three_hours_after_it_was_recorded(buat_layanan):
    layanan = buat_layanan("konsultasi", waktu=RABU_18_MARET)
    assert layanan.tenggat == RABU_18_MARET + datetime.timedelta(hours=3)


@pytest.mark.django_db
def test_online_request_is_due_at_the_end_of_the_third_working_day(tanpa_cuti_bersama, buat_layanan):
    CutiBersama.objects.filter(tanggal=datetime.date(2026, 3, 20)).update(berlaku=True)
    layanan = buat_layanan("konsultasi", waktu=RABU_18_MARET, sarana="online", kanal_online="email")
    # Nyepi (Thu), cuti bersama (Fri) and the weekend do not count: Mon 23, Tue 24, Wed 25.
    assert layanan.tenggat == datetime.datetime(2026, 3, 25, 23, 59, 59, 999999, tzinfo=WITA)


@pytest.mark.django_db
def test_walk_in_data_request_also_counts_working_days(tanpa_cuti_bersama, buat_layanan):
    layanan = buat_layanan("permintaan-data", waktu=RABU_18_MARET)
    assert layanan.tenggat == datetime.datetime(2026, 3, 24, 23, 59, 59, 999999, tzinfo=WITA)


@pytest.mark.django_db
def test_due_time_follows_the_office_settings(buat_layanan, kantor):
    kantor.batas_konsultasi_langsung_jam = 1
    kantor.save()
    layanan = buat_layanan("konsultasi", waktu=RABU_18_MARET)
    assert layanan.tenggat == RABU_18_MARET + datetime.timedelta(hours=1)


@pytest.mark.django_db
def test_changing_settings_or_cuti_bersama_recomputes_open_services_only(tanpa_cuti_bersama, buat_layanan, kantor, petugas):
    terbuka = buat_layanan("konsultasi", waktu=RABU_18_MARET, sarana="online", kanal_online="email")
    selesai = buat_layanan("konsultasi", waktu=RABU_18_MARET, sarana="online", kanal_online="email")
    selesai.ubah_status(Status.SELESAI, oleh=petugas)
    tenggat_selesai = selesai.tenggat

    cuti = CutiBersama.objects.get(tanggal=datetime.date(2026, 3, 20))
    cuti.berlaku = True
    cuti.save()
    terbuka.refresh_from_db()
    assert terbuka.tenggat == datetime.datetime(2026, 3, 25, 23, 59, 59, 999999, tzinfo=WITA)

    kantor.batas_online_hari_kerja = 1
    kantor.save()
    terbuka.refresh_from_db()
    selesai.refresh_from_db()
    assert terbuka.tenggat == datetime.datetime(2026, 3, 23, 23, 59, 59, 999999, tzinfo=WITA)
    assert selesai.tenggat == tenggat_selesai


@pytest.mark.django_db
def test_state_turns_amber_when_close_and_red_when_late(buat_layanan):
    layanan = buat_layanan("konsultasi", waktu=RABU_18_MARET)  # due 13.00

    def keadaan(jam, menit=0):
        return layanan.keadaan_tenggat(ambang_persen=75, sekarang=RABU_18_MARET.replace(hour=jam, minute=menit))

    assert keadaan(11) == "aman"
    assert keadaan(12, 15) == "mendekati"  # 75 % of 3 hours used
    assert keadaan(13) == "terlambat"


@pytest.mark.django_db
def test_closed_service_has_no_due_state(buat_layanan, petugas):
    layanan = buat_layanan("konsultasi", waktu=RABU_18_MARET)
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    assert layanan.keadaan_tenggat(ambang_persen=75) is None


@pytest.mark.django_db
def test_lists_show_the_due_time_badge_in_red_when_late(masuk, petugas, buat_layanan):
    buat_layanan("konsultasi", waktu=timezone.now() - datetime.timedelta(hours=4))
    buat_layanan("konsultasi")
    html = masuk(petugas).get(reverse("layanan:saya")).content.decode()
    assert 'id="urut-tenggat" class="kolom-urut">Tenggat</a></th>' in html  # a column it can be sorted by
    assert html.count("tenggat-terlambat") == 1
    assert html.count("tenggat-aman") == 1


@pytest.mark.django_db
def test_amber_badge_uses_the_office_threshold(masuk, petugas, buat_layanan, kantor):
    buat_layanan("konsultasi", waktu=timezone.now() - datetime.timedelta(hours=1))
    client = masuk(petugas)
    assert "tenggat-aman" in client.get(reverse("layanan:saya")).content.decode()
    kantor.ambang_kuning_persen = 30
    kantor.save()
    assert "tenggat-mendekati" in client.get(reverse("layanan:saya")).content.decode()


@pytest.mark.django_db
def test_detail_shows_the_due_time(masuk, petugas, buat_layanan):
    layanan = buat_layanan("konsultasi", waktu=RABU_18_MARET)
    html = masuk(petugas).get(reverse("layanan:detail", args=[layanan.pk])).content.decode()
    assert "Tenggat" in html and "18 Maret 2026, 13.00 WITA" in html
    assert "tenggat-terlambat" in html


def _urutan(client, nama, **params):
    return list(client.get(reverse(nama), params).context["halaman"].object_list)


@pytest.mark.django_db
@pytest.mark.parametrize("nama", ["layanan:saya", "layanan:semua"])
def test_lists_sort_by_due_time_with_open_services_first(masuk, petugas, buat_layanan, nama):
    sekarang = timezone.now()
    online_lama = buat_layanan("konsultasi", sarana="online", kanal_online="email", waktu=sekarang - datetime.timedelta(days=10))
    langsung_baru = buat_layanan("konsultasi", waktu=sekarang - datetime.timedelta(minutes=5))
    langsung_lama = buat_layanan("konsultasi", waktu=sekarang - datetime.timedelta(hours=2))
    selesai = buat_layanan("konsultasi", waktu=sekarang - datetime.timedelta(days=20))
    selesai.ubah_status(Status.SELESAI, oleh=petugas)
    client = masuk(petugas)

    urut = _urutan(client, nama, urut="tenggat", tampil="semua")

    assert urut == [online_lama, langsung_lama, langsung_baru, selesai]
    assert _urutan(client, nama, tampil="semua")[0] == langsung_baru  # default: newest first


@pytest.mark.django_db
@pytest.mark.parametrize("nama", ["layanan:saya", "layanan:semua"])
def test_sorted_lists_use_the_same_number_of_queries_for_1_and_5_rows(masuk, petugas, buat_layanan, django_assert_num_queries, nama):
    client = masuk(petugas)
    buat_layanan("permintaan-data")
    url = reverse(nama) + "?urut=tenggat"
    client.get(url)
    with CaptureQueriesContext(connection) as satu:
        client.get(url)
    for kode in ("konsultasi", "pengaduan", "perpustakaan", "permintaan-data"):
        buat_layanan(kode)

    with django_assert_num_queries(len(satu)):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("tenggat-aman") == 5


@pytest.mark.django_db
def test_migration_helper_matches_the_model_rule(buat_layanan, kantor):
    from layanan.tenggat import hitung_tenggat

    layanan = buat_layanan("konsultasi", waktu=RABU_18_MARET, sarana="online", kanal_online="pst")
    Layanan.objects.filter(pk=layanan.pk).update(tenggat=None)
    assert hitung_tenggat(layanan.dibuat, online=True, permintaan_data=False, kantor=kantor) == layanan.tenggat


@pytest.mark.django_db
def test_dashboard_lists_my_most_urgent_services_first(masuk, petugas, buat_layanan):
    sekarang = timezone.now()
    baru = buat_layanan("konsultasi", waktu=sekarang - datetime.timedelta(minutes=1))
    terlambat = buat_layanan("konsultasi", waktu=sekarang - datetime.timedelta(hours=4))
    online = buat_layanan("konsultasi", sarana="online", kanal_online="email", waktu=sekarang)

    terbaru = list(masuk(petugas).get(reverse("layanan:dashboard")).context["terbaru"])

    assert terbaru == [terlambat, baru, online]


@pytest.mark.django_db
def test_waiting_on_the_visitor_has_no_due_state(buat_layanan, petugas):
    layanan = buat_layanan("konsultasi", sarana="online", kanal_online="email", waktu=RABU_18_MARET)
    layanan.ubah_status(Status.MENUNGGU, oleh=petugas)
    assert layanan.keadaan_tenggat(ambang_persen=75, sekarang=RABU_18_MARET + datetime.timedelta(days=30)) is None


@pytest.mark.django_db
def test_late_and_open_means_past_due_and_not_answered_by_then(buat_layanan, petugas, time_machine):
    time_machine.move_to(RABU_18_MARET, tick=False)
    online = dict(sarana="online", kanal_online="email")
    tidak_dijawab = buat_layanan("konsultasi", **online)
    dijawab_tepat = buat_layanan("konsultasi", **online)
    dijawab_telat = buat_layanan("konsultasi", **online)
    selesai = buat_layanan("konsultasi", **online)
    dijawab_tepat.ubah_status(Status.MENUNGGU, oleh=petugas)
    selesai.ubah_status(Status.SELESAI, oleh=petugas)
    belum_jatuh_tempo = buat_layanan("konsultasi", **online, waktu=RABU_18_MARET + datetime.timedelta(days=20))
    time_machine.move_to(RABU_18_MARET + datetime.timedelta(days=14), tick=False)
    dijawab_telat.ubah_status(Status.MENUNGGU, oleh=petugas)

    terlambat = set(Layanan.objects.terlambat_terbuka())

    assert terlambat == {tidak_dijawab, dijawab_telat}
    assert belum_jatuh_tempo not in terlambat


@pytest.mark.django_db
def test_work_finished_at_23_59_30_on_the_due_day_is_on_time(tanpa_cuti_bersama, buat_layanan, petugas, time_machine):
    from laporan.data import Laporan
    from laporan.periode import Periode

    time_machine.move_to(RABU_18_MARET, tick=False)
    layanan = buat_layanan("permintaan-data", sarana="online", kanal_online="email")  # due Tue 24 March
    akhir = datetime.datetime(2026, 3, 24, 23, 59, 30, tzinfo=WITA)
    assert layanan.keadaan_tenggat(ambang_persen=75, sekarang=akhir) != "terlambat"
    time_machine.move_to(akhir, tick=False)
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    time_machine.move_to(datetime.datetime(2026, 3, 30, 9, 0, tzinfo=WITA), tick=False)

    with timezone.override(WITA):
        standar = Laporan(Periode.dari("hari", datetime.date(2026, 3, 24))).standar_waktu()[1]

    assert (standar["jumlah"], standar["tepat"], standar["terlambat"]) == (1, 1, 0)
    assert layanan.keadaan_tenggat(ambang_persen=75, sekarang=datetime.datetime(2026, 3, 25, 0, 0, tzinfo=WITA)) is None
    with timezone.override(WITA):
        assert timezone.localtime(layanan.tenggat).strftime("%H.%M") == "23.59"


@pytest.mark.django_db
def test_due_time_stored_at_23_59_00_moves_to_the_end_of_that_day(buat_layanan):
    import importlib

    from django.apps import apps

    migrasi = importlib.import_module("layanan.migrations.0012_tenggat_akhir_hari")
    online = buat_layanan("konsultasi", waktu=RABU_18_MARET, sarana="online", kanal_online="email")
    langsung = buat_layanan("konsultasi", waktu=RABU_18_MARET)
    lama = online.tenggat.replace(second=0, microsecond=0)
    Layanan.objects.filter(pk=online.pk).update(tenggat=lama)
    tenggat_langsung = langsung.tenggat

    migrasi.tenggat_sampai_akhir_hari(apps, None)
    migrasi.tenggat_sampai_akhir_hari(apps, None)  # running it again changes nothing

    online.refresh_from_db()
    langsung.refresh_from_db()
    assert online.tenggat == lama + datetime.timedelta(seconds=59, microseconds=999999)
    assert online.tenggat.astimezone(WITA).time() == datetime.time.max
    assert langsung.tenggat == tenggat_langsung
