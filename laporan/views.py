import io
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import pimpinan_diperlukan

from . import ekspor, rincian as rincian_
from .data import Laporan
from .definisi import DEFINISI, RINCIAN
from .forms import PeriodeForm, RincianForm


def _laporan(request):
    form = PeriodeForm(request.GET or None)
    return form, Laporan(form.periode_terpilih(), kantor=request.kantor)


@pimpinan_diperlukan
@require_GET
def index(request):
    """Reports for heads of office: today, this week, month, year or any range."""
    form, laporan = _laporan(request)
    periode = laporan.periode
    tren = laporan.tren()
    per_jenis = laporan.per_jenis()
    grafik = {
        "tren": {
            "label": [b["tanggal"].strftime("%d/%m") for b in tren],
            "layanan": [b["layanan"] for b in tren],
            "kunjungan": [b["kunjungan"] for b in tren],
            "per_minggu": periode.per_minggu,
        },
        "jenis": {"label": [b["nama"] for b in per_jenis if b["jumlah"]], "jumlah": [b["jumlah"] for b in per_jenis if b["jumlah"]]},
    }

    konteks = {
        "form": form,
        "periode": periode,
        "query": urlencode(periode.query()),
        "sebelumnya": urlencode(periode.geser(-1).query()),
        "berikutnya": urlencode(periode.geser(1).query()),
        "ringkasan": laporan.ringkasan(),
        "per_jenis": per_jenis,
        "per_sarana": laporan.per_sarana(),
        "per_petugas": laporan.per_petugas(),
        "per_status": laporan.per_status(),
        "standar_waktu": laporan.standar_waktu(),
        "antrian": laporan.ringkasan_antrian(),
        "kepuasan": laporan.kepuasan(),
        "skd": laporan.skd(),
        "pengaduan": laporan.pengaduan(),
        "presensi": laporan.presensi(),
        "tren": tren,
        "grafik": grafik,
        "tautan": laporan.tautan_ringkasan(),
        "definisi": DEFINISI,
    }
    return render_halaman(request, "laporan/index.html", konteks, partial={"isi-laporan": "isi"})


@pimpinan_diperlukan
@require_GET
def rincian(request):
    """The rows behind one figure of a report, as many as the figure says."""
    _, laporan = _laporan(request)
    angka = request.GET.get("angka") or "layanan"  # without a figure: every service of the period
    form = RincianForm(request.GET)
    if angka not in RINCIAN or not form.is_valid():
        raise Http404("Angka laporan ini tidak dikenal.")
    jenis_baris, qs = rincian_.daftar(laporan, angka, form.dimensi())
    halaman = Paginator(rincian_.siapkan(jenis_baris, qs), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    judul, kunci_definisi = RINCIAN[angka]
    return render(request, "laporan/rincian.html", {
        "periode": laporan.periode,
        "judul": judul,
        "keterangan": form.keterangan(),
        "definisi": DEFINISI[kunci_definisi],
        "jenis_baris": jenis_baris,
        "halaman": halaman,
        "query": query.urlencode(),
        "kembali": reverse("laporan:index") + "?" + urlencode(laporan.periode.query()),
        "batas_tunggu": laporan.kantor.batas_tunggu_menit,
    })


@pimpinan_diperlukan
@require_GET
def unduh_docx(request):
    _, laporan = _laporan(request)
    keluaran = io.BytesIO()
    ekspor.tulis_docx(laporan, request.kantor, keluaran, pembuat=request.user.nama)
    keluaran.seek(0)
    return FileResponse(
        keluaran, as_attachment=True, filename=f"{laporan.periode.nama_berkas()}.docx",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
