import io
from urllib.parse import urlencode

from django.http import FileResponse
from django.views.decorators.http import require_GET

from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import pimpinan_diperlukan

from . import ekspor
from .data import Laporan
from .definisi import DEFINISI
from .forms import PeriodeForm


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
        "tautan_semua": laporan.tautan(),
        "tautan_terlambat": laporan.tautan_terlambat(),
        "tautan_layanan_pengaduan": laporan.tautan_pengaduan_buku_tamu(),
        "definisi": DEFINISI,
    }
    return render_halaman(request, "laporan/index.html", konteks, partial={"isi-laporan": "isi"})


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
