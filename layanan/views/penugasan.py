"""Tugaskan from Semua Layanan: several services to one officer, after a confirmation page."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from pst_frontoffice import sekali
from pst_frontoffice.navigasi import tujuan_kembali
from pst_frontoffice.roles import petugas_diperlukan

from ..forms.penugasan import TugaskanForm
from ..penugasan import pilah, tugaskan_banyak


TUGASKAN = "tugaskan"


@petugas_diperlukan
@require_POST
def tugaskan(request):
    """First the confirmation (what will be given to whom, and what will not and why); then, with
    konfirmasi=1, the assignment itself, back to the list with a message."""
    kembali = tujuan_kembali(request, "layanan:semua")  # the list as the officer left it (filters, page)
    if request.POST.get("konfirmasi") == "1" and sekali.sudah_disimpan(request.POST, TUGASKAN) is not None:
        # "Ya, Tugaskan" pressed twice: the first press assigned them; the second would only say
        # that nothing is left to assign.
        messages.info(request, sekali.PESAN_SUDAH)
        return redirect(kembali)
    form = TugaskanForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Belum ditugaskan: " + " ".join(e for daftar in form.errors.values() for e in daftar))
        return redirect(kembali)
    ids, ke = form.cleaned_data["layanan"], form.cleaned_data["petugas"]
    if request.POST.get("konfirmasi") != "1":
        pilahan = pilah(layanan_ids=ids, ke=ke, oleh=request.user)
        return render(request, "layanan/tugaskan.html", {"pilahan": pilahan, "ke": ke, "kembali": kembali, "tab": "semua_layanan"})
    try:
        with sekali.sekali(request.POST, TUGASKAN):
            hasil = tugaskan_banyak(layanan_ids=ids, ke=ke, oleh=request.user)
    except sekali.SudahDisimpan:
        messages.info(request, sekali.PESAN_SUDAH)
        return redirect(kembali)
    except sekali.KunciTidakSah as e:
        messages.error(request, f"Belum ditugaskan: {e}")
        return redirect(kembali)
    if hasil.boleh:
        messages.success(request, f"{len(hasil.boleh)} layanan ditugaskan ke {ke}.")
    else:
        messages.error(request, "Tidak ada layanan yang dapat ditugaskan; daftar sudah berubah, periksa lagi.")
    return redirect(kembali)
