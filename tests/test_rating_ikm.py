"""The satisfaction index (IKM) and the Pimpinan page."""

import datetime
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from layanan.models import Status
from pst_frontoffice.skm import FIELD_UNSUR
from rating import services
from rating.ikm import hitung_ikm, hitung_ikm_halaman, hitung_ikm_per, sebaran_jawaban, tabel_profil
from rating.models import Penilaian
from rating.skm import mutu_untuk

# Three respondents, worked by hand (answers for U1..U9):
#   R1: 4 4 3 4 3 4 4 3 4   (sum 33)
#   R2: 3 3 3 4 3 3 4 2 3   (sum 28)
#   R3: 4 3 2 4 4 4 4 3 3   (sum 31)
# NRR: U1 11/3=3.667  U2 10/3=3.333  U3 8/3=2.667  U4 12/3=4.000  U5 10/3=3.333
#      U6 11/3=3.667  U7 12/3=4.000  U8 8/3=2.667  U9 10/3=3.333
# Σ NRR = 92/3; IKM = (Σ NRR × 1/9) × 25 = 92/27 × 25 = 2300/27 = 85.185… → 85.19 → grade B (Baik).
# (The regulation's rounded weight 0.111 would give 85.10; we take the exact 1/9, nine equal elements.)
CONTOH = ([4, 4, 3, 4, 3, 4, 4, 3, 4], [3, 3, 3, 4, 3, 3, 4, 2, 3], [4, 3, 2, 4, 4, 4, 4, 3, 3])
WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture
def nilai(buat_layanan, petugas):
    def buat(jawaban, *, kode="konsultasi", oleh=None, pada=None, pengaduan="", komentar=""):
        layanan = buat_layanan(kode, oleh=oleh or petugas)
        p = services.pastikan_penilaian(layanan, oleh=oleh or petugas)
        p = services.simpan_penilaian(token=p.token, jawaban=dict(zip(FIELD_UNSUR, jawaban)),
                                      pengaduan=pengaduan, komentar=komentar)
        if pada:
            Penilaian.objects.filter(pk=p.pk).update(diisi_pada=pada)
        return p

    return buat


@pytest.mark.django_db
def test_ikm_of_the_worked_example_equals_the_hand_computation(nilai):
    for jawaban in CONTOH:
        nilai(jawaban)
    hasil = hitung_ikm()
    assert hasil.responden == 3
    assert hasil.nrr == [Decimal(x) for x in ("3.667", "3.333", "2.667", "4.000", "3.333", "3.667", "4.000", "2.667", "3.333")]
    assert hasil.ikm == Decimal("85.19")
    assert (hasil.mutu, hasil.arti_mutu) == ("B", "Baik")


@pytest.mark.django_db
def test_ikm_without_respondents_is_empty():
    hasil = hitung_ikm()
    assert hasil.responden == 0 and hasil.ikm is None and hasil.mutu is None


@pytest.mark.django_db
def test_unfilled_links_do_not_count(nilai, buat_layanan, petugas):
    nilai([4] * 9)
    services.pastikan_penilaian(buat_layanan(), oleh=petugas)
    assert hitung_ikm().responden == 1
    assert hitung_ikm().ikm == Decimal("100.00")


@pytest.mark.parametrize("ikm, mutu", [
    ("100.00", "A"), ("88.31", "A"), ("88.30", "B"), ("76.61", "B"), ("76.60", "C"),
    ("65.00", "C"), ("64.99", "D"), ("25.00", "D"),
])
def test_grade_table_boundaries(ikm, mutu):
    assert mutu_untuk(Decimal(ikm))[0] == mutu


@pytest.mark.django_db
def test_ikm_per_kind_of_service_and_per_officer(nilai, petugas, petugas2):
    nilai([4] * 9, kode="konsultasi")
    nilai([2] * 9, kode="permintaan-data", oleh=petugas2)
    nilai([3] * 9, kode="permintaan-data", oleh=petugas2)

    per_jenis = {h.label: h for h in hitung_ikm_per("jenis")}
    assert per_jenis["Konsultasi"].responden == 1 and per_jenis["Konsultasi"].ikm == Decimal("100.00")
    assert per_jenis["Permintaan Data"].responden == 2 and per_jenis["Permintaan Data"].ikm == Decimal("62.50")
    assert per_jenis["Permintaan Data"].mutu == "D"

    per_petugas = {h.label: h.ikm for h in hitung_ikm_per("petugas")}
    assert per_petugas == {petugas.nama: Decimal("100.00"), petugas2.nama: Decimal("62.50")}
    assert hitung_ikm(petugas=petugas2).responden == 2


@pytest.mark.django_db
def test_ikm_period_uses_the_office_day_the_rating_was_filled(nilai):
    # 23:30 WITA on 31 Oct is still October in the office, though UTC says 15:30.
    nilai([4] * 9, pada=datetime.datetime(2026, 10, 31, 23, 30, tzinfo=WITA))
    nilai([2] * 9, pada=datetime.datetime(2026, 11, 1, 0, 30, tzinfo=WITA))
    oktober = hitung_ikm(dari=datetime.date(2026, 10, 1), sampai=datetime.date(2026, 10, 31))
    november = hitung_ikm(dari=datetime.date(2026, 11, 1), sampai=datetime.date(2026, 11, 30))
    assert (oktober.responden, oktober.ikm) == (1, Decimal("100.00"))
    assert (november.responden, november.ikm) == (1, Decimal("50.00"))


@pytest.mark.django_db
def test_ikm_page_defaults_to_this_month(masuk, pimpinan):
    from pst_frontoffice.kalender import hari_ini

    html = masuk(pimpinan).get(reverse("rating:ikm")).content.decode()
    assert f'value="{hari_ini().replace(day=1):%d/%m/%Y}"' in html and f'value="{hari_ini():%d/%m/%Y}"' in html


@pytest.mark.django_db
def test_ikm_page_per_role(client, masuk, petugas, pimpinan, admin_user):
    url = reverse("rating:ikm")
    assert client.get(url).status_code == 302
    assert masuk(petugas).get(url).status_code == 403
    assert masuk(pimpinan).get(url).status_code == 200
    assert masuk(admin_user).get(url).status_code == 200


@pytest.mark.django_db
def test_ikm_page_shows_the_index_and_complaints_for_the_period(masuk, nilai, pimpinan):
    for jawaban in CONTOH:
        nilai(jawaban, pengaduan="Ruang tunggu panas" if jawaban[0] == 3 else "", komentar="Mantap")
    nilai([1] * 9, pada=datetime.datetime(2025, 1, 10, 10, 0, tzinfo=WITA), pengaduan="Aduan lama")
    html = masuk(pimpinan).get(reverse("rating:ikm")).content.decode()
    assert "85,19" in html and "Mutu <strong>B</strong> (Baik)" in html and "3 responden" in html
    assert "Ruang tunggu panas" in html and "Aduan lama" not in html

    html = masuk(pimpinan).get(reverse("rating:ikm"), {"dari": "2025-01-01", "sampai": "2025-01-31"}).content.decode()
    assert "Aduan lama" in html and "25,00" in html and "Tidak Baik" in html


@pytest.mark.django_db
def test_ikm_page_reports_a_reversed_period(masuk, pimpinan):
    html = masuk(pimpinan).get(reverse("rating:ikm"), {"dari": "2026-11-10", "sampai": "2026-11-01"}).content.decode()
    assert "Tanggal akhir harus sesudah tanggal awal." in html


@pytest.mark.django_db
def test_ikm_page_uses_the_same_number_of_queries_for_1_and_5_complaints(masuk, nilai, pimpinan, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = masuk(pimpinan)
    nilai([3] * 9, pengaduan="satu")
    client.get(reverse("rating:ikm"))
    with CaptureQueriesContext(connection) as satu:
        client.get(reverse("rating:ikm"))
    for kode in ("konsultasi", "pengaduan", "perpustakaan", "permintaan-data"):
        nilai([3] * 9, kode=kode, pengaduan=f"aduan {kode}")
    with django_assert_num_queries(len(satu)):
        client.get(reverse("rating:ikm"))


@pytest.mark.django_db
def test_ikm_page_figures_at_once_equal_the_separate_computations(nilai, petugas, petugas2):
    acak = random.Random(26)
    profil = {"jenis_kelamin": ["L", "P", ""], "pekerjaan": ["pns", "swasta", ""]}
    for i in range(14):
        p = nilai([acak.randint(1, 4) for _ in FIELD_UNSUR], kode=acak.choice(["konsultasi", "permintaan-data", "perpustakaan"]),
                  oleh=acak.choice([petugas, petugas2]),
                  pada=datetime.datetime(2026, 11, 1 + i % 3, 23, 30, tzinfo=WITA))
        Penilaian.objects.filter(pk=p.pk).update(**{k: acak.choice(v) for k, v in profil.items()})

    def sama(a, b):
        return [(h.label, h.kunci, h.responden, h.nrr, h.ikm, h.mutu) for h in a] == \
            [(h.label, h.kunci, h.responden, h.nrr, h.ikm, h.mutu) for h in b]

    for dari, sampai in ((None, None), (datetime.date(2026, 11, 2), datetime.date(2026, 11, 3)), (datetime.date(2025, 1, 1), datetime.date(2025, 1, 2))):
        periode = {"dari": dari, "sampai": sampai}
        angka = hitung_ikm_halaman(**periode)
        assert sama([angka.keseluruhan], [hitung_ikm(**periode)])
        assert sama(angka.per_jenis, hitung_ikm_per("jenis", **periode))
        assert sama(angka.per_petugas, hitung_ikm_per("petugas", **periode))
        assert angka.sebaran == sebaran_jawaban(**periode)
        assert angka.profil == tabel_profil(**periode)
    assert hitung_ikm_halaman().keseluruhan.responden == 14
    assert hitung_ikm_halaman(dari=datetime.date(2025, 1, 1), sampai=datetime.date(2025, 1, 2)).keseluruhan.responden == 0


@pytest.mark.django_db
def test_ikm_page_pages_its_notes_and_measures_the_sample_against_the_services_served(masuk, nilai, pimpinan, buat_layanan, petugas):
    """Both counts come in one query (hitung_sekaligus): the notes' paginator and the population."""
    for i in range(27):
        nilai([3] * 9, komentar=f"saran {i}")
    buat_layanan("konsultasi").ubah_status(Status.DIBATALKAN, oleh=petugas, catatan="salah input")
    client = masuk(pimpinan)

    html = client.get(reverse("rating:ikm")).content.decode()
    assert html.count("<strong>Saran:</strong>") == 25 and "Halaman 1 dari 2 · 27 layanan" in html
    assert "untuk 27 layanan pada periode ini" in html  # the cancelled service is not one served
    html = client.get(reverse("rating:ikm"), {"page": 2}).content.decode()
    assert html.count("<strong>Saran:</strong>") == 2 and "Halaman 2 dari 2" in html
