"""The province Admin's offices: register one (its key is shown once), issue a new key, stop or resume, and the refusals."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pst_frontoffice.roles import admin_diperlukan

from .. import kantor as aturan
from ..forms import KantorForm
from ..mode import hanya_provinsi
from ..models import Kantor, PenolakanKiriman


def _kunci_sekali(request, kantor, kunci, *, baru):
    """The key, shown once: not stored in the clear anywhere, not kept by the browser's cache."""
    response = render(request, "provinsi/kunci.html", {"kantor_baru": kantor, "kunci": kunci, "baru": baru})
    response["Cache-Control"] = "no-store"
    return response


@admin_diperlukan
@hanya_provinsi
@require_http_methods(["GET", "POST"])
def daftar(request):
    form = KantorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kantor, kunci = aturan.daftarkan(kode=form.cleaned_data["kode"], nama=form.cleaned_data["nama"], oleh=request.user)
        return _kunci_sekali(request, kantor, kunci, baru=True)
    konteks = {"form": form, "semua_kantor": Kantor.objects.order_by("kode"),
               "penolakan_terakhir": PenolakanKiriman.objects.select_related("kantor")[:10]}
    return render(request, "provinsi/kantor.html", konteks, status=400 if request.method == "POST" else 200)


@admin_diperlukan
@hanya_provinsi
@require_POST
def kunci_baru(request, kode):
    kantor = get_object_or_404(Kantor, kode=kode)
    return _kunci_sekali(request, kantor, aturan.buat_kunci_baru(kantor, oleh=request.user), baru=False)


@admin_diperlukan
@hanya_provinsi
@require_POST
def atur_aktif(request, kode):
    kantor = get_object_or_404(Kantor, kode=kode)
    aktif = request.POST.get("aktif") == "1"
    aturan.atur_aktif(kantor, aktif=aktif, oleh=request.user)
    messages.success(request, f"Kantor {kantor.kode} {'diaktifkan' if aktif else 'dinonaktifkan'}.")
    return redirect("provinsi:kantor")


@admin_diperlukan
@hanya_provinsi
@require_GET
def penolakan(request):
    """Every refused summary: who it claimed to be, from where, why."""
    halaman = Paginator(PenolakanKiriman.objects.select_related("kantor"), 50).get_page(request.GET.get("page"))
    return render(request, "provinsi/penolakan.html", {"halaman": halaman, "query": ""})
