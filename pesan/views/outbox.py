"""The Admin's Outbox page; the officer's group send through the gateway."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_POST

from layanan.models import Layanan
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.navigasi import kembali_ke
from pst_frontoffice.roles import admin_diperlukan, petugas_diperlukan

from .. import outbox as antrean
from ..forms.outbox import FilterOutboxForm
from ..models import PengaturanGateway, PesanKeluar, StatusPesan


@admin_diperlukan
@require_GET
def daftar(request):
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
        request, "pesan/outbox.html",
        {"form": form, "halaman": halaman, "query": query.urlencode(), "ringkasan": ringkasan,
         "gateway": PengaturanGateway.get()},
        partial={"daftar-pesan": "daftar"},
    )


@admin_diperlukan
@require_POST
def kirim_ulang(request, pk):
    baris = get_object_or_404(PesanKeluar.objects.select_related("layanan"), pk=pk)
    if antrean.kirim_ulang(baris, oleh=request.user):
        messages.success(request, f"Pesan #{baris.pk} diantrekan ulang.")
    else:
        messages.error(request, f"Pesan #{baris.pk} tidak gagal, jadi tidak perlu dikirim ulang.")
    return kembali_ke(request, "pesan:outbox")


@petugas_diperlukan
@require_POST
def kirim_grup(request, pk):
    """Kirim Notifikasi ke Grup WA through the gateway, to the group id an Admin configured."""
    layanan = get_object_or_404(Layanan.objects.select_related("kunjungan__pengunjung", "jenis", "petugas"), pk=pk)
    if not layanan.boleh_diubah_oleh(request.user):
        raise PermissionDenied("Hanya petugas yang menangani layanan ini (atau Admin) yang dapat mengirim notifikasi.")
    try:
        baris = antrean.ke_grup(layanan, oleh=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        if baris is None:
            messages.info(request, "Notifikasi layanan ini sudah pernah dikirim ke grup WA.")
        else:
            messages.success(request, "Notifikasi ke grup WA diantrekan; terkirim dalam beberapa detik.")
    return redirect(layanan)
