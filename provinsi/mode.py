"""The two modes of the same code (settings.PST_MODE): an office's desk, or a province instance.

Province pages answer only on a province instance, the office's sending page only on an office;
elsewhere they are a 404 like any address that does not exist there.
"""

from functools import wraps

from django.conf import settings
from django.http import Http404


def hanya_provinsi(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not settings.MODE_PROVINSI:
            raise Http404("Halaman ini hanya ada di aplikasi provinsi.")
        return view(request, *args, **kwargs)

    return wrapped


def hanya_kantor(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if settings.MODE_PROVINSI:
            raise Http404("Halaman ini hanya ada di aplikasi kantor.")
        return view(request, *args, **kwargs)

    return wrapped
