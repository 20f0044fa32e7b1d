"""Appointments outside service hours, on the kiosk and at the desk (consultation service standard)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from bukutamu.models import JanjiTemu

from .conftest import kunci

WITA = ZoneInfo("Asia/Makassar")
RABU_10 = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=WITA)  # Wednesday, open 08.00–15.30


@pytest.fixture
def rabu_pagi(db, kantor, jenis, time_machine):
    time_machine.move_to(RABU_10, tick=False)


def isian(jenis, waktu, cakupan="janji_kios", **lain):
    return {"nama": "Dewi Lestari", "no_hp": "0812 9876 5432", "jenis_layanan": jenis["konsultasi"].pk,
            "waktu": waktu, "keperluan": "Metadata Susenas", **kunci(cakupan), **lain}


@pytest.mark.parametrize("waktu", ["2026-12-05T10:00", "2026-12-02T16:00", "2026-12-02T15:30", "2026-12-03T15:30"])
def test_kiosk_accepts_an_appointment_outside_service_hours(client, rabu_pagi, jenis, waktu):
    """Saturday 10.00, today at 16.00 or at closing time, tomorrow at closing time (over a day ahead)."""
    response = client.post(reverse("antrian:buat_janji"), isian(jenis, waktu))

    assert response.status_code == 302
    janji = JanjiTemu.objects.get()
    assert janji.waktu == datetime.datetime.fromisoformat(waktu).replace(tzinfo=WITA)
    assert janji.status == JanjiTemu.Status.TERJADWAL


@pytest.mark.parametrize(("waktu", "pesan"), [
    ("2026-12-02T10:30", "jam layanan"),
    ("2026-12-02T08:00", "sudah lewat"),
    ("2026-12-02T20:00", "07.00–18.00"),
])
def test_kiosk_refuses_an_appointment_that_is_not_needed_or_possible(client, rabu_pagi, jenis, waktu, pesan):
    response = client.post(reverse("antrian:buat_janji"), isian(jenis, waktu))

    assert response.status_code == 400 and not JanjiTemu.objects.exists()
    assert pesan in response.content.decode()


def test_appointment_less_than_an_hour_ahead_is_refused_with_a_clear_message(client, jenis, kantor, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 2, 16, 0, tzinfo=WITA), tick=False)

    response = client.post(reverse("antrian:buat_janji"), isian(jenis, "2026-12-02T16:30"))

    html = response.content.decode()
    assert response.status_code == 400 and not JanjiTemu.objects.exists()
    assert "Janji temu dibuat paling lambat 1 jam sebelumnya: pilih pukul 17.00 atau sesudahnya." in html
    assert 'value="Dewi Lestari"' in html and "Metadata Susenas" in html


def test_appointment_on_a_closed_day_is_made_by_the_day_before(client, jenis, kantor, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 5, 7, 0, tzinfo=WITA), tick=False)  # Saturday morning

    response = client.post(reverse("antrian:buat_janji"), isian(jenis, "2026-12-05T10:00"))

    assert response.status_code == 400 and not JanjiTemu.objects.exists()
    assert "dibuat paling lambat sehari sebelumnya" in response.content.decode()

    time_machine.move_to(datetime.datetime(2026, 12, 4, 19, 0, tzinfo=WITA), tick=False)  # Friday evening
    response = client.post(reverse("antrian:buat_janji"), isian(jenis, "2026-12-05T10:00"))
    assert JanjiTemu.objects.count() == 1


def test_kiosk_in_service_hours_offers_numbers_and_an_appointment_for_later(client, rabu_pagi):
    html = client.get(reverse("antrian:kios")).content.decode()

    assert "Silakan pilih layanan" in html and "Buat Janji Temu di luar jam layanan" in html
    # The suggested time is the first one allowed: closing time today.
    assert 'value="02/12/2026 15.30"' in html


# At the desk ------------------------------------------------------------------------------------

def test_officer_books_an_appointment_at_the_desk(masuk, petugas, rabu_pagi, jenis):
    response = masuk(petugas).post(reverse("antrian:janji_meja"), isian(jenis, "2026-12-05T10:00", "janji_meja"), follow=True)

    janji = JanjiTemu.objects.get()
    assert (janji.nama, janji.diubah_oleh) == ("Dewi Lestari", petugas)
    assert "Janji temu Dewi Lestari tercatat untuk Sabtu, 5 Desember 2026 pukul 10.00." in response.content.decode()


def test_officer_desk_appointment_inside_hours_is_refused_and_keeps_the_input(masuk, petugas, rabu_pagi, jenis):
    response = masuk(petugas).post(reverse("antrian:janji_meja"), isian(jenis, "2026-12-02T11:00", "janji_meja"))

    html = response.content.decode()
    assert response.status_code == 400 and not JanjiTemu.objects.exists()
    assert "silakan datang langsung" in html and 'value="Dewi Lestari"' in html


def test_desk_appointment_is_refused_to_pimpinan_and_anonymous(client, masuk, pimpinan, rabu_pagi, jenis):
    anonim = client.post(reverse("antrian:janji_meja"), isian(jenis, "2026-12-05T10:00", "janji_meja"))
    assert anonim.status_code == 302 and "/login" in anonim["Location"]

    response = masuk(pimpinan).post(reverse("antrian:janji_meja"), isian(jenis, "2026-12-05T10:00", "janji_meja"))
    assert response.status_code == 403 and not JanjiTemu.objects.exists()
