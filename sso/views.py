"""Masuk dengan SSO BPS: the button, the return from the SSO server, logout, and the Admin's approval list."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from pst_frontoffice.aktivitas import catat
from pst_frontoffice.htmx import render_halaman
from pst_frontoffice.models import LogAktivitas
from pst_frontoffice.navigasi import tujuan_kembali
from pst_frontoffice.ratelimit import melebihi_batas, terlalu_sering
from pst_frontoffice.roles import admin_diperlukan
from pst_frontoffice.views import login_terkunci

from . import masuk as aturan
from . import penyedia
from .forms import PersetujuanForm
from .models import AkunSso, PermintaanMasukSso

KUNCI_TUJUAN = "sso_tujuan"
# Refused returns from the SSO server count like wrong passwords (django-axes), under this name
# for the client's address: a forged state or a replayed code cannot be tried without limit.
KREDENSIAL_SSO = {"username": "sso-bps"}
# The button and the return, per client address: a flood limit, loose enough for a morning when the
# whole office signs in behind one NAT address (the lockout above is what stops guessing).
BATAS_PERCOBAAN, JENDELA_DETIK = 60, 60

TIDAK_TERJANGKAU = (
    "SSO BPS sedang tidak dapat dihubungi. Silakan masuk dengan email dan kata sandi, "
    "atau coba lagi beberapa saat lagi."
)
GAGAL = "Masuk dengan SSO BPS gagal. Silakan coba lagi; bila terus gagal, hubungi Admin."


def _aktif_atau_404():
    if not penyedia.aktif():
        raise Http404("SSO BPS belum diatur.")


def _url_situs(request, nama):
    # The address the officer is signed in on (the host is checked against ALLOWED_HOSTS), not the office's
    # public address: the session cookie that holds state and nonce lives on this host. Register each address
    # officers use as a redirect URI in the SSO client (README, "SSO BPS").
    return request.build_absolute_uri(reverse(nama))


def _ke_login(request):
    tujuan = request.session.pop(KUNCI_TUJUAN, "")
    url = resolve_url(settings.LOGIN_URL)
    if tujuan and tujuan != resolve_url(settings.LOGIN_REDIRECT_URL):
        return redirect(f"{url}?{urlencode({'next': tujuan})}")
    return redirect(url)


@require_POST
def masuk(request):
    """The login page's button: off to the SSO server's sign-in page, or back with the reason why not."""
    _aktif_atau_404()
    if melebihi_batas(request, "sso", batas=BATAS_PERCOBAAN, jendela=JENDELA_DETIK):
        return terlalu_sering(request, JENDELA_DETIK)
    # Kept in the session for the return from the SSO server; only a page of this site.
    request.session[KUNCI_TUJUAN] = tujuan_kembali(request, settings.LOGIN_REDIRECT_URL, nama="next")
    try:
        return penyedia.arahkan_masuk(request, _url_situs(request, "sso:kembali"))
    except penyedia.SsoTidakTerjangkau:
        messages.error(request, TIDAK_TERJANGKAU)
        return _ke_login(request)


def _tolak(request, alasan, *, klaim=None, pesan=GAGAL, hitung=True):
    catat(request, LogAktivitas.Aksi.SSO_DITOLAK, aturan.identitas(klaim) if klaim else "", alasan)
    if hitung:
        AxesProxyHandler.user_login_failed(sender=masuk, credentials=KREDENSIAL_SSO, request=request)
    messages.error(request, pesan)
    return _ke_login(request)


@require_GET
def kembali(request):
    """Where the SSO server sends the person back (the redirect URI registered for this app)."""
    _aktif_atau_404()
    if melebihi_batas(request, "sso", batas=BATAS_PERCOBAAN, jendela=JENDELA_DETIK):
        return terlalu_sering(request, JENDELA_DETIK)
    if AxesProxyHandler.is_locked(request, KREDENSIAL_SSO):
        return login_terkunci(request, credentials=KREDENSIAL_SSO)
    try:
        klaim, id_token = penyedia.tukar_kode(request)
    except penyedia.SsoTidakTerjangkau:
        messages.error(request, TIDAK_TERJANGKAU)
        return _ke_login(request)
    except penyedia.SsoDitolak as e:
        if e.dibatalkan:
            return _tolak(request, e.alasan, pesan="Masuk dengan SSO BPS dibatalkan.", hitung=False)
        return _tolak(request, e.alasan)

    hasil = aturan.cari_akun(issuer=settings.SSO_ISSUER, klaim=klaim, klaim_nip=settings.SSO_KLAIM_NIP)
    if isinstance(hasil, aturan.Penolakan):
        return _tolak(request, hasil.alasan, klaim=klaim, pesan=hasil.pesan, hitung=False)
    user = hasil.pengguna
    # The account's own lockout (wrong passwords from this address) holds for SSO BPS too.
    kredensial = {"username": user.email}
    if AxesProxyHandler.is_locked(request, kredensial):
        catat(
            request, LogAktivitas.Aksi.SSO_DITOLAK, aturan.identitas(klaim),
            "akun terkunci sementara (terlalu banyak login gagal)",
        )
        return login_terkunci(request, credentials=kredensial)

    aturan.tandai_masuk(cocok=hasil, issuer=settings.SSO_ISSUER, sub=klaim["sub"])
    cara = "identitas yang sudah tertaut" if hasil.cara == "tautan" else AkunSso.Cara(hasil.cara).label.lower()
    request.keterangan_login = f"Masuk dengan SSO BPS ({cara}; {aturan.identitas(klaim)})"
    tujuan = request.session.get(KUNCI_TUJUAN) or resolve_url(settings.LOGIN_REDIRECT_URL)
    # login() gives the session a new key and keeps its data; the ID token stays for logout.
    auth_login(request, user, backend="sso.backends.SsoBackend")
    request.session.pop(KUNCI_TUJUAN, None)
    request.session[penyedia.KUNCI_ID_TOKEN] = id_token
    return redirect(tujuan)


@require_POST
def keluar(request):
    """Keluar: ends the session here, then at SSO BPS when the server offers it (RP-Initiated Logout)."""
    id_token = request.session.get(penyedia.KUNCI_ID_TOKEN)
    auth_logout(request)
    if id_token and penyedia.aktif():
        arahkan = penyedia.arahkan_keluar(
            request, id_token=id_token, post_logout_redirect_uri=_url_situs(request, "sso:keluar_selesai"),
        )
        if arahkan is not None:
            return arahkan
        messages.warning(
            request,
            "Anda sudah keluar dari aplikasi ini, tetapi sesi SSO BPS belum dapat diakhiri karena server SSO "
            "tidak terjangkau.",
        )
    return redirect(settings.LOGOUT_REDIRECT_URL)


@require_GET
def keluar_selesai(request):
    """Where the SSO server sends the person after its logout."""
    _aktif_atau_404()
    if penyedia.selesai_keluar(request):
        messages.success(request, "Anda sudah keluar dari aplikasi ini dan dari SSO BPS.")
    return redirect(settings.LOGOUT_REDIRECT_URL)


def _halaman_permintaan(request, *, gagal=None, status=None):
    menunggu = PermintaanMasukSso.objects.filter(status=PermintaanMasukSso.Status.MENUNGGU)
    diputuskan = (
        PermintaanMasukSso.objects.exclude(status=PermintaanMasukSso.Status.MENUNGGU)
        .select_related("pengguna", "diputuskan_oleh").order_by("-diputuskan_pada", "-pk")[:20]
    )
    konteks = {
        "menunggu": menunggu, "diputuskan": diputuskan, "akun_pilihan": list(aturan.akun_pilihan()),
        "gagal": gagal, "peran_pilihan": PersetujuanForm.base_fields["peran"].choices,
    }
    return render_halaman(request, "sso/permintaan.html", konteks, status=status)


@admin_diperlukan
def permintaan(request):
    """Permintaan Masuk SSO: the SSO identities without an account, for the Admin to let in or not."""
    return _halaman_permintaan(request)


@admin_diperlukan
@require_POST
def setujui(request, pk):
    permintaan = get_object_or_404(PermintaanMasukSso, pk=pk)
    form = PersetujuanForm(request.POST)
    if form.is_valid():
        try:
            akun = aturan.setujui(
                permintaan=permintaan, peran=form.cleaned_data["peran"], akun=form.cleaned_data["akun"], oleh=request.user,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request, f"{permintaan} dapat masuk dengan SSO BPS sebagai {akun.get_peran_display()} ({akun.email}).",
            )
            return redirect("sso:permintaan")
    return _halaman_permintaan(request, gagal={"pk": permintaan.pk, "form": form}, status=400)


@admin_diperlukan
@require_POST
def abaikan(request, pk):
    permintaan = get_object_or_404(PermintaanMasukSso, pk=pk)
    if aturan.abaikan(permintaan=permintaan, oleh=request.user):
        messages.success(request, f"Permintaan {permintaan} diabaikan. Bila ia mencoba lagi, permintaannya muncul lagi.")
    return redirect("sso:permintaan")
