from django.urls import path

from .views import gateway, masuk, outbox, templat, webhook

app_name = "pesan"
urlpatterns = [
    # Messages the app sends by itself: the Admin's outbox, gateway settings and templates.
    path("outbox/", outbox.daftar, name="outbox"),
    path("outbox/<int:pk>/kirim-ulang/", outbox.kirim_ulang, name="outbox_kirim_ulang"),
    path("outbox/gateway/", gateway.pengaturan_gateway, name="pengaturan_gateway"),
    path("outbox/gateway/percobaan/", gateway.kirim_percobaan, name="gateway_percobaan"),
    path("outbox/template/", templat.daftar, name="templat"),
    path("outbox/template/<str:peristiwa>/", templat.simpan, name="templat_simpan"),
    path("outbox/template/<str:peristiwa>/uji/", templat.kirim_uji, name="templat_uji"),
    path("layanan/<int:pk>/grup-wa/", outbox.kirim_grup, name="kirim_grup"),
    # What visitors write back, and the providers' own calls (public, each verified).
    path("pesan-masuk/", masuk.daftar, name="masuk"),
    path("pesan-masuk/<int:pk>/ditangani/", masuk.tandai_ditangani, name="masuk_ditangani"),
    path("webhook/whatsapp/", webhook.whatsapp_cloud, name="webhook_whatsapp"),
    path("webhook/fonnte/<str:rahasia>/", webhook.fonnte, name="webhook_fonnte"),
]
