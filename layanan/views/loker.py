"""The library's locker register: register a card, hand it back, end-of-day list."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pst_frontoffice import sekali
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.kalender import awal_hari, hari_ini, tanggal_dari_teks
from pst_frontoffice.roles import petugas_diperlukan

from ..forms.loker import PinjamLokerForm
from ..models import Loker, PeminjamanLoker


def _konteks(request, form):
    mulai = awal_hari(hari_ini())
    return {
        "tab": "loker",
        "form": form,
        "dipinjam": PeminjamanLoker.objects.dipinjam().untuk_daftar().order_by("loker__urutan", "loker__nomor"),
        "kembali_hari_ini": PeminjamanLoker.objects.untuk_daftar().filter(waktu_kembali__gte=mulai).order_by("-waktu_kembali"),
        "jumlah_kosong": Loker.objects.kosong().count(),
    }


@petugas_diperlukan
@require_http_methods(["GET", "POST"])
def loker(request):
    """Register a visitor's ID card for a locker; lockers in use with a button to hand it back."""
    if request.method == "POST" and (tujuan := sekali.sudah_disimpan(request.POST, "loker")) is not None:
        messages.info(request, sekali.PESAN_SUDAH)
        return redirect(tujuan or "layanan:loker")
    form = PinjamLokerForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                with sekali.sekali(request.POST, "loker") as klaim:
                    p = PeminjamanLoker.pinjamkan(
                        loker=d["loker"], jenis_kartu=d["jenis_kartu"], nomor_kartu=d["nomor_kartu"],
                        nama_pengunjung=d["nama_pengunjung"], layanan=d["layanan"], oleh=request.user,
                    )
                    klaim.tujuan = reverse("layanan:loker")
            except sekali.SudahDisimpan as e:
                messages.info(request, sekali.PESAN_SUDAH)
                return redirect(e.tujuan or "layanan:loker")
            except sekali.KunciTidakSah as e:
                form.add_error(None, str(e))
            except ValidationError as e:
                form.add_error("loker", e)
            else:
                messages.success(request, f"{p.loker} dicatat untuk {p.nama_pengunjung} ({p.get_jenis_kartu_display()}).")
                return redirect("layanan:loker")
        return render_halaman(request, "layanan/loker.html", _konteks(request, form), status=400)
    return render_halaman(request, "layanan/loker.html", _konteks(request, form))


@petugas_diperlukan
@require_POST
def kembalikan_loker(request, pk):
    p = get_object_or_404(PeminjamanLoker.objects.select_related("loker"), pk=pk)
    try:
        p.kembalikan(oleh=request.user)
    except ValidationError as e:
        messages.warning(request, " ".join(e.messages))
    else:
        messages.success(request, f"Kartu {p.get_jenis_kartu_display()} {p.nama_pengunjung} dikembalikan; {p.loker} kosong.")
    return redirect("layanan:loker")


@petugas_diperlukan
@require_GET
def detail(request, pk):
    """One use of a locker, the only page showing the ID card's number in full."""
    p = get_object_or_404(PeminjamanLoker.objects.untuk_daftar(), pk=pk)
    return render_halaman(request, "layanan/loker_detail.html", {"tab": "loker", "p": p})


@petugas_diperlukan
@require_GET
def belum_kembali(request):
    """End of day: every card taken in up to the chosen day that has not gone back yet."""
    tanggal = tanggal_dari_teks(request.GET.get("tanggal")) or hari_ini()
    daftar = (
        PeminjamanLoker.objects.dipinjam().untuk_daftar()
        .filter(waktu_masuk__lt=awal_hari(tanggal + datetime.timedelta(days=1)))
        .order_by("waktu_masuk")
    )
    return render_halaman(request, "layanan/loker_belum_kembali.html", {"tab": "loker", "tanggal": tanggal, "daftar": daftar})
