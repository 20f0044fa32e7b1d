"""The Admin's Template WhatsApp page: one approved template per event, each with its "Kirim uji"."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import admin_diperlukan

from .. import templat as aturan_templat
from ..forms.templat import KirimUjiForm, TemplatWAForm
from ..models import PengaturanGateway


def _halaman(request, *, ganti=None, status=200):
    """The page with every event's form; `ganti` is a bound form drawn again with its errors."""
    baris = []
    for templat in aturan_templat.semua_templat():
        form = ganti if ganti is not None and ganti.instance.peristiwa == templat.peristiwa else None
        baris.append({
            "templat": templat, "form": form or TemplatWAForm(instance=templat, prefix=templat.peristiwa),
            "form_uji": KirimUjiForm(prefix=f"uji-{templat.peristiwa}"),
        })
    return render_halaman(
        request, "pesan/templat.html", {"baris": baris, "gateway": PengaturanGateway.get()}, status=status
    )


def _ambil(peristiwa):
    templat = aturan_templat.templat_untuk(peristiwa)
    if templat is None:
        raise Http404("Peristiwa tidak dikenal.")
    return templat


@admin_diperlukan
@require_GET
def daftar(request):
    return _halaman(request)


@admin_diperlukan
@require_POST
def simpan(request, peristiwa):
    templat = _ambil(peristiwa)
    form = TemplatWAForm(request.POST, instance=templat, prefix=peristiwa)
    if not form.is_valid():
        return _halaman(request, ganti=form, status=400)
    aturan_templat.simpan_templat(form.save(commit=False), oleh=request.user)
    messages.success(request, f"Template {templat.get_peristiwa_display()} tersimpan.")
    return redirect("pesan:templat")


@admin_diperlukan
@require_POST
def kirim_uji(request, peristiwa):
    templat = _ambil(peristiwa)
    form = KirimUjiForm(request.POST, prefix=f"uji-{peristiwa}")
    gateway = PengaturanGateway.get()
    if not (gateway.siap and gateway.penyedia == "cloud_api"):
        messages.error(request, "Kirim uji template memerlukan gateway WhatsApp Business Cloud API yang aktif.")
    elif not templat.siap:
        messages.error(request, f"Isi dan simpan nama template {templat.get_peristiwa_display()} dulu.")
    elif form.is_valid():
        baris = aturan_templat.kirim_uji(templat, nomor=form.cleaned_data["nomor"], oleh=request.user)
        messages.success(request, f"Kirim uji #{baris.pk} diantrekan; hasilnya tampil di Outbox.")
    else:
        messages.error(request, "Kirim uji: " + " ".join(form.errors["nomor"]))
    return redirect("pesan:templat")
