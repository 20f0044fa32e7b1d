"""One message area: an HTMX answer carries its messages out of band into #pesan."""

import pytest
from django.urls import reverse

from layanan.models import Tag

HTMX = {"HX-Request": "true", "HX-Target": "surat"}


@pytest.fixture
def permintaan(buat_layanan):
    return buat_layanan("permintaan-data")


@pytest.mark.django_db
def test_htmx_answer_replaces_the_message_area_out_of_band(masuk, petugas, permintaan):
    response = masuk(petugas).post(reverse("layanan:tambah_tag", args=[permintaan.pk]), {"tag": "ipm"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div class="card mb-3" id="surat">')  # the panel, in place
    assert '<div id="pesan" class="pesan-area" hx-swap-oob="true">' in html
    assert "Tag ditambahkan: ipm." in html and "data-tutup-otomatis" in html  # a success leaves by itself


@pytest.mark.django_db
def test_htmx_error_stays_and_keeps_what_was_typed(masuk, petugas, permintaan):
    response = masuk(petugas).post(
        reverse("layanan:generate_nomor", args=[permintaan.pk]),
        {"klasifikasi": "HM.340", "tujuan": "", "perihal": "Data IPM per kecamatan"}, headers=HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Data IPM per kecamatan"' in html  # not reset to the default "Penyampaian Data"
    assert "is-invalid" in html and "Tujuan (Yth.) wajib diisi" in html
    assert 'role="alert"' in html and "data-tutup-otomatis" not in html.split('id="pesan"')[1]


@pytest.mark.django_db
def test_plain_post_error_shows_the_page_again_with_the_field_marked(masuk, petugas, permintaan):
    response = masuk(petugas).post(reverse("layanan:tambah_tag", args=[permintaan.pk]), {"tag": " , "})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="galat-tag"' in html and 'aria-invalid="true"' in html
    assert 'hx-swap-oob' not in html  # a full page has its own message area
    assert Tag.objects.count() == 0


@pytest.mark.django_db
def test_plain_post_success_still_redirects_to_the_panel(masuk, petugas, permintaan):
    response = masuk(petugas).post(reverse("layanan:tambah_tag", args=[permintaan.pk]), {"tag": "ipm"})
    assert response.status_code == 302 and response["Location"].endswith("#surat")


@pytest.mark.django_db
def test_htmx_answer_without_messages_is_left_alone(masuk, petugas):
    response = masuk(petugas).get(reverse("layanan:saya"), headers={"HX-Request": "true", "HX-Target": "tab-area"})
    assert "hx-swap-oob" not in response.content.decode()


@pytest.mark.django_db
def test_another_officer_cannot_tag_by_htmx(masuk, petugas2, permintaan):
    response = masuk(petugas2).post(reverse("layanan:tambah_tag", args=[permintaan.pk]), {"tag": "ipm"}, headers=HTMX)
    assert response.status_code == 403 and Tag.objects.count() == 0


@pytest.mark.django_db
def test_petugas_form_error_by_htmx_opens_the_form_in_place(masuk, petugas, buat_layanan):
    layanan = buat_layanan()
    response = masuk(petugas).post(
        reverse("layanan:atur_petugas", args=[layanan.pk]), {"petugas": "999999"},
        headers={"HX-Request": "true", "HX-Target": "kelola"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="kelola">')
    assert '<details class="card mb-3" id="petugas-pendamping" open>' in html and "is-invalid" in html
    assert "Petugas belum diperbarui" in html.split('id="pesan"')[1]
    layanan.refresh_from_db()
    assert layanan.petugas == petugas


@pytest.mark.django_db
def test_petugas_form_by_htmx_reassigns_and_redraws(masuk, petugas, petugas2, buat_layanan):
    layanan = buat_layanan()
    response = masuk(petugas).post(
        reverse("layanan:atur_petugas", args=[layanan.pk]), {"petugas": petugas2.pk},
        headers={"HX-Request": "true", "HX-Target": "kelola"},
    )
    assert response.status_code == 200 and "Petugas layanan diperbarui." in response.content.decode()
    layanan.refresh_from_db()
    assert layanan.petugas == petugas2
