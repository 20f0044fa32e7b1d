from django.apps import AppConfig


class PstFrontofficeConfig(AppConfig):
    name = "pst_frontoffice"
    verbose_name = "Pengguna dan Pengaturan Kantor"
