"""The office's push to the province over real HTTP (this process's live server answers as the province):
every past day is sent oldest first, a late edit is sent again, an outage is waited out with a
doubling wait and then backfilled oldest first, a wrong key waits for the right one, and the worker's
task schedules the next round. Plus the office Admin's page of each day's state, per role."""

import datetime
import socket
import threading
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from layanan.models import Layanan, Status
from pesan.tasks import jaga_outbox
from provinsi import kantor as aturan_kantor
from provinsi import kiriman, sambungan, tasks
from provinsi.models import KirimanHarian, RingkasanKantor, SambunganProvinsi, StatusKiriman
from provinsi.penerimaan import angka_datar
from ringkasan import harian

pytestmark = pytest.mark.django_db(transaction=True)

WITA = ZoneInfo("Asia/Makassar")
SEKARANG = datetime.datetime(2027, 3, 10, 9, 0, tzinfo=WITA)
HARI = [datetime.date(2027, 3, 5), datetime.date(2027, 3, 6), datetime.date(2027, 3, 8)]


@pytest.fixture
def kantor_tersambung(settings, live_server, kantor, buat_layanan, time_machine):
    """Services on three past days; the province (this process) registered the office and gave its key."""
    # One process plays both instances: the endpoint answers (province mode) and the sender sends.
    settings.MODE_PROVINSI = True
    settings.PROVINSI_URL = live_server.url
    kantor.zona_waktu = "Asia/Makassar"
    kantor.save()
    with timezone.override(WITA):
        for i, hari in enumerate(HARI):
            time_machine.move_to(datetime.datetime.combine(hari, datetime.time(10), tzinfo=WITA), tick=False)
            for _ in range(i + 1):
                buat_layanan("konsultasi")
            buat_layanan("permintaan-data")
    time_machine.move_to(SEKARANG, tick=False)
    terdaftar, kunci = aturan_kantor.daftarkan(kode="6310", nama="BPS Kabupaten Tanah Bumbu")
    sambungan.pasang_kunci(kunci=kunci, oleh=None)
    return terdaftar


def putaran():
    with timezone.override(WITA):
        return kiriman.kirim_jatuh_tempo()


def _status():
    return dict(KirimanHarian.objects.values_list("tanggal", "status"))


def _port_tertutup():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def test_every_past_day_reaches_the_province_as_the_office_stored_it(kantor_tersambung):
    hasil = putaran()
    assert hasil.terkirim == 5 and not hasil.gagal  # 5 to 9 March: every day since the first service, 7 March empty
    assert set(_status().values()) == {StatusKiriman.TERKIRIM}
    diterima = list(RingkasanKantor.objects.filter(kantor=kantor_tersambung).order_by("pk").values_list("tanggal", flat=True))
    assert diterima == sorted(diterima)  # oldest first
    with timezone.override(WITA):
        for hari in HARI:
            data = harian.sebagai_data(hari)
            assert RingkasanKantor.objects.get(tanggal=hari).angka == angka_datar(data["angka"], data["jenis_layanan"])
    assert RingkasanKantor.objects.get(tanggal=HARI[2]).layanan == 4
    assert putaran().terkirim == 0  # nothing new


def test_a_late_edit_sends_that_day_again(kantor_tersambung, petugas, time_machine):
    putaran()
    time_machine.move_to(SEKARANG + datetime.timedelta(minutes=5), tick=False)
    layanan = Layanan.objects.filter(dibuat__date=HARI[0]).first()
    with timezone.override(WITA):
        layanan.ubah_status(Status.SELESAI, oleh=petugas)
    hasil = putaran()
    assert hasil.terkirim == 1
    k = KirimanHarian.objects.get(tanggal=HARI[0])
    assert (k.status, k.kali_terkirim) == (StatusKiriman.TERKIRIM, 2)
    assert any(key.endswith("|selesai") for key in RingkasanKantor.objects.get(tanggal=HARI[0]).angka)
    assert RingkasanKantor.objects.get(tanggal=HARI[0]).dikirim_ulang == 1


def test_a_day_computed_again_with_the_same_figures_is_not_sent_again(kantor_tersambung, time_machine):
    putaran()
    time_machine.move_to(SEKARANG + datetime.timedelta(minutes=5), tick=False)
    with timezone.override(WITA):
        harian.tandai([HARI[1]])
    hasil = putaran()
    assert (hasil.terkirim, hasil.sama) == (0, 1)
    assert KirimanHarian.objects.get(tanggal=HARI[1]).kali_terkirim == 1


def test_an_outage_is_waited_out_then_every_day_is_sent_oldest_first(kantor_tersambung, settings, time_machine):
    alamat = settings.PROVINSI_URL
    settings.PROVINSI_URL = _port_tertutup()
    hasil = putaran()
    assert "tidak dapat dihubungi" in hasil.gagal
    s = SambunganProvinsi.get()
    assert (s.gagal_berturut, s.jeda_sampai) == (1, SEKARANG + datetime.timedelta(seconds=60))
    assert set(_status().values()) == {StatusKiriman.MENUNGGU}
    assert KirimanHarian.objects.get(tanggal=datetime.date(2027, 3, 5)).percobaan == 1  # the oldest was tried
    putaran()  # within the wait: nothing is tried
    assert KirimanHarian.objects.get(tanggal=datetime.date(2027, 3, 5)).percobaan == 1
    time_machine.move_to(SEKARANG + datetime.timedelta(seconds=61), tick=False)
    putaran()
    s.refresh_from_db()
    assert s.gagal_berturut == 2 and s.jeda_sampai == SEKARANG + datetime.timedelta(seconds=61 + 120)
    # Three days later the province is back: the next round sends everything, oldest first.
    settings.PROVINSI_URL = alamat
    time_machine.move_to(SEKARANG + datetime.timedelta(days=3), tick=False)
    hasil = putaran()
    assert hasil.terkirim == 8 and not hasil.gagal
    diterima = list(RingkasanKantor.objects.order_by("pk").values_list("tanggal", flat=True))
    assert diterima == [datetime.date(2027, 3, 5) + datetime.timedelta(days=i) for i in range(8)]
    s.refresh_from_db()
    assert (s.gagal_berturut, s.jeda_sampai, s.galat_terakhir) == (0, None, "")


def test_the_wait_never_exceeds_the_longest_wait(settings):
    settings.PROVINSI_JEDA_AWAL_DETIK, settings.PROVINSI_JEDA_MAKS_DETIK = 60, 3600
    assert [kiriman.jeda(n).total_seconds() for n in (1, 2, 3, 7, 8, 500)] == [60, 120, 240, 3600, 3600, 3600]


def test_a_wrong_key_is_refused_with_the_reason_until_the_right_one_is_installed(kantor_tersambung):
    benar = aturan_kantor.buat_kunci_baru(kantor_tersambung)  # the key installed is now an old one
    hasil = putaran()
    assert "Tanda tangan tidak cocok" in hasil.gagal
    k = KirimanHarian.objects.get(tanggal=datetime.date(2027, 3, 5))
    assert k.status == StatusKiriman.DITOLAK and "Tanda tangan tidak cocok" in k.alasan
    assert not RingkasanKantor.objects.exists()
    sambungan.pasang_kunci(kunci=benar, oleh=None)
    assert putaran().terkirim == 5
    assert set(_status().values()) == {StatusKiriman.TERKIRIM}


def test_another_province_or_office_code_sends_every_day_again(kantor_tersambung):
    putaran()
    baru, kunci = aturan_kantor.daftarkan(kode="6311", nama="BPS Kabupaten Kotabaru")
    sambungan.pasang_kunci(kunci=kunci, oleh=None)
    assert putaran().terkirim == 5
    assert RingkasanKantor.objects.filter(kantor=baru).count() == 5


def test_the_task_schedules_the_next_round_after_the_offices_midnight(kantor_tersambung, settings):
    putaran()
    settings.MODE_PROVINSI = False  # from here on this process is only the office
    DBTaskResult.objects.all().delete()
    assert tasks.kirim_ringkasan_provinsi.call() == 0
    (berikut,) = DBTaskResult.objects.filter(status="READY")
    assert berikut.run_after == datetime.datetime(2027, 3, 11, 0, 30, tzinfo=WITA)
    tasks.pastikan_terjadwal()
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_the_task_retries_at_the_end_of_the_wait(kantor_tersambung, settings):
    settings.MODE_PROVINSI = False
    settings.PROVINSI_URL = _port_tertutup()
    DBTaskResult.objects.all().delete()
    tasks.kirim_ringkasan_provinsi.call()
    (berikut,) = DBTaskResult.objects.filter(status="READY")
    assert berikut.run_after == SEKARANG + datetime.timedelta(seconds=60)


def test_a_province_instance_sends_nothing(kantor_tersambung):
    DBTaskResult.objects.all().delete()
    # MODE_PROVINSI is on in this fixture (for the endpoint): the task does nothing.
    assert tasks.kirim_ringkasan_provinsi.call() is None
    assert not KirimanHarian.objects.exists() and not DBTaskResult.objects.filter(status="READY").exists()


def test_the_workers_watch_follows_a_round_a_killed_worker_left_running(kantor_tersambung, settings):
    settings.MODE_PROVINSI = False
    DBTaskResult.objects.all().delete()
    # A worker killed mid-round leaves its task "running" for ever and schedules nothing after it.
    tasks.kirim_ringkasan_provinsi.enqueue()
    DBTaskResult.objects.update(status="RUNNING")
    berhenti = threading.Event()
    berhenti.set()  # one look, then the watch ends
    jaga_outbox(berhenti, selang=1)
    (berikut,) = DBTaskResult.objects.filter(status="READY", task_path=tasks.kirim_ringkasan_provinsi.module_path)
    assert berikut.run_after <= timezone.now() or berikut.run_after.year == 9999
    # The next look finds the round waiting and asks for no other.
    jaga_outbox(berhenti, selang=1)
    assert DBTaskResult.objects.filter(status="READY", task_path=tasks.kirim_ringkasan_provinsi.module_path).count() == 1


def test_the_workers_watch_schedules_nothing_for_an_office_without_a_province(settings, db):
    settings.PROVINSI_URL = ""
    DBTaskResult.objects.all().delete()
    berhenti = threading.Event()
    berhenti.set()
    jaga_outbox(berhenti, selang=1)
    assert not DBTaskResult.objects.filter(task_path=tasks.kirim_ringkasan_provinsi.module_path).exists()
