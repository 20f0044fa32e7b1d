"""The visitor's side of the queue: the kiosk's full-screen number, the roll width kept from visitors,
and the TV display's clock in office time taken from the server."""

import datetime
import re

import pytest
from django.urls import reverse

from bukutamu import antrian as aturan
from pst_frontoffice.models import ZonaWaktu


@pytest.fixture
def ambil(jenis, kantor):
    def buat(kode="konsultasi"):
        return aturan.ambil_nomor(jenis_layanan=jenis[kode])

    return buat


def url_tiket(antrian, query=""):
    return reverse("antrian:tiket", args=[antrian.pk]) + query


@pytest.mark.django_db
def test_tiket_from_the_kiosk_shows_the_number_full_screen_with_a_countdown(client, ambil):
    antrian = ambil()

    html = client.get(url_tiket(antrian, "?cetak=1&kios=1")).content.decode()

    assert '<p class="kios-nomor-besar" id="nomor-kios">K-001</p>' in html
    assert 'Kembali ke awal dalam <span data-hitung-mundur>15</span> detik' in html
    assert 'data-kembali-otomatis="15"' in html and f'data-kembali-ke="{reverse("antrian:kios")}"' in html
    # The JavaScript countdown, not a meta refresh (a timed refresh the page does not announce).
    assert 'http-equiv="refresh"' not in html


@pytest.mark.django_db
def test_tiket_hides_the_roll_width_from_visitors(client, ambil):
    antrian = ambil()
    for query in ("?cetak=1&kios=1", "", "?lebar=58"):
        html = client.get(url_tiket(antrian, query)).content.decode()
        assert "58 mm" not in html and "80 mm" not in html, query


@pytest.mark.django_db
def test_tiket_offers_the_roll_width_to_an_officer(masuk, petugas, ambil):
    antrian = ambil()

    html = masuk(petugas).get(url_tiket(antrian, "?lebar=58&cetak=1")).content.decode()

    assert '<a href="?lebar=58" aria-current="true">58 mm</a>' in html and '<a href="?lebar=80">80 mm</a>' in html
    assert "tiket-58.css" in html and "Kembali ke Antrian" in html


@pytest.mark.django_db
def test_kiosk_ticket_prints_on_the_width_in_the_office_settings(client, ambil, kantor):
    kantor.lebar_tiket = "58"
    kantor.save()
    antrian = ambil()

    html = client.get(url_tiket(antrian, "?cetak=1&kios=1")).content.decode()

    assert "tiket-58.css" in html and 'class="tiket-lebar-58 tiket-kios"' in html


@pytest.mark.django_db
def test_kiosk_no_longer_carries_a_width_in_its_form(client, jenis, kantor):
    html = client.get(reverse("antrian:kios")).content.decode()
    assert "lebar" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(("zona", "teks", "offset"), [
    (ZonaWaktu.WIB, "Rabu, 2 Desember 2026 · 02.45 WIB", 7 * 3600),
    (ZonaWaktu.WITA, "Rabu, 2 Desember 2026 · 03.45 WITA", 8 * 3600),
    (ZonaWaktu.WIT, "Rabu, 2 Desember 2026 · 04.45 WIT", 9 * 3600),
])
def test_layar_clock_is_office_time_from_the_server(client, kantor, time_machine, zona, teks, offset):
    saat = datetime.datetime(2026, 12, 1, 19, 45, 30, 250_000, tzinfo=datetime.UTC)  # still 1 December in UTC
    time_machine.move_to(saat, tick=False)
    kantor.zona_waktu = zona
    kantor.save()

    html = client.get(reverse("antrian:layar")).content.decode()

    ms = int(saat.replace(microsecond=0).timestamp()) * 1000 + 250  # to the millisecond, as the TV's clock is set
    assert f'data-jam aria-live="off">{teks}</div>' in html
    assert f'data-jam-server-ms="{ms}"' in html and f'data-jam-offset="{offset}"' in html
    # Each poll of the board brings the time again, so the clock never drifts from the server's.
    partial = client.get(reverse("antrian:layar"), headers={"HX-Request": "true", "HX-Target": "papan"}).content.decode()
    assert re.search(rf'data-jam-server-ms="{ms}" data-jam-offset="{offset}"', partial)


@pytest.mark.django_db
def test_layar_empty_state_is_in_words(client, kantor):
    html = client.get(reverse("antrian:layar")).content.decode()
    assert "Belum ada nomor yang dipanggil hari ini" in html and "Tidak ada antrian menunggu" in html
    assert "—" not in html
