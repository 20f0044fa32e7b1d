"""The Admin's WhatsApp gateway settings and its test message."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import admin_diperlukan

from .. import gateway as aturan_gateway
from ..forms.gateway import KirimPercobaanForm, PengaturanGatewayForm
from ..models import PengaturanGateway


@admin_diperlukan
@require_http_methods(["GET", "POST"])
def pengaturan_gateway(request):
    gateway = PengaturanGateway.get()
    form = PengaturanGatewayForm(request.POST or None, instance=gateway)
    if request.method == "POST":
        if form.is_valid():
            aturan_gateway.simpan_gateway(form.save(commit=False), token_baru=form.cleaned_data["token"], oleh=request.user)
            messages.success(request, "Pengaturan gateway WA tersimpan.")
            return redirect("pesan:pengaturan_gateway")
        gateway.refresh_from_db()
    konteks = {"form": form, "gateway": gateway, "form_percobaan": KirimPercobaanForm()}
    return render_halaman(request, "pesan/pengaturan_gateway.html", konteks, status=400 if form.errors else 200)


@admin_diperlukan
@require_POST
def kirim_percobaan(request):
    form = KirimPercobaanForm(request.POST)
    gateway = PengaturanGateway.get()
    if not gateway.siap:
        messages.error(request, "Aktifkan gateway dan isi token sebelum kirim percobaan.")
    elif form.is_valid():
        baris = aturan_gateway.kirim_percobaan(nomor=form.cleaned_data["nomor"], oleh=request.user)
        messages.success(request, f"Pesan percobaan #{baris.pk} diantrekan; hasilnya tampil di Outbox.")
    else:
        messages.error(request, "Kirim percobaan: " + " ".join(form.errors["nomor"]))
    return redirect("pesan:pengaturan_gateway")
