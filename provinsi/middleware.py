"""A province instance answers only its own pages, the login and the admin (installed only with PST_MODE=provinsi).

An allow-list, so that a desk or visitor page added later is closed here without anyone thinking
of it: the province has no services, queue or visitors, and its users are not officers.
"""

from django.http import Http404
from django.shortcuts import redirect

NAMESPACE_BOLEH = {"provinsi", "admin"}
NAMA_BOLEH = {"sehat", "login", "logout", "ganti_kata_sandi", "password_change_done"}


class HanyaProvinsiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        cocok = request.resolver_match
        if cocok.namespaces and cocok.namespaces[0] in NAMESPACE_BOLEH:
            return None
        if not cocok.namespaces and cocok.url_name in NAMA_BOLEH:
            return None
        if cocok.view_name == "layanan:beranda":
            return redirect("provinsi:index")  # "Kembali ke beranda" on the shared pages
        raise Http404("Halaman kantor tidak ada di aplikasi provinsi.")
