"""The login form and the pieces every app's forms share."""

import datetime
import functools

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from .kalender import awal_hari


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
        error_messages={"required": "Email wajib diisi.", "invalid": "Alamat email tidak valid."},
    )
    error_messages = {
        "invalid_login": "Email atau kata sandi salah. Perhatikan huruf besar/kecil pada kata sandi.",
        "inactive": "Akun ini dinonaktifkan. Hubungi administrator.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Kata sandi"
        self.fields["password"].error_messages["required"] = "Kata sandi wajib diisi."


@functools.cache
def _pesan_bawaan_django(kelas_field):
    """Django's own (English-worded) messages for a field class, to tell them from ours."""
    bawaan = {}
    for kelas in reversed(kelas_field.__mro__):
        bawaan.update(getattr(kelas, "default_error_messages", {}))
    return bawaan


class PesanIndonesiaMixin:
    """Every field says what is wrong in Indonesian, by its label.

    Only Django's default messages are replaced: a message a form or field sets itself stays.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, field in self.fields.items():
            label = str(field.label or nama.replace("_", " ").capitalize())
            bawaan = _pesan_bawaan_django(type(field))
            pesan = {
                "required": f"{label} wajib diisi.",
                "invalid": f"{label} tidak valid.",
                "invalid_choice": f"Pilihan {label.lower()} tidak dikenal.",
                "max_length": f"{label} terlalu panjang.",
            }
            for kunci, teks in pesan.items():
                if field.error_messages.get(kunci, bawaan.get(kunci)) == bawaan.get(kunci):
                    field.error_messages[kunci] = teks


class FormIndonesia(PesanIndonesiaMixin, forms.Form):
    """The base of the app's plain forms."""


class ModelFormIndonesia(PesanIndonesiaMixin, forms.ModelForm):
    """The base of the app's model forms."""


class FilterForm(FormIndonesia):
    """A list page's filter (GET): an optional date range, applied leniently.

    `kolom` maps each field shown in the filter bar to its Bootstrap column classes, for
    `includes/filter_form.html`; a field named `urut` is shown beside the buttons instead.
    """

    dari = forms.DateField(label="Dari tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sampai = forms.DateField(label="Sampai tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    kolom = {}

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            self.add_error("sampai", "Tanggal akhir harus sesudah tanggal awal.")
        return data

    def data_sah(self):
        """The filters that are valid; an invalid one is ignored (its message shows beside it)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors}

    def saring_tanggal(self, qs, medan, data=None):
        """Keep rows whose datetime `medan` falls within [dari, sampai], as office-local days."""
        data = self.data_sah() if data is None else data
        if data.get("dari"):
            qs = qs.filter(**{f"{medan}__gte": awal_hari(data["dari"])})
        if data.get("sampai"):
            qs = qs.filter(**{f"{medan}__lt": awal_hari(data["sampai"] + datetime.timedelta(days=1))})
        return qs

    def medan_filter(self):
        """(bound field, column classes) for the filter bar, in the order of `kolom`."""
        return [(self[nama], kelas) for nama, kelas in self.kolom.items()]

    def medan_urut(self):
        return self["urut"] if "urut" in self.fields else None
