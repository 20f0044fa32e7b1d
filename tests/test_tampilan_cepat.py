"""The fast paths list pages use instead of Django's slower general ones must give the same output."""

import datetime
import re

import pytest
from django import forms
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.timesince import timesince

from pst_frontoffice.kalender import lama_sejak, tanggal_panjang, tanggal_singkat, waktu_relatif
from pst_frontoffice.middleware import ZonaWaktuKantorMiddleware
from pst_frontoffice.models import PengaturanKantor
from pst_frontoffice.widgets import PilihanCepat, PilihanModel


@pytest.mark.parametrize("bulan", range(1, 13))
def test_month_names_match_djangos_indonesian_formats(bulan):
    d = datetime.date(2026, bulan, 9)
    with translation.override("id"):
        assert tanggal_panjang(d) == date_format(d, "j F Y")
        assert tanggal_singkat(d) == date_format(d, "j M")
        assert tanggal_singkat(d, dengan_tahun=True) == date_format(d, "j M Y")


def test_relative_time_shows_today_this_year_and_older():
    hari_ini = datetime.date(2026, 11, 22)
    assert waktu_relatif(datetime.datetime(2026, 11, 22, 14, 5), hari_ini) == "hari ini 14.05"
    assert waktu_relatif(datetime.datetime(2026, 8, 3, 9, 0), hari_ini) == "3 Agu, 09.00"
    assert waktu_relatif(datetime.datetime(2025, 12, 31, 16, 30), hari_ini) == "31 Des 2025, 16.30"


@pytest.mark.parametrize(
    ("selisih", "teks"),
    [
        (datetime.timedelta(seconds=20), "0 menit"),
        (datetime.timedelta(minutes=5, seconds=59), "5 menit"),
        (datetime.timedelta(hours=3, minutes=59), "3 jam"),
        (datetime.timedelta(days=2, hours=23), "2 hari"),
        (datetime.timedelta(days=15), "2 minggu"),
        (datetime.timedelta(days=65), "2 bulan"),
        (datetime.timedelta(days=400), "1 tahun"),
    ],
)
def test_time_since_gives_the_largest_unit_like_djangos_timesince(selisih, teks):
    sekarang = datetime.datetime(2026, 11, 22, 12, 0, tzinfo=datetime.UTC)
    assert lama_sejak(sekarang - selisih, sekarang) == teks
    with translation.override("id"):
        # Django's first unit, in the same words.
        assert timesince(sekarang - selisih, sekarang, depth=1).replace("\xa0", " ") == teks


def test_a_time_in_the_future_counts_as_now():
    sekarang = timezone.now()
    assert lama_sejak(sekarang + datetime.timedelta(minutes=3), sekarang) == "0 menit"


def _rapat(html):
    return re.sub(r">\s+<", "><", str(html)).strip()


def test_fast_select_renders_the_markup_django_renders():
    pilihan = [("", "Semua"), ("x", "X & <y>"), ("Grup", [("g1", "G1"), ("g2", "G2")])]

    class Formulir(forms.Form):
        django = forms.ChoiceField(choices=pilihan, required=False, widget=forms.Select(attrs={"class": "form-select"}))
        cepat = forms.ChoiceField(choices=pilihan, required=False, widget=PilihanCepat(attrs={"class": "form-select"}))

    f = Formulir({"django": "g2", "cepat": "g2"})
    assert f.is_valid()
    django_html = _rapat(f["django"]).replace("django", "NAMA")
    cepat_html = _rapat(f["cepat"]).replace("cepat", "NAMA")
    assert cepat_html == django_html
    assert '<option value="g2" selected>G2</option>' in cepat_html
    assert "X &amp; &lt;y&gt;" in cepat_html


@pytest.mark.django_db
def test_model_choice_reads_its_list_in_one_query_and_validates(jenis, django_assert_num_queries):
    from bukutamu.models import JenisLayanan

    class Formulir(forms.Form):
        jenis = PilihanModel(queryset=JenisLayanan.objects.order_by("pk"), empty_label="Semua jenis", required=False)

    f = Formulir()
    with django_assert_num_queries(1):
        html = str(f["jenis"])
    pertama = JenisLayanan.objects.order_by("pk").first()
    assert '<option value="" selected>Semua jenis</option>' in html
    assert f'<option value="{pertama.pk}">{pertama}</option>' in html
    assert Formulir({"jenis": str(pertama.pk)}).is_valid()
    assert not Formulir({"jenis": "999999"}).is_valid()


@pytest.mark.django_db
def test_office_settings_are_read_once_per_request_and_saving_updates_the_rest(django_assert_num_queries):
    PengaturanKantor.get()
    dilihat = []

    def view(request):
        with django_assert_num_queries(0):
            dilihat.append(PengaturanKantor.get().nama_kantor)
        kantor = PengaturanKantor.get()
        kantor.nama_kantor = "BPS Kota Contoh"
        kantor.save()
        dilihat.append(PengaturanKantor.get().nama_kantor)
        return None

    ZonaWaktuKantorMiddleware(view)(RequestFactory().get("/"))
    assert dilihat[1] == "BPS Kota Contoh"
    # Outside a request the row is read again.
    with django_assert_num_queries(1):
        assert PengaturanKantor.get().nama_kantor == "BPS Kota Contoh"
