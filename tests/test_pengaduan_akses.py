"""Who reads and who follows up each kind of complaint (README: "Pengaduan: siapa membaca").

A complaint written in a rating form goes to Pimpinan and Admin only: it is often about the officer
who served the visitor. Complaints from the other channels are followed up at the desk.
"""

import pytest
from django.urls import reverse

from layanan.models import Kanal, Pengaduan, StatusPengaduan
from layanan.pengaduan import catat_pengaduan

from .conftest import kunci


@pytest.fixture
def dari_rating(buat_layanan, petugas):
    layanan = buat_layanan("konsultasi", nama="Sari Wulandari", no_hp="6281311112222")
    return catat_pengaduan(
        isi="Petugas kurang ramah", kanal=Kanal.RATING, layanan=layanan,
        nama_pelapor="Sari Wulandari", kontak_pelapor="6281311112222",
    )


@pytest.fixture
def dari_meja(petugas):
    return catat_pengaduan(isi="Ruang tunggu panas", kanal=Kanal.KOTAK_SARAN, oleh=petugas)


def _tindak(client, p, status="selesai"):
    return client.post(reverse("layanan:pengaduan_tindak_lanjut", args=[p.pk]), {"catatan": "Sudah dibahas", "status": status})


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas", "petugas2"])
def test_officers_neither_list_nor_open_a_complaint_from_a_rating(masuk, request, dari_rating, dari_meja, peran):
    client = masuk(request.getfixturevalue(peran))

    daftar = client.get(reverse("layanan:pengaduan")).content.decode()
    detail = client.get(reverse("layanan:pengaduan_detail", args=[dari_rating.pk]))
    rincian_layanan = client.get(reverse("layanan:detail", args=[dari_rating.layanan_id])).content.decode()

    assert "Ruang tunggu panas" in daftar and "Petugas kurang ramah" not in daftar
    assert detail.status_code == 403
    html = detail.content.decode()
    assert "Sari Wulandari" not in html and "6281311112222" not in html and "Petugas kurang ramah" not in html
    assert dari_rating.get_absolute_url() not in rincian_layanan


@pytest.mark.django_db
def test_register_counts_only_the_complaints_the_officer_may_read(masuk, petugas, pimpinan, dari_rating, dari_meja):
    assert masuk(petugas).get(reverse("layanan:pengaduan")).context["ringkasan"][StatusPengaduan.BARU] == 1
    assert masuk(pimpinan).get(reverse("layanan:pengaduan")).context["ringkasan"][StatusPengaduan.BARU] == 2


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas", "petugas2"])
def test_officers_cannot_follow_up_or_close_a_complaint_from_a_rating(masuk, request, dari_rating, peran):
    response = _tindak(masuk(request.getfixturevalue(peran)), dari_rating)
    assert response.status_code == 403
    dari_rating.refresh_from_db()
    assert dari_rating.status == StatusPengaduan.BARU and not dari_rating.tindak_lanjut.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["pimpinan", "admin_user"])
def test_pimpinan_and_admin_read_and_close_a_complaint_from_a_rating(masuk, request, dari_rating, peran):
    user = request.getfixturevalue(peran)
    client = masuk(user)

    assert "Petugas kurang ramah" in client.get(reverse("layanan:pengaduan")).content.decode()
    detail = client.get(reverse("layanan:pengaduan_detail", args=[dari_rating.pk])).content.decode()
    assert "Sari Wulandari" in detail and "6281311112222" in detail and "Simpan Tindak Lanjut" in detail
    response = _tindak(client, dari_rating)

    assert response.status_code == 302
    dari_rating.refresh_from_db()
    assert dari_rating.status == StatusPengaduan.SELESAI
    assert dari_rating.tindak_lanjut.get().oleh == user


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas", "petugas2", "admin_user"])
def test_desk_and_admin_follow_up_and_close_a_complaint_from_another_channel(masuk, request, dari_meja, peran):
    response = _tindak(masuk(request.getfixturevalue(peran)), dari_meja)
    assert response.status_code == 302
    dari_meja.refresh_from_db()
    assert dari_meja.status == StatusPengaduan.SELESAI


@pytest.mark.django_db
def test_pimpinan_reads_but_does_not_close_a_complaint_from_another_channel(masuk, pimpinan, dari_meja):
    client = masuk(pimpinan)
    detail = client.get(reverse("layanan:pengaduan_detail", args=[dari_meja.pk])).content.decode()
    assert "Ruang tunggu panas" in detail and "Simpan Tindak Lanjut" not in detail
    assert _tindak(client, dari_meja).status_code == 403
    assert Pengaduan.objects.get(pk=dari_meja.pk).status == StatusPengaduan.BARU


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, dari_rating):
    for response in (client.get(reverse("layanan:pengaduan_detail", args=[dari_rating.pk])), _tindak(client, dari_rating)):
        assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.django_db
def test_officers_cannot_file_a_complaint_under_the_rating_channel(masuk, petugas):
    client = masuk(petugas)
    assert 'value="rating"' not in client.get(reverse("layanan:pengaduan_baru")).content.decode()
    response = client.post(reverse("layanan:pengaduan_baru"), {
        **kunci("pengaduan"), "kanal": "rating", "isi": "Uji", "diterima_pada": "2026-01-05T09:00",
    })
    assert response.status_code == 400 and not Pengaduan.objects.exists()
