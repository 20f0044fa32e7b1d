"""Self-registration (daftar mandiri): queue number, appointment, online request, no disclosure,
the officer's Antrian tab and Buku Tamu, spam limits, expiry."""

import datetime
import gzip
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bukutamu.models import Antrian, JanjiTemu, Kunjungan, PendaftaranMandiri, Pengunjung
from bukutamu.views.pendaftaran import BATAS_KIRIM
from layanan.mandiri import belum_ditugaskan
from layanan.models import Layanan
from presensi.models import JadwalPiket, Shift

from .conftest import kunci

DAFTAR = reverse("bukutamu:daftar")
WITA = ZoneInfo("Asia/Makassar")
RABU_10 = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=WITA)  # an ordinary working Wednesday
SABTU_10 = datetime.datetime(2026, 12, 5, 10, 0, tzinfo=WITA)  # outside service days


@pytest.fixture(autouse=True)
def cache_bersih():
    cache.clear()  # the rate limits live in the cache
    yield
    cache.clear()


@pytest.fixture
def rabu(time_machine, kantor, jenis):
    time_machine.move_to(RABU_10, tick=False)


@pytest.fixture
def sabtu(time_machine, kantor, jenis):
    time_machine.move_to(SABTU_10, tick=False)


def isian(jenis, *kode, **lain):
    data = {
        "nama": "Siti Pendaftar", "instansi": "Universitas Lambung Mangkurat", "jenis_instansi": "pendidikan",
        "no_hp": "0812 3456 7890", "email": "", "jenis_layanan": [jenis[k].pk for k in (kode or ("konsultasi",))],
        "nomor_surat_permintaan": "", "keperluan": "Data kemiskinan per kecamatan 2025", "sarana": "langsung",
        "setuju": "on", "situs_web": "", **kunci("daftar_mandiri"),
    }
    data.update(lain)
    return data


def _normal(html):
    """The page with what legitimately differs between two registrations masked out."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)
    html = re.sub(r'name="kunci_sekali" value="[^"]+"', "KUNCI", html)
    html = re.sub(r"/lacak/antrian/[\w-]+/", "/lacak/antrian/TOKEN/", html)
    return re.sub(r"\b[A-Z]-\d{3}\b", "NOMOR", html)


# Walk-in within service hours ----------------------------------------------------------------

def test_form_is_phone_first_and_shows_the_buku_tamu_fields(client, rabu):
    html = client.get(DAFTAR).content.decode()
    for teks in ("Nama", "Instansi", "Jenis Instansi", "No. HP", "Email", "Jenis Pelayanan", "Nomor Surat Permintaan",
                 "Keperluan", "Sarana Kunjungan", "Kirim Pendaftaran", 'name="viewport"', "tidak dibagikan"):
        assert teks in html
    assert "<script" not in html


def test_form_page_stays_small_for_a_phone(client, rabu):
    html = client.get(DAFTAR).content
    assert len(html) < 30_000 and len(gzip.compress(html)) < 4_000  # ~2 kB today, plus the shared stylesheet


def test_registration_within_hours_gives_a_queue_number_marked_daftar_mandiri(client, rabu, jenis):
    response = client.post(DAFTAR, isian(jenis, "permintaan-data", "konsultasi", nomor_surat_permintaan="B-12/ULM/2026"))

    pendaftaran = PendaftaranMandiri.objects.get()
    antrian = pendaftaran.antrian
    assert response.status_code == 302
    assert response["Location"] == reverse("layanan:lacak_antrian", args=[antrian.token])
    assert antrian.sumber == Antrian.Sumber.MANDIRI and antrian.nomor == "K-001"  # Konsultasi comes first
    assert pendaftaran.no_hp == "6281234567890" and pendaftaran.nomor_surat_permintaan == "B-12/ULM/2026"
    assert {j.kode for j in pendaftaran.jenis_layanan.all()} == {"permintaan-data", "konsultasi"}
    halaman = client.get(response["Location"]).content.decode()
    assert "K-001" in halaman and "Anda berikutnya" in halaman
    assert not Kunjungan.objects.exists() and not Layanan.objects.exists()  # nothing until an officer saves


def test_a_known_number_gets_exactly_the_answer_an_unknown_one_gets(client, rabu, jenis):
    Pengunjung.objects.create(nama="Rahasia Lama", instansi="Instansi Rahasia", no_hp="6281234567890",
                              email="lama@contoh.id")
    jawaban = []
    for no_hp, email in (("081234567890", ""), ("081299999999", ""), ("", "LAMA@contoh.id"), ("", "baru@contoh.id")):
        response = client.post(DAFTAR, isian(jenis, no_hp=no_hp, email=email))
        halaman = client.get(response["Location"])
        jawaban.append((response.status_code, _normal(response["Location"]), halaman.status_code,
                        _normal(halaman.content.decode())))

    assert jawaban[0] == jawaban[1]  # phone matched vs. a stranger's phone
    assert jawaban[2] == jawaban[3]  # e-mail matched vs. a new e-mail
    assert all("Rahasia" not in j[3] for j in jawaban)
    cocok = [p.pengunjung.nama if p.pengunjung else None for p in PendaftaranMandiri.objects.order_by("pk")]
    assert cocok == ["Rahasia Lama", None, "Rahasia Lama", None]  # matched on the server only


def test_the_form_never_shows_stored_data_even_after_a_known_number_was_sent(client, rabu, jenis):
    Pengunjung.objects.create(nama="Rahasia Lama", no_hp="6281234567890")
    sebelum = _normal(client.get(DAFTAR).content.decode())
    client.post(DAFTAR, isian(jenis))

    assert _normal(client.get(DAFTAR).content.decode()) == sebelum


# Spam and abuse --------------------------------------------------------------------------------

def test_honeypot_is_refused_with_a_clear_message_and_saves_nothing(client, rabu, jenis):
    response = client.post(DAFTAR, isian(jenis, situs_web="http://spam.example"))

    assert response.status_code == 400
    assert "Pendaftaran tidak dapat diproses" in response.content.decode()
    assert not PendaftaranMandiri.objects.exists() and not Antrian.objects.exists()


def test_rate_limit_per_address_keeps_what_was_typed(client, rabu, jenis):
    # A class of 30 registering one after another on the kiosk at the door (one address) all get in.
    for i in range(30):
        assert client.post(DAFTAR, isian(jenis, no_hp=f"08120000{i:04d}")).status_code == 302
    for i in range(30, BATAS_KIRIM):
        client.post(DAFTAR, isian(jenis, no_hp=f"08120000{i:04d}"))

    response = client.post(DAFTAR, isian(jenis, nama="Orang Berikutnya"))

    html = response.content.decode()
    assert response.status_code == 429
    assert "Terlalu banyak pendaftaran dari perangkat ini" in html and 'value="Orang Berikutnya"' in html
    assert PendaftaranMandiri.objects.count() == BATAS_KIRIM
    # Another address is not affected.
    assert client.post(DAFTAR, isian(jenis), REMOTE_ADDR="10.0.0.9").status_code == 302


@pytest.mark.parametrize(("ubah", "pesan"), [
    ({"keperluan": "x" * 1001}, "Keperluan terlalu panjang."),
    ({"nama": "N" * 151}, "Nama terlalu panjang."),
    ({"no_hp": "", "email": ""}, "Isi No. HP atau Email"),
    ({"setuju": ""}, "Centang persetujuan"),
    ({"jenis_layanan": []}, "Pilih minimal satu Jenis Pelayanan."),
])
def test_invalid_input_is_refused_in_indonesian_and_kept(client, rabu, jenis, ubah, pesan):
    response = client.post(DAFTAR, isian(jenis, instansi="Tetap Tertulis", **ubah))

    html = response.content.decode()
    assert response.status_code == 400
    assert pesan in html and 'value="Tetap Tertulis"' in html
    assert not PendaftaranMandiri.objects.exists()


# Outside service hours: an appointment ----------------------------------------------------------

def test_outside_hours_the_registration_offers_an_appointment(client, sabtu, jenis):
    response = client.post(DAFTAR, isian(jenis))

    assert response.status_code == 302 and response["Location"].startswith(reverse("bukutamu:daftar_janji"))
    assert not Antrian.objects.exists()
    halaman = client.get(response["Location"]).content.decode()
    assert "Buat Janji Temu" in halaman
    disarankan = re.search(r'name="waktu" value="([^"]+)"', halaman).group(1)  # the app's own suggestion

    client.post(response["Location"], {"waktu": disarankan, "no_hp": "081234567890"})

    janji = JanjiTemu.objects.get()
    assert janji.nama == "Siti Pendaftar" and janji.jenis_layanan.kode == "konsultasi"
    assert PendaftaranMandiri.objects.get().janji_temu == janji
    assert "Janji temu tercatat" in client.get(response["Location"]).content.decode()


def test_an_appointment_time_the_rule_refuses_is_explained_and_nothing_is_booked(client, sabtu, jenis):
    url = client.post(DAFTAR, isian(jenis))["Location"]

    response = client.post(url, {"waktu": "2026-12-04T09:00", "no_hp": "081234567890"})  # yesterday

    assert response.status_code == 400
    assert "Janji temu belum tersimpan" in response.content.decode()
    assert 'value="081234567890"' in response.content.decode()
    assert not JanjiTemu.objects.exists()


def test_without_any_queueable_kind_the_visitor_is_sent_to_the_desk(client, rabu, jenis):
    type(jenis["konsultasi"]).objects.update(prefix_antrian="")

    response = client.post(DAFTAR, isian(jenis))

    assert response.status_code == 409
    assert "Silakan menuju meja resepsionis" in response.content.decode()
    assert not PendaftaranMandiri.objects.exists()


def test_appointment_link_without_a_valid_signature_is_a_friendly_404(client, sabtu):
    response = client.get(reverse("bukutamu:daftar_janji") + "?t=palsu")
    assert response.status_code == 404 and "Tautan tidak berlaku" in response.content.decode()


# Online requests -------------------------------------------------------------------------------

def test_online_request_outside_hours_is_due_at_the_end_of_the_third_working_day(client, sabtu, jenis):
    response = client.post(DAFTAR, isian(jenis, "permintaan-data", sarana="online"))

    layanan = Layanan.objects.get()
    # Saturday does not count: Monday 7, Tuesday 8, Wednesday 9 December.
    assert layanan.tenggat == datetime.datetime(2026, 12, 9, 23, 59, 59, 999999, tzinfo=WITA)
    assert layanan.kunjungan.sarana == "online" and layanan.kunjungan.kanal_online == "mandiri"
    assert layanan.sarana == "online"  # the copy the time-standard figures group by
    halaman = client.get(response["Location"]).content.decode()
    assert reverse("layanan:lacak", args=[layanan.token_lacak]) in halaman
    assert "9 Desember 2026" in halaman


def test_online_request_goes_to_the_officer_on_duty_by_the_roster(client, rabu, jenis, petugas, petugas2):
    pagi = Shift.objects.create(nama="Piket Uji", jam_mulai=datetime.time(8), jam_selesai=datetime.time(12))
    JadwalPiket.objects.create(tanggal=RABU_10.date(), shift=pagi, petugas=petugas2)

    client.post(DAFTAR, isian(jenis, "konsultasi", sarana="online"))

    layanan = Layanan.objects.get()
    assert layanan.petugas == petugas2
    assert "menurut jadwal piket" in layanan.riwayat.last().catatan


def test_online_request_without_anyone_on_duty_waits_in_the_desk_list(client, masuk, sabtu, jenis, petugas):
    client.post(DAFTAR, isian(jenis, "konsultasi", sarana="online"))
    layanan = Layanan.objects.get()
    assert list(belum_ditugaskan()) == [layanan]

    klien = masuk(petugas)
    assert "Siti Pendaftar" in klien.get(reverse("layanan:belum_ditugaskan")).content.decode()
    klien.post(reverse("layanan:ambil", args=[layanan.pk]))

    layanan.refresh_from_db()
    assert layanan.petugas == petugas and not belum_ditugaskan().exists()


def test_online_request_does_not_overwrite_the_matched_visitor(client, sabtu, jenis):
    lama = Pengunjung.objects.create(nama="Nama Asli", instansi="Bappeda", no_hp="6281234567890")
    client.post(DAFTAR, isian(jenis, sarana="online", nama="Orang Lain"))

    lama.refresh_from_db()
    assert lama.nama == "Nama Asli"
    assert Layanan.objects.get().kunjungan.pengunjung == lama


def test_online_accepts_only_consultation_and_data_requests(client, sabtu, jenis):
    response = client.post(DAFTAR, isian(jenis, "perpustakaan", sarana="online"))
    assert response.status_code == 400
    assert "hanya Konsultasi dan Permintaan Data" in response.content.decode()


# The officer's side ------------------------------------------------------------------------------

def test_antrian_tab_marks_the_entry_and_buku_tamu_opens_filled_and_linked(client, masuk, rabu, jenis, petugas):
    lama = Pengunjung.objects.create(nama="Siti Lama", email="siti@contoh.id")
    client.post(DAFTAR, isian(jenis, "permintaan-data", no_hp="", email="siti@contoh.id", nomor_surat_permintaan="B-1/2026"))
    klien = masuk(petugas)

    tab = klien.get(reverse("antrian:petugas")).content.decode()
    assert "daftar mandiri" in tab and "D-001" in tab

    response = klien.post(reverse("antrian:panggil"))
    buku = klien.get(response["Location"]).content.decode()
    assert 'id="dari-daftar-mandiri"' in buku and "Pengunjung lama dipilih" in buku
    assert 'value="Siti Pendaftar"' in buku and "B-1/2026" in buku and "Data kemiskinan" in buku
    assert f'name="pengunjung_id" value="{lama.pk}"' in buku
    assert not Layanan.objects.exists()


def test_unpicked_entries_are_listed_then_expire(client, masuk, time_machine, rabu, jenis, petugas):
    client.post(DAFTAR, isian(jenis))
    klien = masuk(petugas)
    assert "Daftar Mandiri Belum Dicatat" in klien.get(reverse("antrian:petugas")).content.decode()
    assert "Siti Pendaftar" in klien.get(reverse("antrian:petugas")).content.decode()

    time_machine.move_to(RABU_10 + datetime.timedelta(days=1), tick=False)
    call_command("kedaluwarsa_daftar_mandiri", verbosity=0)

    pendaftaran = PendaftaranMandiri.objects.get()
    assert pendaftaran.kedaluwarsa_pada is not None
    klien = masuk(petugas)  # a new working day, a new session
    tab = klien.get(reverse("antrian:petugas")).content.decode()
    assert "Kedaluwarsa (7 hari terakhir)" in tab and "Siti Pendaftar" in tab
    call_command("kedaluwarsa_daftar_mandiri", verbosity=0)  # idempotent
    assert PendaftaranMandiri.objects.get().kedaluwarsa_pada == pendaftaran.kedaluwarsa_pada


def test_poster_names_the_office_and_carries_the_form_qr_on_the_public_address(masuk, petugas, kantor):
    kantor.url_publik = "https://pst.contoh.go.id"
    kantor.save()
    html = masuk(petugas).get(reverse("bukutamu:daftar_poster")).content.decode()
    # The office's public address, not the host the officer's browser happened to use.
    assert kantor.nama_kantor in html and "<svg" in html and "https://pst.contoh.go.id" + DAFTAR in html
    assert "testserver" not in html


def test_poster_without_a_public_address_asks_for_it_instead_of_a_qr(masuk, petugas, kantor):
    html = masuk(petugas).get(reverse("bukutamu:daftar_poster")).content.decode()
    assert 'id="poster-tanpa-alamat"' in html and "<svg" not in html


def test_kiosk_has_a_button_to_the_form_and_prints_the_ticket_afterwards(client, rabu, jenis):
    assert f'href="{DAFTAR}?kios=1"' in client.get(reverse("antrian:kios")).content.decode()
    assert 'name="kios" value="1"' in client.get(DAFTAR + "?kios=1").content.decode()

    response = client.post(DAFTAR, isian(jenis, kios="1"))

    antrian = Antrian.objects.get()
    assert response["Location"] == f"{reverse('antrian:tiket', args=[antrian.pk])}?cetak=1&kios=1"
    tiket = client.get(response["Location"]).content.decode()
    assert "K-001" in tiket and 'class="tiket-qr"' in tiket and "data-cetak-otomatis" in tiket


def test_antrian_tab_query_count_does_not_grow_with_entries(client, masuk, rabu, jenis, petugas):
    klien = masuk(petugas)
    jumlah = []
    for n in (1, 4):
        while PendaftaranMandiri.objects.count() < n:
            client.post(DAFTAR, isian(jenis, no_hp=f"0812555{PendaftaranMandiri.objects.count():05d}"))
        klien.get(reverse("antrian:petugas"))
        with CaptureQueriesContext(connection) as q:
            klien.get(reverse("antrian:petugas"))
        jumlah.append(len(q))
    assert jumlah[0] == jumlah[1]


def test_a_request_another_officer_took_cannot_be_taken_again(client, masuk, sabtu, jenis, petugas, petugas2):
    client.post(DAFTAR, isian(jenis, "konsultasi", sarana="online"))
    layanan = Layanan.objects.get()
    masuk(petugas2).post(reverse("layanan:ambil", args=[layanan.pk]))

    response = masuk(petugas).post(reverse("layanan:ambil", args=[layanan.pk]), follow=True)

    layanan.refresh_from_db()
    assert layanan.petugas == petugas2
    assert "sudah diambil petugas lain" in response.content.decode()


@pytest.mark.parametrize("jumlah", [1, 4])
def test_unassigned_list_query_count_does_not_grow(client, masuk, sabtu, jenis, petugas, django_assert_num_queries, jumlah):
    for i in range(jumlah):
        client.post(DAFTAR, isian(jenis, "konsultasi", sarana="online", no_hp=f"0812444{i:05d}"))
    klien = masuk(petugas)
    klien.get(reverse("layanan:belum_ditugaskan"))  # session and settings warm
    with django_assert_num_queries(4):
        html = klien.get(reverse("layanan:belum_ditugaskan")).content.decode()
    assert html.count("Ambil</button>") == jumlah
