from django.apps import AppConfig


class PstFrontofficeConfig(AppConfig):
    name = "pst_frontoffice"
    verbose_name = "Pengguna dan Pengaturan Kantor"

    def ready(self):
        from . import aktivitas  # noqa: F401  (connects the activity log to auth and admin signals)
