"""The office settings row is kept per process: no query per request, and a change is never lost.

A save in this process is seen at once. A save in another process (another gunicorn worker or
server) reaches this one as a plain row update, with no signal here: it is seen once the kept row
is older than PENGATURAN_KANTOR_CEK_DETIK.
"""

import pytest
from django.test import RequestFactory
from django.utils import timezone

from pesan.outbox import pengiriman_aktif
from pst_frontoffice.middleware import ZonaWaktuKantorMiddleware
from pst_frontoffice.models import PengaturanKantor, ZonaWaktu

pytestmark = pytest.mark.django_db


def _permintaan(view):
    return ZonaWaktuKantorMiddleware(view)(RequestFactory().get("/"))


def test_office_settings_are_read_once_per_process_not_per_request(django_assert_num_queries):
    dilihat = []

    def view(request):
        dilihat.append((request.kantor.nama_kantor, timezone.get_current_timezone_name()))

    with django_assert_num_queries(1):
        _permintaan(view)
    with django_assert_num_queries(0):
        _permintaan(view)
        _permintaan(view)
        PengaturanKantor.get()
    assert dilihat == [("BPS Kabupaten Tanah Bumbu", "Asia/Makassar")] * 3


def test_office_settings_saved_in_this_process_are_seen_at_once(django_assert_num_queries):
    kantor = PengaturanKantor.get()
    kantor.nama_kantor = "BPS Kota Contoh"
    kantor.zona_waktu = ZonaWaktu.WIT
    kantor.save()
    dilihat = []
    with django_assert_num_queries(1):
        _permintaan(lambda r: dilihat.append((r.kantor.nama_kantor, timezone.get_current_timezone_name())))
    assert dilihat == [("BPS Kota Contoh", "Asia/Jayapura")]


def test_office_settings_saved_by_another_process_are_seen_once_the_kept_row_is_old(settings, django_assert_num_queries):
    settings.PENGATURAN_KANTOR_CEK_DETIK = 60
    assert PengaturanKantor.get().zona_waktu == ZonaWaktu.WITA
    # Another worker's save, as this process sees it: the row changes, no signal arrives here.
    PengaturanKantor.objects.filter(pk=1).update(nama_kantor="BPS Kota Lain", zona_waktu=ZonaWaktu.WIB)
    dilihat = []

    def view(request):
        dilihat.append((request.kantor.nama_kantor, timezone.get_current_timezone_name()))

    with django_assert_num_queries(0):
        _permintaan(view)  # within the interval: the kept row
    settings.PENGATURAN_KANTOR_CEK_DETIK = 0  # the kept row is now older than the interval
    with django_assert_num_queries(1):
        _permintaan(view)
    assert dilihat == [("BPS Kabupaten Tanah Bumbu", "Asia/Makassar"), ("BPS Kota Lain", "Asia/Jakarta")]


def test_editing_the_settings_one_caller_got_changes_nothing_for_the_others():
    kantor = PengaturanKantor.get()
    kantor.nama_kantor = "Belum disimpan"
    kantor.zona_waktu = ZonaWaktu.WIT
    assert PengaturanKantor.get().nama_kantor == "BPS Kabupaten Tanah Bumbu"
    assert PengaturanKantor.get().zona_waktu == ZonaWaktu.WITA


def test_a_restored_or_deleted_settings_row_is_read_again(django_assert_num_queries):
    kantor = PengaturanKantor.get()
    kantor.nama_kantor = "Dari Cadangan"
    # A restore (loaddata) saves raw, without the model's save(): the signal still reaches us.
    kantor.save_base(raw=True)
    with django_assert_num_queries(1):
        assert PengaturanKantor.get().nama_kantor == "Dari Cadangan"
    PengaturanKantor.objects.get(pk=1).delete()
    assert PengaturanKantor.get().nama_kantor == "BPS Kabupaten Tanah Bumbu"


def test_public_address_set_by_the_admin_turns_messages_on_at_once():
    assert not pengiriman_aktif()  # read and kept
    kantor = PengaturanKantor.get()
    kantor.url_publik = "https://pst.contoh.go.id"
    kantor.save()

    assert pengiriman_aktif()
