"""The officer's lists: Layanan Saya searches like Semua Layanan; the dashboard leads to every open service."""

import re

import pytest
from django.urls import reverse

from layanan.models import Status
from layanan.views.layanan import BARIS_DASHBOARD


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
@pytest.mark.parametrize("jumlah, ada_tautan", [(BARIS_DASHBOARD, False), (BARIS_DASHBOARD + 3, True)])
def test_dashboard_links_to_all_open_services_beyond_the_rows_shown(masuk, petugas, buat_layanan, jumlah, ada_tautan):
    for _ in range(jumlah):
        buat_layanan()
    html = masuk(petugas).get(reverse("layanan:dashboard")).content.decode()
    assert html.count('<td class="text-body-secondary">#') == BARIS_DASHBOARD  # one row per service shown
    assert (f"Lihat semua {jumlah} Layanan Saya yang belum selesai" in html) is ada_tautan
    if ada_tautan:
        assert f'href="{reverse("layanan:saya")}?urut=tenggat" id="semua-layanan-saya-terbuka"' in html


# ---- Sortable columns ---------------------------------------------------------------------


@pytest.fixture
def tiga_layanan(buat_layanan, petugas, petugas2, jenis):
    import datetime

    from django.utils import timezone

    sekarang = timezone.now()
    budi = buat_layanan("permintaan-data", nama="Budi", waktu=sekarang - datetime.timedelta(hours=1))
    ani = buat_layanan("konsultasi", nama="Ani", oleh=petugas2, waktu=sekarang - datetime.timedelta(hours=3))
    citra = buat_layanan("perpustakaan", nama="Citra", waktu=sekarang - datetime.timedelta(hours=2))
    citra.ubah_status(Status.DIPROSES, oleh=petugas)
    return {"budi": budi, "ani": ani, "citra": citra}


@pytest.mark.django_db
@pytest.mark.parametrize("urut, harapan", [
    ("pengunjung", ["ani", "budi", "citra"]),
    ("-pengunjung", ["citra", "budi", "ani"]),
    ("nomor", ["budi", "ani", "citra"]),
    ("masuk", ["ani", "citra", "budi"]),
    ("-masuk", ["budi", "citra", "ani"]),
    ("jenis", ["ani", "budi", "citra"]),  # Konsultasi, Permintaan Data, Perpustakaan
    ("status", ["budi", "ani", "citra"]),  # in the order of the flow: Diterima before Diproses
    ("petugas", ["ani", "budi", "citra"]),  # Ahmad before Rina, then by number
    ("bukan-kolom", ["budi", "citra", "ani"]),  # unknown: newest first
])
def test_semua_layanan_sorts_by_the_chosen_column(masuk, petugas, tiga_layanan, urut, harapan):
    halaman = masuk(petugas).get(reverse("layanan:semua"), {"urut": urut}).context["halaman"]
    assert [l.kunjungan.pengunjung.nama.lower() for l in halaman.object_list] == harapan


@pytest.mark.django_db
def test_sort_keeps_the_filters_and_the_filters_keep_the_sort(masuk, petugas, tiga_layanan):
    client = masuk(petugas)
    response = client.get(reverse("layanan:semua"), {"urut": "-pengunjung", "status": "diterima"})
    assert [l.pk for l in response.context["halaman"].object_list] == [tiga_layanan["budi"].pk, tiga_layanan["ani"].pk]
    html = response.content.decode()
    # The header links carry the filter; the filter form carries the order (a hidden field tied to it).
    assert 'href="?status=diterima&amp;urut=pengunjung"' in html
    assert '<input type="hidden" name="urut" value="-pengunjung" form="form-filter">' in html
    assert 'aria-sort="descending"' in html


@pytest.mark.django_db
def test_layanan_saya_sorts_and_has_no_officer_column(masuk, petugas, tiga_layanan):
    response = masuk(petugas).get(reverse("layanan:saya"), {"urut": "pengunjung"})
    assert [l.kunjungan.pengunjung.nama for l in response.context["halaman"].object_list] == ["Budi", "Citra"]
    html = response.content.decode()
    assert "urut-petugas" not in html and "Rina Petugas</div></td>" not in html
    assert 'form="form-cari-saya"' in html


@pytest.mark.django_db
def test_sort_by_htmx_returns_only_the_list(masuk, petugas, tiga_layanan):
    response = masuk(petugas).get(
        reverse("layanan:semua"), {"urut": "jenis"}, headers={"HX-Request": "true", "HX-Target": "daftar-layanan"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="daftar-layanan">')
    assert 'hx-target="#daftar-layanan"' in html and "form-filter" in html


@pytest.mark.django_db
@pytest.mark.parametrize("nama", ["layanan:saya", "layanan:semua"])
@pytest.mark.parametrize("urut", ["pengunjung", "-status", "petugas"])
def test_sorted_lists_keep_their_query_count(masuk, petugas, buat_layanan, django_assert_num_queries, nama, urut):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = masuk(petugas)
    buat_layanan("permintaan-data")
    client.get(reverse(nama), {"urut": urut})
    with CaptureQueriesContext(connection) as satu:
        client.get(reverse(nama), {"urut": urut})
    for kode in ("konsultasi", "pengaduan", "perpustakaan", "permintaan-data"):
        buat_layanan(kode)
    with django_assert_num_queries(len(satu)):
        response = client.get(reverse(nama), {"urut": urut})
    assert response.context["halaman"].object_list.__len__() == 5


@pytest.mark.django_db
def test_filter_bar_lists_the_filters_in_use(masuk, petugas, tiga_layanan, jenis):
    html = masuk(petugas).get(
        reverse("layanan:semua"), {"status": "terbuka", "jenis": jenis["konsultasi"].pk, "dari": "2026-01-05"}
    ).content.decode()
    assert "Status: Belum selesai" in html and "Jenis: Konsultasi" in html and "Dari tanggal: 5 Jan 2026" in html
    # Folded until opened, its fields there with what is chosen (not fetched when opened).
    assert '<details class="panel-filter" id="panel-filter">' in html and 'name="status"' in html


@pytest.mark.django_db
def test_filter_panel_with_nothing_chosen_is_fetched_when_opened(masuk, petugas, tiga_layanan, jenis):
    client = masuk(petugas)
    url = reverse("layanan:semua")
    for query in ({}, {"q": "Budi"}, {"urut": "pengunjung"}):
        html = client.get(url, query).content.decode()
        assert '<details class="panel-filter" id="panel-filter">' in html
        assert f'hx-get="{url}?panel=filter"' in html and 'name="status"' not in html
        assert 'name="q"' in html  # the search stays on the page

    # Opened (HTMX): its fields and buttons alone, the choices read then.
    jawaban = client.get(url, {"panel": "filter"}, headers={"HX-Request": "true"})
    assert "HX-Request" in jawaban["Vary"]  # the same address without HTMX is the whole page
    bagian = jawaban.content.decode()
    assert "<html" not in bagian and 'name="status"' in bagian and "Terapkan" in bagian
    assert f'<option value="{jenis["konsultasi"].pk}">Konsultasi</option>' in bagian

    # Without JavaScript its link opens the list with the panel open and filled.
    halaman = client.get(url, {"panel": "filter"}).content.decode()
    assert '<details class="panel-filter" id="panel-filter" open>' in halaman and 'name="status"' in halaman
    tautan_urut = re.findall(r'href="(\?[^"]*urut=[^"]*)"', halaman)
    assert tautan_urut and not any("panel" in t for t in tautan_urut)  # the sort links do not carry it
