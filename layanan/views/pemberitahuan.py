"""The navbar's bell: what needs the officer, each count opening its list."""

from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import petugas_diperlukan

from ..pemberitahuan import pemberitahuan as daftar_pemberitahuan


@never_cache
@petugas_diperlukan
@require_GET
def pemberitahuan(request):
    """The bell refreshes itself with its partial (HX-Target lonceng); without JavaScript it is this page."""
    daftar = daftar_pemberitahuan(request.user)
    return render_halaman(
        request, "layanan/pemberitahuan.html",
        {"daftar": daftar, "jumlah": sum(p.jumlah for p in daftar), "tab": ""},
        partial={"lonceng": "lonceng"},
    )
