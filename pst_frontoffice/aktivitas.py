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

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models import Model
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpRequest

from .models import LogAktivitas

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


def ip_klien(request):
    """The visitor's address: REMOTE_ADDR, or behind the office's reverse proxy (TRUST_X_FORWARDED_FOR)
    the last address the proxy appended to X-Forwarded-For (earlier entries can be forged)."""
    if request is None:
        return None
    if getattr(settings, "PERCAYA_X_FORWARDED_FOR", False):
        diteruskan = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if diteruskan:
            ip = _ip_valid(diteruskan.split(",")[-1])
            if ip:
                return ip
    return _ip_valid(request.META.get("REMOTE_ADDR"))


def email_login(request, credentials):
    """django-axes: the email typed on the login form, the way accounts store it (lower case)."""
    nilai = (credentials or {}).get("username") or (credentials or {}).get("email") or ""
    return nilai.strip().lower() or None


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
def _perubahan_admin(sender, instance, created, **kwargs):
    if not created:
        return
    ct = instance.content_type
    LogAktivitas.objects.create(
        pengguna_id=instance.user_id, identitas=identitas(instance.user),
        aksi=_AKSI_ADMIN.get(instance.action_flag, "admin"),
        objek_tipe=f"{ct.app_label}.{ct.model}" if ct else "", objek_id=str(instance.object_id or "")[:64],
        objek=instance.object_repr[:200], keterangan=instance.get_change_message(),
        ip=ip_klien(_permintaan.get()),
    )
