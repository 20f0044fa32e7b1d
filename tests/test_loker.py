"""The library locker register: register a card, hand it back, the end-of-day list, roles."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from layanan.models import Loker, PeminjamanLoker

from .conftest import kunci


@pytest.fixture
def loker(db):
    Loker.objects.all().delete()
    return [Loker.objects.create(nomor=f"{n:02d}", urutan=n) for n in range(1, 4)]


def _titip(client, loker, **data):
    isian = {"loker": loker.pk, "jenis_kartu": "ktp", "nomor_kartu": "6310012345678901", "nama_pengunjung": "Sari",
             **kunci("loker")}
    isian.update(data)
    return client.post(reverse("layanan:loker"), isian)


@pytest.mark.django_db
def test_officer_registers_a_card_for_a_locker(masuk, petugas, loker):
    response = _titip(masuk(petugas), loker[0], jenis_kartu="ktm", nomor_kartu=" 1810  2233 ")

    assert response.status_code == 302
    p = PeminjamanLoker.objects.get()
    assert (p.loker, p.jenis_kartu, p.nomor_kartu, p.nama_pengunjung, p.dicatat_oleh) == (loker[0], "ktm", "1810 2233", "Sari", petugas)
    assert p.waktu_kembali is None


@pytest.mark.django_db
def test_a_locker_in_use_cannot_be_given_again(masuk, petugas, loker):
    client = masuk(petugas)
    _titip(client, loker[0])
    response = _titip(client, loker[0], nama_pengunjung="Budi", nomor_kartu="123")

    assert response.status_code == 400
    html = response.content.decode()
    assert "sedang dipakai atau tidak aktif" in html
    assert 'value="Budi"' in html  # nothing typed is lost
    assert PeminjamanLoker.objects.count() == 1


@pytest.mark.django_db
def test_two_officers_at_once_cannot_both_take_a_locker(petugas, petugas2, loker):
    data = dict(loker=loker[0], jenis_kartu="ktp", nomor_kartu="1", nama_pengunjung="A")
    PeminjamanLoker.pinjamkan(oleh=petugas, **data)
    with pytest.raises(ValidationError, match="baru saja dipakai"):
        PeminjamanLoker.pinjamkan(oleh=petugas2, **data)


@pytest.mark.django_db
def test_name_comes_from_the_library_service_when_left_empty(masuk, petugas, loker, buat_layanan):
    layanan = buat_layanan("perpustakaan", nama="Nur Aini")
    _titip(masuk(petugas), loker[1], nama_pengunjung="", layanan=layanan.pk)
    p = PeminjamanLoker.objects.get()
    assert p.nama_pengunjung == "Nur Aini" and p.layanan == layanan


@pytest.mark.django_db
def test_missing_name_and_service_gets_a_clear_message(masuk, petugas, loker):
    response = _titip(masuk(petugas), loker[0], nama_pengunjung="", nomor_kartu="")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Isi nama pengunjung atau pilih layanan Perpustakaan-nya." in html
    assert "Nomor kartu identitas wajib diisi." in html


@pytest.mark.django_db
def test_returning_the_card_frees_the_locker_and_records_who(masuk, petugas, petugas2, loker):
    _titip(masuk(petugas), loker[0])
    p = PeminjamanLoker.objects.get()

    client = masuk(petugas2)
    response = client.post(reverse("layanan:loker_kembali", args=[p.pk]), follow=True)

    p.refresh_from_db()
    assert p.waktu_kembali is not None and p.dikembalikan_oleh == petugas2
    assert "dikembalikan; Loker 01 kosong" in response.content.decode()
    assert loker[0] in Loker.objects.kosong()
    again = client.post(reverse("layanan:loker_kembali", args=[p.pk]), follow=True)
    assert "sudah dikembalikan" in again.content.decode()


@pytest.mark.django_db
def test_end_of_day_list_shows_only_cards_not_returned(masuk, petugas, loker):
    tetap = PeminjamanLoker.pinjamkan(loker=loker[0], jenis_kartu="sim", nomor_kartu="SIM-1", nama_pengunjung="Tinggal", oleh=petugas)
    kemarin = PeminjamanLoker.pinjamkan(loker=loker[1], jenis_kartu="ktp", nomor_kartu="KTP-2", nama_pengunjung="Kemarin", oleh=petugas)
    PeminjamanLoker.objects.filter(pk=kemarin.pk).update(waktu_masuk=timezone.now() - datetime.timedelta(days=1))
    kembali = PeminjamanLoker.pinjamkan(loker=loker[2], jenis_kartu="ktp", nomor_kartu="KTP-3", nama_pengunjung="Pulang", oleh=petugas)
    kembali.kembalikan(oleh=petugas)
    client = masuk(petugas)

    hari_ini = client.get(reverse("layanan:loker_belum_kembali"))
    kemarin_saja = client.get(reverse("layanan:loker_belum_kembali"), {"tanggal": (timezone.localdate() - datetime.timedelta(days=1)).isoformat()})

    assert list(hari_ini.context["daftar"]) == [PeminjamanLoker.objects.get(pk=kemarin.pk), tetap]
    assert "Pulang" not in hari_ini.content.decode()
    assert [p.nama_pengunjung for p in kemarin_saja.context["daftar"]] == ["Kemarin"]
    assert client.get(reverse("layanan:loker_belum_kembali"), {"tanggal": "bukan-tanggal"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("nama", ["layanan:loker", "layanan:loker_belum_kembali"])
def test_locker_pages_are_for_officers_only(client, masuk, pimpinan, admin_user, nama, loker):
    assert client.get(reverse(nama)).status_code == 302
    assert masuk(pimpinan).get(reverse(nama)).status_code == 403
    assert masuk(admin_user).get(reverse(nama)).status_code == 200


@pytest.mark.django_db
def test_pimpinan_cannot_return_a_card(masuk, petugas, pimpinan, loker):
    p = PeminjamanLoker.pinjamkan(loker=loker[0], jenis_kartu="ktp", nomor_kartu="1", nama_pengunjung="A", oleh=petugas)
    assert masuk(pimpinan).post(reverse("layanan:loker_kembali", args=[p.pk])).status_code == 403
    p.refresh_from_db()
    assert p.waktu_kembali is None


@pytest.mark.django_db
@pytest.mark.parametrize("nama", ["layanan:loker", "layanan:loker_belum_kembali"])
def test_locker_pages_use_the_same_number_of_queries_for_1_and_5_rows(masuk, petugas, buat_layanan, django_assert_num_queries, nama):
    Loker.objects.all().delete()
    daftar = [Loker.objects.create(nomor=f"L{n}") for n in range(10)]
    client = masuk(petugas)

    def pinjam(i):
        layanan = buat_layanan("perpustakaan")
        PeminjamanLoker.pinjamkan(loker=daftar[i], jenis_kartu="ktp", nomor_kartu=str(i), nama_pengunjung=f"P{i}", layanan=layanan, oleh=petugas)

    pinjam(0)
    selesai = PeminjamanLoker.pinjamkan(loker=daftar[9], jenis_kartu="ktp", nomor_kartu="9", nama_pengunjung="P9", oleh=petugas)
    selesai.kembalikan(oleh=petugas)
    client.get(reverse(nama))
    with CaptureQueriesContext(connection) as satu:
        client.get(reverse(nama))
    for i in range(1, 5):
        pinjam(i)

    with django_assert_num_queries(len(satu)):
        response = client.get(reverse(nama))
    assert response.content.decode().count("P3") >= 1
