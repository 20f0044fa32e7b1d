from django.urls import path

from .views import kiriman, penerimaan

app_name = "provinsi"
urlpatterns = [
    # Province instance: the offices' signed summaries arrive here.
    path("api/ringkasan/", penerimaan.terima, name="terima"),
    # Office instance: what this office sent to the province (Admin).
    path("kiriman/", kiriman.daftar, name="kiriman"),
    path("kiriman/kunci/", kiriman.pasang_kunci, name="kiriman_kunci"),
    path("kiriman/kirim/", kiriman.kirim_sekarang, name="kiriman_kirim"),
    path("kiriman/ulang/", kiriman.kirim_ulang, name="kiriman_ulang"),
]
