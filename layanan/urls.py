from django.urls import path

from . import views, views_loker, views_pengaduan

app_name = "layanan"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("layanan/", views.semua_layanan, name="semua"),
    path("layanan/saya/", views.layanan_saya, name="saya"),
    path("layanan/<int:pk>/", views.detail, name="detail"),
    path("layanan/<int:pk>/update/", views.update_status, name="update_status"),
    path("layanan/<int:pk>/petugas/", views.atur_petugas, name="atur_petugas"),
]


urlpatterns += [
    path("loker/", views_loker.loker, name="loker"),
    path("loker/<int:pk>/kembali/", views_loker.kembalikan_loker, name="loker_kembali"),
    path("loker/belum-kembali/", views_loker.belum_kembali, name="loker_belum_kembali"),
    path("pengaduan/", views_pengaduan.daftar, name="pengaduan"),
    path("pengaduan/baru/", views_pengaduan.baru, name="pengaduan_baru"),
    path("pengaduan/<int:pk>/", views_pengaduan.detail, name="pengaduan_detail"),
    path("pengaduan/<int:pk>/tindak-lanjut/", views_pengaduan.tindak_lanjut, name="pengaduan_tindak_lanjut"),
]
