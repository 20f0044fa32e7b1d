from django.urls import path

from . import views

app_name = "unduhan"
urlpatterns = [
    path("", views.buat, name="buat"),
    path("<int:pk>/", views.lihat, name="lihat"),
    path("<int:pk>/berkas/", views.unduh, name="unduh"),
]
