"""The activity log: who did what, when and from which address.

Other apps record their own actions with::

    from pst_frontoffice.aktivitas import catat
    catat(request, "surat_nomor", surat, "Nomor B-12/63100/VS.300/11/2026")
    catat(user, LogAktivitas.Aksi.STATUS, layanan, "Diterima → Diproses")  # from a service

`catat` takes the request or the acting user; with a user it still finds the address of the
request being served (a context variable set by `PermintaanMiddleware`). Logins, logouts and
failed logins (auth signals) and Django admin changes (LogEntry) are recorded here already.
"""

import contextvars
import ipaddress
import os

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.checks import Tags, Warning, register
from django.db.models import Model
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpRequest

from .models import LogAktivitas
from .teks import normalisasi_email

_permintaan = contextvars.ContextVar("pst_permintaan", default=None)


class PermintaanMiddleware:
    """Remembers the request being served so `catat(user, …)` deep in a service knows the IP."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _permintaan.set(request)
        try:
            return self.get_response(request)
        finally:
            _permintaan.reset(token)


def url_permintaan(jalur):
    """`jalur` made absolute with the address of the request being served; unchanged outside a request."""
    request = _permintaan.get()
    return request.build_absolute_uri(jalur) if request is not None else jalur


def _ip_valid(nilai):
    try:
        return str(ipaddress.ip_address((nilai or "").strip()))
    except ValueError:
        return None


def _jaringan(daftar):
    jaringan = []
    for nilai in daftar or ():
        try:
            jaringan.append(ipaddress.ip_network(str(nilai).strip(), strict=False))
        except ValueError:
            continue  # a typo trusts nothing rather than everything; settings.py refuses it at start-up
    return tuple(jaringan)


def _proxy_tepercaya(ip):
    alamat = ipaddress.ip_address(ip)
    return any(alamat in jaringan for jaringan in _jaringan(getattr(settings, "TRUSTED_PROXIES", ())))


def ip_klien(request):
    """The visitor's address, the one rule for the activity log, login lockout, rate limits and presensi.

    REMOTE_ADDR, unless it is one of the office's reverse proxies (TRUSTED_PROXIES): then
    X-Forwarded-For is read from the right, each trusted proxy's hop skipped, and the first address
    no proxy of ours vouches for is the client. Anything a client writes further left is ignored,
    and with no trusted proxy (the default) the header is never read: a client reaching the app
    directly cannot choose its own address.
    """
    if request is None:
        return None
    ip = _ip_valid(request.META.get("REMOTE_ADDR"))
    if ip is None or not _proxy_tepercaya(ip):
        return ip
    for entri in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        sebelumnya = _ip_valid(entri)
        if sebelumnya is None:
            return ip  # a garbled hop: stop at the last address a trusted proxy gave
        ip = sebelumnya
        if not _proxy_tepercaya(ip):
            return ip
    return ip


@register(Tags.security)
def cek_saklar_proxy_lama(app_configs=None, **kwargs):
    """An .env from before TRUSTED_PROXIES still naming the old switch: say it no longer does anything."""
    if "TRUST_X_FORWARDED_FOR" not in os.environ:
        return []
    return [Warning(
        "TRUST_X_FORWARDED_FOR tidak dipakai lagi dan diabaikan.",
        hint="Isi TRUSTED_PROXIES dengan alamat reverse proxy kantor (mis. 172.16.0.0/12 di Docker), lalu hapus TRUST_X_FORWARDED_FOR.",
        id="pst.W001",
    )]


def email_login(request, credentials):
    """django-axes: the email typed on the login form, the way accounts store and look it up."""
    nilai = (credentials or {}).get("username") or (credentials or {}).get("email") or ""
    return normalisasi_email(nilai) or None


def identitas(user):
    """How a user is named in the log, kept as text so the row reads the same after renames."""
    if user is None:
        return ""
    nama = getattr(user, "nama", "") or ""
    email = getattr(user, "email", "") or ""
    return (f"{nama} ({email})" if nama and email else nama or email or str(user))[:254]


def catat(request_or_user, aksi, objek=None, keterangan=""):
    """Append one row to the activity log and return it.

    request_or_user: the HttpRequest being served, a User, or None (the system).
    objek: a model instance (its type, id and text are kept) or any text.
    """
    if isinstance(request_or_user, HttpRequest):
        request = request_or_user
        user = getattr(request, "user", None)
    else:
        request = _permintaan.get()
        user = request_or_user
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    baris = LogAktivitas(
        pengguna=user, identitas=identitas(user), aksi=str(aksi)[:40],
        keterangan=keterangan or "", ip=ip_klien(request),
    )
    if isinstance(objek, Model):
        baris.objek_tipe = objek._meta.label_lower
        baris.objek_id = str(objek.pk or "")
    if objek is not None:
        baris.objek = str(objek)[:200]
    baris.save()
    return baris


@receiver(user_logged_in, dispatch_uid="aktivitas_login")
def _login(sender, request, user, **kwargs):
    catat(request if request is not None else user, LogAktivitas.Aksi.LOGIN)


@receiver(user_logged_out, dispatch_uid="aktivitas_logout")
def _logout(sender, request, user, **kwargs):
    if user is not None:
        baris = catat(user, LogAktivitas.Aksi.LOGOUT)
        if request is not None and baris.ip is None:
            LogAktivitas.objects.filter(pk=baris.pk).update(ip=ip_klien(request))


@receiver(user_login_failed, dispatch_uid="aktivitas_login_gagal")
def _login_gagal(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in credentials; only the typed email is kept.
    email = (credentials.get("username") or credentials.get("email") or "").strip()[:254]
    LogAktivitas.objects.create(
        aksi=LogAktivitas.Aksi.LOGIN_GAGAL, identitas=email, ip=ip_klien(request or _permintaan.get()),
        keterangan="Email atau kata sandi salah, atau akun terkunci sementara.",
    )


_AKSI_ADMIN = {
    ADDITION: LogAktivitas.Aksi.ADMIN_TAMBAH,
    CHANGE: LogAktivitas.Aksi.ADMIN_UBAH,
    DELETION: LogAktivitas.Aksi.ADMIN_HAPUS,
}


@receiver(post_save, sender=LogEntry, dispatch_uid="aktivitas_admin")
def _perubahan_admin(sender, instance, created, raw=False, **kwargs):
    if not created or raw:  # raw: a restore bringing back old admin history, already logged then
        return
    ct = instance.content_type
    LogAktivitas.objects.create(
        pengguna_id=instance.user_id, identitas=identitas(instance.user),
        aksi=_AKSI_ADMIN.get(instance.action_flag, "admin"),
        objek_tipe=f"{ct.app_label}.{ct.model}" if ct else "", objek_id=str(instance.object_id or "")[:64],
        objek=instance.object_repr[:200], keterangan=instance.get_change_message(),
        ip=ip_klien(_permintaan.get()),
    )
