"""Files made by the worker: asked for on the report page, made in the background with progress,
downloaded only by whoever asked (or an Admin), removed after UNDUHAN_SIMPAN_JAM."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from laporan import ekspor
from laporan.data import Laporan, baris_layanan
from laporan.periode import Periode
from pesan.signals import worker_berjaga
from pesan.tasks import jaga_outbox
from pst_frontoffice.models import LogAktivitas, Peran
from unduhan.models import Unduhan
from unduhan.pembuatan import bersihkan

from .conftest import _pk_dari_lokasi, jalankan_tugas

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")
MINGGU = {"periode": "minggu", "tanggal": "2026-11-18"}
BUAT = reverse("unduhan:buat")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _worker():
    jalankan_tugas()


def _minta(client, capture, jenis="laporan_xlsx", **lain):
    with capture(execute=True):
        response = client.post(BUAT, {"jenis": jenis, **MINGGU}, **lain)
    return response


def test_pimpinan_asks_and_the_worker_makes_the_file_with_every_service(
    masuk, pimpinan, buat_layanan, django_capture_on_commit_callbacks
):
    for jam in (9, 10, 11):
        buat_layanan(waktu=datetime.datetime(2026, 11, 17, jam, tzinfo=WITA))
    client = masuk(pimpinan)

    diminta = _minta(client, django_capture_on_commit_callbacks)

    unduhan = Unduhan.objects.get()
    assert diminta.status_code == 302 and diminta["Location"] == reverse("unduhan:lihat", args=[unduhan.pk])
    assert (unduhan.status, unduhan.pemilik, unduhan.nama_berkas) == ("menunggu", pimpinan, "laporan-pst-20261116-20261122.xlsx")
    halaman = client.get(diminta["Location"]).content.decode()
    assert "Menunggu giliran" in halaman and 'hx-trigger="every 1s"' in halaman  # the page follows it
    assert LogAktivitas.objects.filter(aksi="unduhan", pengguna=pimpinan).exists()  # who exported visitor data

    _worker()

    unduhan.refresh_from_db()
    assert (unduhan.status, unduhan.kemajuan) == ("siap", 100)
    halaman = client.get(diminta["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' not in halaman and reverse("unduhan:unduh", args=[unduhan.pk]) in halaman
    berkas = client.get(reverse("unduhan:unduh", args=[unduhan.pk]))
    assert berkas["Content-Disposition"] == 'attachment; filename="laporan-pst-20261116-20261122.xlsx"'
    wb = load_workbook(io.BytesIO(b"".join(berkas.streaming_content)))
    data = list(wb["Data Layanan"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in data] == [r[0] for r in baris_layanan(Periode.dari("minggu", datetime.date(2026, 11, 18)))]
    assert len(data) == 3


def test_htmx_request_gets_the_progress_part_that_asks_again_until_ready(masuk, pimpinan, django_capture_on_commit_callbacks):
    client = masuk(pimpinan)
    bagian = _minta(client, django_capture_on_commit_callbacks, HTTP_HX_REQUEST="true").content.decode()
    unduhan = Unduhan.objects.get()
    assert bagian.lstrip().startswith(f'<div id="unduhan-{unduhan.pk}"') and "<progress" in bagian
    assert f'hx-get="{reverse("unduhan:lihat", args=[unduhan.pk])}"' in bagian

    unduhan.catat_kemajuan(status=Unduhan.Status.DIBUAT, kemajuan=40, keterangan="Menulis baris 2.000 dari 5.000.")
    lagi = client.get(reverse("unduhan:lihat", args=[unduhan.pk]),
                      headers={"HX-Request": "true", "HX-Target": f"unduhan-{unduhan.pk}"}).content.decode()
    assert lagi.lstrip().startswith(f'<div id="unduhan-{unduhan.pk}"') and "<nav" not in lagi
    assert 'value="40"' in lagi and "Menulis baris 2.000 dari 5.000." in lagi and "hx-trigger" in lagi


def test_the_writer_reports_its_progress_row_by_row(buat_layanan, tmp_path):
    for jam in range(9, 14):
        buat_layanan(waktu=datetime.datetime(2026, 11, 17, jam, tzinfo=WITA))
    laporan = Laporan(Periode.dari("minggu", datetime.date(2026, 11, 18)))
    dilihat = []

    ekspor.tulis_xlsx(laporan, tmp_path / "l.xlsx", kemajuan=lambda s, t: dilihat.append((s, t)), langkah=2)

    assert dilihat == [(0, 5), (2, 5), (4, 5), (5, 5)]


def test_the_same_file_asked_twice_while_on_its_way_is_made_once(masuk, pimpinan, django_capture_on_commit_callbacks):
    client = masuk(pimpinan)
    pertama = _minta(client, django_capture_on_commit_callbacks)
    kedua = _minta(client, django_capture_on_commit_callbacks)
    assert pertama["Location"] == kedua["Location"] and Unduhan.objects.count() == 1
    _minta(client, django_capture_on_commit_callbacks, jenis="silastik_csv")
    assert Unduhan.objects.count() == 2


def test_only_whoever_asked_and_admin_see_or_download_the_file(
    masuk, pimpinan, buat_user, admin_user, django_capture_on_commit_callbacks
):
    pk = _pk_dari_lokasi(_minta(masuk(pimpinan), django_capture_on_commit_callbacks))
    _worker()
    lain = buat_user("kepala2@example.com", Peran.PIMPINAN)
    for url in (reverse("unduhan:lihat", args=[pk]), reverse("unduhan:unduh", args=[pk])):
        assert masuk(lain).get(url).status_code == 404
        assert masuk(admin_user).get(url).status_code == 200
        assert masuk(pimpinan).get(url).status_code == 200


def test_petugas_cannot_ask_for_report_files(masuk, petugas):
    assert Client().post(BUAT, {"jenis": "laporan_xlsx"}).status_code == 302  # anonymous: to the login
    assert masuk(petugas).post(BUAT, {"jenis": "laporan_xlsx", **MINGGU}).status_code == 403
    assert Unduhan.objects.count() == 0


def test_a_wrong_period_or_kind_is_refused_in_indonesian(masuk, pimpinan):
    client = masuk(pimpinan)
    salah = {"jenis": "laporan_xlsx", "periode": "rentang", "dari": "2026-11-20", "sampai": "2026-11-01"}
    halaman = client.post(BUAT, salah, follow=True).content.decode()
    assert "Periode laporan tidak sah" in halaman and "Tanggal akhir harus sesudah tanggal awal" in halaman
    bagian = client.post(BUAT, salah, headers={"HX-Request": "true"})
    assert bagian.status_code == 400 and 'role="alert"' in bagian.content.decode()
    assert client.post(BUAT, {"jenis": "tidak-ada"}).status_code == 404
    assert Unduhan.objects.count() == 0


def test_a_file_that_cannot_be_stored_is_marked_failed_with_a_message(
    masuk, pimpinan, settings, tmp_path, django_capture_on_commit_callbacks
):
    bukan_folder = tmp_path / "berkas-biasa"
    bukan_folder.write_text("x")
    settings.MEDIA_ROOT = bukan_folder  # the storage cannot write under a plain file
    client = masuk(pimpinan)
    pk = _pk_dari_lokasi(_minta(client, django_capture_on_commit_callbacks))

    _worker()

    unduhan = Unduhan.objects.get(pk=pk)
    assert unduhan.status == "gagal" and "gagal dibuat" in unduhan.keterangan
    assert "gagal dibuat" in client.get(reverse("unduhan:lihat", args=[pk])).content.decode()
    assert client.get(reverse("unduhan:unduh", args=[pk])).status_code == 404


def test_files_are_removed_after_the_keeping_time_and_a_stopped_one_is_marked_failed(
    masuk, pimpinan, settings, time_machine, django_capture_on_commit_callbacks
):
    settings.UNDUHAN_SIMPAN_JAM = 24
    time_machine.move_to(datetime.datetime(2026, 11, 20, 10, tzinfo=WITA), tick=False)
    client = masuk(pimpinan)
    pk = _pk_dari_lokasi(_minta(client, django_capture_on_commit_callbacks))
    _worker()
    disimpan = Unduhan.objects.get(pk=pk).berkas
    assert default_storage.exists(disimpan)
    terhenti = Unduhan.objects.create(pemilik=pimpinan, jenis="silastik_csv", judul="x", nama_berkas="x.csv",
                                      status=Unduhan.Status.DIBUAT, diperbarui=timezone.now())

    time_machine.move_to(datetime.datetime(2026, 11, 21, 9, 59, tzinfo=WITA), tick=False)
    assert bersihkan() == 0
    time_machine.move_to(datetime.datetime(2026, 11, 21, 10, 1, tzinfo=WITA), tick=False)
    assert bersihkan() == 1

    unduhan = Unduhan.objects.get(pk=pk)
    assert unduhan.status == "dihapus" and unduhan.berkas == "" and not default_storage.exists(disimpan)
    client = masuk(pimpinan)  # a day later: a new session
    assert client.get(reverse("unduhan:unduh", args=[pk])).status_code == 404
    assert "Dihapus otomatis 24 jam" in client.get(reverse("unduhan:lihat", args=[pk])).content.decode()
    terhenti.refresh_from_db()
    assert terhenti.status == "gagal" and "terhenti" in terhenti.keterangan


def test_the_workers_watch_removes_old_files_without_waiting_for_a_new_one(
    masuk, pimpinan, settings, time_machine, django_capture_on_commit_callbacks
):
    settings.UNDUHAN_SIMPAN_JAM = 24
    time_machine.move_to(datetime.datetime(2026, 11, 20, 10, tzinfo=WITA), tick=False)
    pk = _pk_dari_lokasi(_minta(masuk(pimpinan), django_capture_on_commit_callbacks))
    _worker()
    disimpan = Unduhan.objects.get(pk=pk).berkas

    time_machine.move_to(datetime.datetime(2026, 11, 21, 10, 1, tzinfo=WITA), tick=False)
    worker_berjaga.send(sender=jaga_outbox)  # what the worker's watch sends every PESAN_SAPU_DETIK

    assert Unduhan.objects.get(pk=pk).status == "dihapus" and not default_storage.exists(disimpan)
