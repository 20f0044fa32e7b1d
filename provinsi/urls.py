from django.urls import path

from .views import penerimaan

app_name = "provinsi"
urlpatterns = [
    path("api/ringkasan/", penerimaan.terima, name="terima"),
]
