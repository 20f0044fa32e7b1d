"""Each page per role: allowed and refused (anonymous → login, wrong role → 403 in Indonesian)."""

import pytest
from django.urls import reverse

from layanan.models import Status

HALAMAN_PETUGAS = [
    "layanan:dashboard", "bukutamu:buku_tamu", "layanan:saya", "bukutamu:cari_pengunjung",
    "bukutamu:daftar_poster", "layanan:belum_ditugaskan",
]


@pytest.mark.django_db
@pytest.mark.parametrize("nama", HALAMAN_PETUGAS + ["layanan:semua"])
def test_anonymous_is_sent_to_login(client, nama):
    response = client.get(reverse(nama))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("nama", HALAMAN_PETUGAS + ["layanan:semua"])
@pytest.mark.parametrize("peran", ["petugas", "admin_user"])
def test_officer_and_admin_open_the_desk_pages(masuk, request, jenis, nama, peran):
    response = masuk(request.getfixturevalue(peran)).get(reverse(nama))
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("nama", HALAMAN_PETUGAS)
def test_pimpinan_is_refused_the_desk_pages_with_an_indonesian_403(masuk, pimpinan, nama):
    response = masuk(pimpinan).get(reverse(nama))
    assert response.status_code == 403
    assert "Akses ditolak" in response.content.decode()


@pytest.mark.django_db
def test_pimpinan_reads_all_services_and_a_detail_without_actions(masuk, pimpinan, buat_layanan):
    layanan = buat_layanan()
    client = masuk(pimpinan)

    assert client.get(reverse("layanan:semua")).status_code == 200
    detail = client.get(reverse("layanan:detail", args=[layanan.pk]))

    assert detail.status_code == 200
    assert "form-update" not in detail.content.decode()


@pytest.mark.django_db
def test_pimpinan_cannot_update_a_status(masuk, pimpinan, buat_layanan):
    layanan = buat_layanan()
    response = masuk(pimpinan).post(reverse("layanan:update_status", args=[layanan.pk]), {"status": "selesai"})
    assert response.status_code == 403
    layanan.refresh_from_db()
    assert layanan.status == Status.DITERIMA


@pytest.mark.django_db
def test_another_officer_cannot_update_someone_elses_service(masuk, petugas2, buat_layanan):
    layanan = buat_layanan()
    client = masuk(petugas2)

    assert "form-update" not in client.get(reverse("layanan:detail", args=[layanan.pk])).content.decode()
    response = client.post(reverse("layanan:update_status", args=[layanan.pk]), {"status": "selesai"})

    assert response.status_code == 403
    layanan.refresh_from_db()
    assert layanan.status == Status.DITERIMA


@pytest.mark.django_db
def test_co_handler_and_admin_may_update(masuk, petugas, petugas2, admin_user, buat_layanan):
    layanan = buat_layanan("permintaan-data")
    layanan.atur_pendamping([petugas2], oleh=petugas)

    masuk(petugas2).post(reverse("layanan:update_status", args=[layanan.pk]), {"status": "diproses"})
    masuk(admin_user).post(reverse("layanan:update_status", args=[layanan.pk]), {"status": "siap_diambil"})

    layanan.refresh_from_db()
    assert layanan.status == Status.SIAP_DIAMBIL
    assert list(layanan.riwayat.filter(jenis="status").values_list("oleh__email", flat=True)) == [
        petugas2.email, admin_user.email,
    ]


@pytest.mark.django_db
def test_beranda_sends_each_role_to_its_start(client, masuk, petugas, pimpinan):
    publik = client.get("/")
    assert publik.status_code == 200
    assert "Login Petugas" in publik.content.decode()
    # Visitors find their own form from here: self-registration, appointments and online requests.
    assert f'href="{reverse("bukutamu:daftar")}"' in publik.content.decode()
    assert masuk(petugas).get("/")["Location"] == reverse("layanan:dashboard")
    assert masuk(pimpinan).get("/")["Location"] == reverse("laporan:index")


@pytest.mark.django_db
def test_login_by_email_with_indonesian_error(client, petugas):
    salah = client.post(reverse("login"), {"username": petugas.email, "password": "salah"})
    assert "Email atau kata sandi salah" in salah.content.decode()

    benar = client.post(reverse("login"), {"username": petugas.email.upper(), "password": "rahasia-uji-123"})
    assert benar.status_code == 302


@pytest.mark.django_db
def test_officer_changes_own_password(masuk, petugas):
    client = masuk(petugas)
    response = client.post(
        reverse("ganti_kata_sandi"),
        {"old_password": "rahasia-uji-123", "new_password1": "Kopi-Pagi-2026", "new_password2": "Kopi-Pagi-2026"},
    )
    assert response.status_code == 302
    petugas.refresh_from_db()
    assert petugas.check_password("Kopi-Pagi-2026")


@pytest.mark.django_db
def test_logout_is_a_post_and_ends_the_session(masuk, petugas):
    client = masuk(petugas)
    client.post(reverse("logout"))
    assert client.get(reverse("layanan:dashboard")).status_code == 302


@pytest.mark.django_db
def test_admin_site_is_for_admin_only(masuk, petugas, admin_user):
    assert masuk(petugas).get("/admin/").status_code == 302
    assert masuk(admin_user).get("/admin/pst_frontoffice/user/add/").status_code == 200


@pytest.mark.django_db
def test_unknown_page_gets_an_indonesian_404(masuk, petugas, settings):
    settings.DEBUG = False
    response = masuk(petugas).get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


@pytest.mark.django_db
def test_a_form_only_address_opened_as_a_page_gets_an_indonesian_405(client, masuk, petugas):
    # The kiosk's appointment form sends to this address; opened again (Back, reload) it is a GET.
    response = client.get(reverse("antrian:buat_janji"))
    assert response.status_code == 405 and response["Allow"] == "POST"
    html = response.content.decode()
    assert "Halaman ini dibuka dari formulirnya" in html and "Kembali ke beranda" in html

    # An officer's action address alike; an HTMX request keeps Django's empty answer.
    response = masuk(petugas).get(reverse("layanan:tugaskan"))
    assert response.status_code == 405 and "Halaman ini dibuka dari formulirnya" in response.content.decode()
    htmx = masuk(petugas).get(reverse("layanan:tugaskan"), HTTP_HX_REQUEST="true")
    assert htmx.status_code == 405 and htmx.content == b""
