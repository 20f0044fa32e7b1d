from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_delete, post_migrate, post_save


class PstFrontofficeConfig(AppConfig):
    name = "pst_frontoffice"
    verbose_name = "Pengguna dan Pengaturan Kantor"

    def ready(self):
        from . import aktivitas  # noqa: F401  (connects the activity log to auth and admin signals)
        from .hari_libur import usulkan_setelah_migrate
        from .simpanan_kantor import lupakan_pengaturan

        post_migrate.connect(usulkan_setelah_migrate, sender=self, dispatch_uid="pst_usulan_hari_libur")
        kantor = self.get_model("PengaturanKantor")
        post_save.connect(lupakan_pengaturan, sender=kantor, dispatch_uid="pst_lupakan_pengaturan_simpan")
        post_delete.connect(lupakan_pengaturan, sender=kantor, dispatch_uid="pst_lupakan_pengaturan_hapus")


class AdminPstConfig(admin_apps.AdminConfig):
    """Django admin with the project's site (pst_frontoffice.admin_situs) as `admin.site`."""

    default = False  # PstFrontofficeConfig stays this module's config for the app itself
    default_site = "pst_frontoffice.admin_situs.SitusAdmin"
