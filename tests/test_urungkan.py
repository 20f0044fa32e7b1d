"""Urungkan: an officer undoes their own status change within a short time, as a new history
entry; refused after the window, or once something else happened to the service."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from layanan.lacak import riwayat_publik
from layanan.layanan import pengguna_sistem
from layanan.models import Layanan, RiwayatLayanan, Status

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true", "HX-Target": "kelola"}


def _entri_terakhir(layanan):
    return layanan.riwayat.order_by("-waktu", "-id").first()


@pytest.fixture
def sekarang(time_machine):
    waktu = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=datetime.UTC)
    time_machine.move_to(waktu, tick=False)
    return waktu


def test_own_status_change_is_undone_within_the_window_with_history(buat_layanan, petugas, sekarang, time_machine, settings):
    layanan = buat_layanan("permintaan-data")
    layanan.ubah_status(Status.DIPROSES, oleh=petugas)
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    perubahan = _entri_terakhir(layanan)
    time_machine.move_to(sekarang + datetime.timedelta(seconds=settings.URUNGKAN_STATUS_DETIK), tick=False)

    layanan.urungkan_status(perubahan.pk, oleh=petugas)

    layanan.refresh_from_db()
    assert (layanan.status, layanan.selesai_pada) == (Status.DIPROSES, None)
    urungkan = _entri_terakhir(layanan)
    assert (urungkan.dari_status, urungkan.ke_status, urungkan.oleh, urungkan.mengurungkan) == (
        Status.SELESAI, Status.DIPROSES, petugas, perubahan,
    )
    assert "Mengurungkan perubahan Diproses → Selesai" in urungkan.catatan
    # Appended, never edited: the change itself stays as it was.
    perubahan.refresh_from_db()
    assert (perubahan.dari_status, perubahan.ke_status) == (Status.DIPROSES, Status.SELESAI)
    assert layanan.riwayat.count() == 4


def test_undo_is_refused_after_the_window(buat_layanan, petugas, sekarang, time_machine, settings):
    layanan = buat_layanan()
    layanan.ubah_status(Status.DIPROSES, oleh=petugas)
    time_machine.move_to(sekarang + datetime.timedelta(seconds=settings.URUNGKAN_STATUS_DETIK + 1), tick=False)
    with pytest.raises(ValidationError, match="Waktu mengurungkan sudah lewat"):
        layanan.urungkan_status(_entri_terakhir(layanan).pk, oleh=petugas)
    assert Layanan.objects.get(pk=layanan.pk).status == Status.DIPROSES


@pytest.mark.parametrize("lalu", ["status", "petugas", "tag", "catatan"])
def test_undo_is_refused_when_something_else_happened_since(buat_layanan, petugas, petugas2, sekarang, lalu):
    layanan = buat_layanan("permintaan-data")
    layanan.ubah_status(Status.DIPROSES, oleh=petugas)
    perubahan = _entri_terakhir(layanan)
    if lalu == "status":
        layanan.ubah_status(Status.SIAP_DIAMBIL, oleh=petugas)
    elif lalu == "petugas":
        layanan.alihkan(petugas2, oleh=petugas)
    elif lalu == "tag":
        from layanan.models import PermintaanData

        PermintaanData.untuk(layanan).tambah_tag("ipm", oleh=petugas)
    else:
        layanan.catat_riwayat("Pengunjung menelepon.", oleh=petugas2)
    with pytest.raises(ValidationError, match="Sudah ada perubahan lain sesudahnya"):
        layanan.urungkan_status(perubahan.pk, oleh=petugas)


def test_a_delivery_report_of_the_change_does_not_block_the_undo(buat_layanan, petugas, sekarang):
    layanan = buat_layanan()
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    perubahan = _entri_terakhir(layanan)
    layanan.catat_riwayat("WhatsApp ke 0812-0000-1000 (Rating), percobaan 1: terkirim", oleh=pengguna_sistem())
    layanan.urungkan_status(perubahan.pk, oleh=petugas)
    assert Layanan.objects.get(pk=layanan.pk).status == Status.DITERIMA


def test_only_the_officer_who_changed_the_status_may_undo_it(buat_layanan, petugas, petugas2, sekarang):
    layanan = buat_layanan()
    layanan.atur_pendamping([petugas2], oleh=petugas)
    layanan.ubah_status(Status.DIPROSES, oleh=petugas)
    with pytest.raises(ValidationError, match="Hanya petugas yang mengubah status"):
        layanan.urungkan_status(_entri_terakhir(layanan).pk, oleh=petugas2)


def test_a_change_is_undone_once_and_an_undo_is_not_undone(buat_layanan, petugas, sekarang):
    layanan = buat_layanan()
    layanan.ubah_status(Status.DIPROSES, oleh=petugas)
    perubahan = _entri_terakhir(layanan)
    layanan.urungkan_status(perubahan.pk, oleh=petugas)
    with pytest.raises(ValidationError, match="sudah diurungkan"):
        layanan.urungkan_status(perubahan.pk, oleh=petugas)
    with pytest.raises(ValidationError, match="tidak dapat diurungkan"):
        layanan.urungkan_status(_entri_terakhir(layanan).pk, oleh=petugas)
    with pytest.raises(ValidationError, match="tidak dapat diurungkan"):
        layanan.urungkan_status(layanan.riwayat.get(jenis=RiwayatLayanan.Jenis.DIBUAT).pk, oleh=petugas)


def test_an_undone_answer_is_not_an_answer(buat_layanan, petugas, sekarang):
    layanan = buat_layanan(sarana="online", kanal_online="email")
    layanan.ubah_status(Status.MENUNGGU, oleh=petugas)
    layanan.urungkan_status(_entri_terakhir(layanan).pk, oleh=petugas)
    assert layanan.dijawab_pada is None
    assert Layanan.objects.get(pk=layanan.pk).dijawab_pada is None


def test_the_visitors_status_page_leaves_out_an_undone_change(buat_layanan, petugas, sekarang):
    layanan = buat_layanan()
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    layanan.urungkan_status(_entri_terakhir(layanan).pk, oleh=petugas)
    assert [label for _, label in riwayat_publik(layanan)] == ["Diterima"]


# ---- The message with Urungkan, and the view ---------------------------------------------


def test_status_change_message_carries_urungkan(masuk, petugas, buat_layanan, sekarang, settings):
    layanan = buat_layanan()
    response = masuk(petugas).post(
        reverse("layanan:update_status", args=[layanan.pk]), {"status": "diproses", "catatan": ""}, headers=HTMX
    )
    html = response.content.decode()
    perubahan = _entri_terakhir(layanan)
    assert 'id="pesan"' in html and "menjadi Diproses" in html
    url = reverse("layanan:urungkan_status", args=[layanan.pk, perubahan.pk])
    assert f'action="{url}"' in html and f'hx-post="{url}"' in html
    assert f'data-batas-urungkan="{settings.URUNGKAN_STATUS_DETIK}"' in html and 'data-pintasan="z"' in html


def test_urungkan_without_javascript_redirects_with_a_message(masuk, petugas, buat_layanan, sekarang):
    layanan = buat_layanan()
    client = masuk(petugas)
    client.post(reverse("layanan:update_status", args=[layanan.pk]), {"status": "selesai", "catatan": ""})
    response = client.post(reverse("layanan:urungkan_status", args=[layanan.pk, _entri_terakhir(layanan).pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("layanan:detail", args=[layanan.pk])
    assert "Perubahan status diurungkan" in response.content.decode()
    assert Layanan.objects.get(pk=layanan.pk).status == Status.DITERIMA


def test_urungkan_by_htmx_redraws_the_service_and_says_why_when_refused(masuk, petugas, buat_layanan, sekarang, time_machine):
    layanan = buat_layanan()
    client = masuk(petugas)
    client.post(reverse("layanan:update_status", args=[layanan.pk]), {"status": "diproses", "catatan": ""})
    url = reverse("layanan:urungkan_status", args=[layanan.pk, _entri_terakhir(layanan).pk])
    time_machine.move_to(sekarang + datetime.timedelta(minutes=1), tick=False)

    html = client.post(url, headers=HTMX).content.decode()
    assert html.lstrip().startswith('<div id="kelola">') and "Belum diurungkan: Waktu mengurungkan sudah lewat" in html
    assert Layanan.objects.get(pk=layanan.pk).status == Status.DIPROSES


def test_urungkan_is_refused_to_other_roles_and_officers(masuk, petugas, petugas2, pimpinan, buat_layanan, sekarang):
    layanan = buat_layanan()
    layanan.ubah_status(Status.DIPROSES, oleh=petugas)
    url = reverse("layanan:urungkan_status", args=[layanan.pk, _entri_terakhir(layanan).pk])
    assert masuk(pimpinan).post(url).status_code == 403
    assert masuk(petugas2).post(url).status_code == 403  # not their service
    assert Layanan.objects.get(pk=layanan.pk).status == Status.DIPROSES


def test_timeline_marks_the_undone_change(masuk, petugas, buat_layanan, sekarang):
    layanan = buat_layanan()
    layanan.ubah_status(Status.DIPROSES, oleh=petugas)
    layanan.urungkan_status(_entri_terakhir(layanan).pk, oleh=petugas)
    html = masuk(petugas).get(reverse("layanan:detail", args=[layanan.pk])).content.decode()
    timeline = html[html.index('id="timeline"'):]
    assert len(re.findall(r">diurungkan</span>", timeline)) == 1 and len(re.findall(r">urungkan</span>", timeline)) == 1
