"""Working days: weekends, national holidays (the `holidays` package) and cuti bersama."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from pst_frontoffice.hari_kerja import (
    KalenderKerja, adalah_hari_kerja, hari_kerja_antara, libur_nasional, tambah_hari_kerja,
)
from pst_frontoffice.models import CutiBersama

D = datetime.date
# The week of 16–22 March 2026: Thu 19 is Hari Suci Nyepi (national holiday), Sun 22 is the second
# day of Idul Fitri; the office adds Fri 20 as cuti bersama.
SENIN, SELASA, RABU, KAMIS_NYEPI, JUMAT_CUTI, SABTU, MINGGU = (D(2026, 3, d) for d in range(16, 23))


@pytest.fixture
def cuti_jumat(tanpa_cuti_bersama):
    return CutiBersama.objects.update_or_create(
        tanggal=JUMAT_CUTI, defaults={"keterangan": "Cuti Bersama Idul Fitri", "berlaku": True}
    )[0]


def test_national_holiday_comes_from_the_holidays_package():
    assert libur_nasional(KAMIS_NYEPI) == "Hari Suci Nyepi"
    assert libur_nasional(RABU) is None


@pytest.mark.django_db
def test_working_days_in_a_week_with_a_national_holiday_and_cuti_bersama(cuti_jumat):
    hari_kerja = [d for d in (SENIN, SELASA, RABU, KAMIS_NYEPI, JUMAT_CUTI, SABTU, MINGGU) if adalah_hari_kerja(d)]

    assert hari_kerja == [SENIN, SELASA, RABU]
    assert hari_kerja_antara(D(2026, 3, 15), MINGGU) == 3


@pytest.mark.django_db
def test_adding_working_days_skips_holiday_cuti_bersama_and_weekend(cuti_jumat):
    assert tambah_hari_kerja(SENIN, 2) == RABU
    # Wednesday + 1 working day: not Nyepi, not the cuti bersama Friday, not the weekend.
    assert tambah_hari_kerja(RABU, 1) == D(2026, 3, 23)
    assert tambah_hari_kerja(RABU, 3) == D(2026, 3, 25)
    # Zero days from a day off is the next working day.
    assert tambah_hari_kerja(KAMIS_NYEPI, 0) == D(2026, 3, 23)
    assert tambah_hari_kerja(SELASA, 0) == SELASA


@pytest.mark.django_db
def test_without_the_cuti_bersama_row_friday_is_a_working_day(tanpa_cuti_bersama):
    assert adalah_hari_kerja(JUMAT_CUTI)
    assert tambah_hari_kerja(RABU, 1) == JUMAT_CUTI


def test_calendar_reads_given_dates_without_the_database():
    kalender = KalenderKerja(cuti_bersama=[JUMAT_CUTI])
    assert not kalender.adalah_hari_kerja(JUMAT_CUTI)
    assert kalender.tambah_hari_kerja(D(2026, 12, 23), 1) == D(2026, 12, 24)  # 24 Dec not in the list
    assert kalender.tambah_hari_kerja(D(2026, 12, 24), 1) == D(2026, 12, 28)  # Natal, then the weekend


def test_end_of_the_nth_working_day_is_in_the_given_zone():
    wita = ZoneInfo("Asia/Makassar")
    akhir = KalenderKerja(cuti_bersama=[]).akhir_hari_kerja_ke(RABU, 1, tz=wita)
    assert akhir == datetime.datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=wita)


@pytest.mark.django_db
def test_cuti_bersama_import_command_fills_the_decreed_dates_once():
    from django.core.management import call_command

    call_command("isi_cuti_bersama", "2026", verbosity=0)
    call_command("isi_cuti_bersama", "2026", verbosity=0)

    assert CutiBersama.objects.filter(tanggal=D(2026, 3, 20)).count() == 1
    assert CutiBersama.objects.filter(tanggal__year=2026).count() >= 5
    assert not adalah_hari_kerja(D(2026, 3, 24))


@pytest.mark.django_db
@pytest.mark.parametrize("url", [
    "/admin/pst_frontoffice/cutibersama/", "/admin/pst_frontoffice/cutibersama/add/",
    "/admin/pst_frontoffice/pengaturankantor/1/change/", "/admin/layanan/loker/", "/admin/layanan/pengaduan/",
    "/admin/layanan/peminjamanloker/",
])
def test_admin_edits_cuti_bersama_time_standards_and_lockers(masuk, admin_user, kantor, url):
    response = masuk(admin_user).get(url)
    assert response.status_code == 200
    if "pengaturankantor" in url:
        assert "Standar waktu layanan" in response.content.decode()
