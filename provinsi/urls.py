from django.urls import path

from .views import kantor, kiriman, penerimaan, rekap

app_name = "provinsi"
urlpatterns = [
    # Province instance: the roll-up (Pimpinan, Admin), the offices and their keys (Admin), and the
    # endpoint the offices' signed summaries arrive at.
    path("", rekap.index, name="index"),
    path("kantor/<str:kode>/", rekap.rinci, name="rinci"),
    path("unduh/rekap.xlsx", rekap.unduh_xlsx, name="unduh_xlsx"),
    path("unduh/rekap.docx", rekap.unduh_docx, name="unduh_docx"),
    path("kelola/kantor/", kantor.daftar, name="kantor"),
    path("kelola/kantor/<str:kode>/kunci/", kantor.kunci_baru, name="kantor_kunci"),
    path("kelola/kantor/<str:kode>/aktif/", kantor.atur_aktif, name="kantor_aktif"),
    path("kelola/penolakan/", kantor.penolakan, name="penolakan"),
    path("api/ringkasan/", penerimaan.terima, name="terima"),
    # Office instance: what this office sent to the province (Admin).
    path("kiriman/", kiriman.daftar, name="kiriman"),
    path("kiriman/kunci/", kiriman.pasang_kunci, name="kiriman_kunci"),
    path("kiriman/kirim/", kiriman.kirim_sekarang, name="kiriman_kirim"),
    path("kiriman/ulang/", kiriman.kirim_ulang, name="kiriman_ulang"),
]
