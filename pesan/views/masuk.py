"""Pesan Masuk: what visitors wrote to the office's WhatsApp number, for the officers."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_POST

from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import petugas_diperlukan

from .. import masuk
from ..models import PesanMasuk


@petugas_diperlukan
@require_GET
def daftar(request):
    semua = request.GET.get("tampil") == "semua"
    qs = PesanMasuk.objects.select_related("layanan", "ditangani_oleh")
    if not semua:
        qs = qs.belum_ditangani()
    halaman = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render_halaman(request, "pesan/masuk.html", {
        "halaman": halaman, "semua": semua, "query": "tampil=semua" if semua else "",
        "jumlah_belum": PesanMasuk.objects.belum_ditangani().count(),
    })


@petugas_diperlukan
@require_POST
def tandai_ditangani(request, pk):
    pesan = get_object_or_404(PesanMasuk, pk=pk)
    if masuk.tandai_ditangani(pesan, oleh=request.user):
        messages.success(request, "Pesan ditandai sudah ditangani.")
    else:
        messages.info(request, "Pesan ini sudah ditandai ditangani.")
    return redirect("pesan:masuk")
