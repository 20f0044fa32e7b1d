"""The app's URLs plus one bare Django page: the yardstick the benchmark compares pages with."""

from django.http import HttpResponse
from django.urls import path

from pst_frontoffice.urls import handler403, handler404, handler500, urlpatterns as app_urlpatterns  # noqa: F401


def polos(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("_bench/polos/", polos), *app_urlpatterns]
