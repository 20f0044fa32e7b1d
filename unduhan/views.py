"""Asking for a file made in the background, following its progress, and downloading it.

Only the user who asked (or an Admin) sees the file or even that it exists: anyone else gets 404.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from pst_frontoffice.aktivitas import catat
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import staf_diperlukan

from . import unduhan as aturan
from .jenis import JENIS, ParameterSalah
from .models import Unduhan


def _milik(request, pk):
    unduhan = get_object_or_404(Unduhan, pk=pk)
    if not unduhan.boleh_dilihat(request.user):
        raise Http404("Unduhan tidak ditemukan.")
    return unduhan


def _konteks(unduhan):
    return {"unduhan": unduhan, "terhenti": unduhan.terhenti(), "simpan_jam": settings.UNDUHAN_SIMPAN_JAM}


@staf_diperlukan
@require_POST
def buat(request):
    """The report page's Excel and Silastik buttons: the worker makes the file; the page shows its progress."""
    jenis = JENIS.get(request.POST.get("jenis", ""))
    if jenis is None:
        raise Http404("Jenis unduhan tidak dikenal.")
    if not request.user.punya_peran(*jenis.peran):
        raise PermissionDenied("Unduhan ini tidak tersedia untuk peran Anda.")
    try:
        parameter, judul, nama_berkas = jenis.parameter(request.POST)
    except ParameterSalah as e:
        if request.htmx:
            return render(request, "unduhan/unduhan.html#galat", {"galat": str(e)}, status=400)
        messages.error(request, str(e))
        return redirect("laporan:index")
    unduhan, baru = aturan.minta(jenis=jenis.kode, parameter=parameter, judul=judul, nama_berkas=nama_berkas,
                                 oleh=request.user)
    if baru:
        catat(request, "unduhan", unduhan, f"{jenis.label}: {judul}")
    if request.htmx:
        return render(request, "unduhan/unduhan.html#status", _konteks(unduhan))
    return redirect("unduhan:lihat", unduhan.pk)


@staf_diperlukan
@require_GET
def lihat(request, pk):
    """The file's progress: the whole page, or the status part the page asks for every second."""
    unduhan = _milik(request, pk)
    return render_halaman(request, "unduhan/unduhan.html", _konteks(unduhan), partial={f"unduhan-{pk}": "status"})


@staf_diperlukan
@require_GET
def unduh(request, pk):
    unduhan = _milik(request, pk)
    if unduhan.status != Unduhan.Status.SIAP:
        raise Http404("Berkas belum siap atau sudah dihapus.")
    try:
        isi = default_storage.open(unduhan.berkas, "rb")
    except OSError as e:
        raise Http404("Berkas tidak ditemukan di penyimpanan.") from e
    return FileResponse(isi, as_attachment=True, filename=unduhan.nama_berkas,
                        content_type=JENIS[unduhan.jenis].content_type)
