"""The Buku Tamu tab: the guest book form and the search for returning visitors."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from pst_frontoffice import sekali
from pst_frontoffice.forms import id_wajar
from pst_frontoffice.htmx import TAB, render_halaman
from pst_frontoffice.roles import petugas_diperlukan

from .. import kunjungan as aturan
from .. import pendaftaran as mandiri
from ..antrian import AntrianTidakBisa, antrian_untuk_buku_tamu
from ..forms.kunjungan import BukuTamuForm
from ..models import Kunjungan, Pengunjung
from ..pengunjung import FIELD_IDENTITAS, Keputusan, PerluKeputusan, bandingkan


def _initial_dari_pengunjung(pengunjung):
    return {
        "pengunjung_id": pengunjung.pk,
        "nama": pengunjung.nama,
        "instansi": pengunjung.instansi,
        "jenis_instansi": pengunjung.jenis_instansi,
        "no_hp": pengunjung.no_hp and "0" + pengunjung.no_hp.removeprefix("62"),
        "email": pengunjung.email,
    }


CAKUPAN = "buku_tamu"
HASIL_KEPUTUSAN = {
    Keputusan.PERBARUI: " Data pengunjung diperbarui; perubahannya tercatat di riwayat pengunjung.",
    Keputusan.BARU: " Dicatat sebagai pengunjung baru.",
    Keputusan.TERSIMPAN: " Data pengunjung yang tersimpan dipakai.",
}


@petugas_diperlukan
@require_http_methods(["GET", "POST"])
def buku_tamu(request):
    """The Buku Tamu tab: write one visit, opening one service per Jenis Pelayanan.

    When the typed identity differs from the stored visitor it matched, nothing is saved yet: the
    page comes back with both side by side and the officer chooses (nothing typed is lost).
    """
    pengunjung = pendaftaran = perbandingan = None
    berubah = belum_pilih = False
    if request.method == "POST":
        if (tujuan := sekali.sudah_disimpan(request.POST, CAKUPAN)) is not None:
            messages.info(request, sekali.PESAN_SUDAH)
            return redirect(tujuan or "layanan:saya")
        form = BukuTamuForm(request.POST)
        galat = "Buku tamu belum tersimpan. Periksa isian yang ditandai merah."
        if form.is_valid():
            data = form.cleaned_data
            try:
                with sekali.sekali(request.POST, CAKUPAN) as klaim:
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
                        keputusan=data["keputusan"],
                        sidik=data["sidik"],
                    )
                    klaim.tujuan = reverse("layanan:saya")
            except sekali.SudahDisimpan as e:
                messages.info(request, sekali.PESAN_SUDAH)
                return redirect(e.tujuan or "layanan:saya")
            except sekali.KunciTidakSah as e:
                galat = str(e)
            except AntrianTidakBisa as e:
                # Another officer wrote this ticket a moment ago; nothing was saved, nothing typed is lost.
                form.lepas_antrian(e)
            except PerluKeputusan as e:
                perbandingan, berubah = e.perbandingan, e.berubah
                belum_pilih = bool(data["sidik"]) and not data["keputusan"]
            else:
                jumlah = len(data["jenis_layanan"])
                dari_antrian = f" Antrian {data['antrian'].nomor} dilayani." if data["antrian"] else ""
                hasil = HASIL_KEPUTUSAN.get(data["keputusan"], "") if data["sidik"] else ""
                messages.success(
                    request,
                    f"Buku tamu {kunjungan.nama} tersimpan; {jumlah} layanan masuk ke Layanan Saya."
                    f"{dari_antrian}{hasil}",
                )
                return redirect("layanan:saya")
        if perbandingan is not None:
            messages.warning(
                request,
                "Buku tamu belum tersimpan: data yang diketik berbeda dengan data pengunjung yang tersimpan. "
                "Pilih tindakan di bawah Identitas Pengunjung, lalu tekan Simpan Buku Tamu.",
            )
        else:
            messages.error(request, galat)
        antrian = _antrian_terpilih(form.data.get("antrian"))
    else:
        initial = {}
        if request.GET.get("pengunjung"):
            if not id_wajar(request.GET["pengunjung"]):
                raise Http404("Pengunjung tidak ditemukan.")
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
                # What the visitor typed is a proposal: where it differs from the stored record the
                # officer sees both before anything is saved.
                perbandingan = mandiri.perbandingan(pendaftaran)
        form = BukuTamuForm(initial=initial)
    partial = {**TAB, "identitas": "identitas"}
    return render_halaman(
        request, "bukutamu/buku_tamu.html",
        {"form": form, "tab": "buku_tamu", "pengunjung_dipilih": pengunjung, "antrian": antrian, "pendaftaran": pendaftaran,
         "perbandingan": perbandingan, "perbandingan_berubah": berubah, "belum_pilih": belum_pilih,
         "keputusan": Keputusan, "keputusan_dipilih": form.data.get("keputusan") if form.is_bound else None},
        partial=partial,
    )


@petugas_diperlukan
@require_http_methods(["GET", "POST"])
def periksa_identitas(request, pk):
    """Periksa Identitas: an online request whose typed identity differed from the stored visitor
    waits for an officer's choice before any message goes to its contact."""
    kunjungan = get_object_or_404(Kunjungan.objects.select_related("pengunjung"), pk=pk)
    perbandingan, berubah, status = None, False, 200
    if request.method == "POST":
        try:
            kunjungan = aturan.konfirmasi_identitas(
                kunjungan=kunjungan, keputusan=request.POST.get("keputusan", ""), sidik=request.POST.get("sidik", ""),
                oleh=request.user,
            )
        except PerluKeputusan as e:
            perbandingan, berubah, status = e.perbandingan, e.berubah, 400
            messages.error(request, "Identitas belum dikonfirmasi. Pilih salah satu tindakan.")
        else:
            messages.success(request, f"Identitas {kunjungan.nama} dikonfirmasi; pesan ke pengunjung memakai kontak kunjungan ini.")
            return redirect("bukutamu:periksa_identitas", pk=kunjungan.pk)
    elif not kunjungan.kontak_dikonfirmasi:
        perbandingan = bandingkan(kunjungan.pengunjung, {f: getattr(kunjungan, f) for f in FIELD_IDENTITAS})
    return render_halaman(request, "bukutamu/periksa_identitas.html", {
        "tab": "buku_tamu", "kunjungan": kunjungan, "layanan": kunjungan.layanan.select_related("jenis"),
        "perbandingan": perbandingan if perbandingan and perbandingan.perbedaan else None,
        "perbandingan_berubah": berubah, "belum_pilih": request.method == "POST" and not berubah,
        "keputusan": Keputusan, "keputusan_dipilih": request.POST.get("keputusan"), "tombol_simpan": "Konfirmasi Identitas",
    }, partial=TAB, status=status)


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
