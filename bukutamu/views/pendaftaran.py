"""Self-registration on the visitor's phone (public), and the entrance poster (officers)."""

from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from pst_frontoffice import sekali
from pst_frontoffice.qr import qr_svg
from pst_frontoffice.ratelimit import melebihi_batas
from pst_frontoffice.roles import petugas_diperlukan
from pst_frontoffice.situs import tautan

from .. import antrian as aturan_antrian
from .. import pendaftaran as aturan
from ..forms.pendaftaran import JanjiMandiriForm, PendaftaranMandiriForm
from ..models import PendaftaranMandiri
from .antrian import SESI_TIKET

# Sends per address: the kiosk at the door is one address for everyone who registers on it (so is
# the office Wi-Fi), and a school class registering one by one at a minute each sends 20–30 in ten
# minutes; a script sends far more. Bots are also turned away by the hidden field (`terisi_bot`).
BATAS_KIRIM = 40
JENDELA_KIRIM = 10 * 60
SALT = "bukutamu.pendaftaran-mandiri"
UMUR_TAUTAN = 60 * 60  # the confirmation link works for an hour
CAKUPAN = "daftar_mandiri"


def _token(pendaftaran):
    return signing.dumps(pendaftaran.pk, salt=SALT)


def _dari_token(request):
    try:
        pk = signing.loads(request.GET.get("t", ""), salt=SALT, max_age=UMUR_TAUTAN)
    except signing.BadSignature:
        return None
    return PendaftaranMandiri.objects.filter(pk=pk).select_related("antrian", "janji_temu__jenis_layanan").first()


def _halaman(request, form, *, status=200):
    return render(request, "bukutamu/pendaftaran.html", {
        "form": form, "buka": aturan_antrian.sedang_buka(zona=request.kantor.tzinfo),
        "dari_kios": (request.POST if request.method == "POST" else request.GET).get("kios") == "1",
        "permintaan_data": [j.pk for j in form.fields["jenis_layanan"].queryset if j.adalah_permintaan_data],
    }, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def daftar(request):
    """The phone-first form: the same answer whoever's phone number or e-mail is typed."""
    if request.method == "GET":
        return _halaman(request, PendaftaranMandiriForm())
    if tujuan := sekali.sudah_disimpan(request.POST, CAKUPAN):
        # Sent twice (a double tap, a resend on a slow network): the page of the first one.
        return redirect(tujuan)
    form = PendaftaranMandiriForm(request.POST)
    if melebihi_batas(request, "daftar-mandiri", batas=BATAS_KIRIM, jendela=JENDELA_KIRIM):
        # What was typed stays on the page; only the sending waits.
        form.add_error(None, f"Terlalu banyak pendaftaran dari perangkat ini. Tunggu {JENDELA_KIRIM // 60} menit, lalu kirim lagi.")
        return _halaman(request, form, status=429)
    if form.terisi_bot:
        form.add_error(None, "Pendaftaran tidak dapat diproses. Muat ulang halaman dan isi formulir sekali lagi.")
        return _halaman(request, form, status=400)
    if not form.is_valid():
        messages.error(request, "Pendaftaran belum terkirim. Periksa isian yang ditandai merah.")
        return _halaman(request, form, status=400)
    try:
        with sekali.sekali(request.POST, CAKUPAN) as klaim:
            pendaftaran = aturan.daftar_mandiri(data=form.cleaned_data)
            klaim.tujuan = _tujuan(request, pendaftaran)
    except sekali.SudahDisimpan as e:
        return redirect(e.tujuan or "bukutamu:daftar")
    except sekali.KunciTidakSah as e:
        form.add_error(None, str(e))
        return _halaman(request, form, status=400)
    except aturan.PendaftaranTidakBisa as e:
        form.add_error(None, str(e))
        return _halaman(request, form, status=409)
    if pendaftaran.hasil == PendaftaranMandiri.Hasil.ANTRIAN and request.POST.get("kios") == "1":
        # Filled on the shared kiosk tablet: print the ticket (with its QR code) and go back to
        # the kiosk, rather than leave the tracking page open for the next visitor.
        request.session[SESI_TIKET] = pendaftaran.antrian.pk
    return redirect(klaim.tujuan)


def _tujuan(request, pendaftaran):
    """The page a registration leads to: the ticket, its tracking page, the appointment or the request sent."""
    if pendaftaran.hasil == PendaftaranMandiri.Hasil.ANTRIAN:
        if request.POST.get("kios") == "1":
            return f"{reverse('antrian:tiket', args=[pendaftaran.antrian.pk])}?cetak=1&kios=1"
        return reverse("layanan:lacak_antrian", args=[pendaftaran.antrian.token])
    tujuan = "bukutamu:daftar_janji" if pendaftaran.hasil == PendaftaranMandiri.Hasil.JANJI else "bukutamu:daftar_terkirim"
    return f"{reverse(tujuan)}?t={_token(pendaftaran)}"


@never_cache
@require_http_methods(["GET", "POST"])
def janji(request):
    """Outside service hours: the registration is kept and an appointment is offered."""
    pendaftaran = _dari_token(request)
    if pendaftaran is None or pendaftaran.hasil != PendaftaranMandiri.Hasil.JANJI:
        return render(request, "bukutamu/pendaftaran_tidak_berlaku.html", status=404)
    if request.method == "POST" and not pendaftaran.janji_temu_id:
        form = JanjiMandiriForm(request.POST)
        if melebihi_batas(request, "daftar-mandiri", batas=BATAS_KIRIM, jendela=JENDELA_KIRIM):
            form.add_error(None, f"Terlalu banyak permintaan dari perangkat ini. Tunggu {JENDELA_KIRIM // 60} menit, lalu kirim lagi.")
        elif form.is_valid():
            aturan.buat_janji(pendaftaran=pendaftaran, waktu_janji=form.cleaned_data["waktu"], no_hp=form.cleaned_data["no_hp"])
            return redirect(request.get_full_path())
        messages.error(request, "Janji temu belum tersimpan. Periksa isian yang ditandai merah.")
        status = 400
    else:
        slot = aturan_antrian.slot_janji_terdekat()
        no_hp = pendaftaran.no_hp and "0" + pendaftaran.no_hp.removeprefix("62")
        form = JanjiMandiriForm(initial={"waktu": slot.replace(tzinfo=None) if slot else None, "no_hp": no_hp})
        status = 200
    return render(request, "bukutamu/pendaftaran_janji.html", {"pendaftaran": pendaftaran, "form": form}, status=status)


@never_cache
@require_GET
def terkirim(request):
    """An online request was sent: its services and their tracking links."""
    pendaftaran = _dari_token(request)
    if pendaftaran is None or pendaftaran.hasil != PendaftaranMandiri.Hasil.ONLINE:
        return render(request, "bukutamu/pendaftaran_tidak_berlaku.html", status=404)
    # The services are the higher app's rows, read through the visit's reverse relation by name.
    layanan = pendaftaran.kunjungan.layanan.select_related("jenis") if pendaftaran.kunjungan_id else []
    return render(request, "bukutamu/pendaftaran_terkirim.html", {"pendaftaran": pendaftaran, "layanan": layanan})


@petugas_diperlukan
@require_GET
def poster(request):
    """The A4 poster for the entrance: the office's name and a QR code of the form, on the office's
    public address (Pengaturan kantor), not on whatever address the officer's browser used."""
    url = tautan(request.kantor, reverse("bukutamu:daftar"))
    return render(request, "bukutamu/pendaftaran_poster.html", {
        "url": url, "qr": mark_safe(qr_svg(url, "Kode QR pendaftaran mandiri")) if url else "",
    })
