from django.urls import path

from . import views

app_name = "bukutamu"
urlpatterns = [
    path("", views.buku_tamu, name="buku_tamu"),
    path("cari-pengunjung/", views.cari_pengunjung, name="cari_pengunjung"),
]
