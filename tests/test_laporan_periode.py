"""The period the report opens on: this week, but on a Monday the week just ended, by the office's
clock (WIB, WITA, WIT) at both ends of the day; the quick periods keep their names' meaning."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse

from laporan.periode import Periode

D = datetime.date
ZONA = [("Asia/Jakarta", "WIB"), ("Asia/Makassar", "WITA"), ("Asia/Jayapura", "WIT")]
# 2026-11-23 is a Monday; the week before runs 16–22 November.
MINGGU_LALU = (D(2026, 11, 16), D(2026, 11, 22))
MINGGU_INI = (D(2026, 11, 23), D(2026, 11, 29))


def lokal(zona, *args):
    return datetime.datetime(*args, tzinfo=ZoneInfo(zona))


@pytest.mark.parametrize(("hari", "harapan"), [
    (D(2026, 11, 23), MINGGU_LALU),  # Monday: the week just ended
    (D(2026, 11, 24), MINGGU_INI),  # Tuesday on: this week
    (D(2026, 11, 29), MINGGU_INI),  # Sunday: the week ending today
    (D(2027, 1, 4), (D(2026, 12, 28), D(2027, 1, 3))),  # a Monday after New Year: across the year
])
def test_default_period_is_last_week_on_mondays_only(hari, harapan):
    periode = Periode.bawaan(hari)
    assert (periode.jenis, periode.mulai, periode.selesai) == ("minggu", *harapan)


def test_quick_periods_keep_their_meaning_on_a_monday():
    pilihan = {kunci: p for kunci, _, p in Periode.pilihan_cepat(D(2026, 11, 23))}
    assert (pilihan["minggu"].mulai, pilihan["minggu"].selesai) == MINGGU_INI  # "Minggu ini" is this week
    assert (pilihan["minggu_lalu"].mulai, pilihan["minggu_lalu"].selesai) == MINGGU_LALU
    assert (pilihan["hari"].mulai, pilihan["bulan"].mulai, pilihan["tahun"].mulai) == (
        D(2026, 11, 23), D(2026, 11, 1), D(2026, 1, 1))
    assert (pilihan["bulan_lalu"].mulai, pilihan["bulan_lalu"].selesai) == (D(2026, 10, 1), D(2026, 10, 31))


@pytest.mark.django_db
@pytest.mark.parametrize(("zona", "singkatan"), ZONA, ids=[s for _, s in ZONA])
@pytest.mark.parametrize(("jam", "harapan"), [
    ((2026, 11, 22, 23, 59), (D(2026, 11, 16), D(2026, 11, 22))),  # Sunday night: that week
    ((2026, 11, 23, 0, 1), MINGGU_LALU),  # one minute into Monday: still last week
    ((2026, 11, 23, 23, 59), MINGGU_LALU),
    ((2026, 11, 24, 0, 1), MINGGU_INI),  # Tuesday: the new week
], ids=["minggu-23.59", "senin-00.01", "senin-23.59", "selasa-00.01"])
def test_report_page_opens_on_the_default_week_by_the_office_clock(
    zona, singkatan, jam, harapan, kantor, masuk, pimpinan, time_machine
):
    kantor.zona_waktu = zona
    kantor.save()
    time_machine.move_to(lokal(zona, *jam), tick=False)
    with override_settings(TIME_ZONE="UTC"):  # the server's zone says otherwise; the office's counts
        response = masuk(pimpinan).get(reverse("laporan:index"))
    periode = response.context["periode"]
    assert (periode.jenis, periode.mulai, periode.selesai) == ("minggu", *harapan)
    # The quick period that names what is shown is the one marked current (rendered in office time).
    html = response.content.decode()
    terpilih = "Minggu lalu" if jam[2] == 23 else "Minggu ini"
    assert html.count('aria-current="page">') == 1 and f'aria-current="page">{terpilih}</a>' in html


@pytest.mark.django_db
def test_minggu_ini_on_a_monday_shows_this_week(kantor, masuk, pimpinan, time_machine):
    time_machine.move_to(lokal(kantor.zona_waktu, 2026, 11, 23, 9, 0), tick=False)
    response = masuk(pimpinan).get(reverse("laporan:index"), {"periode": "minggu"})
    periode = response.context["periode"]
    assert (periode.mulai, periode.selesai) == MINGGU_INI
    html = response.content.decode()
    assert 'href="?periode=minggu" aria-current="page">Minggu ini</a>' in html
    assert 'href="?periode=minggu&amp;tanggal=2026-11-16">Minggu lalu</a>' in html


@pytest.mark.parametrize("jenis, judul", [("minggu", "Laporan Mingguan"), ("bulan", "Laporan Bulanan"), ("rentang", "Laporan")])
def test_heading_names_the_kind_of_period_once(jenis, judul):
    # The page and the Word file write "<judul> Pelayanan Statistik Terpadu".
    periode = Periode(jenis, datetime.date(2026, 11, 2), datetime.date(2026, 11, 8))
    assert periode.judul == judul
    assert "Pelayanan Pelayanan" not in f"{periode.judul} Pelayanan Statistik Terpadu"
