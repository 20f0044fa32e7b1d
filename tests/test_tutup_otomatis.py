"""Auto-close (consultation service standard): an online consultation the office answered and the
visitor then left silent for N days is closed once; one nobody answered stays open."""

import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from layanan.layanan import catat_tanggapan_pengunjung, pengguna_sistem
from layanan.models import Layanan, RiwayatLayanan, Status
from tests.conftest import kunci

MULAI = datetime.datetime(2026, 11, 2, 2, 0, tzinfo=datetime.UTC)  # Monday 09.00 WIB


def _jalankan(**kwargs):
    out = io.StringIO()
    call_command("tutup_otomatis", stdout=out, **kwargs)
    return out.getvalue()


@pytest.fixture
def jam(time_machine):
    time_machine.move_to(MULAI, tick=False)
    return time_machine


@pytest.fixture
def konsultasi_online(buat_layanan, jam):
    def buat(**data):
        return buat_layanan("konsultasi", sarana="online", kanal_online="whatsapp", **data)

    return buat


def _jawab(layanan, petugas):
    """The officer answers and sets Menunggu tanggapan pengunjung from the Update form."""
    layanan.ubah_status(Status.MENUNGGU, oleh=petugas, catatan="Jawaban dikirim lewat WhatsApp.")


@pytest.mark.django_db
def test_never_answered_consultation_stays_open_and_overdue(konsultasi_online, jam):
    layanan = konsultasi_online()
    jam.shift(datetime.timedelta(days=10))

    keluaran = _jalankan()

    layanan.refresh_from_db()
    assert "0 konsultasi online ditutup otomatis" in keluaran
    assert layanan.status == Status.DITERIMA
    assert not layanan.ditutup_otomatis
    assert layanan.keadaan_tenggat(ambang_persen=75) == "terlambat"


@pytest.mark.django_db
def test_answered_then_silent_n_days_is_closed_once_even_when_run_twice(konsultasi_online, petugas, jam):
    layanan = konsultasi_online()
    _jawab(layanan, petugas)
    jam.shift(datetime.timedelta(days=2, hours=23))
    assert "0 konsultasi" in _jalankan()  # not yet 3 days of silence
    jam.shift(datetime.timedelta(hours=2))

    pertama = _jalankan()
    kedua = _jalankan()

    assert "1 konsultasi online ditutup otomatis" in pertama
    assert "0 konsultasi online ditutup otomatis" in kedua
    layanan.refresh_from_db()
    assert layanan.status == Status.SELESAI
    assert layanan.ditutup_otomatis
    assert layanan.selesai_pada is not None
    entri = layanan.riwayat.filter(catatan__startswith="Ditutup otomatis")
    assert entri.count() == 1
    assert entri.get().oleh == pengguna_sistem()
    assert (entri.get().dari_status, entri.get().ke_status) == (Status.MENUNGGU, Status.SELESAI)


@pytest.mark.django_db
def test_visitor_answered_keeps_the_consultation_open(konsultasi_online, petugas, jam):
    layanan = konsultasi_online()
    _jawab(layanan, petugas)
    jam.shift(datetime.timedelta(days=1))
    layanan.ubah_status(Status.DIPROSES, oleh=petugas, catatan="Pengunjung menanggapi.")
    jam.shift(datetime.timedelta(days=10))

    _jalankan()

    layanan.refresh_from_db()
    assert layanan.status == Status.DIPROSES
    assert not layanan.ditutup_otomatis


@pytest.mark.django_db
def test_office_side_entries_do_not_postpone_the_close(konsultasi_online, petugas, petugas2, jam):
    layanan = konsultasi_online()
    _jawab(layanan, petugas)
    jam.shift(datetime.timedelta(days=2))
    layanan.catat_riwayat("Dicek lagi, belum ada kabar.", oleh=petugas)
    layanan.alihkan(petugas2, oleh=petugas)
    layanan.atur_pendamping([petugas], oleh=petugas2)
    jam.shift(datetime.timedelta(days=1, minutes=1))

    assert "1 konsultasi online ditutup otomatis" in _jalankan()

    layanan.refresh_from_db()
    assert layanan.status == Status.SELESAI and layanan.ditutup_otomatis


@pytest.mark.django_db
def test_recorded_visitor_answer_restarts_the_silence(konsultasi_online, petugas, jam):
    layanan = konsultasi_online()
    _jawab(layanan, petugas)
    jam.shift(datetime.timedelta(days=2))
    catat_tanggapan_pengunjung(layanan=layanan, oleh=petugas, catatan="Pengunjung membalas: masih dicek.")
    jam.shift(datetime.timedelta(days=2))
    assert "0 konsultasi" in _jalankan()  # 2 days since the visitor's answer
    jam.shift(datetime.timedelta(days=1, minutes=1))

    assert "1 konsultasi online ditutup otomatis" in _jalankan()
    layanan.refresh_from_db()
    assert layanan.ditutup_otomatis


@pytest.mark.django_db
def test_a_reply_recorded_by_the_system_counts_like_the_officers(konsultasi_online, petugas, jam):
    # The way code that receives replies by itself (a WhatsApp webhook) records them.
    layanan = konsultasi_online()
    _jawab(layanan, petugas)
    jam.shift(datetime.timedelta(days=2))
    catat_tanggapan_pengunjung(layanan=layanan, oleh=pengguna_sistem(), catatan="Balasan WhatsApp.")
    jam.shift(datetime.timedelta(days=2))

    assert "0 konsultasi" in _jalankan()
    assert layanan.riwayat.filter(jenis=RiwayatLayanan.Jenis.TANGGAPAN).count() == 1


@pytest.mark.django_db
def test_officer_records_the_visitors_answer_on_the_service_page(konsultasi_online, masuk, petugas, jam):
    layanan = konsultasi_online()
    _jawab(layanan, petugas)
    klien = masuk(petugas)
    assert "Catat Tanggapan Pengunjung" in klien.get(layanan.get_absolute_url()).content.decode()

    jawab = klien.post(reverse("layanan:catat_tanggapan", args=[layanan.pk]), {"tanggapan": "Ditelepon, minta tabel 2025.", **kunci("tanggapan")})

    assert jawab.status_code == 302
    entri = layanan.riwayat.get(jenis=RiwayatLayanan.Jenis.TANGGAPAN)
    assert (entri.catatan, entri.oleh) == ("Ditelepon, minta tabel 2025.", petugas)
    html = klien.get(layanan.get_absolute_url()).content.decode()
    assert "Tanggapan pengunjung" in html and "Ditelepon, minta tabel 2025." in html


@pytest.mark.django_db
def test_answer_form_is_only_for_open_online_services_of_the_handler(konsultasi_online, buat_layanan, masuk, petugas, petugas2):
    langsung = buat_layanan("konsultasi")
    online = konsultasi_online()

    assert "Catat Tanggapan Pengunjung" not in masuk(petugas).get(langsung.get_absolute_url()).content.decode()
    ditolak = masuk(petugas).post(reverse("layanan:catat_tanggapan", args=[langsung.pk]), {"tanggapan": "x", **kunci("tanggapan")})
    lain = masuk(petugas2).post(reverse("layanan:catat_tanggapan", args=[online.pk]), {"tanggapan": "x", **kunci("tanggapan")})

    assert ditolak.status_code == 400
    assert lain.status_code == 403
    assert not RiwayatLayanan.objects.filter(jenis=RiwayatLayanan.Jenis.TANGGAPAN).exists()


@pytest.mark.django_db
def test_answer_form_with_htmx_redraws_the_panel(konsultasi_online, masuk, petugas):
    layanan = konsultasi_online()
    jawab = masuk(petugas).post(
        reverse("layanan:catat_tanggapan", args=[layanan.pk]), {"tanggapan": "", **kunci("tanggapan")}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="kelola"
    )
    assert jawab.status_code == 200
    assert 'id="kelola"' in jawab.content.decode()
    assert layanan.riwayat.get(jenis=RiwayatLayanan.Jenis.TANGGAPAN).catatan == "Pengunjung menanggapi."


@pytest.mark.django_db
def test_only_online_consultations_are_closed(konsultasi_online, buat_layanan, petugas, jam):
    konsultasi = konsultasi_online()
    data_online = buat_layanan("permintaan-data", sarana="online", kanal_online="email")
    for layanan in (konsultasi, data_online):
        _jawab(layanan, petugas)
    jam.shift(datetime.timedelta(days=5))

    _jalankan()

    konsultasi.refresh_from_db()
    data_online.refresh_from_db()
    assert konsultasi.status == Status.SELESAI
    assert data_online.status == Status.MENUNGGU


@pytest.mark.django_db
def test_waiting_on_the_visitor_is_offered_only_for_online_services(buat_layanan, konsultasi_online):
    assert Status.MENUNGGU in konsultasi_online().status_berikutnya()
    assert Status.MENUNGGU not in buat_layanan("konsultasi").status_berikutnya()


@pytest.mark.django_db
def test_officer_sets_waiting_from_the_update_form(konsultasi_online, masuk, petugas):
    layanan = konsultasi_online()
    klien = masuk(petugas)
    assert "Menunggu tanggapan pengunjung" in klien.get(layanan.get_absolute_url()).content.decode()

    klien.post(reverse("layanan:update_status", args=[layanan.pk]), {"status": "menunggu", "catatan": "Dijawab."})

    layanan.refresh_from_db()
    assert layanan.status == Status.MENUNGGU
    assert layanan.riwayat.filter(ke_status=Status.MENUNGGU, oleh=petugas).exists()


@pytest.mark.django_db
def test_days_silent_is_an_office_setting(konsultasi_online, petugas, kantor, jam):
    _jawab(konsultasi_online(), petugas)
    kantor.tutup_otomatis_hari = 7
    kantor.save()
    jam.shift(datetime.timedelta(days=4))
    assert "0 konsultasi" in _jalankan()
    assert "1 konsultasi" in _jalankan(hari=3)


@pytest.mark.django_db
def test_the_system_account_cannot_log_in(client):
    sistem = pengguna_sistem()
    assert not sistem.is_active and not sistem.has_usable_password()
    assert not client.login(email=sistem.email, password="")


@pytest.mark.django_db
def test_closed_consultation_shows_the_note_in_its_timeline(konsultasi_online, masuk, petugas, jam):
    layanan = konsultasi_online()
    _jawab(layanan, petugas)
    jam.shift(datetime.timedelta(days=4))
    _jalankan()
    html = masuk(petugas).get(layanan.get_absolute_url()).content.decode()
    assert "Ditutup otomatis: pengguna tidak menanggapi selama 3 hari" in html
    assert "Sistem (otomatis)" in html


@pytest.mark.django_db
def test_migration_flags_services_the_old_auto_close_already_finished(buat_layanan, petugas):
    migrasi = importlib.import_module("layanan.migrations.0009_menunggu_tutup_otomatis")
    lama = buat_layanan("konsultasi", sarana="online", kanal_online="email")
    lama.ubah_status(Status.SELESAI, oleh=pengguna_sistem(), catatan="Ditutup otomatis: pengguna tidak menanggapi selama 3 hari.")
    oleh_petugas = buat_layanan("konsultasi", sarana="online", kanal_online="email")
    oleh_petugas.ubah_status(Status.SELESAI, oleh=petugas, catatan="Ditutup otomatis? bukan, dijawab petugas.")

    migrasi.tandai_yang_sudah_ditutup_otomatis(apps, None)

    assert set(Layanan.objects.filter(ditutup_otomatis=True)) == {lama}
