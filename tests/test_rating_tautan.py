"""Who may create or renew a service's rating link, and that nothing but a POST ever creates one."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rating import services
from rating.models import Penilaian, RiwayatRating, SurveiSKD
from tests.test_rating import SEMUA_EMPAT


def _buat(client, layanan):
    return client.post(reverse("rating:buat_tautan", args=[layanan.pk]))


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas", "pendamping", "admin_user"])
def test_handler_co_handler_and_admin_create_the_rating_link(masuk, buat_layanan, petugas, petugas2, request, peran):
    layanan = buat_layanan("permintaan-data")
    layanan.atur_pendamping([petugas2], oleh=petugas)
    user = petugas2 if peran == "pendamping" else request.getfixturevalue(peran)

    response = _buat(masuk(user), layanan)

    assert response.status_code == 302 and response["Location"] == reverse("rating:panel", args=[layanan.pk])
    penilaian = Penilaian.objects.get(layanan=layanan)
    assert SurveiSKD.objects.filter(layanan=layanan).exists()
    assert RiwayatRating.objects.get(jenis=RiwayatRating.Jenis.TAUTAN_DIBUAT).oleh == user
    html = masuk(user).get(response["Location"]).content.decode()
    assert penilaian.token in html


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas2", "pimpinan"])
def test_other_officers_and_pimpinan_cannot_create_or_see_the_link(masuk, buat_layanan, petugas, request, peran):
    layanan = buat_layanan()
    penilaian = services.pastikan_penilaian(layanan, oleh=petugas)
    client = masuk(request.getfixturevalue(peran))

    ditolak = _buat(client, layanan)
    panel = client.get(reverse("rating:panel", args=[layanan.pk]))

    assert ditolak.status_code == 403 and panel.status_code == 403
    assert penilaian.token not in ditolak.content.decode() + panel.content.decode()
    assert RiwayatRating.objects.count() == 1


@pytest.mark.django_db
def test_anonymous_is_sent_to_login_and_creates_nothing(client, buat_layanan):
    layanan = buat_layanan()
    assert reverse("login") in _buat(client, layanan)["Location"]
    assert not Penilaian.objects.exists()


@pytest.mark.django_db
def test_expired_link_is_renewed_only_by_the_handler(masuk, buat_layanan, petugas, petugas2):
    layanan = buat_layanan()
    penilaian = services.pastikan_penilaian(layanan, oleh=petugas)
    Penilaian.objects.filter(pk=penilaian.pk).update(berlaku_sampai=timezone.now() - timedelta(days=1))
    assert _buat(masuk(petugas2), layanan).status_code == 403
    assert Penilaian.objects.get().token == penilaian.token
    _buat(masuk(petugas), layanan)
    assert Penilaian.objects.get().token != penilaian.token
    assert RiwayatRating.objects.filter(jenis=RiwayatRating.Jenis.TAUTAN_DIPERBARUI, oleh=petugas).exists()


@pytest.mark.django_db
def test_showing_the_panel_creates_nothing(masuk, buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data")
    html = masuk(petugas).get(reverse("rating:panel", args=[layanan.pk])).content.decode()
    assert "Buat Tautan Rating" in html
    assert not Penilaian.objects.exists() and not SurveiSKD.objects.exists() and not RiwayatRating.objects.exists()


@pytest.mark.django_db
def test_thank_you_page_creates_no_skd_record(client, buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data")
    penilaian = services.pastikan_penilaian(layanan, oleh=petugas)
    Penilaian.objects.filter(pk=penilaian.pk).update(diisi_pada=timezone.now(), **SEMUA_EMPAT)

    response = client.get(reverse("rating:terima_kasih", args=[penilaian.token]))

    assert response.status_code == 200 and "Terima kasih" in response.content.decode()
    assert not SurveiSKD.objects.exists()


@pytest.mark.django_db
def test_sending_the_rating_makes_the_skd_link_for_a_data_request(client, buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data")
    penilaian = services.pastikan_penilaian(layanan, oleh=petugas)
    client.post(reverse("rating:isi", args=[penilaian.token]), SEMUA_EMPAT)
    skd = SurveiSKD.objects.get(layanan=layanan)
    assert reverse("rating:skd", args=[skd.token]) in client.get(
        reverse("rating:terima_kasih", args=[penilaian.token])
    ).content.decode()
