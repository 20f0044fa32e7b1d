"""Search from anywhere: the navbar box's grouped list (HTMX) and the full results page (no JavaScript)."""

from django.views.decorators.http import require_GET

from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import staf_diperlukan

from ..cari import BATAS_CEPAT, BATAS_PENUH, cari as cari_semua


@staf_diperlukan
@require_GET
def cari(request):
    """The box asks for its short list (HX-Target hasil-cari-cepat); the page shows more of each group."""
    cepat = bool(request.htmx) and request.htmx.target == "hasil-cari-cepat"
    hasil = cari_semua(request.GET.get("q", ""), batas=BATAS_CEPAT if cepat else BATAS_PENUH)
    return render_halaman(
        request, "layanan/cari.html", {"hasil": hasil, "tab": "", "batas": BATAS_CEPAT if cepat else BATAS_PENUH},
        partial={"hasil-cari-cepat": "cepat"},
    )
