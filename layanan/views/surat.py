"""Reply letters to data requests: Generate Nomor Surat Balasan, voiding a number, the draft
letter, the signed file, and the letter register."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from pst_frontoffice import sekali
from pst_frontoffice.berkas import UnggahanGagal
from pst_frontoffice.excel import buku_excel
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import admin_diperlukan, petugas_diperlukan, staf_diperlukan
from pst_frontoffice.unggahan import menerima_unggahan

from .. import ekspor
from ..draf_surat import buat_draf, template_bawaan_docx
from ..forms.surat import BatalNomorForm, FilterRegisterForm, NomorSuratForm, UnggahBerkasForm
from ..models import BerkasSurat, NomorSurat, PermintaanData
from ..signals import kirim_surat_balasan_diminta
from ..surat import beri_nomor_surat, unggah_berkas_surat
from .permintaan import ambil_permintaan_data, ke_panel_surat, panel_surat_galat

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@petugas_diperlukan
@require_POST
def generate_nomor(request, pk):
    """The guide's Generate Nomor Surat Balasan button."""
    layanan = ambil_permintaan_data(request, pk)
    if sekali.sudah_disimpan(request.POST, "nomor_surat") is not None:
        # Pressed twice: the number the first press gave is on the panel.
        messages.info(request, sekali.PESAN_SUDAH)
        return ke_panel_surat(request, layanan)
    form = NomorSuratForm(request.POST)
    if not form.is_valid():
        return panel_surat_galat(request, layanan, "Nomor surat belum dibuat", form_nomor=form)
    try:
        with sekali.sekali(request.POST, "nomor_surat") as klaim:
            nomor = beri_nomor_surat(layanan=layanan, oleh=request.user, **form.cleaned_data)
            klaim.tujuan = layanan.get_absolute_url()
    except sekali.SudahDisimpan:
        messages.info(request, sekali.PESAN_SUDAH)
        return ke_panel_surat(request, layanan)
    except sekali.KunciTidakSah as e:
        form.add_error(None, str(e))
        return panel_surat_galat(request, layanan, "Nomor surat belum dibuat", form_nomor=form)
    except ValidationError as e:
        form.add_error(None, e)
        return panel_surat_galat(request, layanan, "Nomor surat belum dibuat", form_nomor=form)
    else:
        messages.success(request, f"Nomor surat balasan: {nomor.nomor}")
    return ke_panel_surat(request, layanan)


@petugas_diperlukan
@require_POST
def batal_nomor(request, nomor_pk):
    """Void a mistaken number with a reason; it stays in the register."""
    nomor = get_object_or_404(NomorSurat.objects.select_related("layanan"), pk=nomor_pk)
    if not nomor.layanan.boleh_diubah_oleh(request.user):
        raise PermissionDenied("Hanya petugas yang menangani layanan ini (atau Admin) yang dapat membatalkan nomornya.")
    form = BatalNomorForm(request.POST)
    if not form.is_valid():
        return panel_surat_galat(request, nomor.layanan, "Nomor surat belum dibatalkan", form_batal=form)
    try:
        nomor.batalkan(alasan=form.cleaned_data["alasan"], oleh=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, f"Nomor surat {nomor.nomor} dibatalkan; nomor itu tidak akan dipakai lagi.")
    return ke_panel_surat(request, nomor.layanan)


@staf_diperlukan
@require_GET
def draf_surat(request, pk):
    """Buat Draf Surat: the reply letter as .docx, from the office template or the built-in one."""
    layanan = ambil_permintaan_data(request, pk, ubah=False)
    permintaan = PermintaanData.objects.filter(layanan=layanan).prefetch_related("item").first()
    nomor = layanan.nomor_surat.aktif().first()
    isi, catatan = buat_draf(layanan, kantor=request.kantor, permintaan=permintaan, nomor=nomor)
    if catatan:
        messages.warning(request, catatan)
    nama = f"draf-surat-balasan-{nomor.tahun}-{nomor.urut:03}.docx" if nomor else f"draf-surat-balasan-layanan-{layanan.pk}.docx"
    return FileResponse(isi, as_attachment=True, filename=nama, content_type=DOCX)


@menerima_unggahan
@petugas_diperlukan
@require_POST
def unggah_berkas(request, pk):
    layanan = ambil_permintaan_data(request, pk)
    if sekali.sudah_disimpan(request.POST, "berkas_surat") is not None:
        # Sent twice (a double click, a resend after a timeout): the first upload is on the panel,
        # and its e-mail to the visitor went once.
        messages.info(request, sekali.PESAN_SUDAH)
        return ke_panel_surat(request, layanan)
    form = UnggahBerkasForm(request.POST, request.FILES)
    if not form.is_valid():
        return panel_surat_galat(request, layanan, "Berkas ditolak", form_berkas=form)
    try:
        with sekali.sekali(request.POST, "berkas_surat") as klaim:
            berkas = unggah_berkas_surat(layanan=layanan, berkas=form.cleaned_data["berkas"], oleh=request.user)
            klaim.tujuan = layanan.get_absolute_url()
    except sekali.SudahDisimpan:
        messages.info(request, sekali.PESAN_SUDAH)
        return ke_panel_surat(request, layanan)
    except sekali.KunciTidakSah as e:
        form.add_error(None, str(e))
        return panel_surat_galat(request, layanan, "Berkas ditolak", form_berkas=form)
    except UnggahanGagal as e:
        form.add_error("berkas", e)
        return panel_surat_galat(request, layanan, "Berkas ditolak", form_berkas=form)
    messages.success(request, f"Berkas {berkas.nama_asli} tersimpan.")
    if form.cleaned_data["kirim_email"]:
        jawaban = kirim_surat_balasan_diminta.send(sender=BerkasSurat, layanan=layanan, berkas=berkas, oleh=request.user)
        if any(hasil for _, hasil in jawaban):
            messages.success(request, "Surat diantrekan untuk dikirim ke email pengunjung.")
        else:
            messages.warning(request, "Surat tidak dikirim: pengunjung tidak mencantumkan email yang valid, "
                             "server e-mail belum diatur, atau alamat publik aplikasi belum diisi.")
    return ke_panel_surat(request, layanan)


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


@admin_diperlukan
@require_GET
def template_surat_bawaan(request):
    """The built-in template with its placeholders, for an Admin to adapt and upload."""
    return FileResponse(template_bawaan_docx(), as_attachment=True, filename="template-surat-balasan.docx", content_type=DOCX)
