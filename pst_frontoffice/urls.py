from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "PST Front Office — Admin"
admin.site.site_title = "PST Front Office"
admin.site.index_title = "Pengelolaan data"

urlpatterns = [
    path("sehat/", views.sehat, name="sehat"),
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("akun/kata-sandi/", views.ganti_kata_sandi, name="ganti_kata_sandi"),
    path("akun/kata-sandi/selesai/", views.ganti_kata_sandi_selesai, name="password_change_done"),
    path("buku-tamu/", include("bukutamu.urls")),
    path("antrian/", include("bukutamu.urls_antrian")),
    path("", include("layanan.urls")),
    path("", include("pesan.urls")),
    path("", include("rating.urls")),
    path("presensi/", include("presensi.urls")),
    path("laporan/", include("laporan.urls")),
    path("sso/", include("sso.urls")),
    path("provinsi/", include("provinsi.urls")),
    path("unduhan/", include("unduhan.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "pst_frontoffice.views.forbidden"
handler404 = "pst_frontoffice.views.not_found"
handler500 = "pst_frontoffice.views.server_error"
