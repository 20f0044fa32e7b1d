"""Data requests: what was asked for, tags to find it again, and the search over past requests.

The helpers at the top are shared with the reply-letter views, which act on the same panel.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pst_frontoffice import sekali
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import petugas_diperlukan, staf_diperlukan

from ..forms.permintaan import CariPermintaanForm, ItemDataFormSet, PermintaanDataForm, TagForm
from ..models import BerkasSurat, ItemData, Layanan, NomorSurat, PermintaanData, Tag
from ..permintaan import simpan_rincian
from .layanan import konteks_detail

PANEL_SURAT = {"surat": "surat"}
# The details form adds items (new rows of its formset): sent twice, they would be added twice.
RINCIAN = "rincian_permintaan"


def ambil_permintaan_data(request, pk, *, ubah=True):
    """Fetch a data-request service, refusing other kinds; `ubah` also checks the officer may change it."""
    layanan = get_object_or_404(
        Layanan.objects.select_related("kunjungan", "jenis", "petugas"), pk=pk
    )
    if not layanan.jenis.adalah_permintaan_data:
        raise Http404("Layanan ini bukan permintaan data.")
    if ubah and not layanan.boleh_diubah_oleh(request.user):
        raise PermissionDenied("Hanya petugas yang menangani layanan ini (atau Admin) yang dapat mengubahnya.")
    return layanan


def ke_panel_surat(request, layanan):
    """Back to the service's letter panel, where the officer pressed the button (HTMX: the panel
    is drawn again in place; otherwise a redirect to it)."""
    if request.htmx:
        return render_halaman(request, "layanan/detail.html", konteks_detail(request, layanan), partial=PANEL_SURAT)
    return redirect(reverse("layanan:detail", args=[layanan.pk]) + "#surat")


def panel_surat_galat(request, layanan, awalan, **form):
    """The letter panel again with what the officer typed and the errors beside the fields.

    The message area says the same in one line (read out to screen readers); the page is not
    reloaded, so the error stays where the action was.
    """
    teks = " ".join(e for f in form.values() for daftar in f.errors.values() for e in daftar)
    messages.error(request, f"{awalan}: {teks}")
    return render_halaman(
        request, "layanan/detail.html", konteks_detail(request, layanan, surat_galat=form),
        partial=PANEL_SURAT, status=200 if request.htmx else 400,
    )


@petugas_diperlukan
@require_POST
def tambah_tag(request, pk):
    layanan = ambil_permintaan_data(request, pk)
    form = TagForm(request.POST)
    if not form.is_valid():
        return panel_surat_galat(request, layanan, "Tag belum ditambahkan", form_tag=form)
    baru = PermintaanData.untuk(layanan).tambah_tag(form.cleaned_data["tag"], oleh=request.user)
    if baru:
        messages.success(request, "Tag ditambahkan: " + ", ".join(t.nama for t in baru) + ".")
    else:
        messages.info(request, "Tag itu sudah ada pada permintaan ini.")
    return ke_panel_surat(request, layanan)


@petugas_diperlukan
@require_POST
def lepas_tag(request, pk, tag_pk):
    layanan = ambil_permintaan_data(request, pk)
    tag = get_object_or_404(Tag, pk=tag_pk)
    PermintaanData.untuk(layanan).lepas_tag(tag, oleh=request.user)
    messages.success(request, f"Tag {tag.nama} dilepas.")
    return ke_panel_surat(request, layanan)


@petugas_diperlukan
@require_http_methods(["GET", "POST"])
def rincian_permintaan(request, pk):
    """The data asked for (topic, period, area level), the request letter, format and delivery."""
    layanan = ambil_permintaan_data(request, pk)
    permintaan = PermintaanData.objects.filter(layanan=layanan).first() or PermintaanData(
        layanan=layanan, nomor_surat_permintaan=layanan.kunjungan.nomor_surat_permintaan
    )
    if request.method == "POST":
        if sekali.sudah_disimpan(request.POST, RINCIAN) is not None:
            messages.info(request, sekali.PESAN_SUDAH)
            return ke_panel_surat(request, layanan)
        form = PermintaanDataForm(request.POST, instance=permintaan)
        formset = ItemDataFormSet(request.POST, instance=permintaan, prefix="item")
        galat = "Rincian belum tersimpan; periksa isian yang ditandai."
        if form.is_valid() and formset.is_valid():
            try:
                with sekali.sekali(request.POST, RINCIAN) as klaim:
                    simpan_rincian(form=form, formset=formset, oleh=request.user)
                    klaim.tujuan = layanan.get_absolute_url()
            except sekali.SudahDisimpan:
                messages.info(request, sekali.PESAN_SUDAH)
                return ke_panel_surat(request, layanan)
            except sekali.KunciTidakSah as e:
                galat = str(e)
            else:
                messages.success(request, "Rincian permintaan data tersimpan.")
                return ke_panel_surat(request, layanan)
        messages.error(request, galat)
        status = 400
    else:
        form = PermintaanDataForm(instance=permintaan)
        formset = ItemDataFormSet(instance=permintaan, prefix="item")
        status = 200
    dihapus = ItemData.semua.dihapus().filter(permintaan_id=permintaan.pk).select_related("dihapus_oleh") if permintaan.pk else []
    return render(
        request, "layanan/rincian_permintaan.html",
        {"tab": "layanan_saya", "layanan": layanan, "form": form, "formset": formset, "item_dihapus": dihapus},
        status=status,
    )


@petugas_diperlukan
@require_POST
def kembalikan_item(request, pk, item_pk):
    """Put back a data item removed from the request (Kembalikan), by the handler or an Admin."""
    layanan = ambil_permintaan_data(request, pk)
    item = get_object_or_404(ItemData.semua.dihapus().select_related("permintaan__layanan"), pk=item_pk, permintaan__layanan=layanan)
    item.kembalikan(oleh=request.user)
    messages.success(request, f"Item data dikembalikan: {item.uraian}.")
    return redirect("layanan:rincian_permintaan", pk=layanan.pk)


@staf_diperlukan
@require_GET
def cari_permintaan(request):
    """Who asked for this before, and what did we send? Past data requests by tag, words, instansi, date."""
    form = CariPermintaanForm(request.GET or None)
    qs = Layanan.objects.filter(jenis__adalah_permintaan_data=True)
    if request.GET:
        qs = form.saring(qs)
    qs = qs.select_related("kunjungan", "jenis", "petugas", "permintaan_data").prefetch_related(
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
