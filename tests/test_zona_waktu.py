"""Every hand-written date helper at the edges of the office's day and year, in WIB, WITA and WIT.

23.59 and 00.01 office time are different days whatever the UTC date says; 31 December and
1 January (a national holiday) are different years. `TIME_ZONE` is the zone outside a request;
during a request the middleware activates the office's `zona_waktu` (tested at the end).
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import reverse

from bukutamu import antrian as aturan
from laporan.periode import Periode
from layanan.tenggat import hitung_tenggat
from pst_frontoffice.hari_kerja import KalenderKerja
from pst_frontoffice.kalender import awal_hari, hari_ini, rentang_hari, waktu_relatif
from rating.services import pastikan_penilaian

D = datetime.date
ZONA = [("Asia/Jakarta", "WIB"), ("Asia/Makassar", "WITA"), ("Asia/Jayapura", "WIT")]
pytestmark = pytest.mark.parametrize(("zona", "singkatan"), ZONA, ids=[s for _, s in ZONA])


def lokal(zona, *args):
    return datetime.datetime(*args, tzinfo=ZoneInfo(zona))


def akhir_tahun(zona):
    return lokal(zona, 2026, 12, 31, 23, 59)


def awal_tahun(zona):
    return lokal(zona, 2027, 1, 1, 0, 1)


def render(teks, **ctx):
    return Template("{% load pst %}" + teks).render(Context(ctx))


# kalender -----------------------------------------------------------------------------------

def test_hari_ini_is_the_office_date_at_both_ends_of_the_day(zona, singkatan, time_machine):
    with override_settings(TIME_ZONE=zona):
        time_machine.move_to(akhir_tahun(zona), tick=False)
        assert hari_ini() == D(2026, 12, 31)
        time_machine.move_to(awal_tahun(zona), tick=False)
        assert hari_ini() == D(2027, 1, 1)


def test_awal_hari_and_rentang_hari_are_office_midnights(zona, singkatan):
    with override_settings(TIME_ZONE=zona):
        assert awal_hari(D(2027, 1, 1)) == lokal(zona, 2027, 1, 1)
        mulai, akhir = rentang_hari(D(2026, 12, 31), D(2026, 12, 31))
        assert mulai <= akhir_tahun(zona) < akhir
        assert not mulai <= awal_tahun(zona) < akhir
        assert akhir == lokal(zona, 2027, 1, 1)


def test_waktu_relatif_names_the_year_only_when_it_differs(zona, singkatan):
    assert waktu_relatif(awal_tahun(zona), D(2027, 1, 1)) == "hari ini 00.01"
    assert waktu_relatif(akhir_tahun(zona), D(2027, 1, 1)) == "31 Des 2026, 23.59"
    assert waktu_relatif(akhir_tahun(zona), D(2026, 12, 31)) == "hari ini 23.59"


# template tags ---------------------------------------------------------------------------------

def test_waktu_tag_shows_the_office_date_with_and_without_the_time(zona, singkatan):
    # In UTC both instants are on 31 December (00.01 WIT is 15.01 UTC the day before).
    with override_settings(TIME_ZONE=zona):
        assert render("{% waktu t %}", t=akhir_tahun(zona)) == f"31 Desember 2026, 23.59 {singkatan}"
        assert render("{% waktu t %}", t=awal_tahun(zona)) == f"1 Januari 2027, 00.01 {singkatan}"
        assert render("{% waktu t dengan_jam=False %}", t=awal_tahun(zona)) == "1 Januari 2027"
        assert render("{% waktu t False %}", t=awal_tahun(zona).astimezone(datetime.UTC)) == "1 Januari 2027"
        assert render("{% waktu t False %}", t=akhir_tahun(zona)) == "31 Desember 2026"
        # A calendar date (DateField) is the office's own already.
        assert render("{% waktu t False %}", t=D(2027, 1, 1)) == "1 Januari 2027"


def test_waktu_tag_date_only_for_the_rating_page_example(zona, singkatan):
    """Recorded on 2 December 2026 at 03.45 office time: the date is the 2nd, in UTC it is the 1st."""
    dibuat = lokal(zona, 2026, 12, 2, 3, 45).astimezone(datetime.UTC)
    with override_settings(TIME_ZONE=zona):
        assert render("{% waktu t dengan_jam=False %}", t=dibuat) == "2 Desember 2026"


def test_waktu_singkat_at_00_01_on_new_year(zona, singkatan, time_machine):
    with override_settings(TIME_ZONE=zona):
        time_machine.move_to(awal_tahun(zona), tick=False)
        assert render("{% waktu_singkat t %}", t=awal_tahun(zona)) == "hari ini 00.01"
        assert render("{% waktu_singkat t %}", t=akhir_tahun(zona)) == "31 Des 2026, 23.59"


# working days and due times ------------------------------------------------------------------

def test_working_days_around_new_year(zona, singkatan):
    kalender = KalenderKerja(cuti_bersama=[])
    assert not kalender.adalah_hari_kerja(D(2027, 1, 1))  # Tahun Baru Masehi
    assert kalender.tambah_hari_kerja(D(2026, 12, 31), 1) == D(2027, 1, 4)  # holiday, then the weekend
    assert kalender.hari_kerja_antara(D(2026, 12, 30), D(2027, 1, 4)) == 2
    with override_settings(TIME_ZONE=zona):
        assert kalender.akhir_hari_kerja_ke(D(2026, 12, 31), 1) == lokal(zona, 2027, 1, 4, 23, 59, 59, 999999)


@pytest.mark.django_db
def test_online_due_date_counts_from_the_office_date_at_23_59_and_00_01(zona, singkatan, kantor):
    kantor.zona_waktu = zona
    kalender = KalenderKerja(cuti_bersama=[])
    # Tuesday 29 December 23.59: Wed 30, Thu 31, (1 January, weekend) Mon 4.
    selasa = hitung_tenggat(lokal(zona, 2026, 12, 29, 23, 59).astimezone(datetime.UTC), online=True,
                            permintaan_data=False, kantor=kantor, kalender=kalender)
    # Two minutes later it is Wednesday: Thu 31, Mon 4, (Tue 5 Isra Mikraj) Wed 6.
    rabu = hitung_tenggat(lokal(zona, 2026, 12, 30, 0, 1).astimezone(datetime.UTC), online=True,
                          permintaan_data=False, kantor=kantor, kalender=kalender)
    assert selasa == lokal(zona, 2027, 1, 4, 23, 59, 59, 999999)
    assert rabu == lokal(zona, 2027, 1, 6, 23, 59, 59, 999999)


# report periods -------------------------------------------------------------------------------

@pytest.mark.parametrize("jenis", ["hari", "minggu", "bulan", "tahun"])
def test_report_period_bounds_split_new_years_eve_from_new_year(zona, singkatan, jenis):
    with override_settings(TIME_ZONE=zona):
        lama = Periode.dari(jenis, D(2026, 12, 31))
        baru = lama.geser(+1) if jenis != "minggu" else Periode.dari(jenis, D(2027, 1, 4))
        awal, akhir = lama.batas
        assert awal <= akhir_tahun(zona) < akhir
        if jenis != "minggu":  # the ISO week of 28 Dec – 3 Jan holds both
            assert akhir == lokal(zona, 2027, 1, 1)
            assert baru.batas[0] <= awal_tahun(zona) < baru.batas[1]
        else:
            assert awal <= awal_tahun(zona) < akhir
            assert (lama.mulai, lama.selesai) == (D(2026, 12, 28), D(2027, 1, 3))


# the queue ------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_queue_number_restarts_at_office_midnight(zona, singkatan, kantor, jenis):
    kantor.zona_waktu = zona
    kantor.save()
    tahun_lama = aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"], waktu=akhir_tahun(zona))
    tahun_baru = aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"], waktu=awal_tahun(zona))
    assert (tahun_lama.tanggal, tahun_lama.nomor) == (D(2026, 12, 31), "K-001")
    assert (tahun_baru.tanggal, tahun_baru.nomor) == (D(2027, 1, 1), "K-001")


@pytest.mark.django_db
def test_appointment_rule_reads_office_time(zona, singkatan, kantor, jenis):
    kantor.zona_waktu = zona
    kantor.save()
    jadwal = aturan.jadwal_layanan()
    # 23.59 on 31 December: 1 January 10.00 (a holiday) is booked the day before: fine.
    assert aturan.periksa_waktu_janji(lokal(zona, 2027, 1, 1, 10), sekarang=akhir_tahun(zona), jadwal=jadwal) is None
    # 00.01 on 1 January: the same holiday is now today, no longer "sehari sebelumnya": refused.
    alasan = aturan.periksa_waktu_janji(lokal(zona, 2027, 1, 1, 10), sekarang=awal_tahun(zona), jadwal=jadwal)
    assert "sehari sebelumnya" in alasan


# a request -------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_officer_page_shows_the_office_zone_whatever_time_zone_says(zona, singkatan, kantor, jenis, masuk, petugas,
                                                                    time_machine):
    kantor.zona_waktu = zona
    kantor.save()
    time_machine.move_to(awal_tahun(zona), tick=False)
    JanjiTemu = aturan.JanjiTemu
    JanjiTemu.objects.create(nama="Budi Janji", no_hp="6281111", jenis_layanan=jenis["konsultasi"],
                             waktu=lokal(zona, 2027, 1, 1, 9, 30))
    with override_settings(TIME_ZONE="UTC"):
        html = masuk(petugas).get(reverse("antrian:petugas")).content.decode()
    # The appointment is today's at 09.30 office time (in UTC it is still the 31st).
    assert "Budi Janji" in html and "09.30" in html


@pytest.mark.django_db
def test_rating_page_names_the_office_date_of_a_service_recorded_before_dawn(zona, singkatan, kantor, buat_layanan,
                                                                             petugas, client, time_machine):
    """The visitor's rating page for a service recorded at 03.45 office time on 2 December 2026."""
    kantor.zona_waktu = zona
    kantor.save()
    dicatat = lokal(zona, 2026, 12, 2, 3, 45)
    time_machine.move_to(dicatat, tick=False)
    layanan = buat_layanan("konsultasi", waktu=dicatat)
    penilaian = pastikan_penilaian(layanan, oleh=petugas)

    html = client.get(reverse("rating:isi", args=[penilaian.token])).content.decode()

    assert "pada 2 Desember 2026" in html and "1 Desember" not in html


@pytest.mark.django_db
def test_admin_is_warned_while_the_office_zone_differs_from_the_servers(zona, singkatan, masuk, admin_user, petugas,
                                                                        kantor, settings):
    settings.TIME_ZONE = zona
    kantor.zona_waktu = zona
    kantor.save()
    assert "peringatan-zona" not in masuk(admin_user).get(reverse("admin:index")).content.decode()

    kantor.zona_waktu = next(z for z, _ in ZONA if z != zona)
    kantor.save()
    for url in (reverse("admin:index"), reverse("layanan:dashboard")):
        html = masuk(admin_user).get(url).content.decode()
        assert "peringatan-zona" in html and f"TIME_ZONE server ({zona})" in html
    assert "peringatan-zona" not in masuk(petugas).get(reverse("layanan:dashboard")).content.decode()
