"""The province's pages for its Pimpinan and Admin: every office side by side, one office's figures, the files."""

import io
import tempfile
from urllib.parse import urlencode

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from laporan.definisi import DEFINISI
from laporan.forms import PeriodeForm
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.roles import pimpinan_diperlukan

from .. import ekspor
from ..ekspor import DEFINISI_KANTOR
from ..mode import hanya_provinsi
from ..models import Kantor
from ..rekap import Rekap, baris_ringkas


def _rekap(request, kantor=None):
    form = PeriodeForm(request.GET or None)
    return form, Rekap(form.periode_terpilih(), kantor=kantor)


def _konteks_periode(form, periode):
    return {
        "form": form, "periode": periode, "query": urlencode(periode.query()),
        "sebelumnya": urlencode(periode.geser(-1).query()), "berikutnya": urlencode(periode.geser(1).query()),
        "definisi": DEFINISI, "definisi_kantor": DEFINISI_KANTOR,
    }


def _grafik(rekap, angka):
    tren = rekap.tren()
    jenis = [b for b in angka.per_jenis() if b["jumlah"]]
    return {
        "tren": {
            "label": [b["tanggal"].strftime("%d/%m") for b in tren], "layanan": [b["layanan"] for b in tren],
            "kunjungan": [b["kunjungan"] for b in tren], "per_minggu": rekap.periode.per_minggu,
        },
        "jenis": {"label": [b["nama"] for b in jenis], "jumlah": [b["jumlah"] for b in jenis]},
    }


def _kantor(kode):
    return get_object_or_404(Kantor, kode=kode)


@pimpinan_diperlukan
@hanya_provinsi
@require_GET
def index(request):
    """Every office side by side for a period, with the province total and the trend."""
    form, rekap = _rekap(request)
    baris = [{"b": b, **baris_ringkas(b)} for b in rekap.per_kantor]
    total = rekap.total
    konteks = {
        **_konteks_periode(form, rekap.periode),
        "baris": baris, "total": baris_ringkas(total), "hari_diterima": sum(b["b"].hari_diterima for b in baris),
        "diam": [b["b"] for b in baris if b["b"].diam and b["b"].kantor.aktif],
        "grafik": _grafik(rekap, total),
    }
    return render_halaman(request, "provinsi/rekap.html", konteks, partial={"isi-rekap": "isi"})


@pimpinan_diperlukan
@hanya_provinsi
@require_GET
def rinci(request, kode):
    """One office's figures for the period: its report's tables and the days that arrived."""
    kantor = _kantor(kode)
    form, rekap = _rekap(request, kantor)
    (baris,) = rekap.per_kantor
    angka = baris.angka
    konteks = {
        **_konteks_periode(form, rekap.periode),
        "b": baris, "kantor_rinci": kantor, "ringkasan": angka.ringkasan(), "per_jenis": angka.per_jenis(),
        "per_sarana": angka.per_sarana(), "per_status": angka.per_status(), "standar_waktu": angka.standar_waktu(),
        "antrian": angka.antrian(), "kepuasan": angka.kepuasan(), "skd": angka.skd(), "pengaduan": angka.pengaduan(),
        "hari": rekap.hari_kantor(), "grafik": _grafik(rekap, angka),
    }
    return render_halaman(request, "provinsi/rinci.html", konteks, partial={"isi-rekap": "isi"})


def _rekap_unduhan(request):
    kode = request.GET.get("kantor")
    return _rekap(request, _kantor(kode) if kode else None)[1], kode


def _nama_berkas(rekap, kode):
    return f"rekap-pst-{kode or 'provinsi'}-{rekap.periode.mulai:%Y%m%d}-{rekap.periode.selesai:%Y%m%d}"


@pimpinan_diperlukan
@hanya_provinsi
@require_GET
def unduh_xlsx(request):
    rekap, kode = _rekap_unduhan(request)
    berkas = tempfile.TemporaryFile()
    ekspor.tulis_xlsx(rekap, request.kantor.nama_kantor, berkas)
    berkas.seek(0)
    return FileResponse(
        berkas, as_attachment=True, filename=f"{_nama_berkas(rekap, kode)}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@pimpinan_diperlukan
@hanya_provinsi
@require_GET
def unduh_docx(request):
    rekap, kode = _rekap_unduhan(request)
    keluaran = io.BytesIO()
    ekspor.tulis_docx(rekap, request.kantor, keluaran, pembuat=request.user.nama)
    keluaran.seek(0)
    return FileResponse(
        keluaran, as_attachment=True, filename=f"{_nama_berkas(rekap, kode)}.docx",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
