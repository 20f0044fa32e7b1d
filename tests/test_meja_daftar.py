"""The officer's lists: Layanan Saya searches like Semua Layanan; the dashboard leads to every open service."""

import pytest
from django.urls import reverse

from layanan.models import Status


@pytest.mark.django_db
def test_layanan_saya_search_finds_by_name_instansi_or_keperluan(masuk, petugas, petugas2, buat_layanan):
    dewi = buat_layanan(nama="Dewi Lestari", instansi="Bappeda", keperluan="Data penduduk")
    ulm = buat_layanan(nama="Budi", instansi="Universitas Lambung Mangkurat", keperluan="Data IPM")
    ipm = buat_layanan(nama="Sari", instansi="Dinas Sosial", keperluan="ipm kecamatan")
    buat_layanan(nama="Dewi Orang Lain", oleh=petugas2)
    client = masuk(petugas)

    assert list(client.get(reverse("layanan:saya"), {"q": "dewi"}).context["halaman"].object_list) == [dewi]
    assert list(client.get(reverse("layanan:saya"), {"q": "lambung"}).context["halaman"].object_list) == [ulm]
    assert set(client.get(reverse("layanan:saya"), {"q": "IPM"}).context["halaman"].object_list) == {ulm, ipm}


@pytest.mark.django_db
def test_layanan_saya_search_keeps_the_chosen_view(masuk, petugas, buat_layanan):
    selesai = buat_layanan(nama="Dewi Lestari")
    selesai.ubah_status(Status.SELESAI, oleh=petugas)
    client = masuk(petugas)

    assert list(client.get(reverse("layanan:saya"), {"q": "Dewi"}).context["halaman"].object_list) == []
    response = client.get(reverse("layanan:saya"), {"q": "Dewi", "tampil": "semua"})
    assert list(response.context["halaman"].object_list) == [selesai]
    assert 'name="tampil" value="semua"' in response.content.decode()  # the search form keeps it


@pytest.mark.django_db
def test_layanan_saya_search_by_htmx_returns_only_the_list(masuk, petugas, buat_layanan):
    buat_layanan(nama="Dewi Lestari")
    response = masuk(petugas).get(
        reverse("layanan:saya"), {"q": "Dewi"}, headers={"HX-Request": "true", "HX-Target": "daftar-layanan-saya"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="daftar-layanan-saya">')
    assert "Dewi Lestari" in html and 'id="cari-saya"' not in html  # the field being typed in stays


@pytest.mark.django_db
def test_layanan_saya_is_for_officers_only(masuk, pimpinan):
    assert masuk(pimpinan).get(reverse("layanan:saya"), {"q": "x"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("jumlah, ada_tautan", [(5, False), (8, True)])
def test_dashboard_links_to_all_open_services_beyond_the_five_shown(masuk, petugas, buat_layanan, jumlah, ada_tautan):
    for _ in range(jumlah):
        buat_layanan()
    html = masuk(petugas).get(reverse("layanan:dashboard")).content.decode()
    assert html.count('href="/layanan/') - html.count('href="/layanan/saya') - html.count('href="/layanan/?') >= 5
    assert ("Lihat semua 8 Layanan Saya yang belum selesai" in html) is ada_tautan
    if ada_tautan:
        assert f'href="{reverse("layanan:saya")}?urut=tenggat" id="semua-layanan-saya-terbuka"' in html
