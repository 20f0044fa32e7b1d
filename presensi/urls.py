from django.urls import path

from . import views

app_name = "presensi"
urlpatterns = [
    path("masuk/", views.absen_masuk, name="absen_masuk"),
    path("pulang/", views.absen_pulang, name="absen_pulang"),
    path("terlupa/", views.terlupa, name="terlupa"),
    path("<int:pk>/tutup/", views.tutup, name="tutup"),
    path("jadwal/", views.jadwal, name="jadwal"),
    path("jadwal/tambah/", views.jadwal_tambah, name="jadwal_tambah"),
    path("jadwal/<int:pk>/batal/", views.jadwal_batal, name="jadwal_batal"),
    path("jadwal/impor/", views.jadwal_impor, name="jadwal_impor"),
    path("jadwal/templat.xlsx", views.jadwal_templat, name="jadwal_templat"),
    path("jadwal/ekspor.xlsx", views.jadwal_ekspor, name="jadwal_ekspor"),
    path("rekap/", views.rekap, name="rekap"),
    path("rekap/ekspor.xlsx", views.rekap_ekspor, name="rekap_ekspor"),
]
