import pytest
from django.urls import reverse

from layanan.models import Layanan, Status


@pytest.mark.django_db
@pytest.mark.parametrize("nama", ["layanan:saya", "layanan:semua", "layanan:dashboard"])
def test_list_pages_use_the_same_number_of_queries_for_1_and_5_rows(masuk, petugas, buat_layanan, django_assert_num_queries, nama):
    client = masuk(petugas)
    buat_layanan("permintaan-data")
    client.get(reverse(nama))  # warm up the session and office settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as satu:
        client.get(reverse(nama))
    for kode in ("konsultasi", "pengaduan", "perpustakaan", "permintaan-data"):
        buat_layanan(kode)

    with django_assert_num_queries(len(satu)):
        response = client.get(reverse(nama))
    assert response.status_code == 200


@pytest.mark.django_db
def test_layanan_saya_lists_my_open_services_newest_first(masuk, petugas, petugas2, buat_layanan):
    lama = buat_layanan(keperluan="lama")
    baru = buat_layanan(keperluan="baru")
    selesai = buat_layanan()
    selesai.ubah_status(Status.SELESAI, oleh=petugas)
    punya_orang = buat_layanan(oleh=petugas2)

    halaman = masuk(petugas).get(reverse("layanan:saya")).context["halaman"]

    assert list(halaman.object_list) == [baru, lama]
    assert punya_orang not in halaman.object_list


@pytest.mark.django_db
def test_layanan_saya_includes_services_where_i_am_co_handler(masuk, petugas, petugas2, buat_layanan):
    layanan = buat_layanan(oleh=petugas2)
    layanan.atur_pendamping([petugas], oleh=petugas2)
    assert layanan in masuk(petugas).get(reverse("layanan:saya")).context["halaman"].object_list


@pytest.mark.django_db
def test_semua_layanan_filters(masuk, petugas, petugas2, buat_layanan):
    data = buat_layanan("permintaan-data", nama="Budi Data", sarana="online", kanal_online="email")
    konsul = buat_layanan("konsultasi", nama="Ani Konsul", oleh=petugas2)
    konsul.ubah_status(Status.SELESAI, oleh=petugas2)
    client = masuk(petugas)

    def hasil(**filter_):
        return list(client.get(reverse("layanan:semua"), filter_).context["halaman"].object_list)

    assert hasil(status="selesai") == [konsul]
    assert hasil(status="terbuka") == [data]
    assert hasil(jenis=data.jenis_id) == [data]
    assert hasil(sarana="online") == [data]
    assert hasil(petugas=petugas2.pk) == [konsul]
    assert hasil(q="ani") == [konsul]


@pytest.mark.django_db
def test_semua_layanan_date_range_uses_office_days(masuk, petugas, buat_layanan, kantor):
    import datetime
    from zoneinfo import ZoneInfo

    wita = ZoneInfo("Asia/Makassar")
    # 23:30 WITA on 10 Nov is 15:30 UTC on 10 Nov; 00:30 WITA on 11 Nov is 16:30 UTC on 10 Nov.
    malam = buat_layanan(waktu=datetime.datetime(2026, 11, 10, 23, 30, tzinfo=wita))
    dini_hari = buat_layanan(waktu=datetime.datetime(2026, 11, 11, 0, 30, tzinfo=wita))
    client = masuk(petugas)

    def hasil(**filter_):
        return list(client.get(reverse("layanan:semua"), filter_).context["halaman"].object_list)

    assert hasil(dari="2026-11-10", sampai="2026-11-10") == [malam]
    assert hasil(dari="2026-11-11", sampai="2026-11-11") == [dini_hari]


@pytest.mark.django_db
def test_semua_layanan_reports_a_reversed_date_range(masuk, petugas):
    response = masuk(petugas).get(reverse("layanan:semua"), {"dari": "2026-11-10", "sampai": "2026-11-01"})
    assert "Tanggal akhir harus sesudah tanggal awal." in response.content.decode()


@pytest.mark.django_db
def test_semua_layanan_paginates(masuk, petugas, buat_layanan):
    for _ in range(27):
        buat_layanan()
    response = masuk(petugas).get(reverse("layanan:semua"), {"page": 2})
    assert len(response.context["halaman"].object_list) == 2
    assert "Halaman 2 dari 2" in response.content.decode()


@pytest.mark.django_db
def test_semua_layanan_stops_counting_at_the_limit_and_says_so(masuk, petugas, buat_layanan, monkeypatch):
    monkeypatch.setattr("pst_frontoffice.paginasi.BATAS_HITUNG", 50)
    for _ in range(53):
        buat_layanan()
    client = masuk(petugas)

    pertama = client.get(reverse("layanan:semua"))
    html = pertama.content.decode()
    assert "Halaman 1 dari 2+ · lebih dari 50 layanan" in html
    assert 'page=2">Berikutnya' in html

    # The last page within the limit: no next link, and the way to the rest is named.
    terakhir = client.get(reverse("layanan:semua"), {"page": 9}).content.decode()
    assert "Halaman 2 dari 2+" in terakhir
    assert "Berikutnya" not in terakhir
    assert "Hanya 50 layanan pertama yang ditampilkan. Persempit pencarian di Semua Layanan" in terakhir

    # A filter that matches fewer than the limit gets its exact count.
    saring = client.get(reverse("layanan:semua"), {"status": "selesai"}).content.decode()
    assert "lebih dari" not in saring


@pytest.mark.django_db
def test_capped_paginator_counts_without_ordering_and_at_most_limit_plus_one(buat_layanan, django_assert_num_queries):
    from layanan.models import Layanan
    from pst_frontoffice.paginasi import PaginatorBerbatas

    for _ in range(7):
        buat_layanan()
    p = PaginatorBerbatas(Layanan.objects.untuk_daftar().urut_tenggat(), 2, batas=4)
    with django_assert_num_queries(1) as q:
        assert p.count == 5
    sql = q.captured_queries[0]["sql"]
    assert "LIMIT 5" in sql and "ORDER BY" not in sql
    assert p.terpotong and p.num_pages == 2 and p.batas_teks == "4"
    assert not PaginatorBerbatas(Layanan.objects.all(), 2, batas=7).terpotong
    assert PaginatorBerbatas(Layanan.objects.all(), 2, batas=7).num_pages == 4
    assert PaginatorBerbatas(Layanan.objects.all(), 2, batas=1000).batas_teks == "1.000"


@pytest.mark.django_db
def test_a_text_search_pages_without_counting(masuk, petugas, buat_layanan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(27):
        buat_layanan(nama=f"Budi Santoso {i}")
    buat_layanan(nama="Siti Aminah")
    client = masuk(petugas)

    with CaptureQueriesContext(connection) as q:
        pertama = client.get(reverse("layanan:semua"), {"q": "santoso"}).content.decode()
    assert not any("COUNT(" in x["sql"] for x in q.captured_queries)
    assert "Halaman 1 · 1–25" in pertama and 'page=2">Berikutnya' in pertama
    assert "Siti Aminah" not in pertama

    kedua = client.get(reverse("layanan:semua"), {"q": "santoso", "page": 2}).content.decode()
    assert "Halaman 2 · 26–27" in kedua and "Berikutnya" not in kedua and "Sebelumnya" in kedua
    assert "Budi Santoso 0<" in kedua  # oldest last

    # A page past the end (an old link) shows the first page instead of an error.
    lewat = client.get(reverse("layanan:semua"), {"q": "santoso", "page": 9})
    assert lewat.status_code == 200 and "Halaman 1 · 1–25" in lewat.content.decode()

    # Few matches: no pagination, the number found.
    sedikit = client.get(reverse("layanan:semua"), {"q": "aminah"}).content.decode()
    assert "1 layanan" in sedikit and "Siti Aminah" in sedikit


@pytest.mark.django_db
def test_rows_are_fetched_by_id_first_in_the_lists_order(buat_layanan, django_assert_num_queries):
    from layanan.models import Layanan
    from pst_frontoffice.paginasi import ambil_baris
    from rating.templatetags.rating_tags import status_rating

    semua = [buat_layanan() for _ in range(6)]
    qs = Layanan.objects.untuk_daftar().order_by("-dibuat", "-id")
    # ids, then the rows with their joins: visitor, kind, officer, and the rating and SKD records.
    with django_assert_num_queries(2):
        baris = ambil_baris(qs, 1, 4)
        nama = [b.kunjungan.nama for b in baris] + [b.jenis.nama for b in baris]
        rating = [str(status_rating(b)) for b in baris]
    assert [b.pk for b in baris] == [semua[4].pk, semua[3].pk, semua[2].pk]
    assert len(nama) == 6 and all("Belum dinilai" in r for r in rating)
    assert ambil_baris(qs, 10, 20) == []


@pytest.mark.django_db
def test_update_moves_the_status_and_shows_it_in_the_timeline(masuk, petugas, buat_layanan):
    layanan = buat_layanan("permintaan-data")
    client = masuk(petugas)

    response = client.post(reverse("layanan:update_status", args=[layanan.pk]), {"status": "diproses", "catatan": "Diteruskan ke IPDS"}, follow=True)

    html = response.content.decode()
    assert "Status layanan #%d menjadi Diproses." % layanan.pk in html
    assert "Diteruskan ke IPDS" in html
    layanan.refresh_from_db()
    assert layanan.status == Status.DIPROSES


@pytest.mark.django_db
def test_update_by_htmx_returns_the_management_partial(masuk, petugas, buat_layanan):
    layanan = buat_layanan()
    response = masuk(petugas).post(
        reverse("layanan:update_status", args=[layanan.pk]), {"status": "selesai"},
        headers={"HX-Request": "true", "HX-Target": "kelola"},
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="kelola">')
    assert "Selesai" in html and "<html" not in html


@pytest.mark.django_db
def test_refused_transition_gets_a_clear_message(masuk, petugas, buat_layanan):
    layanan = buat_layanan("konsultasi")
    response = masuk(petugas).post(reverse("layanan:update_status", args=[layanan.pk]), {"status": "siap_diambil"})
    assert response.status_code == 400
    assert "tidak dapat dipilih dari status sekarang" in response.content.decode()


@pytest.mark.django_db
def test_cancel_without_reason_keeps_the_form_and_says_why(masuk, petugas, buat_layanan):
    layanan = buat_layanan()
    response = masuk(petugas).post(reverse("layanan:update_status", args=[layanan.pk]), {"status": "dibatalkan", "catatan": ""})
    assert "Alasan pembatalan wajib diisi." in response.content.decode()
    layanan.refresh_from_db()
    assert layanan.status == Status.DITERIMA


@pytest.mark.django_db
def test_detail_offers_the_wa_group_summary_and_drive(masuk, petugas, buat_layanan, kantor):
    layanan = buat_layanan("permintaan-data", nama="Siti", keperluan="IPM 2025")
    html = masuk(petugas).get(reverse("layanan:detail", args=[layanan.pk])).content.decode()

    assert "Kirim Notifikasi ke Grup WA" in html
    assert "https://wa.me/?text=" in html
    assert "Siti" in html and "IPM%202025" in html
    assert "Drive Kumpulan Data" in html and kantor.url_drive in html


@pytest.mark.django_db
def test_wa_group_template_is_an_office_setting(masuk, petugas, buat_layanan, kantor):
    kantor.template_wa_grup = "Tolong bantu {nama} soal {keperluan} {tidak_dikenal}"
    kantor.save()
    layanan = buat_layanan(nama="Ani", keperluan="PDRB")
    html = masuk(petugas).get(reverse("layanan:detail", args=[layanan.pk])).content.decode()
    assert "Tolong%20bantu%20Ani%20soal%20PDRB%20%7Btidak_dikenal%7D" in html


@pytest.mark.django_db
def test_reassign_to_another_officer(masuk, petugas, petugas2, buat_layanan):
    layanan = buat_layanan()
    masuk(petugas).post(reverse("layanan:atur_petugas", args=[layanan.pk]), {"petugas": petugas2.pk, "pendamping": [petugas.pk]})
    layanan.refresh_from_db()
    assert layanan.petugas == petugas2
    assert list(layanan.pendamping.all()) == [petugas]


@pytest.mark.django_db
def test_petugas_panel_is_fetched_when_opened(masuk, petugas, petugas2, pimpinan, buat_layanan):
    layanan = buat_layanan()
    layanan.atur_pendamping([petugas2], oleh=petugas)
    client = masuk(petugas)
    url = reverse("layanan:atur_petugas", args=[layanan.pk])

    # The detail page leaves the closed panel empty but for the link that fetches its form.
    detail = client.get(reverse("layanan:detail", args=[layanan.pk])).content.decode()
    assert 'id="petugas-pendamping">' in detail and f'hx-get="{url}"' in detail
    assert 'name="pendamping"' not in detail

    # Opened (HTMX): the form alone, with the handler and co-handlers preset.
    bagian = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in bagian and "Simpan Petugas" in bagian
    assert f'<option value="{petugas.pk}" selected>' in bagian
    assert f'value="{petugas2.pk}"' in bagian and "checked" in bagian

    # Without JavaScript the link opens the detail page with the panel open.
    halaman = client.get(url).content.decode()
    assert 'id="petugas-pendamping" open>' in halaman and "Simpan Petugas" in halaman and "<html" in halaman

    # Only who may change the service gets it.
    assert masuk(pimpinan).get(url, headers={"HX-Request": "true"}).status_code == 403
    assert masuk(petugas2).get(url, headers={"HX-Request": "true"}).status_code == 200  # a co-handler may


@pytest.mark.django_db
def test_petugas_form_with_errors_comes_back_open(masuk, petugas, buat_layanan):
    layanan = buat_layanan()
    response = masuk(petugas).post(reverse("layanan:atur_petugas", args=[layanan.pk]), {"petugas": "999999"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="petugas-pendamping" open>' in html and 'aria-invalid="true"' in html


@pytest.mark.django_db
def test_tabs_answer_htmx_with_the_tab_partial_and_plain_requests_with_the_page(masuk, petugas):
    client = masuk(petugas)
    for nama in ("layanan:dashboard", "bukutamu:buku_tamu", "layanan:saya", "layanan:semua"):
        penuh = client.get(reverse(nama)).content.decode()
        sebagian = client.get(reverse(nama), headers={"HX-Request": "true", "HX-Target": "tab-area"}).content.decode()
        riwayat = client.get(reverse(nama), headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}).content.decode()
        assert "<html" in penuh and 'id="tab-area"' in penuh
        assert "<html" not in sebagian and sebagian.lstrip().startswith('<div id="tab-area">')
        assert "<html" in riwayat


@pytest.mark.django_db
def test_dashboard_counts_today_in_the_office_zone(masuk, petugas, petugas2, buat_layanan):
    buat_layanan()
    buat_layanan(oleh=petugas2)
    ringkasan = masuk(petugas).get(reverse("layanan:dashboard")).context["ringkasan"]
    assert ringkasan == {
        "pengunjung_hari_ini": 2, "layanan_hari_ini": 2, "layanan_terbuka": 2,
        "layanan_saya_terbuka": 1, "selesai_hari_ini": 0,
    }


@pytest.mark.django_db
def test_dashboard_selesai_hari_ini_leaves_out_auto_closed_services(masuk, petugas, buat_layanan):
    selesai, otomatis = buat_layanan(), buat_layanan()
    for layanan in (selesai, otomatis):
        layanan.ubah_status(Status.SELESAI, oleh=petugas)
    Layanan.objects.filter(pk=otomatis.pk).update(ditutup_otomatis=True)

    assert masuk(petugas).get(reverse("layanan:dashboard")).context["ringkasan"]["selesai_hari_ini"] == 1
