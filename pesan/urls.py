from django.urls import path

from .views import gateway, outbox

app_name = "pesan"
urlpatterns = [
    # Messages the app sends by itself: the Admin's outbox and gateway settings.
    path("outbox/", outbox.daftar, name="outbox"),
    path("outbox/<int:pk>/kirim-ulang/", outbox.kirim_ulang, name="outbox_kirim_ulang"),
    path("outbox/gateway/", gateway.pengaturan_gateway, name="pengaturan_gateway"),
    path("outbox/gateway/percobaan/", gateway.kirim_percobaan, name="gateway_percobaan"),
    path("layanan/<int:pk>/grup-wa/", outbox.kirim_grup, name="kirim_grup"),
]
