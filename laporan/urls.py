from django.urls import path

from . import views

app_name = "laporan"
urlpatterns = [
    path("", views.index, name="index"),
    path("rincian/", views.rincian, name="rincian"),
    path("unduh/laporan.xlsx", views.unduh_xlsx, name="unduh_xlsx"),
    path("unduh/laporan.docx", views.unduh_docx, name="unduh_docx"),
    path("unduh/silastik.csv", views.unduh_csv, name="unduh_csv"),
    path("unduh/silastik.xlsx", views.unduh_silastik_xlsx, name="unduh_silastik_xlsx"),
]
