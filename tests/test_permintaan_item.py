"""Removing a data-request item never deletes it: the history names it and it can be put back."""

import pytest
from django.urls import reverse

from layanan.models import ItemData, PermintaanData, RiwayatLayanan
from tests.conftest import kunci


@pytest.fixture
def permintaan(buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data", nama="Dewi Lestari")
    p = PermintaanData.untuk(layanan)
    ipm = p.item.create(topik="IPM", periode="2020–2025", tingkat_wilayah="kecamatan")
    penduduk = p.item.create(topik="Penduduk", periode="2025", tingkat_wilayah="desa")
    return p, ipm, penduduk


def _hapus_penduduk(client, p, ipm, penduduk):
    return client.post(reverse("layanan:rincian_permintaan", args=[p.layanan_id]), {
        "nomor_surat_permintaan": "", "tanggal_surat_permintaan": "", "format_data": "", "cara_penyampaian": "", "catatan": "",
        "item-TOTAL_FORMS": "2", "item-INITIAL_FORMS": "2", "item-MIN_NUM_FORMS": "0", "item-MAX_NUM_FORMS": "30",
        "item-0-id": ipm.pk, "item-0-topik": "IPM", "item-0-periode": "2020–2025", "item-0-tingkat_wilayah": "kecamatan",
        "item-1-id": penduduk.pk, "item-1-topik": "Penduduk", "item-1-periode": "2025", "item-1-tingkat_wilayah": "desa",
        "item-1-DELETE": "on", **kunci("rincian_permintaan"),
    })


@pytest.mark.django_db
def test_removing_an_item_keeps_the_row_and_names_it_in_the_history(masuk, petugas, permintaan):
    p, ipm, penduduk = permintaan

    response = _hapus_penduduk(masuk(petugas), p, ipm, penduduk)

    assert response.status_code == 302
    assert [i.topik for i in p.item.all()] == ["IPM"]
    penduduk = ItemData.semua.get(pk=penduduk.pk)
    assert penduduk.dihapus_pada is not None and penduduk.dihapus_oleh == petugas
    catatan = RiwayatLayanan.objects.filter(layanan=p.layanan).latest("pk").catatan
    assert catatan == (
        "Rincian permintaan data diperbarui: IPM, 2020–2025, Kecamatan. Item dihapus: Penduduk, 2025, Desa/Kelurahan."
    )


@pytest.mark.django_db
def test_removed_item_is_listed_apart_and_left_out_of_the_service_page(masuk, petugas, permintaan):
    p, ipm, penduduk = permintaan
    client = masuk(petugas)
    _hapus_penduduk(client, p, ipm, penduduk)

    rincian = client.get(reverse("layanan:rincian_permintaan", args=[p.layanan_id])).content.decode()
    detail = client.get(reverse("layanan:detail", args=[p.layanan_id])).content.decode()

    assert "Item yang dihapus" in rincian and "Kembalikan" in rincian
    assert reverse("layanan:kembalikan_item", args=[p.layanan_id, penduduk.pk]) in rincian
    # The letter panel lists what is still asked for; the history keeps the removal.
    assert "<li>IPM, 2020–2025, Kecamatan</li>" in detail and "<li>Penduduk, 2025, Desa/Kelurahan</li>" not in detail
    assert "Item dihapus: Penduduk, 2025, Desa/Kelurahan." in detail


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas", "admin_user"])
def test_handler_and_admin_put_a_removed_item_back(masuk, request, petugas, permintaan, peran):
    p, ipm, penduduk = permintaan
    penduduk.hapus(oleh=petugas)
    user = request.getfixturevalue(peran)

    response = masuk(user).post(reverse("layanan:kembalikan_item", args=[p.layanan_id, penduduk.pk]))

    assert response.status_code == 302
    assert [i.topik for i in p.item.all()] == ["IPM", "Penduduk"]
    riwayat = RiwayatLayanan.objects.filter(layanan=p.layanan).latest("pk")
    assert (riwayat.catatan, riwayat.oleh) == ("Item data dikembalikan: Penduduk, 2025, Desa/Kelurahan.", user)


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas2", "pimpinan"])
def test_others_cannot_put_an_item_back(masuk, request, petugas, permintaan, peran):
    p, ipm, penduduk = permintaan
    penduduk.hapus(oleh=petugas)
    response = masuk(request.getfixturevalue(peran)).post(reverse("layanan:kembalikan_item", args=[p.layanan_id, penduduk.pk]))
    assert response.status_code == 403
    assert [i.topik for i in p.item.all()] == ["IPM"]


@pytest.mark.django_db
def test_an_item_still_asked_for_or_of_another_request_cannot_be_put_back(masuk, petugas, permintaan, buat_layanan):
    p, ipm, penduduk = permintaan
    lain = PermintaanData.untuk(buat_layanan("permintaan-data")).item.create(topik="Inflasi")
    lain.hapus(oleh=petugas)
    client = masuk(petugas)
    assert client.post(reverse("layanan:kembalikan_item", args=[p.layanan_id, ipm.pk])).status_code == 404
    assert client.post(reverse("layanan:kembalikan_item", args=[p.layanan_id, lain.pk])).status_code == 404
    assert ItemData.semua.get(pk=lain.pk).dihapus_pada is not None


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, permintaan):
    p, ipm, penduduk = permintaan
    response = client.post(reverse("layanan:kembalikan_item", args=[p.layanan_id, penduduk.pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.django_db
def test_search_finds_a_request_by_its_items_but_not_by_a_removed_one(masuk, petugas, permintaan):
    p, ipm, penduduk = permintaan
    p.item.create(topik="Kemiskinan ekstrem").hapus(oleh=petugas)
    client = masuk(petugas)
    cari = reverse("layanan:cari_permintaan")
    assert list(client.get(cari, {"q": "IPM"}).context["halaman"]) == [p.layanan]
    assert list(client.get(cari, {"q": "Kemiskinan"}).context["halaman"]) == []
