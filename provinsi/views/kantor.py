"""The province Admin's offices: register one (its key is shown once), issue a new key, stop or resume, and the refusals."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pst_frontoffice import sekali
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


DAFTAR = "kantor_provinsi"


def _sudah_didaftarkan(request):
    # Pressed twice: the first press registered the office and answered with its key, which is
    # never shown again. The second says so instead of "code already registered".
    messages.info(
        request, f"{sekali.PESAN_SUDAH} Kunci kantor hanya tampil sekali; bila belum tercatat, tekan Kunci Baru pada kantor itu.",
    )
    return redirect("provinsi:kantor")


@admin_diperlukan
@hanya_provinsi
@require_http_methods(["GET", "POST"])
def daftar(request):
    if request.method == "POST" and sekali.sudah_disimpan(request.POST, DAFTAR) is not None:
        return _sudah_didaftarkan(request)
    form = KantorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with sekali.sekali(request.POST, DAFTAR) as klaim:
                kantor, kunci = aturan.daftarkan(kode=form.cleaned_data["kode"], nama=form.cleaned_data["nama"], oleh=request.user)
                klaim.tujuan = reverse("provinsi:kantor")
        except sekali.SudahDisimpan:
            return _sudah_didaftarkan(request)
        except sekali.KunciTidakSah as e:
            form.add_error(None, str(e))
        else:
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
