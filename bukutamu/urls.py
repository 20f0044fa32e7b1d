from django.urls import path

from .views import kunjungan, pendaftaran

app_name = "bukutamu"
urlpatterns = [
    path("", kunjungan.buku_tamu, name="buku_tamu"),
    path("cari-pengunjung/", kunjungan.cari_pengunjung, name="cari_pengunjung"),
    path("kunjungan/<int:pk>/identitas/", kunjungan.periksa_identitas, name="periksa_identitas"),
    path("daftar/poster/", pendaftaran.poster, name="daftar_poster"),
    # Public: the visitor's own phone, no account.
    path("daftar/", pendaftaran.daftar, name="daftar"),
    path("daftar/janji/", pendaftaran.janji, name="daftar_janji"),
    path("daftar/terkirim/", pendaftaran.terkirim, name="daftar_terkirim"),
]
