from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from layanan.models import Layanan
from pst_frontoffice.hitung import hitung_sekaligus
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.ratelimit import alamat_klien, dibatasi_per_tautan
from pst_frontoffice.roles import petugas_diperlukan, pimpinan_diperlukan
from pst_frontoffice.skm import UNSUR

from . import ekspor
from . import ikm as ikm_
from . import services
from .forms import PenilaianForm, PeriodeForm
from .models import Penilaian, SurveiSKD
from .services import TautanTidakBerlaku

PANEL = {"panel-rating": "panel"}

# ---- Officer side ----------------------------------------------------------------------------


def _ambil_layanan(request, pk):
    """The service, if this user may hand out its links: the handler, a co-handler or an Admin."""
    layanan = get_object_or_404(Layanan.objects.select_related("kunjungan", "jenis", "petugas"), pk=pk)
    if not services.boleh_dinilai(layanan):
        raise PermissionDenied("Layanan yang dibatalkan tidak dinilai.")
    if not services.boleh_kelola_tautan(layanan, request.user):
        raise PermissionDenied(
            "Hanya petugas yang menangani layanan ini, petugas pendamping, atau Admin yang dapat membuka tautan rating."
        )
    return layanan


def _konteks_panel(request, layanan):
    # Only reads: the links are made by the POST of buat_tautan, never by showing the panel.
    kantor = request.kantor
    penilaian = Penilaian.objects.filter(layanan=layanan).first()
    skd = SurveiSKD.objects.select_related("ditandai_oleh").filter(layanan=layanan).first()
    url_lacak = request.build_absolute_uri(reverse("layanan:lacak", args=[layanan.token_lacak]))
    konteks = {
        "layanan": layanan,
        "penilaian": penilaian,
        "perlu_tautan": penilaian is None or penilaian.kedaluwarsa
        or (skd is None and services.perlu_skd(layanan, kantor=kantor)),
        "boleh_tandai": layanan.boleh_diubah_oleh(request.user),
        "riwayat": layanan.riwayat_rating.select_related("oleh"),
        "url_lacak": url_lacak,
        "tab": "layanan_saya",
    }
    if penilaian is not None and not penilaian.kedaluwarsa:
        url_rating = request.build_absolute_uri(penilaian.get_absolute_url())
        konteks.update(
            url_rating=url_rating,
            qr_rating=mark_safe(services.qr_svg(url_rating, "Kode QR rating layanan")),
            wa_rating=services.tautan_wa_pengunjung(
                layanan, services.pesan_wa_rating(layanan, url=url_rating, kantor=kantor, url_lacak=url_lacak)
            ),
        )
    if skd is not None:
        url_skd = request.build_absolute_uri(skd.get_absolute_url())
        url_konfirmasi = request.build_absolute_uri(reverse("rating:skd_selesai", args=[skd.token]))
        konteks.update(
            skd=skd, url_skd=url_skd,
            qr_skd=mark_safe(services.qr_svg(url_skd, "Kode QR Survei Kebutuhan Data")),
            wa_skd=services.tautan_wa_pengunjung(
                layanan, services.pesan_wa_skd(layanan, url=url_skd, url_konfirmasi=url_konfirmasi, kantor=kantor)
            ),
        )
    return konteks


def _panel(request, layanan):
    return render_halaman(request, "rating/panel.html", _konteks_panel(request, layanan), partial=PANEL)


@petugas_diperlukan
@require_GET
def panel(request, pk):
    """The Rating panel: QR code and Kirim WA for the rating (and SKD) links, once they are made."""
    return _panel(request, _ambil_layanan(request, pk))


@petugas_diperlukan
@require_POST
def buat_tautan(request, pk):
    """The Rating button: make the links (or renew an expired one), then show the panel."""
    layanan = _ambil_layanan(request, pk)
    services.siapkan_tautan(layanan, oleh=request.user, kantor=request.kantor)
    if not request.htmx:
        return redirect("rating:panel", pk=layanan.pk)
    return _panel(request, layanan)


@petugas_diperlukan
@require_POST
def tandai_skd(request, pk):
    """SKD Diisi, by the officer handling the service."""
    layanan = _ambil_layanan(request, pk)
    skd = get_object_or_404(SurveiSKD, layanan=layanan)
    if services.tandai_skd_diisi(skd, oleh=request.user):
        messages.success(request, "SKD ditandai Diisi.")
    if not request.htmx:
        return redirect(layanan)
    return _panel(request, layanan)


@pimpinan_diperlukan
@require_GET
def ikm(request):
    """Indeks Kepuasan Masyarakat for a period: overall, per element, per kind of service, per officer, profiles."""
    form = PeriodeForm(request.GET or None)
    dari, sampai = form.rentang()
    periode = {"dari": dari, "sampai": sampai}
    catatan = (
        ikm_.saring(**periode).filter(~Q(pengaduan="") | ~Q(komentar=""))
        .select_related("layanan__jenis", "layanan__petugas", "layanan__kunjungan")
        .order_by("-diisi_pada")
    )
    # The notes' number and the population in one round trip; the paginator takes its count as given.
    jumlah = hitung_sekaligus(catatan=catatan, populasi=ikm_.dilayani(**periode))
    paginator = Paginator(catatan, 25)
    paginator.count = jumlah["catatan"]
    halaman = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    angka = ikm_.hitung_ikm_halaman(**periode)
    hasil = angka.keseluruhan
    populasi = jumlah["populasi"]
    return render(request, "rating/ikm.html", {
        "form": form, "dari": dari, "sampai": sampai, "query": query.urlencode(),
        "periode_cepat": form.periode_cepat(), "pilihan_cepat": PeriodeForm.PERIODE_CEPAT,
        "query_unduh": urlencode({"dari": dari.isoformat(), "sampai": sampai.isoformat()}),
        "hasil": hasil,
        "populasi": populasi,
        "sampel_minimum": ikm_.sampel_minimum(populasi),
        "kelompok": [
            ("Per jenis layanan", "Jenis layanan", angka.per_jenis),
            ("Per petugas", "Petugas", angka.per_petugas),
        ],
        "profil": angka.profil,
        "grafik": [
            {"id": f"grafik-{u.field}", "judul": f"U{u.nomor} {u.nama}", "label": list(u.pilihan), "jumlah": jumlah,
             "teks": ", ".join(f"{teks} {n}" for teks, n in zip(u.pilihan, jumlah))}
            for u, jumlah in angka.sebaran
        ],
        "unsur": UNSUR,
        "halaman": halaman,
    })


@pimpinan_diperlukan
@require_GET
def unduh_ikm(request):
    """The IKM page as an Excel file (same period, same figures)."""
    dari, sampai = PeriodeForm(request.GET or None).rentang()
    isi = ekspor.berkas_ikm(dari=dari, sampai=sampai, kantor=request.kantor)
    response = HttpResponse(isi, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="ikm-{dari:%Y%m%d}-{sampai:%Y%m%d}.xlsx"'
    return response


# ---- Visitor side (public, no account) -----------------------------------------------------

PESAN_TAUTAN = {
    "tidak_dikenal": (404, "Tautan tidak dikenal",
                      "Tautan ini tidak kami kenali. Periksa kembali tautan yang Anda terima, atau minta tautan baru kepada petugas PST."),
    "sudah_diisi": (410, "Penilaian sudah terkirim",
                    "Penilaian untuk layanan ini sudah diisi. Terima kasih atas waktu Anda."),
    "kedaluwarsa": (410, "Tautan sudah kedaluwarsa",
                    "Masa berlaku tautan ini sudah habis. Bila masih ingin memberi penilaian, minta tautan baru kepada petugas PST."),
    "terlalu_sering": (429, "Terlalu banyak percobaan",
                       "Terlalu banyak pengiriman dari perangkat Anda dalam waktu singkat. Silakan coba lagi beberapa menit lagi."),
}


def _tautan_tidak_berlaku(request, alasan):
    status, judul, pesan = PESAN_TAUTAN[alasan]
    return render(request, "rating/tautan_tidak_berlaku.html", {"judul": judul, "pesan": pesan}, status=status)


# Sending a rating or the SKD confirmation is limited per link (and, for links nobody was given, per
# address): the visitors in the service room may all be on the office Wi-Fi, one address.
kirim_dibatasi = dibatasi_per_tautan(
    "rating", metode="POST", per_tautan=lambda: settings.RATING_BATAS_KIRIM,
    tautan_salah=lambda: settings.RATING_BATAS_KIRIM, detik=lambda: settings.RATING_JENDELA_DETIK,
    tolak=lambda request, detik: _tautan_tidak_berlaku(request, "terlalu_sering"),
)


@never_cache
@require_http_methods(["GET", "POST"])
@kirim_dibatasi
def isi(request, token):
    """The visitor's rating form (phone-first, works without JavaScript)."""
    try:
        penilaian = services.ambil_penilaian_terbuka(token)
    except TautanTidakBerlaku as e:
        if e.alasan == "sudah_diisi" and request.method == "GET":
            return redirect("rating:terima_kasih", token=token)
        return _tautan_tidak_berlaku(request, e.alasan)
    form = PenilaianForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.simpan_penilaian(
                token=token, jawaban=data, komentar=data["komentar"], pengaduan=data["pengaduan"],
                profil=form.data_profil(),
            )
        except TautanTidakBerlaku as e:
            return _tautan_tidak_berlaku(request, e.alasan)
        if services.perlu_skd(penilaian.layanan, kantor=request.kantor):
            services.pastikan_skd(penilaian.layanan, oleh=None)  # the thank-you page also asks for the SKD
        return redirect("rating:terima_kasih", token=token)
    return render(request, "rating/isi.html", {"penilaian": penilaian, "layanan": penilaian.layanan, "form": form},
                  status=400 if form.is_bound else 200)


@never_cache
@require_GET
def terima_kasih(request, token):
    penilaian = Penilaian.objects.select_related("layanan__jenis").filter(token=token).first()
    if penilaian is None:
        return _tautan_tidak_berlaku(request, "tidak_dikenal")
    if not penilaian.sudah_diisi:
        return redirect("rating:isi", token=token)
    # Only reads: the SKD link of a data request was made when the rating was sent (a POST).
    skd = SurveiSKD.objects.filter(layanan_id=penilaian.layanan_id).first()
    return render(request, "rating/terima_kasih.html", {"penilaian": penilaian, "skd": skd})


SKD_DIBUKA_DETIK = 60 * 60 * 24 * 30


def _pembuka_baru(request, skd):
    """True the first time this visitor opens this SKD link: not for a reload, a back button or a
    second tap, recognised by a cookie and, for a browser that drops cookies, by the address."""
    kuki = f"skd_{skd.pk}"
    if request.COOKIES.get(kuki):
        return False
    return cache.add(f"skd-dibuka:{skd.pk}:{alamat_klien(request)}", 1, timeout=SKD_DIBUKA_DETIK)


@require_GET
def skd_pendek(request, token):
    """Our short link to the office's SKD form: count the visitor's opening once, then go there."""
    skd = SurveiSKD.objects.filter(token=token).first()
    if skd is None or not request.kantor.url_skd:
        return _tautan_tidak_berlaku(request, "tidak_dikenal")
    if _pembuka_baru(request, skd):
        services.catat_skd_dibuka(skd)
    response = redirect(request.kantor.url_skd)
    response.set_cookie(
        f"skd_{skd.pk}", "1", max_age=SKD_DIBUKA_DETIK, path=skd.get_absolute_url(), httponly=True,
        secure=request.is_secure(), samesite="Lax",
    )
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@kirim_dibatasi
def skd_selesai(request, token):
    """The visitor confirms having filled the SKD."""
    skd = SurveiSKD.objects.select_related("layanan__jenis").filter(token=token).first()
    if skd is None:
        return _tautan_tidak_berlaku(request, "tidak_dikenal")
    if request.method == "POST":
        services.tandai_skd_diisi(skd)
        return redirect("rating:skd_selesai", token=token)
    return render(request, "rating/skd_selesai.html", {"skd": skd})
