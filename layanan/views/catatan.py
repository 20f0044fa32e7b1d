"""Internal notes on a service: any officer adds one; officers (Petugas, Admin) read them on the detail page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from pst_frontoffice import sekali
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import petugas_diperlukan

from ..forms.catatan import CatatanInternalForm
from ..models import CatatanInternal
from .layanan import ambil_layanan, konteks_detail

PANEL_CATATAN = {"catatan-internal": "catatan"}
CAKUPAN = "catatan_internal"


def _ke_panel(request, layanan):
    if not request.htmx:
        return redirect(reverse("layanan:detail", args=[layanan.pk]) + "#catatan-internal")
    return render_halaman(request, "layanan/detail.html", konteks_detail(request, layanan), partial=PANEL_CATATAN)


@petugas_diperlukan
@require_POST
def tambah_catatan(request, pk):
    """Append a note (any officer may, as a colleague answering the phone for the handler would)."""
    layanan = ambil_layanan(request, pk)
    if sekali.sudah_disimpan(request.POST, CAKUPAN) is not None:
        messages.info(request, sekali.PESAN_SUDAH)  # sent twice: the first note is on the panel
        return _ke_panel(request, layanan)
    form = CatatanInternalForm(request.POST)
    if form.is_valid():
        try:
            with sekali.sekali(request.POST, CAKUPAN) as klaim:
                CatatanInternal.objects.create(layanan=layanan, isi=form.cleaned_data["isi"], oleh=request.user)
                klaim.tujuan = layanan.get_absolute_url()
        except sekali.SudahDisimpan:
            messages.info(request, sekali.PESAN_SUDAH)
            return _ke_panel(request, layanan)
        except sekali.KunciTidakSah as e:
            form.add_error("isi", str(e))
        else:
            messages.success(request, "Catatan internal ditambahkan.")
            return _ke_panel(request, layanan)
    messages.error(request, "Catatan belum ditambahkan: " + " ".join(form.errors["isi"]))
    return render_halaman(
        request, "layanan/detail.html", konteks_detail(request, layanan, form_catatan=form),
        partial=PANEL_CATATAN, status=200 if request.htmx else 400,
    )
