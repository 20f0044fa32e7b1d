"""Search from anywhere: services by number, visitors by name, phone or e-mail, letters by number,
data requests by tag; grouped, short in the navbar's list and longer on the results page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from layanan.cari import BATAS_CEPAT, cari
from layanan.models import NomorSurat, PermintaanData, Tag
from layanan.surat import beri_nomor_surat

pytestmark = pytest.mark.django_db

CEPAT = {"HX-Request": "true", "HX-Target": "hasil-cari-cepat"}


@pytest.fixture
def data(buat_layanan, petugas):
    dewi = buat_layanan("permintaan-data", nama="Dewi Lestari", no_hp="6281298765432", email="dewi.lestari@ulm.ac.id")
    budi = buat_layanan("konsultasi", nama="Budi Santoso", no_hp="6285311112222")
    nomor = beri_nomor_surat(layanan=dewi, klasifikasi="HM.340", tujuan="Dekan", perihal="Data IPM", oleh=petugas)
    permintaan = PermintaanData.untuk(dewi)
    permintaan.save()
    permintaan.tags.add(Tag.objects.create(nama="ipm kecamatan"), Tag.objects.create(nama="kemiskinan"))
    return {"dewi": dewi, "budi": budi, "nomor": nomor}


def test_a_number_finds_the_service(data):
    for teks in (str(data["budi"].pk), f"#{data['budi'].pk}", f" # {data['budi'].pk} "):
        assert cari(teks).layanan == [data["budi"]]
    assert cari("999999").layanan == []


def test_visitors_by_part_of_name_phone_as_typed_or_e_mail(data):
    pengunjung = data["dewi"].kunjungan.pengunjung
    assert cari("lesta").pengunjung == [pengunjung]
    assert cari("0812 9876").pengunjung == [pengunjung]  # as the officer reads it out
    assert cari("081298765432").pengunjung == [pengunjung]
    assert cari("dewi.lestari@").pengunjung == [pengunjung]


def test_letters_by_any_part_of_their_number(data):
    nomor = data["nomor"].nomor
    assert cari(nomor[:5]).surat == [data["nomor"]]
    assert cari(nomor.split("/")[1]).surat == [data["nomor"]]
    assert cari(nomor.lower()).surat == [data["nomor"]]


def test_data_requests_by_tag_with_how_many_carry_it(data):
    hasil = cari("IPM")
    assert [(t.nama, t.jumlah) for t in hasil.tag] == [("ipm kecamatan", 1)]
    assert cari("#kemiskinan").tag[0].nama == "kemiskinan"


def test_one_character_finds_only_a_service_number(data):
    assert cari("d").kosong
    assert cari(str(data["dewi"].pk)).layanan == [data["dewi"]]


def test_each_group_is_limited(buat_layanan):
    for i in range(BATAS_CEPAT + 3):
        buat_layanan(nama=f"Siti Lubis {i}")
    assert len(cari("siti lub").pengunjung) == BATAS_CEPAT
    assert len(cari("siti lub", batas=25).pengunjung) == BATAS_CEPAT + 3


def test_the_box_gets_a_grouped_listbox(masuk, petugas, data):
    response = masuk(petugas).get(reverse("layanan:cari"), {"q": "dewi"}, headers=CEPAT)
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="list-group shadow hasil-cari-wadah">')
    assert 'role="listbox" id="daftar-cari-cepat"' in html
    assert 'role="group" aria-labelledby="grup-cari-pengunjung"' in html
    pengunjung = data["dewi"].kunjungan.pengunjung
    assert f'id="cari-pengunjung-{pengunjung.pk}" aria-selected="false" tabindex="-1" href="/layanan/?pengunjung={pengunjung.pk}"' in html
    assert 'id="cari-semua"' in html and "/cari/?q=dewi" in html  # the full page is always one of the options
    assert "<html" not in html


def test_the_results_page_works_without_javascript(masuk, pimpinan, data):
    response = masuk(pimpinan).get(reverse("layanan:cari"), {"q": data["nomor"].nomor[:5]})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert "Surat balasan" in html and f'href="/layanan/{data["dewi"].pk}/#surat"' in html


def test_the_results_page_says_when_nothing_matches(masuk, petugas, data):
    html = masuk(petugas).get(reverse("layanan:cari"), {"q": "tidak ada orang ini"}).content.decode()
    assert 'id="hasil-kosong"' in html


@pytest.mark.parametrize("peran, status", [("petugas", 200), ("pimpinan", 200), ("admin_user", 200)])
def test_every_staff_role_may_search(request, masuk, data, peran, status):
    assert masuk(request.getfixturevalue(peran)).get(reverse("layanan:cari"), {"q": "dewi"}).status_code == status


def test_anonymous_is_sent_to_login(client, data):
    response = client.get(reverse("layanan:cari"), {"q": "dewi"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert "Dewi" not in response.content.decode()


def test_every_page_of_a_staff_member_has_the_box(masuk, petugas, pimpinan):
    for user, url in ((petugas, reverse("layanan:dashboard")), (pimpinan, reverse("laporan:index"))):
        html = masuk(user).get(url).content.decode()
        assert 'id="cari-global"' in html and 'role="combobox"' in html and 'aria-keyshortcuts="/"' in html


@pytest.mark.parametrize("headers", [{}, CEPAT])
def test_results_use_the_same_number_of_queries_for_1_and_5_matches(
    masuk, petugas, buat_layanan, django_assert_num_queries, headers
):
    client = masuk(petugas)

    def tambah(i):
        layanan = buat_layanan("permintaan-data", nama=f"Lubis {i}")
        beri_nomor_surat(layanan=layanan, klasifikasi="HM.340", tujuan="Dekan", perihal="Data", oleh=petugas)
        permintaan = PermintaanData.untuk(layanan)
        permintaan.save()
        permintaan.tags.add(Tag.objects.get_or_create(nama=f"lubis {i}")[0])

    tambah(0)
    client.get(reverse("layanan:cari"), {"q": "lubis"}, headers=headers)
    with CaptureQueriesContext(connection) as satu:
        client.get(reverse("layanan:cari"), {"q": "lubis"}, headers=headers)
    for i in range(1, 5):
        tambah(i)
    with django_assert_num_queries(len(satu)):
        response = client.get(reverse("layanan:cari"), {"q": "lubis"}, headers=headers)
    assert len(re.findall(r'id="cari-pengunjung-\d+"', response.content.decode())) == (5 if headers else 0)


def test_letter_number_search_reads_a_trigram_index_on_postgresql(data):
    with connection.cursor() as cursor:
        indeks = connection.introspection.get_constraints(cursor, "layanan_nomorsurat")
    if connection.vendor != "postgresql":
        assert "nomor_surat_nomor_trgm" not in indeks
        return
    assert "nomor_surat_nomor_trgm" in indeks
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE layanan_nomorsurat")
        # On a handful of rows any plan is cheap: the planner may read the whole table, or walk the
        # (year, number) index backwards for the model's ordering and filter each row. With both off,
        # and no ordering asked, the one way left to find the rows is an index that answers the filter.
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_indexscan = off")
    rencana = NomorSurat.objects.filter(nomor__icontains="/HM.3").order_by().explain()
    with connection.cursor() as cursor:
        cursor.execute("RESET enable_seqscan")
        cursor.execute("RESET enable_indexscan")
    assert "nomor_surat_nomor_trgm" in rencana


def test_digits_inside_other_text_are_not_read_as_a_phone(buat_layanan, data):
    buat_layanan(nama="Orang Lain", no_hp="6281310201020")
    assert cari("B-1020/").pengunjung == []  # the letter's digits are not a phone
    assert [p.nama for p in cari("1020 1020").pengunjung] == ["Orang Lain"]
    assert cari("102").pengunjung == []  # too few digits to mean a phone
