"""The login form and the pieces every app's forms share."""

import datetime
import functools

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .kalender import TANGGAL_MAKS, TANGGAL_MIN, awal_hari, tanggal_singkat, tanggal_wajar
from .teks import buang_kendali_arah, normalisasi_email
from .widgets import (
    MASUKAN_JAM, MASUKAN_TANGGAL, MASUKAN_TANGGAL_JAM, IsianJam, IsianTanggal, IsianTanggalJam,
)

# The largest id or number a database column holds (a signed 64-bit integer).
BATAS_BILANGAN = 2**63 - 1


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
        error_messages={"required": "Email wajib diisi.", "invalid": "Alamat email tidak valid."},
    )
    error_messages = {
        "invalid_login": "Email atau kata sandi salah. Perhatikan huruf besar/kecil pada kata sandi.",
        "inactive": "Akun ini dinonaktifkan. Hubungi administrator.",
        "hanya_sso": "Akun ini masuk dengan SSO BPS; masuk dengan kata sandi dimatikan oleh Admin.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Kata sandi"
        self.fields["password"].error_messages["required"] = "Kata sandi wajib diisi."

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            # The backend refuses an SSO-only account like a wrong password; said plainly only to
            # someone who typed that account's right password, so the form tells no stranger which
            # accounts exist.
            if self._hanya_sso():
                raise ValidationError(self.error_messages["hanya_sso"], code="hanya_sso") from None
            raise

    def _hanya_sso(self):
        email, sandi = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not email or not sandi:
            return False
        user = get_user_model()._default_manager.filter(
            email=normalisasi_email(email), is_active=True, masuk_sandi=False,
        ).first()
        return user is not None and user.check_password(sandi)


@functools.cache
def _pesan_bawaan_django(kelas_field):
    """Django's own (English-worded) messages for a field class, to tell them from ours."""
    bawaan = {}
    for kelas in reversed(kelas_field.__mro__):
        bawaan.update(getattr(kelas, "default_error_messages", {}))
    return bawaan


def _validator_berpesan_sendiri(validators):
    """Whether one of the validators carries a message of the app's own for the code "invalid"."""
    return any(getattr(v, "code", None) == "invalid" and v.message != type(v).message for v in validators)


def _validator_model(form, nama):
    """The model field's validators behind a ModelForm field (run by the model's full_clean)."""
    meta = getattr(form, "_meta", None)
    model = getattr(meta, "model", None)
    if model is None:
        return []
    try:
        return model._meta.get_field(nama).validators
    except FieldDoesNotExist:
        return []


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
                # A field's "invalid" also replaces its validators' messages of that code, the
                # model field's too (Django prefers the form field's): not where a validator says
                # something of its own, e.g. "Kode unit harus 5 angka" of a RegexValidator.
                if kunci == "invalid" and _validator_berpesan_sendiri([*field.validators, *_validator_model(self, nama)]):
                    continue
                if field.error_messages.get(kunci, bawaan.get(kunci)) == bawaan.get(kunci):
                    field.error_messages[kunci] = teks
            _batasi(field, label)


def _validasi_tanggal(label):
    def validasi(nilai):
        if nilai is not None and not tanggal_wajar(nilai):
            raise ValidationError(
                f"{label} harus antara tahun {TANGGAL_MIN.year} dan {TANGGAL_MAKS.year}.", code="di_luar_rentang"
            )

    return validasi


def id_wajar(nilai):
    """An id typed into a form is a whole number a database column can hold."""
    teks = str(nilai).strip()
    return teks.lstrip("-").isdigit() and len(teks) < 20 and abs(int(teks)) <= BATAS_BILANGAN


def _pilihan_model_aman(field, bersih):
    """ModelChoiceField.clean refusing ids no table holds (abc, 10^30) before the query is built."""

    def clean(nilai):
        kunci = field.to_field_name
        meta = field.queryset.model._meta
        kolom = meta.get_field(kunci) if kunci else meta.pk
        daftar = nilai if isinstance(nilai, (list, tuple)) else [nilai]
        if not isinstance(kolom, (models.IntegerField, models.AutoField)):
            daftar = []
        for v in daftar:
            if isinstance(v, (str, int)) and v not in field.empty_values and not id_wajar(v):
                raise ValidationError(field.error_messages["invalid_choice"], code="invalid_choice", params={"value": v})
        return bersih(nilai)

    return clean


def _batasi(field, label):
    """Range checks every field of a kind needs, so no typed value reaches an overflow.

    Dates and datetimes between 2000 and 2100; integers within a database column; a choice of a
    table row by an integer id only when the id is a whole number in range. Text and uploaded
    file names lose their bidi control characters (`tanpa_kendali_arah`).
    """
    if isinstance(field, (forms.DateField, forms.DateTimeField)):
        field.validators.append(_validasi_tanggal(label))
    elif isinstance(field, forms.IntegerField):
        if field.max_value is None:
            field.validators.append(MaxValueValidator(BATAS_BILANGAN, f"{label} terlalu besar."))
        if field.min_value is None:
            field.validators.append(MinValueValidator(-BATAS_BILANGAN, f"{label} terlalu kecil."))
    elif isinstance(field, forms.ModelChoiceField):
        # The field is this form's own copy (Django deep-copies fields per form instance).
        field.clean = _pilihan_model_aman(field, field.clean)
    else:
        tanpa_kendali_arah(field)


def tanpa_kendali_arah(field):
    """A text field (passwords aside) or an upload's file name loses its bidi control characters
    (`pst_frontoffice.teks.buang_kendali_arah`): a name never displays reversed. For a form's own
    copy of the field (Django deep-copies fields per form instance); the Admin's forms too
    (admin_situs)."""
    if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput):
        field.to_python = _tanpa_kendali_arah(field.to_python)
    elif isinstance(field, forms.FileField):
        field.clean = _nama_berkas_tanpa_kendali_arah(field.clean)


def _tanpa_kendali_arah(to_python):
    """Typed text without bidi controls, before the field's length and other checks see it."""

    def bersih(nilai):
        return buang_kendali_arah(to_python(nilai))

    return bersih


def _nama_berkas_tanpa_kendali_arah(clean):
    def bersih(*args, **kwargs):
        berkas = clean(*args, **kwargs)
        if getattr(berkas, "name", None):
            berkas.name = buang_kendali_arah(berkas.name)
        return berkas

    return bersih


class FieldTanggal(forms.DateField):
    """A date written 07/12/2026 (pst_frontoffice.widgets), never in the US order the locale also accepts."""

    widget = IsianTanggal
    input_formats = MASUKAN_TANGGAL


class FieldJam(forms.TimeField):
    """A time of day written 14.30."""

    widget = IsianJam
    input_formats = MASUKAN_JAM


class FieldTanggalJam(forms.DateTimeField):
    """A date and time written 07/12/2026 14.30, in the office's time zone."""

    widget = IsianTanggalJam
    input_formats = MASUKAN_TANGGAL_JAM


class FormIndonesia(PesanIndonesiaMixin, forms.Form):
    """The base of the app's plain forms."""


class ModelFormIndonesia(PesanIndonesiaMixin, forms.ModelForm):
    """The base of the app's model forms."""


class FilterForm(FormIndonesia):
    """A list page's filter (GET): an optional date range, applied leniently.

    `kolom` maps each field shown in the filter bar to its Bootstrap column classes, for
    `includes/filter_form.html`; a field named `urut` is shown beside the buttons instead.
    """

    dari = FieldTanggal(label="Dari tanggal", required=False)
    sampai = FieldTanggal(label="Sampai tanggal", required=False)

    kolom = {}
    juga_aktif = ()  # hidden filters set by links, shown among the filters in use

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            self.add_error("sampai", "Tanggal akhir harus sesudah tanggal awal.")
        return data

    def panel_terisi(self):
        """Whether a folded filter panel (includes/filter_form.html) has a filter chosen or typed:
        if not, its fields are fetched only when the officer opens it."""
        return any(self.data.get(nama) not in (None, "") for nama in self.kolom if nama != "q")

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

    def filter_aktif(self):
        """(label, chosen value as read) of each filter in use but the text search: what a folded
        filter bar shows above its list."""
        data = self.data_sah()
        aktif = []
        for nama in (*self.kolom, *self.juga_aktif):
            nilai = data.get(nama)
            if nama == "q" or nilai in (None, "", [], ()):
                continue
            field = self.fields[nama]
            if isinstance(nilai, datetime.date):
                nilai = tanggal_singkat(nilai, dengan_tahun=True)
            elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
                nilai = dict(field.choices).get(nilai, nilai)
            aktif.append((field.label, str(nilai)))
        return aktif
