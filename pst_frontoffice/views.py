from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.db import DatabaseError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader

from .aktivitas import email_login
from .forms import LoginForm
from .navigasi import jalur_kembali

class LoginView(auth_views.LoginView):
    template_name = "akun/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_redirect_url(self):
        # `next` by the site's one rule for "come back to" (a page of this site or nothing).
        return jalur_kembali(self.request, "next") or ""


login = LoginView.as_view()
logout = auth_views.LogoutView.as_view()


class GantiKataSandiView(auth_views.PasswordChangeView):
    """Wrong old passwords count with the failed logins of that email and address (django-axes):
    the same limit and the same lock, so a borrowed session cannot guess the password here."""

    template_name = "akun/ganti_kata_sandi.html"
    success_url = "/akun/kata-sandi/selesai/"

    def _kredensial(self):
        return {"username": self.request.user.email}

    def _terkunci(self):
        kredensial = self._kredensial()
        auth_logout(self.request)
        return login_terkunci(self.request, credentials=kredensial)

    def post(self, request, *args, **kwargs):
        if AxesProxyHandler.is_locked(request, self._kredensial()):
            return self._terkunci()
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if form.has_error("old_password", "password_incorrect"):
            user_login_failed.send(sender=type(self), credentials=self._kredensial(), request=self.request)
            if AxesProxyHandler.is_locked(self.request, self._kredensial()):
                return self._terkunci()
        return super().form_invalid(form)


ganti_kata_sandi = GantiKataSandiView.as_view()
ganti_kata_sandi_selesai = auth_views.PasswordChangeDoneView.as_view(template_name="akun/ganti_kata_sandi_selesai.html")


def sehat(request):
    """Health check for the load balancer and Docker: the app answers and the database too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "gangguan", "basis_data": "tidak terhubung"}, status=503)
    return JsonResponse({"status": "ok", "basis_data": "ok"})


def csrf_gagal(request, reason=""):
    """A form older than its session (or sent from elsewhere): say so in Indonesian."""
    alasan = "Formulir ini sudah kedaluwarsa atau tidak sah. Muat ulang halaman, lalu kirim lagi."
    return render(request, "403.html", {"alasan": alasan}, status=403)


def login_terkunci(request, original_response=None, credentials=None):
    """django-axes: the page shown instead of the login while an email + address is locked out."""
    konteks = {
        "email": email_login(request, credentials) or "",
        "batas": settings.AXES_FAILURE_LIMIT,
        "menit": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "akun/terkunci.html", konteks, status=429)


def forbidden(request, exception=None):
    return render(request, "403.html", {"alasan": str(exception) if exception else ""}, status=403)


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: the database itself may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
