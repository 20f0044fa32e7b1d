"""Form widgets that render in Python where Django's templates are the cost of a page."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


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
