"""After `migrate` (every deploy), an office connected to a province makes sure its push is scheduled."""

from django.conf import settings
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .tasks import pastikan_terjadwal


@receiver(post_migrate, dispatch_uid="provinsi_jadwalkan_setelah_migrate")
def _jadwalkan(sender, app_config=None, **kwargs):
    if app_config is None or app_config.name != "provinsi" or settings.MODE_PROVINSI or not settings.PROVINSI_URL:
        return
    pastikan_terjadwal()
