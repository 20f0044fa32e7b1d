"""The office Admin's page of what this office sent to the province (office instance only)."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import admin_diperlukan

from .. import kiriman, sambungan as aturan
from ..forms import KunciForm
from ..mode import hanya_kantor
from ..models import KirimanHarian, SambunganProvinsi, StatusKiriman


def _halaman(request, form=None, status=200):
    qs = KirimanHarian.objects.all()
    status_dipilih = request.GET.get("status")
    if status_dipilih in StatusKiriman.values:
        qs = qs.filter(status=status_dipilih)
    halaman = Paginator(qs.order_by("-tanggal"), 50).get_page(request.GET.get("page"))
    ringkasan = {s: 0 for s in StatusKiriman.values}
    ringkasan.update(KirimanHarian.objects.values_list("status").annotate(n=Count("pk")).order_by())
    sambungan = SambunganProvinsi.get()
    konteks = {
        "form": form or KunciForm(),
        "halaman": halaman,
        "query": f"status={status_dipilih}" if status_dipilih in StatusKiriman.values else "",
        "status_dipilih": status_dipilih,
        "ringkasan": ringkasan,
        "sambungan": sambungan,
        "url_provinsi": settings.PROVINSI_URL,
        "kunci_terbaca": kiriman.kunci_terpasang(sambungan) is not None,
    }
    return render_halaman(request, "provinsi/kiriman.html", konteks, partial={"daftar-kiriman": "daftar"}, status=status)


@admin_diperlukan
@hanya_kantor
@require_GET
def daftar(request):
    """Each office day's state: sent, refused with the reason, or waiting."""
    return _halaman(request)


@admin_diperlukan
@hanya_kantor
@require_POST
def pasang_kunci(request):
    form = KunciForm(request.POST)
    if not form.is_valid():
        return _halaman(request, form=form, status=400)
    kode = aturan.pasang_kunci(kunci=form.cleaned_data["kunci"], oleh=request.user)
    messages.success(request, f"Kunci untuk kantor {kode} dipasang. Ringkasan dikirim oleh worker.")
    return redirect("provinsi:kiriman")


@admin_diperlukan
@hanya_kantor
@require_POST
def kirim_sekarang(request):
    aturan.kirim_sekarang(oleh=request.user)
    messages.success(request, "Worker diminta mengirim sekarang.")
    return redirect("provinsi:kiriman")


@admin_diperlukan
@hanya_kantor
@require_POST
def kirim_ulang(request):
    semua = request.POST.get("semua") == "1"
    n = aturan.kirim_ulang(semua=semua, oleh=request.user)
    messages.success(request, f"{n} hari diantrekan untuk dikirim ulang.")
    return redirect("provinsi:kiriman")
