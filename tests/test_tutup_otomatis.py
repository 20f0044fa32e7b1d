"""Auto-close: silent online consultations are closed once, with a history entry."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from layanan.layanan import pengguna_sistem
from layanan.models import RiwayatLayanan, Status


def _jalankan(**kwargs):
    out = io.StringIO()
    call_command("tutup_otomatis", stdout=out, **kwargs)
    return out.getvalue()


def _lalu(**delta):
    return timezone.now() - datetime.timedelta(**delta)


@pytest.fixture
def online_diam(buat_layanan):
    return buat_layanan("konsultasi", sarana="online", kanal_online="whatsapp", waktu=_lalu(days=4))


@pytest.mark.django_db
def test_auto_close_run_twice_closes_each_service_once(online_diam, buat_layanan):
    kedua = buat_layanan("konsultasi", sarana="online", kanal_online="email", waktu=_lalu(days=10))

    pertama = _jalankan()
    lagi = _jalankan()

    assert "2 konsultasi online ditutup otomatis" in pertama
    assert "0 konsultasi online ditutup otomatis" in lagi
    for layanan in (online_diam, kedua):
        layanan.refresh_from_db()
        assert layanan.status == Status.SELESAI
        assert layanan.selesai_pada is not None
        entri = layanan.riwayat.filter(catatan__startswith="Ditutup otomatis")
        assert entri.count() == 1
        assert entri.get().oleh == pengguna_sistem()
        assert entri.get().ke_status == Status.SELESAI


@pytest.mark.django_db
def test_recent_activity_keeps_the_consultation_open(online_diam, petugas):
    RiwayatLayanan.objects.create(
        layanan=online_diam, jenis=RiwayatLayanan.Jenis.CATATAN, catatan="Pengguna membalas", oleh=petugas,
        waktu=_lalu(days=1),
    )
    _jalankan()
    online_diam.refresh_from_db()
    assert online_diam.status == Status.DITERIMA


@pytest.mark.django_db
def test_only_silent_online_consultations_are_closed(online_diam, buat_layanan):
    baru = buat_layanan("konsultasi", sarana="online", kanal_online="email", waktu=_lalu(days=2))
    langsung = buat_layanan("konsultasi", waktu=_lalu(days=5))
    data_online = buat_layanan("permintaan-data", sarana="online", kanal_online="email", waktu=_lalu(days=5))

    _jalankan()

    for layanan, status in ((online_diam, Status.SELESAI), (baru, Status.DITERIMA), (langsung, Status.DITERIMA), (data_online, Status.DITERIMA)):
        layanan.refresh_from_db()
        assert layanan.status == status, layanan


@pytest.mark.django_db
def test_days_silent_is_an_office_setting(online_diam, kantor):
    kantor.tutup_otomatis_hari = 7
    kantor.save()
    assert "0 konsultasi" in _jalankan()
    assert "1 konsultasi" in _jalankan(hari=3)


@pytest.mark.django_db
def test_the_system_account_cannot_log_in(online_diam, client):
    _jalankan()
    sistem = pengguna_sistem()
    assert not sistem.is_active and not sistem.has_usable_password()
    assert not client.login(email=sistem.email, password="")


@pytest.mark.django_db
def test_closed_consultation_shows_the_note_in_its_timeline(online_diam, masuk, petugas):
    from django.urls import reverse

    _jalankan()
    html = masuk(petugas).get(reverse("layanan:detail", args=[online_diam.pk])).content.decode()
    assert "Ditutup otomatis: pengguna tidak menanggapi selama 3 hari" in html
    assert "Sistem (otomatis)" in html
