"""The officer's desk: dashboard, service lists, a service's detail, its status and handlers."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bukutamu.models import Kunjungan, Sarana
from pst_frontoffice import sekali
from pst_frontoffice.hitung import hitung_sekaligus
from pst_frontoffice.htmx import TAB, panel_filter, render_halaman
from pst_frontoffice.kalender import awal_hari, hari_ini
from pst_frontoffice.paginasi import PaginatorBerbatas
from pst_frontoffice.models import Peran
from pst_frontoffice.roles import petugas_diperlukan, staf_diperlukan

from .. import pemberitahuan
from ..forms.catatan import CatatanInternalForm
from ..forms.layanan import FilterLayananForm, PetugasForm, TanggapanForm, UpdateStatusForm
from ..layanan import catat_tanggapan_pengunjung, riwayat_pengunjung, tautan_notifikasi_grup
from ..models import URUT_BAWAAN, URUTAN, Layanan, RiwayatLayanan


def beranda(request):
    """The public home page for visitors (service hours, officers on duty); each logged-in role
    goes to where its day starts."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "layanan/beranda.html")
    if user.is_pimpinan:
        return redirect("laporan:index")
    return redirect("layanan:dashboard")


# Rows of the officer's open services on the dashboard: at 1366×768 they all fit beside the
# day's figures; the rest are one click away in Layanan Saya.
BARIS_DASHBOARD = 15
BARIS_PER_HALAMAN = 25


def _urutan(request):
    """The list's order from ?urut= (a known column, else newest first) and the other parameters."""
    urut = request.GET.get("urut", "")
    if urut.lstrip("-") not in URUTAN:
        urut = URUT_BAWAAN
    query = request.GET.copy()
    for kunci in ("urut", "page", "panel"):
        query.pop(kunci, None)
    return urut, query.urlencode()


@petugas_diperlukan
@require_GET
def dashboard(request):
    """Today's figures for the officer on duty."""
    mulai = awal_hari(hari_ini())
    terbuka = Layanan.objects.terbuka()
    # The officer's open services, most urgent first (nearest due time, amber and red on top):
    # one query gives both their number and the rows shown. Open services are tens per officer.
    id_saya = list(terbuka.milik(request.user).urut_tenggat().values_list("pk", flat=True))
    ringkasan = hitung_sekaligus(  # the day's figures in one round trip
        pengunjung_hari_ini=Kunjungan.objects.filter(waktu__gte=mulai).values("pengunjung").distinct(),
        layanan_hari_ini=Layanan.objects.filter(dibuat__gte=mulai),
        layanan_terbuka=terbuka,
        # "Selesai" as the reports count it (layanan.models.SELESAI): auto-closed ones are not.
        selesai_hari_ini=Layanan.objects.selesai().filter(selesai_pada__gte=mulai),
    )
    ringkasan["layanan_saya_terbuka"] = len(id_saya)
    baris = Layanan.objects.untuk_daftar().in_bulk(id_saya[:BARIS_DASHBOARD])
    terbaru = [baris[pk] for pk in id_saya[:BARIS_DASHBOARD] if pk in baris]
    return render_halaman(
        request, "layanan/dashboard.html", {"tab": "dashboard", "ringkasan": ringkasan, "terbaru": terbaru},
        partial=TAB,
    )


@petugas_diperlukan
@require_GET
def layanan_saya(request):
    """The services I handle (as handler or co-handler), newest first; open ones by default.

    Three of the bell's lists are views of it: `baru=1` (given to me since I last looked; opening it
    marks them seen), `tenggat=hari-ini` (mine due today or late) and `ditanggapi=1` (the visitor
    answered and waits on me).
    """
    semua = request.GET.get("tampil") == "semua"
    baru = request.GET.get("baru") == "1"
    tenggat_hari_ini = request.GET.get("tenggat") == "hari-ini"
    ditanggapi = request.GET.get("ditanggapi") == "1"
    cari = request.GET.get("q", "").strip()[:100]
    urut, query_urut = _urutan(request)
    if baru:
        qs = pemberitahuan.baru_ditugaskan(request.user)
    elif tenggat_hari_ini:
        qs = pemberitahuan.jatuh_tempo(request.user)
    elif ditanggapi:
        qs = pemberitahuan.ditanggapi(request.user)
    else:
        qs = Layanan.objects.milik(request.user)  # the rows themselves come from untuk_daftar(), below
        if not semua:
            qs = qs.terbuka()
    if cari:
        qs = qs.cari(cari)  # the same search as Semua Layanan
    # Not counted: "mine" includes a co-handler subquery that costs as much again as the page
    # itself at scale, and the dashboard already shows how many are open.
    halaman = PaginatorBerbatas(
        qs.urutkan(urut), BARIS_PER_HALAMAN, hitung=False, isi=Layanan.objects.untuk_daftar()
    ).get_page(request.GET.get("page"))
    if baru:
        pemberitahuan.tandai_penugasan_dilihat(request.user)  # after the rows were read: they show this once
    query = request.GET.copy()
    query.pop("page", None)
    return render_halaman(
        request, "layanan/layanan_saya.html",
        {"tab": "layanan_saya", "halaman": halaman, "tampil_semua": semua, "cari": cari, "query": query.urlencode(),
         "urut": urut, "query_urut": query_urut, "target_daftar": "daftar-layanan-saya",
         "baru": baru, "tenggat_hari_ini": tenggat_hari_ini, "ditanggapi": ditanggapi},
        partial={**TAB, "daftar-layanan-saya": "daftar"},
    )


@staf_diperlukan
@require_GET
def semua_layanan(request):
    """Every service, with filters, sortable columns and pagination."""
    form = FilterLayananForm(request.GET or None)
    if panel := panel_filter(request, form):
        return panel
    buka_filter = request.GET.get("panel") == "filter"  # the folded filter panel, opened without JavaScript
    urut, query_urut = _urutan(request)
    # Filters pick and order the ids; the rows with their joins come from untuk_daftar() (isi).
    qs = form.saring(Layanan.objects.all()) if request.GET else Layanan.objects.all()
    # A text search is not counted (see PaginatorBerbatas): the page only says whether more follow.
    halaman = PaginatorBerbatas(
        qs.urutkan(urut), BARIS_PER_HALAMAN, hitung=not request.GET.get("q", "").strip(), isi=Layanan.objects.untuk_daftar()
    ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    for kunci in ("page", "panel"):
        query.pop(kunci, None)
    # Tugaskan: the officers who may take services, for the desk (the view of each service checks who may give it).
    bisa_tugaskan = request.user.punya_peran(Peran.PETUGAS, Peran.ADMIN)
    return render_halaman(
        request, "layanan/semua_layanan.html",
        {"tab": "semua_layanan", "form": form, "halaman": halaman, "query": query.urlencode(),
         "urut": urut, "query_urut": query_urut, "target_daftar": "daftar-layanan", "buka_filter": buka_filter,
         "pilihan_petugas": list(form.fields["petugas"].daftar) if bisa_tugaskan else None},
        partial={**TAB, "daftar-layanan": "daftar"},
    )


def ambil_layanan(request, pk):
    """Fetch the service for any staff member; changing it is checked separately.

    As a list row is read (with its rating and SKD: the detail page shows both), with whoever
    recorded the visit.
    """
    return get_object_or_404(Layanan.objects.untuk_daftar().select_related("kunjungan__dicatat_oleh"), pk=pk)


def _ambil_layanan_untuk_diubah(request, pk):
    layanan = ambil_layanan(request, pk)
    if not layanan.boleh_diubah_oleh(request.user):
        raise PermissionDenied("Hanya petugas yang menangani layanan ini (atau Admin) yang dapat mengubahnya.")
    return layanan


def konteks_detail(request, layanan, **lain):
    """Everything the detail page shows; `lain` carries bound forms that failed, to show again."""
    boleh_ubah = layanan.boleh_diubah_oleh(request.user)
    petugas_meja = request.user.punya_peran(Peran.PETUGAS, Peran.ADMIN)
    riwayat_lain, jumlah_lain = riwayat_pengunjung(layanan)
    return {
        "tab": "layanan_saya" if layanan.petugas_id == request.user.pk else "semua_layanan",
        "layanan": layanan,
        "kunjungan": layanan.kunjungan,
        # Who came, as they were that day (the visit's own copy, never a later edit of the visitor
        # record): the header, the page title and the coordination summary read it from here.
        "identitas": layanan.kunjungan,
        "riwayat_pengunjung": riwayat_lain,
        "jumlah_riwayat_pengunjung": jumlah_lain,
        # Internal notes are for the desk's officers only (not the head of office, never the visitor).
        "catatan_internal": layanan.catatan_internal.select_related("oleh") if petugas_meja else None,
        "form_catatan": lain.pop("form_catatan", None) or (CatatanInternalForm() if petugas_meja else None),
        "riwayat": layanan.riwayat.select_related("oleh", "diurungkan"),
        "pendamping": layanan.pendamping.all(),
        "boleh_ubah": boleh_ubah,
        "form_status": lain.pop("form_status", None) or (UpdateStatusForm(layanan=layanan) if boleh_ubah else None),
        # Only a form sent back with errors: the closed panel fetches a fresh one when opened (atur_petugas).
        "form_petugas": lain.pop("form_petugas", None),
        # An online service's visitor answers from afar: the officer records it (auto-close clock).
        "form_tanggapan": lain.pop("form_tanggapan", None)
        or (TanggapanForm() if boleh_ubah and layanan.terbuka and layanan.kunjungan.sarana == Sarana.ONLINE else None),
        "tautan_grup_wa": tautan_notifikasi_grup(layanan, kantor=request.kantor, request=request),
        "pengaduan_terkait": layanan.pengaduan.terlihat_oleh(request.user),
        **lain,
    }


@staf_diperlukan
@require_GET
def detail(request, pk):
    layanan = ambil_layanan(request, pk)
    # The co-handlers are shown, preset in the Petugas form and asked by boleh_diubah_oleh: read once.
    prefetch_related_objects([layanan], "pendamping")
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
            messages.success(request, _pesan_dengan_urungkan(request, layanan))
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


def _pesan_dengan_urungkan(request, layanan):
    """The success message of a status change, carrying its Urungkan button for the undo window."""
    entri = layanan.riwayat.filter(jenis=RiwayatLayanan.Jenis.STATUS, oleh=request.user).order_by("-waktu", "-id").first()
    html = render_to_string(
        "layanan/_urungkan.html",
        {"layanan": layanan, "entri": entri, "detik": settings.URUNGKAN_STATUS_DETIK}, request=request,
    )
    return mark_safe(html.strip())  # rendered by our template, its values escaped there


@petugas_diperlukan
@require_POST
def urungkan_status(request, pk, riwayat_pk):
    """Urungkan, from the message of a status change: back to the status before, as a new history entry."""
    layanan = _ambil_layanan_untuk_diubah(request, pk)
    try:
        layanan.urungkan_status(riwayat_pk, oleh=request.user)
    except ValidationError as e:
        messages.error(request, "Belum diurungkan: " + " ".join(e.messages))
    else:
        messages.success(request, f"Perubahan status diurungkan: layanan #{layanan.pk} kembali {layanan.get_status_display()}.")
    if not request.htmx:
        return redirect(layanan)
    return render_halaman(request, "layanan/detail.html", konteks_detail(request, layanan), partial="kelola")


@petugas_diperlukan
@require_http_methods(["GET", "POST"])
def atur_petugas(request, pk):
    """Reassign the service and set its co-handlers.

    GET gives the form: to HTMX when the detail page's closed Petugas panel is opened (the form
    lists every officer twice, so the page does not build it for every view), else the detail
    page with the panel open.
    """
    layanan = _ambil_layanan_untuk_diubah(request, pk)
    if request.method == "GET":
        prefetch_related_objects([layanan], "pendamping")
        form = PetugasForm(initial={"petugas": layanan.petugas, "pendamping": layanan.pendamping.all()})
        if request.htmx:
            return render_halaman(request, "layanan/detail.html#form-petugas", {"layanan": layanan, "form_petugas": form})
        return render_halaman(request, "layanan/detail.html", konteks_detail(request, layanan, form_petugas=form))
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


TANGGAPAN = "tanggapan"


def _ke_kelola(request, layanan):
    if not request.htmx:
        return redirect(layanan)
    return render_halaman(request, "layanan/detail.html", konteks_detail(request, layanan), partial="kelola")


@petugas_diperlukan
@require_POST
def catat_tanggapan(request, pk):
    """The visitor answered an online service: recorded in the history (it restarts the auto-close's clock)."""
    layanan = _ambil_layanan_untuk_diubah(request, pk)
    if sekali.sudah_disimpan(request.POST, TANGGAPAN) is not None:
        messages.info(request, sekali.PESAN_SUDAH)  # sent twice: the first entry is in the history
        return _ke_kelola(request, layanan)
    form = TanggapanForm(request.POST)
    if not layanan.terbuka or layanan.kunjungan.sarana != Sarana.ONLINE:
        form.add_error(None, "Tanggapan pengunjung hanya dicatat untuk layanan online yang belum selesai.")
    if form.is_valid():
        try:
            with sekali.sekali(request.POST, TANGGAPAN) as klaim:
                catat_tanggapan_pengunjung(layanan=layanan, oleh=request.user, catatan=form.cleaned_data["tanggapan"])
                klaim.tujuan = layanan.get_absolute_url()
        except sekali.SudahDisimpan:
            messages.info(request, sekali.PESAN_SUDAH)
            return _ke_kelola(request, layanan)
        except sekali.KunciTidakSah as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, "Tanggapan pengunjung dicatat di riwayat.")
            return _ke_kelola(request, layanan)
    if not request.htmx:
        messages.error(request, "Tanggapan belum dicatat: " + " ".join(form.errors.get("__all__", []) or ["periksa isian."]))
    return render_halaman(
        request, "layanan/detail.html", konteks_detail(request, layanan, form_tanggapan=form),
        partial="kelola", status=200 if request.htmx else 400,
    )
