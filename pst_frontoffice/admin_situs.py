"""The admin site every app registers on (the project's default site, `AdminPstConfig`).

Django admin applies the query string's lookups (`?dibuat__year=99999`) with a guard for the
errors raised while the filter is built, but some lookups fail only when the SQL is compiled (a
year outside 1–9999 has no date bounds, and the date hierarchy's upper bound is computed outside
the guard): a 500 on every change list with a date. This site gives
each registered admin a change list that compiles its query up front, so any such lookup gets
Django admin's own "wrong filter" notice instead, for our apps and third-party ones alike.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet, ValidationError


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


class SitusAdmin(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, DaftarAmanMixin):
            admin_class = type(admin_class.__name__, (DaftarAmanMixin, admin_class), {"__module__": admin_class.__module__})
        super().register(model_or_iterable, admin_class, **options)
