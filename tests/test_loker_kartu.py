"""ID card numbers in the locker register: masked (last 4) in every list, in full only on the record."""

import pytest
from django.urls import reverse

from layanan.models import Loker, PeminjamanLoker

NOMOR = "6310012345678901"


@pytest.fixture
def dua_peminjaman(db, petugas):
    Loker.objects.all().delete()
    dipinjam = PeminjamanLoker.pinjamkan(
        loker=Loker.objects.create(nomor="01"), jenis_kartu="ktp", nomor_kartu=NOMOR, nama_pengunjung="Sari", oleh=petugas,
    )
    kembali = PeminjamanLoker.pinjamkan(
        loker=Loker.objects.create(nomor="02"), jenis_kartu="sim", nomor_kartu="SIM 9876 5432", nama_pengunjung="Budi", oleh=petugas,
    )
    kembali.kembalikan(oleh=petugas)
    return dipinjam, kembali


def test_masked_number_keeps_only_the_last_four_characters():
    assert PeminjamanLoker(nomor_kartu=NOMOR).nomor_kartu_samar == "••••8901"
    assert PeminjamanLoker(nomor_kartu="SIM 9876 5432").nomor_kartu_samar == "••••5432"
    assert PeminjamanLoker(nomor_kartu="1234").nomor_kartu_samar == "••••"  # too short to show any of it


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas", "petugas2", "admin_user"])
@pytest.mark.parametrize("halaman", ["layanan:loker", "layanan:loker_belum_kembali"])
def test_lists_show_the_card_number_masked(masuk, request, dua_peminjaman, peran, halaman):
    html = masuk(request.getfixturevalue(peran)).get(reverse(halaman)).content.decode()
    assert "••••8901" in html and NOMOR not in html and "12345678" not in html
    assert "9876" not in html
    assert dua_peminjaman[0].get_absolute_url() in html


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas", "petugas2", "admin_user"])
def test_the_record_shows_the_card_number_in_full_to_officers_and_admin(masuk, request, dua_peminjaman, peran):
    for p, nomor in zip(dua_peminjaman, (NOMOR, "SIM 9876 5432"), strict=True):
        response = masuk(request.getfixturevalue(peran)).get(p.get_absolute_url())
        assert response.status_code == 200
        assert nomor in response.content.decode()


@pytest.mark.django_db
def test_pimpinan_and_anonymous_do_not_see_the_record(client, masuk, pimpinan, dua_peminjaman):
    url = dua_peminjaman[0].get_absolute_url()
    anonim = client.get(url)
    assert anonim.status_code == 302 and reverse("login") in anonim["Location"]
    ditolak = masuk(pimpinan).get(url)
    assert ditolak.status_code == 403 and NOMOR not in ditolak.content.decode()


@pytest.mark.django_db
def test_admin_list_of_locker_uses_shows_no_card_number(masuk, admin_user, dua_peminjaman):
    html = masuk(admin_user).get(reverse("admin:layanan_peminjamanloker_changelist")).content.decode()
    assert "Sari" in html and NOMOR not in html
