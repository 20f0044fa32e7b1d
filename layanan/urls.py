from django.urls import path

from . import views

app_name = "layanan"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("layanan/", views.semua_layanan, name="semua"),
    path("layanan/saya/", views.layanan_saya, name="saya"),
    path("layanan/<int:pk>/", views.detail, name="detail"),
    path("layanan/<int:pk>/update/", views.update_status, name="update_status"),
    path("layanan/<int:pk>/petugas/", views.atur_petugas, name="atur_petugas"),
]
