"""SKM as PermenPAN-RB 14/2017 asks: the respondent's optional profile, profile tables, the
Krejcie–Morgan minimum sample, and the IKM page's quick periods, charts and Excel file."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from laporan.data import Laporan
from laporan.periode import Periode
from pst_frontoffice.kalender import hari_ini
from pst_frontoffice.skm import FIELD_UNSUR
from rating import services
from rating.ikm import sampel_minimum, tabel_profil
from rating.models import Penilaian

pytestmark = pytest.mark.usefixtures("batas_bersih")

SEMUA_EMPAT = {f: "4" for f in FIELD_UNSUR}


@pytest.fixture
def penilaian(buat_layanan, petugas):
    return services.pastikan_penilaian(buat_layanan("permintaan-data"), oleh=petugas)


@pytest.mark.parametrize(("populasi", "sampel"), [
    (0, 0), (10, 10), (50, 44), (100, 80), (200, 132), (500, 217), (1000, 278), (5000, 357), (100000, 383),
])
def test_minimum_sample_matches_the_krejcie_morgan_table(populasi, sampel):
    assert sampel_minimum(populasi) == sampel


@pytest.mark.django_db
def test_rating_page_asks_the_profile_and_stores_it(client, penilaian):
    html = client.get(reverse("rating:isi", args=[penilaian.token])).content.decode()
    for pertanyaan in ("Jenis kelamin", "Umur", "Pendidikan terakhir", "Pekerjaan utama"):
        assert pertanyaan in html

    client.post(reverse("rating:isi", args=[penilaian.token]), {
        **SEMUA_EMPAT, "jenis_kelamin": "P", "kelompok_umur": "30-39", "pendidikan": "s1", "pekerjaan": "pns",
    })

    penilaian.refresh_from_db()
    assert penilaian.sudah_diisi
    assert (penilaian.jenis_kelamin, penilaian.kelompok_umur, penilaian.pendidikan, penilaian.pekerjaan) == (
        "P", "30-39", "s1", "pns")


@pytest.mark.django_db
def test_every_profile_question_may_be_left_empty(client, penilaian):
    response = client.post(reverse("rating:isi", args=[penilaian.token]), SEMUA_EMPAT)

    penilaian.refresh_from_db()
    assert response.status_code == 302
    assert penilaian.sudah_diisi and penilaian.jenis_kelamin == "" and penilaian.pekerjaan == ""


@pytest.mark.django_db
def test_unknown_profile_answer_is_refused_and_the_answers_are_kept(client, penilaian):
    response = client.post(reverse("rating:isi", args=[penilaian.token]), {**SEMUA_EMPAT, "pendidikan": "s9"})

    html = response.content.decode()
    penilaian.refresh_from_db()
    assert response.status_code == 400
    assert not penilaian.sudah_diisi
    assert "Pilih salah satu pilihan, atau biarkan kosong." in html
    assert 'id="u1-4" value="4" autocomplete="off" checked' in html


@pytest.fixture
def tiga_responden(buat_layanan, petugas):
    profil = [{"jenis_kelamin": "L", "pendidikan": "s1"}, {"jenis_kelamin": "P", "pendidikan": "s1"}, {}]
    for isian in profil:
        p = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
        services.simpan_penilaian(token=p.token, jawaban={f: 3 for f in FIELD_UNSUR}, profil=isian)
    return profil


@pytest.mark.django_db
def test_profile_tables_count_each_answer_and_the_empty_ones(tiga_responden):
    tabel = {t["kolom"]: {b["nama"]: (b["jumlah"], b["persen"]) for b in t["baris"]} for t in tabel_profil()}

    assert tabel["jenis_kelamin"] == {"Laki-laki": (1, 33.3), "Perempuan": (1, 33.3), "Tidak diisi": (1, 33.3)}
    assert tabel["pendidikan"]["S1"] == (2, 66.7)
    assert tabel["pekerjaan"]["Tidak diisi"] == (3, 100.0)


@pytest.mark.django_db
def test_ikm_page_and_report_show_the_profile_tables(tiga_responden, masuk, pimpinan):
    client = masuk(pimpinan)
    ikm = client.get(reverse("rating:ikm")).content.decode()
    laporan = client.get(reverse("laporan:index"), Periode.dari("bulan", hari_ini()).query()).content.decode()

    for html in (ikm, laporan):
        assert 'id="profil-jenis_kelamin"' in html and "Pendidikan terakhir" in html and "Perempuan" in html
    assert any(t["judul"] == "Pekerjaan utama" for t in Laporan(Periode.dari("bulan", hari_ini())).kepuasan()["profil"])


@pytest.mark.django_db
def test_ikm_page_says_when_respondents_are_below_the_minimum_sample(tiga_responden, masuk, pimpinan):
    html = masuk(pimpinan).get(reverse("rating:ikm")).content.decode()

    # 3 services rated of 3 recorded: the table asks all 3.
    assert 'id="sampel-kurang"' not in html and 'id="sampel-cukup"' in html


@pytest.mark.django_db
def test_ikm_page_warns_below_the_minimum_sample(tiga_responden, buat_layanan, masuk, pimpinan):
    for _ in range(7):
        buat_layanan()

    html = masuk(pimpinan).get(reverse("rating:ikm")).content.decode()

    # 10 services: Krejcie–Morgan asks 10 respondents, 3 answered.
    assert 'id="sampel-kurang"' in html
    assert "sampel minimum untuk 10 layanan pada periode ini adalah <strong>10</strong>" in html


@pytest.mark.django_db
def test_ikm_page_quick_periods_set_the_dates(masuk, pimpinan, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 18, 3, 0, tzinfo=datetime.UTC), tick=False)  # Wednesday
    client = masuk(pimpinan)

    minggu = client.get(reverse("rating:ikm"), {"periode": "minggu"})
    tahun = client.get(reverse("rating:ikm"), {"periode": "tahun"})

    assert (minggu.context["dari"], minggu.context["sampai"]) == (datetime.date(2026, 11, 16), datetime.date(2026, 11, 22))
    assert (tahun.context["dari"], tahun.context["sampai"]) == (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    html = minggu.content.decode()
    assert 'href="?periode=minggu" aria-current="page">Minggu ini' in html
    assert 'href="?periode=hari"' in html and 'href="?periode=bulan"' in html


@pytest.mark.django_db
def test_ikm_page_has_a_chart_per_element(tiga_responden, masuk, pimpinan):
    response = masuk(pimpinan).get(reverse("rating:ikm"))

    html = response.content.decode()
    assert [g["id"] for g in response.context["grafik"]] == [f"grafik-{f}" for f in FIELD_UNSUR]
    assert all(g["jumlah"] == [0, 0, 3, 0] for g in response.context["grafik"])
    assert html.count('<canvas id="grafik-u') == 9
    assert "vendor/chartjs/chart.umd.min.js" in html and 'id="data-grafik-ikm"' in html


@pytest.mark.django_db
def test_ikm_excel_holds_what_the_page_shows(tiga_responden, masuk, pimpinan, client, petugas):
    halaman = masuk(pimpinan).get(reverse("rating:ikm"))
    berkas = masuk(pimpinan).get(reverse("rating:unduh_ikm"), {"dari": halaman.context["dari"], "sampai": halaman.context["sampai"]})

    wb = load_workbook(io.BytesIO(berkas.content))
    baris = list(wb.active.iter_rows(values_only=True))
    keseluruhan = next(b for b in baris if b[0] == "Keseluruhan")
    assert berkas["Content-Type"].startswith("application/vnd.openxmlformats")
    assert keseluruhan[2] == 3 and keseluruhan[-3] == float(halaman.context["hasil"].ikm) == 75.0
    assert ("Profil: Jenis kelamin", "Perempuan", 1) in {b[:3] for b in baris}
    assert masuk(petugas).get(reverse("rating:unduh_ikm")).status_code == 403


@pytest.mark.django_db
def test_ikm_query_count_does_not_grow_with_respondents(buat_layanan, petugas, masuk, pimpinan, django_assert_max_num_queries):
    client = masuk(pimpinan)
    for _ in range(2):
        p = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
        services.simpan_penilaian(token=p.token, jawaban={f: 4 for f in FIELD_UNSUR}, komentar="ok")
    with django_assert_max_num_queries(40) as sedikit:
        client.get(reverse("rating:ikm"))
    for _ in range(4):
        p = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
        services.simpan_penilaian(token=p.token, jawaban={f: 4 for f in FIELD_UNSUR}, komentar="ok")
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        client.get(reverse("rating:ikm"))
    assert Penilaian.objects.terisi().count() == 6


@pytest.mark.django_db
def test_report_says_when_respondents_are_below_the_minimum_sample(tiga_responden, buat_layanan, masuk, pimpinan):
    for _ in range(7):
        buat_layanan()
    periode = Periode.dari("bulan", hari_ini())

    halaman = masuk(pimpinan).get(reverse("laporan:index"), periode.query())

    assert halaman.context["kepuasan"]["sampel_minimum"] == 10
    assert "sampel minimum untuk 10 layanan pada periode ini adalah 10" in halaman.content.decode()
