"""Lacak layanan: the visitor's public status pages (a service, a queue ticket), the reply letter
download the officer allowed, and the desk's list of online requests nobody was on duty for."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from bukutamu.models import Antrian
from pst_frontoffice.htmx import TAB, render_halaman
from pst_frontoffice.ratelimit import dibatasi_per_tautan
from pst_frontoffice.roles import petugas_diperlukan

from .. import lacak as aturan
from .. import mandiri
from ..models import BerkasSurat
from .surat import DOCX

# Per minute: views of one link (its queue page refreshes 3 times a minute; a visitor reloading stays
# well below), and links unknown to the page from one address (a mistyped link, not a search).
BATAS_LACAK = 60
BATAS_LACAK_SALAH = 30
dibatasi_lacak = dibatasi_per_tautan("lacak", per_tautan=BATAS_LACAK, tautan_salah=BATAS_LACAK_SALAH, detik=60)


def _tidak_berlaku(request):
    return render(request, "layanan/lacak_tidak_berlaku.html", status=404)


@never_cache
@require_GET
@dibatasi_lacak
def lacak(request, token):
    """The public status page of one service; works without JavaScript."""
    try:
        layanan = aturan.layanan_untuk_lacak(token)
    except aturan.LacakTidakBerlaku:
        return _tidak_berlaku(request)
    return render(request, "layanan/lacak.html", aturan.ringkasan(layanan))


@never_cache
@require_GET
@dibatasi_lacak
def lacak_antrian(request, token):
    """The queue ticket's QR code: the place in the queue, then the services it became."""
    antrian = Antrian.objects.select_related("jenis_layanan", "kunjungan").filter(token=token).first() if len(token) <= 32 else None
    if antrian is None:
        return _tidak_berlaku(request)
    layanan = list(antrian.kunjungan.layanan.select_related("jenis")) if antrian.kunjungan_id else []
    if len(layanan) == 1:
        return redirect("layanan:lacak", token=layanan[0].token_lacak)
    di_depan = None
    if antrian.status == Antrian.Status.MENUNGGU:
        di_depan = Antrian.objects.filter(
            tanggal=antrian.tanggal, status=Antrian.Status.MENUNGGU, diambil__lt=antrian.diambil
        ).count()
    # While the number waits or is being called, the page keeps its place up to date (lacak_antrian.js).
    perbarui = not layanan and antrian.status in (Antrian.Status.MENUNGGU, Antrian.Status.DIPANGGIL)
    return render(request, "layanan/lacak_antrian.html",
                  {"antrian": antrian, "layanan": layanan, "di_depan": di_depan, "perbarui": perbarui})


@require_GET
@dibatasi_lacak
def unduh_surat(request, token):
    """The reply letter, only once the officer marked it for the visitor."""
    try:
        layanan = aturan.layanan_untuk_lacak(token)
    except aturan.LacakTidakBerlaku:
        return _tidak_berlaku(request)
    berkas = aturan.berkas_untuk_pengunjung(layanan)
    if berkas is None:
        return _tidak_berlaku(request)
    try:
        isi = berkas.berkas.open("rb")
    except OSError:
        return _tidak_berlaku(request)
    tipe = "application/pdf" if berkas.jenis == "pdf" else DOCX
    return FileResponse(isi, as_attachment=True, filename=berkas.nama_unduhan, content_type=tipe)


@petugas_diperlukan
@require_POST
def bagikan_surat(request, berkas_pk):
    """Untuk Pengunjung: the officer lets (or stops letting) the visitor download the reply letter."""
    berkas = get_object_or_404(BerkasSurat.objects.select_related("layanan"), pk=berkas_pk, diganti_pada__isnull=True)
    if not berkas.layanan.boleh_diubah_oleh(request.user):
        raise PermissionDenied("Hanya petugas layanan ini yang dapat membagikan surat balasan.")
    berkas.untuk_pengunjung = not berkas.untuk_pengunjung
    berkas.save(update_fields=["untuk_pengunjung"])
    teks = "dapat diunduh pengunjung" if berkas.untuk_pengunjung else "tidak lagi dapat diunduh pengunjung"
    berkas.layanan.catat_riwayat(f"Surat balasan {berkas.nama_asli} {teks}.", oleh=request.user)
    messages.success(request, f"Surat balasan {teks} dari halaman lacak layanan.")
    return redirect("layanan:detail", pk=berkas.layanan_id)


@petugas_diperlukan
@require_GET
def belum_ditugaskan(request):
    """Online requests that came when nobody was on duty: any officer takes one."""
    daftar = mandiri.belum_ditugaskan()
    return render_halaman(request, "layanan/belum_ditugaskan.html", {"daftar": daftar, "tab": "layanan_saya"}, partial=TAB)


@petugas_diperlukan
@require_POST
def ambil(request, pk):
    layanan = mandiri.ambil(layanan_id=pk, petugas=request.user)
    if layanan is None:
        messages.error(request, "Layanan ini sudah diambil petugas lain atau sudah ditutup.")
        return redirect("layanan:belum_ditugaskan")
    messages.success(request, f"Layanan #{layanan.pk} kini ada di Layanan Saya.")
    return redirect("layanan:detail", pk=layanan.pk)
