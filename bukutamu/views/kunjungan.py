"""The Buku Tamu tab: the guest book form and the search for returning visitors."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_http_methods

from pst_frontoffice.htmx import TAB, render_halaman
from pst_frontoffice.roles import petugas_diperlukan

from .. import kunjungan as aturan
from .. import pendaftaran as mandiri
from ..antrian import AntrianTidakBisa, antrian_untuk_buku_tamu
from ..forms.kunjungan import BukuTamuForm
from ..models import Pengunjung


def _initial_dari_pengunjung(pengunjung):
    return {
        "pengunjung_id": pengunjung.pk,
        "nama": pengunjung.nama,
        "instansi": pengunjung.instansi,
        "jenis_instansi": pengunjung.jenis_instansi,
        "no_hp": pengunjung.no_hp and "0" + pengunjung.no_hp.removeprefix("62"),
        "email": pengunjung.email,
    }


@petugas_diperlukan
@require_http_methods(["GET", "POST"])
def buku_tamu(request):
    """The Buku Tamu tab: write one visit, opening one service per Jenis Pelayanan."""
    pengunjung = pendaftaran = None
    if request.method == "POST":
        form = BukuTamuForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                kunjungan = aturan.catat_kunjungan(
                    petugas=request.user,
                    nama=data["nama"],
                    instansi=data["instansi"],
                    jenis_instansi=data["jenis_instansi"],
                    no_hp=data["no_hp"],
                    email=data["email"],
                    jenis_layanan=data["jenis_layanan"],
                    keperluan=data["keperluan"],
                    sarana=data["sarana"],
                    kanal_online=data["kanal_online"],
                    nomor_surat_permintaan=data["nomor_surat_permintaan"],
                    pengunjung_id=data["pengunjung_id"],
                    antrian=data["antrian"],
                )
            except AntrianTidakBisa as e:
                # Another officer wrote this ticket a moment ago; nothing was saved, nothing typed is lost.
                form.lepas_antrian(e)
            else:
                jumlah = len(data["jenis_layanan"])
                dari_antrian = f" Antrian {data['antrian'].nomor} dilayani." if data["antrian"] else ""
                messages.success(
                    request,
                    f"Buku tamu {kunjungan.pengunjung.nama} tersimpan; {jumlah} layanan masuk ke Layanan Saya."
                    f"{dari_antrian}",
                )
                return redirect("layanan:saya")
        messages.error(request, "Buku tamu belum tersimpan. Periksa isian yang ditandai merah.")
        antrian = _antrian_terpilih(form.data.get("antrian"))
    else:
        initial = {}
        if request.GET.get("pengunjung"):
            pengunjung = get_object_or_404(Pengunjung, pk=request.GET["pengunjung"])
            initial = _initial_dari_pengunjung(pengunjung)
        antrian = _antrian_terpilih(request.GET.get("antrian"), request=request)
        if antrian:
            # The visitor called from the queue: the ticket's service is already known.
            initial.update(antrian=antrian.pk, jenis_layanan=[antrian.jenis_layanan_id])
            # Self-registered: filled from what the visitor typed, linked to the matched visitor.
            pendaftaran = mandiri.untuk_antrian(antrian)
            if pendaftaran:
                initial.update(pendaftaran.initial_buku_tamu())
        form = BukuTamuForm(initial=initial)
    partial = {**TAB, "identitas": "identitas"}
    return render_halaman(
        request, "bukutamu/buku_tamu.html",
        {"form": form, "tab": "buku_tamu", "pengunjung_dipilih": pengunjung, "antrian": antrian, "pendaftaran": pendaftaran},
        partial=partial,
    )


def _antrian_terpilih(antrian_id, request=None):
    """The called ticket this guest-book entry answers, if any and still open."""
    if not antrian_id or not str(antrian_id).isdigit():
        return None
    try:
        return antrian_untuk_buku_tamu(int(antrian_id))
    except AntrianTidakBisa as e:
        if request is not None:
            messages.warning(request, str(e))
        return None


@petugas_diperlukan
@require_GET
def cari_pengunjung(request):
    """Suggestions of earlier visitors while the officer types (HTMX, instant)."""
    # The name, phone and e-mail inputs each ask with their own field name.
    teks = next((request.GET[k] for k in ("q", "nama", "no_hp", "email") if request.GET.get(k)), "")
    hasil = aturan.cari_pengunjung(teks)
    return render_halaman(
        request, "bukutamu/cari_pengunjung.html", {"hasil": hasil, "q": teks}, partial="saran"
    )
