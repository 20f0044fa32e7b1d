"""The admin site every app registers on (the project's default site, `AdminPstConfig`).

Django admin applies the query string's lookups (`?dibuat__year=99999`) with a guard for the
errors raised while the filter is built, but some lookups fail only when the SQL is compiled (a
year outside 1–9999 has no date bounds, and the date hierarchy's upper bound is computed outside
the guard): a 500 on every change list with a date. This site gives
each registered admin a change list that compiles its query up front, so any such lookup gets
Django admin's own "wrong filter" notice instead, for our apps and third-party ones alike.

Every admin's forms (the change form, its inlines and the list's editable cells) also drop bidi
control characters from what is typed, as the app's own forms do (pst_frontoffice.forms).
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet, ValidationError

from .forms import PesanIndonesiaMixin, tanpa_kendali_arah


class ChangeListAman(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        try:
            # The date hierarchy's "until" (the day, month or year after) is also computed outside
            # Django's guard: 31 December 9999 has no next day.
            qs = super().get_queryset(request, exclude_parameters)
            try:
                qs.query.sql_with_params()
            except EmptyResultSet:
                pass  # a filter that matches nothing: an empty list, not an error
        except (ValueError, OverflowError, TypeError, ValidationError) as e:
            raise IncorrectLookupParameters(e) from e
        return qs


class DaftarAmanMixin:
    def get_changelist(self, request, **kwargs):
        return ChangeListAman


def _form_tanpa_kendali_arah(kelas):
    """The form class whose instances strip bidi controls from typed text (the app's forms already do)."""
    if issubclass(kelas, PesanIndonesiaMixin):
        return kelas

    def __init__(self, *args, **kwargs):
        super(form, self).__init__(*args, **kwargs)
        for field in self.fields.values():
            tanpa_kendali_arah(field)

    form = type(kelas.__name__, (kelas,), {"__init__": __init__, "__module__": kelas.__module__})
    return form


class IsianAmanMixin:
    def get_form(self, request, obj=None, change=False, **kwargs):
        return _form_tanpa_kendali_arah(super().get_form(request, obj, change=change, **kwargs))

    def get_changelist_form(self, request, **kwargs):
        return _form_tanpa_kendali_arah(super().get_changelist_form(request, **kwargs))

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        for inline in inlines:
            def get_formset(request, obj=None, _asli=inline.get_formset, **kwargs):
                formset = _asli(request, obj, **kwargs)  # a new class per call: its form can be swapped
                formset.form = _form_tanpa_kendali_arah(formset.form)
                return formset

            inline.get_formset = get_formset
        return inlines


class SitusAdmin(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, DaftarAmanMixin):
            admin_class = type(admin_class.__name__, (DaftarAmanMixin, IsianAmanMixin, admin_class),
                               {"__module__": admin_class.__module__})
        super().register(model_or_iterable, admin_class, **options)
