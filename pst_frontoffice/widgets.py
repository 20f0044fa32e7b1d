"""Form widgets: dates and times written the Indonesian way, and widgets that render in Python where
Django's templates are the cost of a page."""

import datetime

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .kalender import BENTUK_JAM, BENTUK_TANGGAL, BENTUK_TANGGAL_JAM


# Dates and times are written 07/12/2026 and 14.30 in every field (kalender.BENTUK_TANGGAL…). The
# browser's own date and time fields write them in the browser's language (12/07/2026 and 02:30 PM
# in an English one, with an "mm/dd/yyyy" placeholder), so an officer could read 12 July: these are
# text fields, which static/js/app.js gives an Indonesian calendar (flatpickr).
# What the fields read: the way they are written, and ISO (links, bookmarks and older forms use it).
MASUKAN_TANGGAL = [BENTUK_TANGGAL, "%Y-%m-%d"]
MASUKAN_JAM = [BENTUK_JAM, "%H:%M", "%H:%M:%S"]
MASUKAN_TANGGAL_JAM = [BENTUK_TANGGAL_JAM, f"{BENTUK_TANGGAL} %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class _IsianWaktu:
    """A text field for a date and/or time; a value typed in ISO (a link's) is shown the Indonesian way."""

    input_type = "text"
    jenis = ""  # data-isian-waktu for app.js: tanggal, jam or tanggal-jam
    contoh = ""
    dari_iso = None

    def __init__(self, attrs=None):
        bawaan = {"placeholder": self.contoh, "autocomplete": "off", "data-isian-waktu": self.jenis}
        super().__init__({**bawaan, **(attrs or {})}, format=self.bentuk)

    def format_value(self, value):
        if isinstance(value, str):
            try:
                value = type(self).dari_iso(value.strip())
            except ValueError:
                return value  # what was typed, kept as typed beside its error
        return super().format_value(value)


class IsianTanggal(_IsianWaktu, forms.DateInput):
    jenis, contoh, bentuk = "tanggal", "hh/bb/tttt", BENTUK_TANGGAL
    dari_iso = datetime.date.fromisoformat


class IsianJam(_IsianWaktu, forms.TimeInput):
    jenis, contoh, bentuk = "jam", "jj.mm", BENTUK_JAM
    dari_iso = datetime.time.fromisoformat


class IsianTanggalJam(_IsianWaktu, forms.DateTimeInput):
    jenis, contoh, bentuk = "tanggal-jam", "hh/bb/tttt jj.mm", BENTUK_TANGGAL_JAM
    dari_iso = datetime.datetime.fromisoformat


class PilihanCepat(forms.Select):
    """A <select> with the same markup as Django's, built in Python.

    Django renders every <option> through its own template include (~50 µs each); the filter
    form of Semua Layanan, with its officer and jenis lists, spent 6 ms of every page on that.
    The context (selected values, attrs, optgroups) still comes from Django's Select.
    """

    def render(self, name, value, attrs=None, renderer=None):
        return render_pilihan(self, name, value, attrs)


def render_pilihan(widget, name, value, attrs=None):
    """Any Select widget's markup as Django's template gives it, built in Python (see PilihanCepat)."""
    konteks = widget.get_context(name, value, attrs)["widget"]
    bagian = [format_html('<select name="{}"{}>', konteks["name"], flatatt(konteks["attrs"]))]
    for label_grup, opsi, _ in konteks["optgroups"]:
        isi = format_html_join(
            "", '<option value="{}"{}>{}</option>',
            ((o["value"] if o["value"] is not None else "", flatatt(o["attrs"]), o["label"]) for o in opsi),
        )
        bagian.append(format_html('<optgroup label="{}">{}</optgroup>', label_grup, isi) if label_grup else isi)
    bagian.append("</select>")
    return mark_safe("".join(bagian))


class IteratorPilihanModel(forms.models.ModelChoiceIterator):
    """Reads the choices with one plain query.

    Django's iterator uses queryset.iterator(), which on PostgreSQL opens a server-side cursor:
    four round trips (DECLARE, FETCH, FETCH, CLOSE) for a list of twenty officers.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        # `daftar`: rows another field (or the page) already read, e.g. the officers of a select
        # and of checkboxes on one form: one query for both.
        for obj in self.queryset if self.field.daftar is None else self.field.daftar:
            yield self.choice(obj)


class PilihanModel(forms.ModelChoiceField):
    """A ModelChoiceField for short lists (jenis, officers), rendered with PilihanCepat."""

    iterator = IteratorPilihanModel
    widget = PilihanCepat
    daftar = None


class PilihanModelGanda(forms.ModelMultipleChoiceField):
    """PilihanModel's reading for a multiple choice (checkboxes keep their own widget)."""

    iterator = IteratorPilihanModel
    daftar = None
