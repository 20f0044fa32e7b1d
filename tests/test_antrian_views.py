"""Queue pages per role: public kiosk, ticket and display; the officers' Antrian tab and Buku Tamu link."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from bukutamu import antrian as aturan
from bukutamu.views import antrian as views_antrian
from bukutamu.models import Antrian, JanjiTemu, Kunjungan

from .conftest import kunci
from .jam_layanan import jam_layanan_hari_ini

S = Antrian.Status
KIOS = reverse("antrian:kios")
PETUGAS = reverse("antrian:petugas")


@pytest.fixture(autouse=True)
def cache_bersih():
    cache.clear()  # the kiosk's rate limit lives in the cache
    yield
    cache.clear()


@pytest.fixture
def hari_kerja_biasa(time_machine):
    """Wednesday 2 December 2026, 10.00 WITA: a working day, so a national holiday never closes the kiosk."""
    time_machine.move_to(datetime.datetime(2026, 12, 2, 2, 0, tzinfo=datetime.UTC), tick=True)


@pytest.fixture
def buka(kantor, jenis, hari_kerja_biasa):
    jam_layanan_hari_ini(True)


@pytest.fixture
def tutup(kantor, jenis, hari_kerja_biasa):
    jam_layanan_hari_ini(False)


@pytest.fixture
def ambil(jenis, kantor):
    def buat(kode="konsultasi"):
        return aturan.ambil_nomor(jenis_layanan=jenis[kode])

    return buat


# Kiosk (public) ----------------------------------------------------------------------------

def test_kios_shows_a_button_per_queueable_service(client, buka, jenis):
    jenis["pengaduan"].prefix_antrian = ""
    jenis["pengaduan"].save()

    response = client.get(KIOS)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Konsultasi" in html and "Perpustakaan" in html
    assert f'value="{jenis["pengaduan"].pk}"' not in html


def test_kios_takes_a_number_and_opens_the_ticket(client, buka, jenis):
    response = client.post(KIOS, {**kunci("kios"), "jenis_layanan": jenis["perpustakaan"].pk})

    antrian = Antrian.objects.get()
    assert antrian.nomor == "P-001" and antrian.sumber == Antrian.Sumber.KIOS
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('antrian:tiket', args=[antrian.pk])}?cetak=1&kios=1"


def test_kios_offers_an_appointment_outside_service_hours(client, tutup, jenis):
    response = client.get(KIOS)
    assert "Buat Janji Temu" in response.content.decode()

    response = client.post(KIOS, {**kunci("kios"), "jenis_layanan": jenis["konsultasi"].pk})
    assert not Antrian.objects.exists()
    assert "di luar jam layanan" in response.content.decode()


def test_kios_refuses_an_unknown_service(client, buka):
    response = client.post(KIOS, {**kunci("kios"), "jenis_layanan": 999999})
    assert response.status_code == 400 and not Antrian.objects.exists()


def test_kios_is_rate_limited_per_ip(client, buka, jenis, monkeypatch):
    # A long window, so the 21 presses never straddle two fixed windows.
    monkeypatch.setattr(views_antrian, "JENDELA_KIOS", 3600)
    for _ in range(views_antrian.BATAS_KIOS):
        client.post(KIOS, {**kunci("kios"), "jenis_layanan": jenis["konsultasi"].pk})

    response = client.post(KIOS, {**kunci("kios"), "jenis_layanan": jenis["konsultasi"].pk})

    assert response.status_code == 429
    assert Antrian.objects.count() == 20
    assert "Terlalu banyak permintaan" in response.content.decode()


def test_buat_janji_saves_and_confirms(client, tutup, jenis):
    # The nearest slot as of a minute from now: the nearest as of now stops being allowed when the
    # clock passes a half hour between here and the save.
    waktu = aturan.slot_janji_terdekat(aturan.waktu_kantor() + datetime.timedelta(minutes=1))
    response = client.post(reverse("antrian:buat_janji"), {
        **kunci("janji_kios"), "nama": "Dewi Lestari", "no_hp": "0812 9876 5432", "jenis_layanan": jenis["konsultasi"].pk,
        "waktu": waktu.strftime("%Y-%m-%dT%H:%M"), "keperluan": "Metadata Susenas",
    })

    janji = JanjiTemu.objects.get()
    assert (janji.nama, janji.no_hp, janji.waktu) == ("Dewi Lestari", "6281298765432", waktu)
    assert response.status_code == 302
    halaman = client.get(response["Location"])
    assert "Janji temu tercatat" in halaman.content.decode()


def test_buat_janji_too_soon_keeps_what_was_typed(client, tutup, jenis):
    segera = aturan.waktu_kantor() + datetime.timedelta(minutes=10)
    response = client.post(reverse("antrian:buat_janji"), {
        **kunci("janji_kios"), "nama": "Dewi Lestari", "no_hp": "081298765432", "jenis_layanan": jenis["konsultasi"].pk,
        "waktu": segera.strftime("%Y-%m-%dT%H:%M"), "keperluan": "Metadata Susenas",
    })

    html = response.content.decode()
    assert response.status_code == 400 and not JanjiTemu.objects.exists()
    assert "1 jam sebelumnya" in html and 'value="Dewi Lestari"' in html and "Metadata Susenas" in html


def test_janji_tercatat_with_a_bad_token_is_a_friendly_page(client, db):
    response = client.get(reverse("antrian:janji_tercatat") + "?t=palsu")
    assert response.status_code == 404
    assert "sudah tidak berlaku" in response.content.decode()


def test_tiket_prints_at_the_chosen_width(client, ambil):
    antrian = ambil()

    response = client.get(reverse("antrian:tiket", args=[antrian.pk]) + "?lebar=58&cetak=1")

    html = response.content.decode()
    assert response.status_code == 200
    assert "K-001" in html and "tiket-58.css" in html and "data-cetak-otomatis" in html
    assert "<script>" not in html and "style=" not in html


def test_layar_is_public_and_polls_its_board(client, ambil, petugas):
    ambil()
    ambil()
    aturan.panggil_berikutnya(petugas=petugas, loket=1)

    response = client.get(reverse("antrian:layar"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'hx-trigger="every 3s"' in html and "K-001" in html and "K-002" in html and "Aktifkan suara" in html

    partial = client.get(reverse("antrian:layar"), headers={"HX-Request": "true", "HX-Target": "papan"})
    assert partial.content.decode().lstrip().startswith('<div id="papan"')


@pytest.mark.parametrize("jumlah", [1, 5])
def test_layar_query_count_does_not_grow(client, ambil, petugas, django_assert_num_queries, jumlah):
    for _ in range(jumlah):
        ambil()
    for loket in (1, 2):
        aturan.panggil_berikutnya(petugas=petugas, loket=loket)
    # Called and waiting; the office settings are kept in the process (read when a number was taken).
    with django_assert_num_queries(2):
        client.get(reverse("antrian:layar"))


# Officers --------------------------------------------------------------------------------

def test_petugas_page_needs_login(client, db):
    response = client.get(PETUGAS)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_petugas_page_is_refused_to_pimpinan(masuk, pimpinan):
    assert masuk(pimpinan).get(PETUGAS).status_code == 403
    assert masuk(pimpinan).post(reverse("antrian:panggil")).status_code == 403


def test_petugas_page_shows_waiting_numbers_and_appointments(masuk, petugas, ambil, jenis):
    ambil()
    JanjiTemu.objects.create(nama="Budi Janji", no_hp="6281111", jenis_layanan=jenis["konsultasi"], waktu=aturan.waktu_kantor())

    html = masuk(petugas).get(PETUGAS).content.decode()

    for teks in ("Panggil Berikutnya", "K-001", "Budi Janji", "Janji Temu Hari Ini", 'aria-current="page"><i class="bi bi-people"'):
        assert teks in html


@pytest.mark.parametrize("jumlah", [1, 5])
def test_petugas_page_query_count_does_not_grow(masuk, petugas, ambil, jenis, django_assert_num_queries, jumlah):
    klien = masuk(petugas)
    for i in range(jumlah):
        ambil()
        a = ambil("perpustakaan")
        aturan.lewati(antrian_id=a.pk, petugas=petugas)
        JanjiTemu.objects.create(nama=f"J{i}", no_hp="6281111", jenis_layanan=jenis["konsultasi"], waktu=aturan.waktu_kantor())
    klien.get(PETUGAS)  # session and settings warm
    # The Buat Janji Temu form adds its list of services (service hours and holidays are read once);
    # the self-registrations not written today and those expired add two.
    with django_assert_num_queries(12):
        klien.get(PETUGAS)


def test_panggil_berikutnya_leads_to_the_buku_tamu_with_the_ticket(masuk, petugas, ambil, jenis):
    antrian = ambil("permintaan-data")
    klien = masuk(petugas)
    klien.get(PETUGAS + "?loket=2")

    response = klien.post(reverse("antrian:panggil"))

    assert response["Location"] == f"{reverse('bukutamu:buku_tamu')}?antrian={antrian.pk}"
    antrian.refresh_from_db()
    assert (antrian.status, antrian.loket) == (S.DIPANGGIL, 2)
    html = klien.get(response["Location"]).content.decode()
    assert "Sedang dilayani · Loket 2" in html and "D-001" in html
    assert f'name="antrian" value="{antrian.pk}"' in html
    assert "checked data-permintaan-data" in html  # the ticket's service is ticked


def test_panggil_berikutnya_with_nobody_waiting_says_so(masuk, petugas, kantor):
    response = masuk(petugas).post(reverse("antrian:panggil"), follow=True)
    assert "Tidak ada antrian yang menunggu" in response.content.decode()


def test_saving_the_buku_tamu_marks_the_ticket_served(masuk, petugas, ambil, jenis):
    antrian = ambil()
    aturan.panggil_berikutnya(petugas=petugas, loket=1)

    response = masuk(petugas).post(reverse("bukutamu:buku_tamu"), {
        **kunci("buku_tamu"), "antrian": antrian.pk, "nama": "Siti", "instansi": "", "jenis_instansi": "perorangan",
        "no_hp": "081234567890", "email": "", "jenis_layanan": [jenis["konsultasi"].pk],
        "keperluan": "Konsultasi metadata", "sarana": "langsung", "kanal_online": "", "nomor_surat_permintaan": "",
    })

    assert response.status_code == 302
    antrian.refresh_from_db()
    assert antrian.status == S.DILAYANI and antrian.kunjungan == Kunjungan.objects.get()


def test_buku_tamu_refuses_a_ticket_already_written(masuk, petugas, ambil, buat_kunjungan, jenis):
    antrian = ambil()
    aturan.panggil_berikutnya(petugas=petugas, loket=1)
    buat_kunjungan("konsultasi", antrian=antrian)

    response = masuk(petugas).post(reverse("bukutamu:buku_tamu"), {
        **kunci("buku_tamu"), "antrian": antrian.pk, "nama": "Siti", "instansi": "", "jenis_instansi": "perorangan",
        "no_hp": "081234567890", "email": "", "jenis_layanan": [jenis["konsultasi"].pk],
        "keperluan": "Konsultasi metadata", "sarana": "langsung", "kanal_online": "", "nomor_surat_permintaan": "",
    })

    html = response.content.decode()
    assert response.status_code == 200 and "sudah tercatat di buku tamu" in html and 'value="Siti"' in html
    assert Kunjungan.objects.count() == 1
    # The link is dropped from the re-rendered form, so saving again records the visit without it.
    assert 'name="antrian" id="id_antrian"' in html and f'name="antrian" value="{antrian.pk}"' not in html


def test_panggil_ulang_and_lewati_from_the_page(masuk, petugas, ambil):
    antrian = ambil()
    klien = masuk(petugas)
    klien.post(reverse("antrian:panggil"), {"loket": "1"})

    klien.post(reverse("antrian:panggil_ulang", args=[antrian.pk]), {"loket": "1", "kembali": "https://jahat.example/"})
    antrian.refresh_from_db()
    assert antrian.jumlah_panggil == 2

    response = klien.post(reverse("antrian:lewati", args=[antrian.pk]))
    antrian.refresh_from_db()
    assert antrian.status == S.DILEWATI and response["Location"] == PETUGAS


def test_panggil_ulang_redirect_stays_on_this_site(masuk, petugas, ambil):
    antrian = ambil()
    klien = masuk(petugas)
    klien.post(reverse("antrian:panggil"), {"loket": "1"})
    response = klien.post(reverse("antrian:panggil_ulang", args=[antrian.pk]), {"loket": "1", "kembali": "https://jahat.example/"})
    assert response["Location"] == PETUGAS


def test_ambil_di_meja_prints_a_ticket(masuk, petugas, jenis, kantor):
    response = masuk(petugas).post(reverse("antrian:ambil_di_meja"), {**kunci("ambil_meja"), "jenis_layanan": jenis["konsultasi"].pk})
    antrian = Antrian.objects.get()
    assert antrian.sumber == Antrian.Sumber.MEJA
    assert response["Location"].startswith(reverse("antrian:tiket", args=[antrian.pk]))


def test_janji_hadir_gives_a_number(masuk, petugas, jenis, kantor):
    janji = JanjiTemu.objects.create(nama="Budi", no_hp="6281111", jenis_layanan=jenis["konsultasi"], waktu=aturan.waktu_kantor())

    masuk(petugas).post(reverse("antrian:janji_hadir", args=[janji.pk]))

    janji.refresh_from_db()
    assert janji.status == JanjiTemu.Status.HADIR and janji.antrian.sumber == Antrian.Sumber.JANJI
    assert masuk(petugas).post(reverse("antrian:janji_hadir", args=[janji.pk]), follow=True).status_code == 200
    assert Antrian.objects.count() == 1
