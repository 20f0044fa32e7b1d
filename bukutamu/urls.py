from django.urls import path

from .views import kunjungan

app_name = "bukutamu"
urlpatterns = [
    path("", kunjungan.buku_tamu, name="buku_tamu"),
    path("cari-pengunjung/", kunjungan.cari_pengunjung, name="cari_pengunjung"),
]
