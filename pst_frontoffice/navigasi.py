"""Where a page sends the user back to: the one rule for every "come back to" parameter.

A form may carry the page it was sent from (`kembali`, or `next` for Django's login), so the user
lands back on the same filtered list. Whatever the parameter holds, the answer is a path of this
site that the URL resolver knows, or the view's own default: never another host (`//evil…`,
`https://evil…`, `/\\evil…`), never a bare word that `redirect()` would look up as a URL name
(NoReverseMatch, a 500), never a header-splitting line break.
"""

from urllib.parse import urlsplit

from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme


def _jalur_situs_ini(request, nilai):
    if not isinstance(nilai, str) or not nilai.startswith("/") or nilai.startswith(("//", "/\\")):
        return False
    if any(ord(c) < 32 or ord(c) == 127 for c in nilai):
        return False
    if not url_has_allowed_host_and_scheme(nilai, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return False
    bagian = urlsplit(nilai)
    if bagian.scheme or bagian.netloc:
        return False
    try:
        resolve(bagian.path)
    except Resolver404:
        return False
    return True


def jalur_kembali(request, nama="kembali"):
    """The request's `nama` parameter (POST, then GET) when it is a page of this site, else None."""
    nilai = request.POST.get(nama) or request.GET.get(nama)
    return nilai if nilai and _jalur_situs_ini(request, nilai) else None


def tujuan_kembali(request, bawaan, *args, nama="kembali", **kwargs):
    """The path to come back to: `jalur_kembali`, else `bawaan` (a URL name with `args`/`kwargs`, or a path)."""
    return jalur_kembali(request, nama) or resolve_url(bawaan, *args, **kwargs)


def kembali_ke(request, bawaan, *args, nama="kembali", **kwargs):
    """A redirect to `tujuan_kembali(...)`."""
    return HttpResponseRedirect(tujuan_kembali(request, bawaan, *args, nama=nama, **kwargs))
