from django.urls import path

from .views import lacak, layanan, loker, pengaduan, permintaan, surat

app_name = "layanan"
urlpatterns = [
    path("", layanan.beranda, name="beranda"),
    path("dashboard/", layanan.dashboard, name="dashboard"),
    path("layanan/", layanan.semua_layanan, name="semua"),
    path("layanan/saya/", layanan.layanan_saya, name="saya"),
    path("layanan/<int:pk>/", layanan.detail, name="detail"),
    path("layanan/<int:pk>/update/", layanan.update_status, name="update_status"),
    path("layanan/<int:pk>/petugas/", layanan.atur_petugas, name="atur_petugas"),
    # Reply letters.
    path("layanan/<int:pk>/nomor-surat/", surat.generate_nomor, name="generate_nomor"),
    path("layanan/<int:pk>/draf-surat/", surat.draf_surat, name="draf_surat"),
    path("layanan/<int:pk>/berkas/", surat.unggah_berkas, name="unggah_berkas"),
    path("surat/", surat.register_surat, name="register_surat"),
    path("surat/excel/", surat.register_surat_excel, name="register_surat_excel"),
    path("surat/<int:nomor_pk>/batal/", surat.batal_nomor, name="batal_nomor"),
    path("surat/berkas/<int:berkas_pk>/", surat.unduh_berkas, name="unduh_berkas"),
    path("surat/template-bawaan.docx", surat.template_surat_bawaan, name="template_surat_bawaan"),
    # Data requests: what was asked for, tags, and the search over past requests.
    path("layanan/<int:pk>/tag/", permintaan.tambah_tag, name="tambah_tag"),
    path("layanan/<int:pk>/tag/<int:tag_pk>/lepas/", permintaan.lepas_tag, name="lepas_tag"),
    path("layanan/<int:pk>/permintaan-data/", permintaan.rincian_permintaan, name="rincian_permintaan"),
    path("layanan/<int:pk>/permintaan-data/item/<int:item_pk>/kembalikan/", permintaan.kembalikan_item, name="kembalikan_item"),
    path("permintaan-data/cari/", permintaan.cari_permintaan, name="cari_permintaan"),
    # The desk's registers.
    path("loker/", loker.loker, name="loker"),
    path("loker/<int:pk>/", loker.detail, name="loker_detail"),
    path("loker/<int:pk>/kembali/", loker.kembalikan_loker, name="loker_kembali"),
    path("loker/belum-kembali/", loker.belum_kembali, name="loker_belum_kembali"),
    path("pengaduan/", pengaduan.daftar, name="pengaduan"),
    path("pengaduan/baru/", pengaduan.baru, name="pengaduan_baru"),
    path("pengaduan/<int:pk>/", pengaduan.detail, name="pengaduan_detail"),
    path("pengaduan/<int:pk>/tindak-lanjut/", pengaduan.tindak_lanjut, name="pengaduan_tindak_lanjut"),
    # Self-registration's online requests, and the visitor's public status pages.
    path("layanan/belum-ditugaskan/", lacak.belum_ditugaskan, name="belum_ditugaskan"),
    path("layanan/<int:pk>/ambil/", lacak.ambil, name="ambil"),
    path("surat/berkas/<int:berkas_pk>/untuk-pengunjung/", lacak.bagikan_surat, name="bagikan_surat"),
    path("lacak/<str:token>/", lacak.lacak, name="lacak"),
    path("lacak/<str:token>/surat/", lacak.unduh_surat, name="lacak_surat"),
    path("lacak/antrian/<str:token>/", lacak.lacak_antrian, name="lacak_antrian"),
]
