from django.urls import path

from . import views, views_loker, views_pengaduan, views_surat

app_name = "layanan"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("layanan/", views.semua_layanan, name="semua"),
    path("layanan/saya/", views.layanan_saya, name="saya"),
    path("layanan/<int:pk>/", views.detail, name="detail"),
    path("layanan/<int:pk>/update/", views.update_status, name="update_status"),
    path("layanan/<int:pk>/petugas/", views.atur_petugas, name="atur_petugas"),
    # Data requests fulfilled: letters, files, tags, details (views_surat).
    path("layanan/<int:pk>/nomor-surat/", views_surat.generate_nomor, name="generate_nomor"),
    path("layanan/<int:pk>/draf-surat/", views_surat.draf_surat, name="draf_surat"),
    path("layanan/<int:pk>/berkas/", views_surat.unggah_berkas, name="unggah_berkas"),
    path("layanan/<int:pk>/tag/", views_surat.tambah_tag, name="tambah_tag"),
    path("layanan/<int:pk>/tag/<int:tag_pk>/lepas/", views_surat.lepas_tag, name="lepas_tag"),
    path("layanan/<int:pk>/permintaan-data/", views_surat.rincian_permintaan, name="rincian_permintaan"),
    path("permintaan-data/cari/", views_surat.cari_permintaan, name="cari_permintaan"),
    path("surat/", views_surat.register_surat, name="register_surat"),
    path("surat/excel/", views_surat.register_surat_excel, name="register_surat_excel"),
    path("surat/<int:nomor_pk>/batal/", views_surat.batal_nomor, name="batal_nomor"),
    path("surat/berkas/<int:berkas_pk>/", views_surat.unduh_berkas, name="unduh_berkas"),
    path("surat/template-bawaan.docx", views_surat.template_surat_bawaan, name="template_surat_bawaan"),
]


urlpatterns += [
    path("loker/", views_loker.loker, name="loker"),
    path("loker/<int:pk>/kembali/", views_loker.kembalikan_loker, name="loker_kembali"),
    path("loker/belum-kembali/", views_loker.belum_kembali, name="loker_belum_kembali"),
    path("pengaduan/", views_pengaduan.daftar, name="pengaduan"),
    path("pengaduan/baru/", views_pengaduan.baru, name="pengaduan_baru"),
    path("pengaduan/<int:pk>/", views_pengaduan.detail, name="pengaduan_detail"),
    path("pengaduan/<int:pk>/tindak-lanjut/", views_pengaduan.tindak_lanjut, name="pengaduan_tindak_lanjut"),
]
