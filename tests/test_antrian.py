"""Queue rules: numbering per day and prefix, calling, skipping, serving through the Buku Tamu."""

import datetime

import pytest
from django.utils import timezone

from bukutamu import antrian as aturan
from bukutamu.models import Antrian, JamLayanan, Kunjungan
from pst_frontoffice.ratelimit import melebihi_batas

WITA = datetime.timezone(datetime.timedelta(hours=8))
S = Antrian.Status


def wita(*args):
    return datetime.datetime(*args, tzinfo=WITA)


@pytest.fixture
def ambil(jenis, kantor):
    def buat(kode="konsultasi", **kw):
        return aturan.ambil_nomor(jenis_layanan=jenis[kode], **kw)

    return buat


def test_ambil_nomor_counts_per_prefix(ambil):
    k1, k2, d1 = ambil(), ambil(), ambil("permintaan-data")

    assert [k1.nomor, k2.nomor, d1.nomor] == ["K-001", "K-002", "D-001"]
    assert k1.status == S.MENUNGGU and k1.riwayat.count() == 1


def test_ambil_nomor_restarts_at_001_every_office_day(ambil):
    # 23.50 and 00.10 office time (WITA) are different days even though both are 15.xx/16.xx UTC.
    kemarin = ambil(waktu=wita(2026, 11, 20, 23, 50))
    kemarin2 = ambil(waktu=wita(2026, 11, 20, 23, 55))
    hari_ini = ambil(waktu=wita(2026, 11, 21, 0, 10))

    assert (kemarin.nomor, kemarin2.nomor, hari_ini.nomor) == ("K-001", "K-002", "K-001")
    assert kemarin.tanggal == datetime.date(2026, 11, 20) and hari_ini.tanggal == datetime.date(2026, 11, 21)


def test_ambil_nomor_refuses_a_kind_without_prefix(jenis, kantor):
    jenis["konsultasi"].prefix_antrian = ""
    with pytest.raises(ValueError):
        aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"])


def test_unique_constraint_backs_up_the_counter(ambil):
    from django.db import IntegrityError, transaction

    k1 = ambil()
    with pytest.raises(IntegrityError), transaction.atomic():
        Antrian.objects.create(jenis_layanan=k1.jenis_layanan, tanggal=k1.tanggal, prefix="K", urut=1, nomor="K-001", diambil=timezone.now())


def test_panggil_berikutnya_takes_the_oldest_waiting_number(ambil, petugas):
    pertama = ambil("perpustakaan")
    ambil("konsultasi")

    dipanggil = aturan.panggil_berikutnya(petugas=petugas, loket=2)

    assert dipanggil.pk == pertama.pk
    dipanggil.refresh_from_db()
    assert (dipanggil.status, dipanggil.loket, dipanggil.dipanggil_oleh, dipanggil.jumlah_panggil) == (S.DIPANGGIL, 2, petugas, 1)


def test_panggil_berikutnya_returns_none_when_nobody_waits(kantor, petugas):
    assert aturan.panggil_berikutnya(petugas=petugas, loket=1) is None


def test_panggil_berikutnya_finishes_only_its_own_counter(ambil, petugas, petugas2):
    a, b, c = ambil(), ambil(), ambil()
    aturan.panggil_berikutnya(petugas=petugas, loket=1)   # a → loket 1
    aturan.panggil_berikutnya(petugas=petugas2, loket=2)  # b → loket 2

    aturan.panggil_berikutnya(petugas=petugas, loket=1)   # c → loket 1, a done

    for x in (a, b, c):
        x.refresh_from_db()
    assert (a.status, b.status, c.status) == (S.SELESAI, S.DIPANGGIL, S.DIPANGGIL)
    assert a.selesai_pada is not None
    assert list(a.riwayat.values_list("status", flat=True)) == [S.MENUNGGU, S.DIPANGGIL, S.SELESAI]


def test_panggil_ulang_calls_again_and_counts(ambil, petugas):
    a = ambil()
    aturan.panggil_berikutnya(petugas=petugas, loket=1)

    aturan.panggil_ulang(antrian_id=a.pk, petugas=petugas, loket=1)

    a.refresh_from_db()
    assert (a.status, a.jumlah_panggil) == (S.DIPANGGIL, 2)


def test_lewati_then_panggil_ulang_brings_a_late_visitor_back(ambil, petugas):
    a, b = ambil(), ambil()
    aturan.panggil_berikutnya(petugas=petugas, loket=1)
    aturan.lewati(antrian_id=a.pk, petugas=petugas)
    aturan.panggil_berikutnya(petugas=petugas, loket=1)  # b

    aturan.panggil_ulang(antrian_id=a.pk, petugas=petugas, loket=1)

    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == (S.DIPANGGIL, S.SELESAI)


def test_lewati_refuses_a_finished_number(ambil, petugas):
    a = ambil()
    aturan.panggil_berikutnya(petugas=petugas, loket=1)
    aturan.panggil_berikutnya(petugas=petugas, loket=1)  # nothing waiting, a finished
    with pytest.raises(aturan.AntrianTidakBisa, match="Selesai"):
        aturan.lewati(antrian_id=a.pk, petugas=petugas)


def test_catat_kunjungan_marks_the_ticket_served_once(ambil, buat_kunjungan, petugas):
    a = ambil()
    aturan.panggil_berikutnya(petugas=petugas, loket=1)

    kunjungan = buat_kunjungan("konsultasi", antrian=a)

    a.refresh_from_db()
    assert (a.status, a.kunjungan) == (S.DILAYANI, kunjungan)
    with pytest.raises(aturan.AntrianTidakBisa):
        buat_kunjungan("konsultasi", antrian=a)
    assert Kunjungan.objects.count() == 1  # the failed second save rolled back entirely


def test_teks_panggilan_spells_the_number(ambil, petugas):
    ambil()
    a = aturan.panggil_berikutnya(petugas=petugas, loket=3)
    assert a.teks_panggilan == "Nomor antrian K, 0 0 1, silakan menuju loket 3."


def test_papan_shows_each_counter_and_the_next_numbers(ambil, petugas, petugas2):
    a, b, c = ambil(), ambil("perpustakaan"), ambil()
    aturan.panggil_berikutnya(petugas=petugas, loket=1)
    aturan.panggil_berikutnya(petugas=petugas2, loket=2)

    papan = aturan.papan(a.tanggal)

    assert [(x.loket, x.nomor) for x in papan["loket"]] == [(1, a.nomor), (2, b.nomor)]
    assert [x.nomor for x in papan["berikutnya"]] == [c.nomor]
    assert papan["terakhir"].pk == b.pk


# Service hours and appointments -------------------------------------------------------

@pytest.fixture
def jadwal(db):
    return aturan.jadwal_layanan()  # the rows the data migration wrote: the standard hours


def test_jadwal_layanan_falls_back_to_the_standard_hours_without_rows(db):
    JamLayanan.objects.all().delete()
    jadwal = aturan.jadwal_layanan()
    assert jadwal[0] == (datetime.time(8), datetime.time(15, 30))
    assert jadwal[4] == (datetime.time(8), datetime.time(16))
    assert 5 not in jadwal and 6 not in jadwal


def test_jadwal_layanan_follows_the_admin_rows(db):
    JamLayanan.objects.filter(hari=0).delete()
    JamLayanan.objects.create(hari=5, buka=datetime.time(9), tutup=datetime.time(12))
    jadwal = aturan.jadwal_layanan()
    assert jadwal[5] == (datetime.time(9), datetime.time(12))
    assert 0 not in jadwal and jadwal[1] == (datetime.time(8), datetime.time(15, 30))


@pytest.mark.parametrize(("waktu", "buka"), [
    (wita(2026, 11, 23, 7, 59), False),   # Monday before opening
    (wita(2026, 11, 23, 8, 0), True),
    (wita(2026, 11, 23, 15, 29), True),
    (wita(2026, 11, 23, 15, 30), False),  # Monday closes 15.30
    (wita(2026, 11, 27, 15, 45), True),   # Friday until 16.00
    (wita(2026, 11, 28, 10, 0), False),   # Saturday
])
def test_sedang_buka_follows_service_hours(kantor, jadwal, waktu, buka):
    assert aturan.sedang_buka(waktu, jadwal=jadwal) is buka


def test_slot_janji_terdekat_is_the_first_time_outside_service_hours(kantor, jadwal):
    # Monday 09.10: the desk is open until 15.30, so the first appointment is at closing time.
    assert aturan.slot_janji_terdekat(wita(2026, 11, 23, 9, 10), jadwal=jadwal) == wita(2026, 11, 23, 15, 30)
    # Friday 15.30 (open until 16.00): an hour ahead, rounded to the half hour.
    assert aturan.slot_janji_terdekat(wita(2026, 11, 27, 15, 30), jadwal=jadwal) == wita(2026, 11, 27, 16, 30)
    # Friday 19.00, after the appointment hours: Saturday 07.00, a closed day booked the day before.
    assert aturan.slot_janji_terdekat(wita(2026, 11, 27, 19, 0), jadwal=jadwal) == wita(2026, 11, 28, 7, 0)


SENIN_09 = wita(2026, 11, 23, 9, 0)


@pytest.mark.parametrize(("waktu", "pesan"), [
    (wita(2026, 11, 28, 10, 0), None),           # Saturday 10.00: a day off, by appointment
    (wita(2026, 11, 23, 16, 0), None),           # Monday 16.00: after closing the same day
    (wita(2026, 11, 23, 15, 30), None),          # closing time itself, 6.5 hours ahead
    (wita(2026, 11, 23, 10, 0), "jam layanan"),  # within hours: walk in
    (wita(2026, 11, 23, 8, 30), "sudah lewat"),
    (wita(2026, 11, 23, 7, 0), "sudah lewat"),
    (wita(2026, 11, 23, 19, 0), "07.00–18.00"),  # outside the office's appointment hours
    (wita(2026, 11, 24, 7, 30), None),           # Tuesday before opening: more than an hour ahead
    (wita(2026, 11, 24, 16, 0), None),           # another day, 31 hours ahead
    (wita(2027, 2, 1, 16, 0), "30 hari"),
])
def test_periksa_waktu_janji(kantor, jadwal, waktu, pesan):
    alasan = aturan.periksa_waktu_janji(waktu, sekarang=SENIN_09, jadwal=jadwal)
    assert alasan is None if pesan is None else pesan in alasan


def test_appointment_less_than_an_hour_ahead_today_names_the_earliest_time(kantor, jadwal):
    senin_16 = wita(2026, 11, 23, 16, 0)
    alasan = aturan.periksa_waktu_janji(wita(2026, 11, 23, 16, 45), sekarang=senin_16, jadwal=jadwal)
    assert alasan == "Janji temu dibuat paling lambat 1 jam sebelumnya: pilih pukul 17.00 atau sesudahnya."
    assert aturan.periksa_waktu_janji(wita(2026, 11, 23, 17, 0), sekarang=senin_16, jadwal=jadwal) is None


def test_appointment_on_a_closed_day_is_made_by_the_day_before(kantor, jadwal):
    # Saturday 10.00: booked on Friday evening is fine, on Saturday morning itself it is not.
    assert aturan.periksa_waktu_janji(wita(2026, 11, 28, 10, 0), sekarang=wita(2026, 11, 27, 23, 0), jadwal=jadwal) is None
    alasan = aturan.periksa_waktu_janji(wita(2026, 11, 28, 10, 0), sekarang=wita(2026, 11, 28, 7, 0), jadwal=jadwal)
    assert alasan == ("Janji temu pada hari kantor tutup (akhir pekan atau hari libur) dibuat paling lambat "
                      "sehari sebelumnya. Pilih hari lain.")


def test_cek_janji_raises_the_same_message(kantor, jadwal):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="jam layanan"):
        aturan.cek_janji(wita(2026, 11, 23, 10, 0), SENIN_09, jadwal=jadwal)
    aturan.cek_janji(wita(2026, 11, 28, 10, 0), SENIN_09, jadwal=jadwal)


def test_appointment_hours_are_an_office_setting(kantor, jadwal):
    kantor.jam_janji_mulai, kantor.jam_janji_selesai = datetime.time(6), datetime.time(21)
    kantor.save()
    assert aturan.periksa_waktu_janji(wita(2026, 11, 23, 20, 30), sekarang=SENIN_09, jadwal=jadwal) is None
    assert "06.00–21.00" in aturan.periksa_waktu_janji(wita(2026, 11, 23, 21, 0), sekarang=SENIN_09, jadwal=jadwal)


def test_melebihi_batas_counts_per_address_and_purpose(rf):
    from django.core.cache import cache

    cache.clear()
    satu, dua = rf.post("/", REMOTE_ADDR="10.0.0.1"), rf.post("/", REMOTE_ADDR="10.0.0.2")
    hasil = [melebihi_batas(satu, "uji-antrian", batas=3, jendela=3600) for _ in range(5)]
    assert hasil == [False, False, False, True, True]
    assert melebihi_batas(dua, "uji-antrian", batas=3, jendela=3600) is False
    assert melebihi_batas(satu, "uji-lain", batas=3, jendela=3600) is False


@pytest.mark.django_db
def test_kiosk_is_closed_and_appointments_taken_on_a_national_holiday(kantor):
    """17 August 2026 (Independence Day) is a Monday: hours exist, the office is closed, appointments are taken."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from bukutamu.antrian import periksa_waktu_janji, sedang_buka, slot_janji_terdekat

    wita = ZoneInfo("Asia/Makassar")
    pagi = dt.datetime(2026, 8, 17, 9, 0, tzinfo=wita)

    assert not sedang_buka(pagi)
    # A day off: served by appointment, made a day ahead.
    assert periksa_waktu_janji(pagi, sekarang=dt.datetime(2026, 8, 14, 9, 0, tzinfo=wita)) is None
    # Sunday 20.00: past the appointment hours today; Monday 07.00, the holiday, booked the day before.
    assert slot_janji_terdekat(dt.datetime(2026, 8, 16, 20, 0, tzinfo=wita)) == dt.datetime(2026, 8, 17, 7, 0, tzinfo=wita)
