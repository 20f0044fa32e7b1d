"""The app's URLs plus one bare Django page: the yardstick the benchmark compares pages with."""

from django.http import HttpResponse
from django.urls import path

from pst_frontoffice.urls import handler403, handler404, handler500, urlpatterns as app_urlpatterns  # noqa: F401


def polos(request):
    return HttpResponse("ok", content_type="text/plain")


def polos_login(request):
    """The same bare page behind the login: what session and user lookups cost every officer page."""
    return HttpResponse(f"ok {request.user.is_authenticated}", content_type="text/plain")


urlpatterns = [path("_bench/polos/", polos), path("_bench/polos-login/", polos_login), *app_urlpatterns]


class HitungQuery:
    """Counts the database queries of each request (all middleware included) in X-Jumlah-Query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.db import connection

        jumlah = [0]

        def hitung(execute, sql, params, many, context):
            jumlah[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(hitung):
            response = self.get_response(request)
        response["X-Jumlah-Query"] = str(jumlah[0])
        return response
