"""Dates and times are written 07/12/2026 and 14.30 in every field, whatever the browser's language,
and read back strictly: the US order the Indonesian locale also accepts is refused, not misread."""

import datetime
import importlib
import inspect
import re
from pathlib import Path

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from pst_frontoffice.forms import FieldJam, FieldTanggal, FieldTanggalJam, FormIndonesia
from pst_frontoffice.kalender import tanggal_dari_teks
from pst_frontoffice.widgets import IsianTanggal


class Isian(FormIndonesia):
    tanggal = FieldTanggal(label="Tanggal", required=False)
    jam = FieldJam(label="Jam", required=False)
    waktu = FieldTanggalJam(label="Waktu", required=False)


@pytest.mark.parametrize("teks, tanggal", [
    ("07/12/2026", datetime.date(2026, 12, 7)),
    ("7/12/2026", datetime.date(2026, 12, 7)),
    ("2026-12-07", datetime.date(2026, 12, 7)),  # links and bookmarks keep ISO
])
def test_a_date_is_read_day_first_or_iso(teks, tanggal):
    form = Isian({"tanggal": teks})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["tanggal"] == tanggal


@pytest.mark.parametrize("teks", ["12/31/2026", "31/13/2026", "31/02/2026", "kemarin"])
def test_a_date_in_another_order_or_impossible_is_refused(teks):
    form = Isian({"tanggal": teks})
    assert not form.is_valid()
    assert form.errors["tanggal"]


def test_times_are_read_with_a_dot_or_a_colon():
    for teks in ("14.30", "14:30"):
        form = Isian({"jam": teks})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["jam"] == datetime.time(14, 30)
    assert not Isian({"jam": "2.30 PM"}).is_valid()


@pytest.mark.parametrize("teks", ["07/12/2026 14.30", "07/12/2026 14:30", "2026-12-07T14:30"])
def test_a_date_and_time_is_the_office_time(teks):
    form = Isian({"waktu": teks})
    assert form.is_valid(), form.errors
    waktu = form.cleaned_data["waktu"]
    assert timezone.localtime(waktu).replace(tzinfo=None) == datetime.datetime(2026, 12, 7, 14, 30)
    assert waktu.utcoffset() == timezone.localtime(waktu).utcoffset()


def test_fields_are_text_with_an_indonesian_example_and_iso_is_shown_day_first():
    html = str(Isian({"tanggal": "2026-12-07", "jam": "09:05", "waktu": "2026-12-07T14:30"}))
    assert 'type="date"' not in html and 'type="time"' not in html and "datetime-local" not in html
    assert 'value="07/12/2026"' in html and 'value="09.05"' in html and 'value="07/12/2026 14.30"' in html
    assert 'placeholder="hh/bb/tttt"' in html and 'placeholder="jj.mm"' in html
    assert 'data-isian-waktu="tanggal"' in html and 'data-isian-waktu="tanggal-jam"' in html


def test_what_cannot_be_read_is_shown_as_typed():
    assert 'value="31/13/2026"' in IsianTanggal().render("tanggal", "31/13/2026")
    assert 'value="07/12/2026"' in IsianTanggal().render("tanggal", datetime.date(2026, 12, 7))


def test_query_string_dates_are_read_both_ways():
    assert tanggal_dari_teks("07/12/2026") == tanggal_dari_teks("2026-12-07") == datetime.date(2026, 12, 7)
    assert tanggal_dari_teks("12/31/2026") is None and tanggal_dari_teks("") is None


@pytest.mark.django_db
def test_report_range_typed_day_first_is_the_period_and_a_typo_stays_beside_its_error(masuk, pimpinan):
    klien = masuk(pimpinan)
    html = klien.get(reverse("laporan:index"), {"periode": "rentang", "dari": "03/11/2026", "sampai": "06/11/2026"}).content.decode()
    assert "3 November 2026 – 6 November 2026" in html
    assert 'value="03/11/2026"' in html and 'value="06/11/2026"' in html

    html = klien.get(reverse("laporan:index"), {"periode": "rentang", "dari": "03/11/2026", "sampai": "31/13/2026"}).content.decode()
    assert 'value="31/13/2026"' in html and "is-invalid" in html and 'id="id_sampai_error"' in html


# --- Every date and time field of the app is one of these ----------------------------------------

AKAR = Path(__file__).resolve().parent.parent


def _form_kami():
    """Every form class defined in the apps' forms modules."""
    for berkas in sorted(AKAR.glob("*/forms.py")) + sorted(AKAR.glob("*/forms/*.py")):
        if ".venv" in berkas.parts or berkas.name == "__init__.py":
            continue
        modul = importlib.import_module(".".join(berkas.relative_to(AKAR).with_suffix("").parts))
        for _, kelas in inspect.getmembers(modul, inspect.isclass):
            if issubclass(kelas, forms.BaseForm) and kelas.__module__ == modul.__name__:
                yield kelas


def test_every_date_and_time_field_is_written_the_indonesian_way():
    bentuk_kami = (FieldTanggal, FieldJam, FieldTanggalJam)
    salah = [
        f"{kelas.__module__}.{kelas.__name__}.{nama}"
        for kelas in _form_kami()
        for nama, field in kelas.base_fields.items()
        if isinstance(field, (forms.DateField, forms.TimeField, forms.DateTimeField, forms.SplitDateTimeField))
        and not isinstance(field, bentuk_kami)
    ]
    assert len(list(_form_kami())) > 20  # the walk found the forms
    assert not salah, "Pakai FieldTanggal / FieldJam / FieldTanggalJam (pst_frontoffice.forms): " + ", ".join(salah)


def test_no_template_uses_the_browsers_own_date_or_time_field():
    salah = [
        f"{berkas.relative_to(AKAR)}:{n}"
        for folder in [AKAR / "templates", *AKAR.glob("*/templates")] if ".venv" not in folder.parts
        for berkas in folder.rglob("*.html")
        for n, baris in enumerate(berkas.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r'type="(date|time|datetime-local|month|week)"', baris)
    ]
    assert not salah, "Kolom tanggal/jam bawaan browser mengikuti bahasa browser: " + ", ".join(salah)
