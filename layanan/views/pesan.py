"""The Admin's Outbox page and WhatsApp gateway settings; the officer's group send through the gateway."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.navigasi import kembali_ke
from pst_frontoffice.roles import admin_diperlukan, petugas_diperlukan

from .. import pesan
from ..forms.pesan import FilterOutboxForm, KirimPercobaanForm, PengaturanGatewayForm
from ..models import Layanan, PengaturanGateway, PesanKeluar, StatusPesan


@admin_diperlukan
@require_GET
def outbox(request):
    form = FilterOutboxForm(request.GET or None)
    qs = PesanKeluar.objects.select_related("layanan")
    if request.GET:
        qs = form.saring(qs)
    halaman = Paginator(qs, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    ringkasan = {s: 0 for s in StatusPesan.values}
    ringkasan.update(PesanKeluar.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return render_halaman(
        request, "layanan/outbox.html",
        {"form": form, "halaman": halaman, "query": query.urlencode(), "ringkasan": ringkasan,
         "gateway": PengaturanGateway.get()},
        partial={"daftar-pesan": "daftar"},
    )


@admin_diperlukan
@require_POST
def kirim_ulang(request, pk):
    baris = get_object_or_404(PesanKeluar.objects.select_related("layanan"), pk=pk)
    if pesan.kirim_ulang(baris, oleh=request.user):
        messages.success(request, f"Pesan #{baris.pk} diantrekan ulang.")
    else:
        messages.error(request, f"Pesan #{baris.pk} tidak gagal, jadi tidak perlu dikirim ulang.")
    return kembali_ke(request, "layanan:outbox")


@admin_diperlukan
@require_http_methods(["GET", "POST"])
def pengaturan_gateway(request):
    gateway = PengaturanGateway.get()
    form = PengaturanGatewayForm(request.POST or None, instance=gateway)
    if request.method == "POST":
        if form.is_valid():
            pesan.simpan_gateway(form.save(commit=False), token_baru=form.cleaned_data["token"], oleh=request.user)
            messages.success(request, "Pengaturan gateway WA tersimpan.")
            return redirect("layanan:pengaturan_gateway")
        gateway.refresh_from_db()
    konteks = {"form": form, "gateway": gateway, "form_percobaan": KirimPercobaanForm()}
    return render_halaman(request, "layanan/pengaturan_gateway.html", konteks, status=400 if form.errors else 200)


@admin_diperlukan
@require_POST
def kirim_percobaan(request):
    form = KirimPercobaanForm(request.POST)
    gateway = PengaturanGateway.get()
    if not gateway.siap:
        messages.error(request, "Aktifkan gateway dan isi token sebelum kirim percobaan.")
    elif form.is_valid():
        baris = pesan.kirim_percobaan(nomor=form.cleaned_data["nomor"], oleh=request.user)
        messages.success(request, f"Pesan percobaan #{baris.pk} diantrekan; hasilnya tampil di Outbox.")
    else:
        messages.error(request, "Kirim percobaan: " + " ".join(form.errors["nomor"]))
    return redirect("layanan:pengaturan_gateway")


@petugas_diperlukan
@require_POST
def kirim_grup(request, pk):
    """Kirim Notifikasi ke Grup WA through the gateway, to the group id an Admin configured."""
    layanan = get_object_or_404(Layanan.objects.select_related("kunjungan__pengunjung", "jenis", "petugas"), pk=pk)
    if not layanan.boleh_diubah_oleh(request.user):
        raise PermissionDenied("Hanya petugas yang menangani layanan ini (atau Admin) yang dapat mengirim notifikasi.")
    try:
        baris = pesan.ke_grup(layanan, oleh=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        if baris is None:
            messages.info(request, "Notifikasi layanan ini sudah pernah dikirim ke grup WA.")
        else:
            messages.success(request, "Notifikasi ke grup WA diantrekan; terkirim dalam beberapa detik.")
    return redirect(layanan)
