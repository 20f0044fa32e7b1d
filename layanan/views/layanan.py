"""The officer's desk: dashboard, service lists, a service's detail, its status and handlers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from bukutamu.models import Kunjungan
from pst_frontoffice.htmx import TAB, render_halaman
from pst_frontoffice.kalender import awal_hari, hari_ini
from pst_frontoffice.paginasi import PaginatorBerbatas
from pst_frontoffice.roles import petugas_diperlukan, staf_diperlukan

from ..forms.layanan import FilterLayananForm, PetugasForm, UpdateStatusForm
from ..layanan import tautan_notifikasi_grup
from ..models import Layanan, Status


def beranda(request):
    """The public home page for visitors (service hours, officers on duty); each logged-in role
    goes to where its day starts."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "layanan/beranda.html")
    if user.is_pimpinan:
        return redirect("laporan:index")
    return redirect("layanan:dashboard")


@petugas_diperlukan
@require_GET
def dashboard(request):
    """Today's figures for the officer on duty."""
    mulai = awal_hari(hari_ini())
    terbuka = Layanan.objects.terbuka()
    # The officer's open services, most urgent first (nearest due time, amber and red on top):
    # one query gives both their number and the five shown. Open services are tens per officer.
    id_saya = list(terbuka.milik(request.user).urut_tenggat().values_list("pk", flat=True))
    ringkasan = {
        "pengunjung_hari_ini": Kunjungan.objects.filter(waktu__gte=mulai).values("pengunjung").distinct().count(),
        "layanan_hari_ini": Layanan.objects.filter(dibuat__gte=mulai).count(),
        "layanan_terbuka": terbuka.count(),
        "layanan_saya_terbuka": len(id_saya),
        # Finished by an officer; the auto-closed silent conversations are counted apart, as in the reports.
        "selesai_hari_ini": Layanan.objects.filter(
            status=Status.SELESAI, selesai_pada__gte=mulai, ditutup_otomatis=False
        ).count(),
    }
    baris = Layanan.objects.untuk_daftar().in_bulk(id_saya[:5])
    terbaru = [baris[pk] for pk in id_saya[:5] if pk in baris]
    return render_halaman(
        request, "layanan/dashboard.html", {"tab": "dashboard", "ringkasan": ringkasan, "terbaru": terbaru},
        partial=TAB,
    )


@petugas_diperlukan
@require_GET
def layanan_saya(request):
    """The services I handle (as handler or co-handler), newest first; open ones by default."""
    semua = request.GET.get("tampil") == "semua"
    urut_tenggat = request.GET.get("urut") == "tenggat"
    cari = request.GET.get("q", "").strip()[:100]
    qs = Layanan.objects.milik(request.user)  # the rows themselves come from untuk_daftar(), below
    if not semua:
        qs = qs.terbuka()
    if cari:
        qs = qs.cari(cari)  # the same search as Semua Layanan
    if urut_tenggat:
        qs = qs.urut_tenggat()
    # Not counted: "mine" includes a co-handler subquery that costs as much again as the page
    # itself at scale, and the dashboard already shows how many are open.
    halaman = PaginatorBerbatas(qs, 25, hitung=False, isi=Layanan.objects.untuk_daftar()).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render_halaman(
        request, "layanan/layanan_saya.html",
        {"tab": "layanan_saya", "halaman": halaman, "tampil_semua": semua, "urut_tenggat": urut_tenggat,
         "cari": cari, "query": query.urlencode()},
        partial={**TAB, "daftar-layanan-saya": "daftar"},
    )


@staf_diperlukan
@require_GET
def semua_layanan(request):
    """Every service, with filters and pagination."""
    form = FilterLayananForm(request.GET or None)
    # Filters pick and order the ids; the rows with their joins come from untuk_daftar() (isi).
    qs = form.saring(Layanan.objects.all()) if request.GET else Layanan.objects.all()
    # A text search is not counted (see PaginatorBerbatas): the page only says whether more follow.
    halaman = PaginatorBerbatas(
        qs, 25, hitung=not request.GET.get("q", "").strip(), isi=Layanan.objects.untuk_daftar()
    ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render_halaman(
        request, "layanan/semua_layanan.html",
        {"tab": "semua_layanan", "form": form, "halaman": halaman, "query": query.urlencode()},
        partial={**TAB, "daftar-layanan": "daftar"},
    )


def _ambil_layanan(request, pk):
    """Fetch the service for any staff member; changing it is checked separately."""
    return get_object_or_404(
        Layanan.objects.select_related("kunjungan__pengunjung", "jenis", "petugas", "kunjungan__dicatat_oleh"),
        pk=pk,
    )


def _ambil_layanan_untuk_diubah(request, pk):
    layanan = _ambil_layanan(request, pk)
    if not layanan.boleh_diubah_oleh(request.user):
        raise PermissionDenied("Hanya petugas yang menangani layanan ini (atau Admin) yang dapat mengubahnya.")
    return layanan


def konteks_detail(request, layanan, **lain):
    """Everything the detail page shows; `lain` carries bound forms that failed, to show again."""
    boleh_ubah = layanan.boleh_diubah_oleh(request.user)
    return {
        "tab": "layanan_saya" if layanan.petugas_id == request.user.pk else "semua_layanan",
        "layanan": layanan,
        "kunjungan": layanan.kunjungan,
        "riwayat": layanan.riwayat.select_related("oleh"),
        "pendamping": layanan.pendamping.all(),
        "boleh_ubah": boleh_ubah,
        "form_status": lain.pop("form_status", None) or (UpdateStatusForm(layanan=layanan) if boleh_ubah else None),
        "form_petugas": lain.pop("form_petugas", None)
        or (PetugasForm(initial={"petugas": layanan.petugas, "pendamping": layanan.pendamping.all()}) if boleh_ubah else None),
        "tautan_grup_wa": tautan_notifikasi_grup(layanan, kantor=request.kantor, request=request),
        "pengaduan_terkait": layanan.pengaduan.terlihat_oleh(request.user),
        **lain,
    }


@staf_diperlukan
@require_GET
def detail(request, pk):
    layanan = _ambil_layanan(request, pk)
    return render_halaman(request, "layanan/detail.html", konteks_detail(request, layanan))


@petugas_diperlukan
@require_POST
def update_status(request, pk):
    """The guide's Update button: move the service along the allowed flow."""
    layanan = _ambil_layanan_untuk_diubah(request, pk)
    form = UpdateStatusForm(request.POST, layanan=layanan)
    if form.is_valid():
        try:
            layanan.ubah_status(form.cleaned_data["status"], oleh=request.user, catatan=form.cleaned_data["catatan"])
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, f"Status layanan #{layanan.pk} menjadi {layanan.get_status_display()}.")
            if not request.htmx:
                return redirect(layanan)
            return render_halaman(
                request, "layanan/detail.html", konteks_detail(request, layanan), partial="kelola"
            )
    if not request.htmx:
        messages.error(request, "Status belum diubah: " + " ".join(form.errors.get("__all__", [])  or ["periksa isian."]))
    return render_halaman(
        request, "layanan/detail.html", konteks_detail(request, layanan, form_status=form),
        partial="kelola", status=200 if request.htmx else 400,
    )


@petugas_diperlukan
@require_POST
def atur_petugas(request, pk):
    """Reassign the service and set its co-handlers."""
    layanan = _ambil_layanan_untuk_diubah(request, pk)
    form = PetugasForm(request.POST)
    if form.is_valid():
        layanan.alihkan(form.cleaned_data["petugas"], oleh=request.user)
        layanan.atur_pendamping(list(form.cleaned_data["pendamping"]), oleh=request.user)
        messages.success(request, "Petugas layanan diperbarui.")
        if not request.htmx:
            return redirect(layanan)
        return render_halaman(request, "layanan/detail.html", konteks_detail(request, layanan), partial="kelola")
    messages.error(request, "Petugas belum diperbarui; periksa pilihan.")
    return render_halaman(
        request, "layanan/detail.html", konteks_detail(request, layanan, form_petugas=form),
        partial="kelola", status=200 if request.htmx else 400,
    )
