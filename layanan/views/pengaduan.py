"""The complaints register: officers record and follow up, Pimpinan reads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pst_frontoffice import sekali
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import petugas_diperlukan, staf_diperlukan

from ..forms.pengaduan import FilterPengaduanForm, PengaduanForm, TindakLanjutForm
from ..models import Pengaduan, StatusPengaduan
from ..pengaduan import catat_pengaduan


@staf_diperlukan
@require_GET
def daftar(request):
    form = FilterPengaduanForm(request.GET or None)
    terlihat = Pengaduan.objects.terlihat_oleh(request.user)
    qs = terlihat.untuk_daftar()
    if request.GET:
        qs = form.saring(qs)
    halaman = Paginator(qs, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    ringkasan = {s: 0 for s in StatusPengaduan.values}
    ringkasan.update(terlihat.values_list("status").annotate(n=Count("pk")).order_by())
    return render_halaman(
        request, "layanan/pengaduan_daftar.html",
        {"tab": "pengaduan", "form": form, "halaman": halaman, "query": query.urlencode(), "ringkasan": ringkasan},
        partial={"daftar-pengaduan": "daftar"},
    )


@petugas_diperlukan
@require_http_methods(["GET", "POST"])
def baru(request):
    if request.method == "POST" and (tujuan := sekali.sudah_disimpan(request.POST, "pengaduan")) is not None:
        messages.info(request, sekali.PESAN_SUDAH)
        return redirect(tujuan or "layanan:pengaduan")
    form = PengaduanForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                with sekali.sekali(request.POST, "pengaduan") as klaim:
                    pengaduan = catat_pengaduan(
                        isi=d["isi"], kanal=d["kanal"], oleh=request.user, layanan=d.get("nomor_layanan"),
                        unsur=d["unsur"], nama_pelapor=d["nama_pelapor"], kontak_pelapor=d["kontak_pelapor"],
                        nomor_tiket_lapor=d["nomor_tiket_lapor"], diterima_pada=d["diterima_pada"],
                    )
                    klaim.tujuan = pengaduan.get_absolute_url()
            except sekali.SudahDisimpan as e:
                messages.info(request, sekali.PESAN_SUDAH)
                return redirect(e.tujuan or "layanan:pengaduan")
            except sekali.KunciTidakSah as e:
                form.add_error(None, str(e))
            except ValidationError as e:
                for field, pesan in e.message_dict.items():
                    form.add_error(field if field in form.fields else None, pesan)
            else:
                messages.success(request, f"Pengaduan #{pengaduan.pk} tercatat.")
                return redirect(pengaduan)
        return render_halaman(request, "layanan/pengaduan_baru.html", {"tab": "pengaduan", "form": form}, status=400)
    return render_halaman(request, "layanan/pengaduan_baru.html", {"tab": "pengaduan", "form": form})


def _konteks_detail(request, pengaduan, form=None):
    boleh_ubah = pengaduan.boleh_ditindaklanjuti_oleh(request.user)
    return {
        "tab": "pengaduan",
        "pengaduan": pengaduan,
        "tindak_lanjut": pengaduan.tindak_lanjut.select_related("oleh"),
        "form": (form or TindakLanjutForm()) if boleh_ubah and pengaduan.status != StatusPengaduan.SELESAI else None,
    }


def _ambil(request, pk, *, ubah=False):
    """The complaint, if this user may read it (and with `ubah`, follow it up); else the 403 page."""
    pengaduan = get_object_or_404(Pengaduan.objects.select_related("dicatat_oleh", "layanan__jenis"), pk=pk)
    if not pengaduan.boleh_dibaca_oleh(request.user):
        raise PermissionDenied("Pengaduan yang ditulis pengunjung saat menilai layanan hanya dibaca Pimpinan dan Admin.")
    if ubah and not pengaduan.boleh_ditindaklanjuti_oleh(request.user):
        raise PermissionDenied(
            "Pengaduan dari rating layanan ditindaklanjuti Pimpinan atau Admin; pengaduan dari kanal lain oleh petugas PST atau Admin."
        )
    return pengaduan


@staf_diperlukan
@require_GET
def detail(request, pk):
    return render_halaman(request, "layanan/pengaduan_detail.html", _konteks_detail(request, _ambil(request, pk)))


@staf_diperlukan
@require_POST
def tindak_lanjut(request, pk):
    pengaduan = _ambil(request, pk, ubah=True)
    form = TindakLanjutForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            pengaduan.tindak_lanjuti(
                oleh=request.user, catatan=d["catatan"], status=d["status"], jawaban=d["jawaban"], unsur=d["unsur"] or None,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, f"Tindak lanjut pengaduan #{pengaduan.pk} tercatat ({pengaduan.get_status_display()}).")
            return redirect(pengaduan)
    return render_halaman(
        request, "layanan/pengaduan_detail.html", _konteks_detail(request, pengaduan, form), status=400
    )
