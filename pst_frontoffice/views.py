from django.contrib.auth import views as auth_views
from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader

from .forms import LoginForm


def beranda(request):
    """Send each role to where its day starts."""
    user = request.user
    if not user.is_authenticated:
        return redirect("login")
    if user.is_pimpinan:
        return redirect("laporan:index")
    return redirect("layanan:dashboard")


login = auth_views.LoginView.as_view(
    template_name="akun/login.html", authentication_form=LoginForm, redirect_authenticated_user=True
)
logout = auth_views.LogoutView.as_view()
ganti_kata_sandi = auth_views.PasswordChangeView.as_view(
    template_name="akun/ganti_kata_sandi.html", success_url="/akun/kata-sandi/selesai/"
)
ganti_kata_sandi_selesai = auth_views.PasswordChangeDoneView.as_view(template_name="akun/ganti_kata_sandi_selesai.html")


def forbidden(request, exception=None):
    return render(request, "403.html", {"alasan": str(exception) if exception else ""}, status=403)


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: the database itself may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
