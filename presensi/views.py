import datetime

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from pst_frontoffice.aktivitas import ip_klien
from pst_frontoffice.excel import buku_excel
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.kalender import hari_ini, tanggal_wajar
from pst_frontoffice.roles import admin_diperlukan, petugas_diperlukan, pimpinan_diperlukan, staf_diperlukan
from pst_frontoffice.unggahan import menerima_unggahan

from . import services
from .forms import ImporJadwalForm, TambahJadwalForm, TutupPresensiForm
from .jadwal import ImporDitolak, ekspor_jadwal, grid_bulan, impor_jadwal, tambah_jadwal, templat_jadwal
from .models import JadwalPiket, Presensi
from .rekap import KOLOM_REKAP, baris_rekap, rekap_bulanan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _ip(request):
    # REMOTE_ADDR, or behind one of the office's reverse proxies (TRUSTED_PROXIES) the address it
    # reports in X-Forwarded-For: the one rule the whole app uses.
    return ip_klien(request)


def _bulan(request):
    """(year, month) from ?bulan=YYYY-MM, this month by default."""
    try:
        t = datetime.datetime.strptime(request.GET.get("bulan", ""), "%Y-%m")
        if not tanggal_wajar(t):
            raise ValueError("di luar rentang")
        return t.year, t.month
    except ValueError:
        h = hari_ini()
        return h.year, h.month


def _navigasi_bulan(tahun, bulan):
    awal = datetime.date(tahun, bulan, 1)
    sebelum = awal - datetime.timedelta(days=1)
    sesudah = awal + datetime.timedelta(days=32)
    return {"awal_bulan": awal, "bulan_sebelum": f"{sebelum:%Y-%m}", "bulan_sesudah": f"{sesudah:%Y-%m}",
            "bulan_ini": f"{awal:%Y-%m}"}


def _unduh(isi, nama):
    response = HttpResponse(isi, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response


# --- Attendance ---------------------------------------------------------------------------------

def _absen(request, aksi, berhasil):
    try:
        presensi = aksi(petugas=request.user, ip=_ip(request))
    except ValidationError as e:
        pesan, level = e.messages[0], "danger"
    else:
        jam = timezone.localtime(presensi.pulang or presensi.masuk)
        pesan, level = f"{berhasil} pukul {jam:%H.%M} {request.kantor.singkatan_zona}.", "success"
    # The answer goes to the page's one message area (for HTMX, out of band with the widget).
    messages.add_message(request, messages.SUCCESS if level == "success" else messages.ERROR, pesan)
    if request.htmx:
        return render(request, "presensi/widget.html", services.konteks_widget(request.user))
    return redirect(settings.LOGIN_REDIRECT_URL)  # where the officer's day starts: the dashboard


@petugas_diperlukan
@require_POST
def absen_masuk(request):
    return _absen(request, services.absen_masuk, "Absen Masuk tercatat")


@petugas_diperlukan
@require_POST
def absen_pulang(request):
    return _absen(request, services.absen_pulang, "Absen Pulang tercatat")


@admin_diperlukan
@require_GET
def terlupa(request):
    """Earlier days without Absen Pulang, for an Admin to close with a note."""
    daftar = (
        Presensi.objects.filter(tanggal__lt=hari_ini(), pulang__isnull=True)
        .select_related("petugas")
        .order_by("-tanggal", "petugas__nama")
    )
    return render_halaman(request, "presensi/terlupa.html", {"daftar": daftar, "form": TutupPresensiForm()})


@admin_diperlukan
@require_POST
def tutup(request, pk):
    presensi = get_object_or_404(Presensi.objects.select_related("petugas"), pk=pk)
    form = TutupPresensiForm(request.POST)
    if form.is_valid():
        try:
            services.tutup_pulang_terlupa(
                presensi=presensi, oleh=request.user, jam_pulang=form.cleaned_data["jam_pulang"],
                catatan=form.cleaned_data["catatan"],
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, f"Presensi {presensi.petugas} tanggal {presensi.tanggal:%d-%m-%Y} ditutup.")
            return redirect("presensi:terlupa")
    daftar = Presensi.objects.filter(pk=presensi.pk).select_related("petugas")
    return render_halaman(
        request, "presensi/terlupa.html", {"daftar": daftar, "form": form}, status=400
    )


# --- Duty roster --------------------------------------------------------------------------------

def _halaman_jadwal(request, tahun, bulan, *, form_tambah=None, form_impor=None, kesalahan=None, status=None):
    shift, grid = grid_bulan(tahun, bulan)
    konteks = {
        "shift": shift, "grid": grid, "hari_ini": hari_ini(), **_navigasi_bulan(tahun, bulan),
        "kesalahan_impor": kesalahan or [],
    }
    if request.user.is_admin:
        konteks["form_tambah"] = form_tambah or TambahJadwalForm(initial={"tanggal": max(hari_ini(), konteks["awal_bulan"])})
        konteks["form_impor"] = form_impor or ImporJadwalForm()
    return render_halaman(request, "presensi/jadwal_bulan.html", konteks, status=status)


def _kembali_ke_bulan(tanggal):
    return redirect(f"{reverse('presensi:jadwal')}?bulan={tanggal:%Y-%m}")


@staf_diperlukan
@require_GET
def jadwal(request):
    """The month's roster, date × shift; an Admin plans it here."""
    return _halaman_jadwal(request, *_bulan(request))


@admin_diperlukan
@require_POST
def jadwal_tambah(request):
    form = TambahJadwalForm(request.POST)
    if form.is_valid():
        try:
            tambah_jadwal(**form.cleaned_data, oleh=request.user)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            d = form.cleaned_data
            messages.success(request, f"{d['petugas']} dijadwalkan pada shift {d['shift']} tanggal {d['tanggal']:%d-%m-%Y}.")
            return _kembali_ke_bulan(d["tanggal"])
    tanggal = form.cleaned_data.get("tanggal") or hari_ini()
    return _halaman_jadwal(request, tanggal.year, tanggal.month, form_tambah=form, status=400)


@admin_diperlukan
@require_POST
def jadwal_batal(request, pk):
    j = get_object_or_404(JadwalPiket.objects.berlaku().select_related("shift", "petugas"), pk=pk)
    j.batalkan(oleh=request.user)
    messages.success(request, f"Jadwal {j.petugas} shift {j.shift} tanggal {j.tanggal:%d-%m-%Y} dibatalkan.")
    return _kembali_ke_bulan(j.tanggal)


@menerima_unggahan
@admin_diperlukan
@require_POST
def jadwal_impor(request):
    tahun, bulan = _bulan(request)
    form = ImporJadwalForm(request.POST, request.FILES)
    kesalahan = []
    if form.is_valid():
        try:
            dibuat, dilewati = impor_jadwal(form.cleaned_data["berkas"], oleh=request.user)
        except ImporDitolak as e:
            kesalahan = e.kesalahan
        else:
            pesan = f"Impor selesai: {dibuat} jadwal ditambahkan"
            if dilewati:
                pesan += f", {dilewati} sudah ada sebelumnya"
            messages.success(request, pesan + ".")
            return redirect(f"{reverse('presensi:jadwal')}?bulan={tahun}-{bulan:02d}")
    return _halaman_jadwal(request, tahun, bulan, form_impor=form, kesalahan=kesalahan, status=400)


@admin_diperlukan
@require_GET
def jadwal_templat(request):
    tahun, bulan = _bulan(request)
    return _unduh(templat_jadwal(tahun, bulan), f"templat-jadwal-piket-{tahun}-{bulan:02d}.xlsx")


@staf_diperlukan
@require_GET
def jadwal_ekspor(request):
    tahun, bulan = _bulan(request)
    return _unduh(ekspor_jadwal(tahun, bulan), f"jadwal-piket-{tahun}-{bulan:02d}.xlsx")


# --- Recap for Pimpinan -------------------------------------------------------------------------

@pimpinan_diperlukan
@require_GET
def rekap(request):
    tahun, bulan = _bulan(request)
    return render_halaman(
        request, "presensi/rekap.html", {"rekap": rekap_bulanan(tahun, bulan), **_navigasi_bulan(tahun, bulan)}
    )


@pimpinan_diperlukan
@require_GET
def rekap_ekspor(request):
    tahun, bulan = _bulan(request)
    isi = buku_excel(f"Rekap {bulan:02d}-{tahun}", KOLOM_REKAP, baris_rekap(rekap_bulanan(tahun, bulan)))
    return _unduh(isi, f"rekap-presensi-{tahun}-{bulan:02d}.xlsx")
