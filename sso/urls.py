from django.urls import path

from . import views

app_name = "sso"

urlpatterns = [
    path("masuk/", views.masuk, name="masuk"),
    path("kembali/", views.kembali, name="kembali"),
    path("keluar/", views.keluar, name="keluar"),
    path("keluar/selesai/", views.keluar_selesai, name="keluar_selesai"),
    path("permintaan/", views.permintaan, name="permintaan"),
    path("permintaan/<int:pk>/setujui/", views.setujui, name="setujui"),
    path("permintaan/<int:pk>/abaikan/", views.abaikan, name="abaikan"),
]
