from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PstFrontofficeConfig(AppConfig):
    name = "pst_frontoffice"
    verbose_name = "Pengguna dan Pengaturan Kantor"

    def ready(self):
        from . import aktivitas  # noqa: F401  (connects the activity log to auth and admin signals)
        from .hari_libur import usulkan_setelah_migrate

        post_migrate.connect(usulkan_setelah_migrate, sender=self, dispatch_uid="pst_usulan_hari_libur")
