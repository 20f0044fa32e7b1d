from django.urls import path

from . import views

app_name = "laporan"
urlpatterns = [
    path("", views.index, name="index"),
    path("rincian/", views.rincian, name="rincian"),
    path("unduh/laporan.docx", views.unduh_docx, name="unduh_docx"),
]
