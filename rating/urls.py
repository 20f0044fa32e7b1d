from django.urls import path

from . import views

app_name = "rating"
urlpatterns = [
    # Officer side
    path("layanan/<int:pk>/rating/", views.panel, name="panel"),
    path("layanan/<int:pk>/rating/tautan/", views.buat_tautan, name="buat_tautan"),
    path("layanan/<int:pk>/rating/skd-diisi/", views.tandai_skd, name="tandai_skd"),
    path("ikm/", views.ikm, name="ikm"),
    path("ikm/unduh/ikm.xlsx", views.unduh_ikm, name="unduh_ikm"),
    # Visitor side: public, reached only by an unguessable token
    path("r/<str:token>/", views.isi, name="isi"),
    path("r/<str:token>/terima-kasih/", views.terima_kasih, name="terima_kasih"),
    path("s/<str:token>/", views.skd_pendek, name="skd"),
    path("s/<str:token>/selesai/", views.skd_selesai, name="skd_selesai"),
]
