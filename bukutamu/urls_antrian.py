from django.urls import path

from .views import antrian as views

app_name = "antrian"
urlpatterns = [
    path("", views.petugas, name="petugas"),
    path("panggil/", views.panggil, name="panggil"),
    path("<int:pk>/panggil-ulang/", views.panggil_ulang, name="panggil_ulang"),
    path("<int:pk>/lewati/", views.lewati, name="lewati"),
    path("ambil/", views.ambil_di_meja, name="ambil_di_meja"),
    path("janji/baru/", views.janji_meja, name="janji_meja"),
    path("janji/<int:pk>/hadir/", views.janji_hadir, name="janji_hadir"),
    # Public: the kiosk tablet, the ticket and the TV need no login.
    path("kios/", views.kios, name="kios"),
    path("kios/janji/", views.buat_janji, name="buat_janji"),
    path("kios/janji/tercatat/", views.janji_tercatat, name="janji_tercatat"),
    path("tiket/<int:pk>/", views.tiket, name="tiket"),
    path("layar/", views.layar, name="layar"),
]
