"""Data requests fulfilled (user guide, section 5): reply-letter number, draft letter, signed
file, tags, the data asked for; the letter register and the search over past requests."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pst_frontoffice.berkas import UnggahanGagal
from pst_frontoffice.excel import buku_excel
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import admin_diperlukan, petugas_diperlukan, staf_diperlukan

from . import ekspor
from .draf_surat import buat_draf_surat, template_bawaan_docx
from .forms_surat import (
    BatalNomorForm, CariPermintaanForm, FilterRegisterForm, ItemDataFormSet, NomorSuratForm, PermintaanDataForm,
    TagForm, UnggahBerkasForm,
)
from .models import Layanan, RiwayatLayanan
from .permintaan import PermintaanData, Tag
from .surat import BerkasSurat, NomorSurat, beri_nomor_surat, unggah_berkas_surat

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _permintaan_data(request, pk, *, ubah=True):
    """Fetch a data-request service, refusing other kinds; `ubah` also checks the officer may change it."""
    layanan = get_object_or_404(
        Layanan.objects.select_related("kunjungan__pengunjung", "jenis", "petugas"), pk=pk
    )
    if not layanan.jenis.adalah_permintaan_data:
        raise Http404("Layanan ini bukan permintaan data.")
    if ubah and not layanan.boleh_diubah_oleh(request.user):
        raise PermissionDenied("Hanya petugas yang menangani layanan ini (atau Admin) yang dapat mengubahnya.")
    return layanan


def _ke_panel(layanan):
    return redirect(reverse("layanan:detail", args=[layanan.pk]) + "#surat")


def _pesan_galat(request, form, awalan):
    teks = " ".join(e for daftar in form.errors.values() for e in daftar)
    messages.error(request, f"{awalan}: {teks}")


@petugas_diperlukan
@require_POST
def generate_nomor(request, pk):
    """The guide's Generate Nomor Surat Balasan button."""
    layanan = _permintaan_data(request, pk)
    form = NomorSuratForm(request.POST)
    if not form.is_valid():
        _pesan_galat(request, form, "Nomor surat belum dibuat")
        return _ke_panel(layanan)
    try:
        nomor = beri_nomor_surat(layanan=layanan, oleh=request.user, **form.cleaned_data)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, f"Nomor surat balasan: {nomor.nomor}")
    return _ke_panel(layanan)


@petugas_diperlukan
@require_POST
def batal_nomor(request, nomor_pk):
    """Void a mistaken number with a reason; it stays in the register."""
    nomor = get_object_or_404(NomorSurat.objects.select_related("layanan"), pk=nomor_pk)
    if not nomor.layanan.boleh_diubah_oleh(request.user):
        raise PermissionDenied("Hanya petugas yang menangani layanan ini (atau Admin) yang dapat membatalkan nomornya.")
    form = BatalNomorForm(request.POST)
    if not form.is_valid():
        _pesan_galat(request, form, "Nomor surat belum dibatalkan")
    else:
        try:
            nomor.batalkan(alasan=form.cleaned_data["alasan"], oleh=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, f"Nomor surat {nomor.nomor} dibatalkan; nomor itu tidak akan dipakai lagi.")
    return _ke_panel(nomor.layanan)


@staf_diperlukan
@require_GET
def draf_surat(request, pk):
    """Buat Draf Surat: the reply letter as .docx, from the office template or the built-in one."""
    layanan = _permintaan_data(request, pk, ubah=False)
    permintaan = PermintaanData.objects.filter(layanan=layanan).prefetch_related("item").first()
    nomor = layanan.nomor_surat.aktif().first()
    isi = buat_draf_surat(layanan, kantor=request.kantor, permintaan=permintaan, nomor=nomor)
    nama = f"draf-surat-balasan-{nomor.tahun}-{nomor.urut:03}.docx" if nomor else f"draf-surat-balasan-layanan-{layanan.pk}.docx"
    return FileResponse(isi, as_attachment=True, filename=nama, content_type=DOCX)


@petugas_diperlukan
@require_POST
def unggah_berkas(request, pk):
    layanan = _permintaan_data(request, pk)
    form = UnggahBerkasForm(request.POST, request.FILES)
    if not form.is_valid():
        _pesan_galat(request, form, "Berkas ditolak")
        return _ke_panel(layanan)
    try:
        berkas = unggah_berkas_surat(layanan=layanan, berkas=form.cleaned_data["berkas"], oleh=request.user)
    except UnggahanGagal as e:
        messages.error(request, " ".join(e.messages))
        return _ke_panel(layanan)
    messages.success(request, f"Berkas {berkas.nama_asli} tersimpan.")
    return _ke_panel(layanan)


@staf_diperlukan
@require_GET
def unduh_berkas(request, berkas_pk):
    """Uploaded files are never served as static files: only staff, through this view."""
    berkas = get_object_or_404(BerkasSurat, pk=berkas_pk)
    try:
        isi = berkas.berkas.open("rb")
    except (FileNotFoundError, OSError) as e:
        raise Http404("Berkas tidak ditemukan di penyimpanan.") from e
    tipe = "application/pdf" if berkas.jenis == "pdf" else DOCX
    return FileResponse(isi, as_attachment=True, filename=berkas.nama_unduhan, content_type=tipe)


@petugas_diperlukan
@require_POST
def tambah_tag(request, pk):
    layanan = _permintaan_data(request, pk)
    form = TagForm(request.POST)
    if not form.is_valid():
        _pesan_galat(request, form, "Tag belum ditambahkan")
        return _ke_panel(layanan)
    baru = PermintaanData.untuk(layanan).tambah_tag(form.cleaned_data["tag"], oleh=request.user)
    if baru:
        messages.success(request, "Tag ditambahkan: " + ", ".join(t.nama for t in baru) + ".")
    else:
        messages.info(request, "Tag itu sudah ada pada permintaan ini.")
    return _ke_panel(layanan)


@petugas_diperlukan
@require_POST
def lepas_tag(request, pk, tag_pk):
    layanan = _permintaan_data(request, pk)
    tag = get_object_or_404(Tag, pk=tag_pk)
    PermintaanData.untuk(layanan).lepas_tag(tag, oleh=request.user)
    messages.success(request, f"Tag {tag.nama} dilepas.")
    return _ke_panel(layanan)


@petugas_diperlukan
@require_http_methods(["GET", "POST"])
def rincian_permintaan(request, pk):
    """The data asked for (topic, period, area level), the request letter, format and delivery."""
    layanan = _permintaan_data(request, pk)
    permintaan = PermintaanData.objects.filter(layanan=layanan).first() or PermintaanData(
        layanan=layanan, nomor_surat_permintaan=layanan.kunjungan.nomor_surat_permintaan
    )
    if request.method == "POST":
        form = PermintaanDataForm(request.POST, instance=permintaan)
        formset = ItemDataFormSet(request.POST, instance=permintaan, prefix="item")
        if form.is_valid() and formset.is_valid():
            with transaction.atomic():
                form.save()
                formset.save()
                RiwayatLayanan.objects.create(
                    layanan=layanan, jenis=RiwayatLayanan.Jenis.CATATAN, oleh=request.user,
                    catatan="Rincian permintaan data diperbarui: "
                    + ("; ".join(i.uraian for i in permintaan.item.all()) or "tanpa item") + ".",
                )
            messages.success(request, "Rincian permintaan data tersimpan.")
            return _ke_panel(layanan)
        messages.error(request, "Rincian belum tersimpan; periksa isian yang ditandai.")
        status = 400
    else:
        form = PermintaanDataForm(instance=permintaan)
        formset = ItemDataFormSet(instance=permintaan, prefix="item")
        status = 200
    return render(
        request, "layanan/rincian_permintaan.html",
        {"tab": "layanan_saya", "layanan": layanan, "form": form, "formset": formset}, status=status,
    )


@staf_diperlukan
@require_GET
def register_surat(request):
    """Register Surat: every number of a year, voided ones included, filterable."""
    form = FilterRegisterForm(request.GET or None)
    qs = form.saring(NomorSurat.objects.untuk_daftar())
    halaman = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render_halaman(
        request, "layanan/register_surat.html",
        {"tab": "semua_layanan", "form": form, "halaman": halaman, "query": query.urlencode()},
        partial={"daftar-surat": "daftar"},
    )


@staf_diperlukan
@require_GET
def register_surat_excel(request):
    form = FilterRegisterForm(request.GET or None)
    qs = form.saring(NomorSurat.objects.untuk_daftar())
    tahun = form.tahun_dipilih()
    isi = buku_excel(f"Register Surat {tahun}", ekspor.KOLOM_REGISTER, ekspor.baris_register(qs.order_by("tahun", "urut")))
    return FileResponse(io.BytesIO(isi), as_attachment=True, filename=f"register-surat-{tahun}.xlsx", content_type=XLSX)


@staf_diperlukan
@require_GET
def cari_permintaan(request):
    """Who asked for this before, and what did we send? Past data requests by tag, words, instansi, date."""
    form = CariPermintaanForm(request.GET or None)
    qs = Layanan.objects.filter(jenis__adalah_permintaan_data=True)
    if request.GET:
        qs = form.saring(qs)
    qs = qs.select_related("kunjungan__pengunjung", "jenis", "petugas", "permintaan_data").prefetch_related(
        "permintaan_data__item", "permintaan_data__tags",
        Prefetch("nomor_surat", queryset=NomorSurat.objects.aktif(), to_attr="nomor_aktif"),
        Prefetch("berkas_surat", queryset=BerkasSurat.objects.filter(diganti_pada__isnull=True), to_attr="berkas_aktif"),
    ).order_by("-dibuat", "-id")
    halaman = Paginator(qs, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render_halaman(
        request, "layanan/cari_permintaan.html",
        {"tab": "semua_layanan", "form": form, "halaman": halaman, "query": query.urlencode(),
         "semua_tag": Tag.objects.values_list("nama", flat=True)[:300]},
        partial={"hasil-cari": "hasil"},
    )


@admin_diperlukan
@require_GET
def template_surat_bawaan(request):
    """The built-in template with its placeholders, for an Admin to adapt and upload."""
    return FileResponse(template_bawaan_docx(), as_attachment=True, filename="template-surat-balasan.docx", content_type=DOCX)
