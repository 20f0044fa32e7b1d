"""An office connected to a province makes sure its push is scheduled: after `migrate` (every deploy)
and at every watch of the worker (so a round a killed worker left "running" is followed by a new one)."""

from django.db.models.signals import post_migrate
from django.dispatch import receiver

from pesan.signals import worker_berjaga

from .kiriman import tersambung
from .tasks import pastikan_terjadwal


@receiver(post_migrate, dispatch_uid="provinsi_jadwalkan_setelah_migrate")
def _jadwalkan(sender, app_config=None, **kwargs):
    if app_config is not None and app_config.name == "provinsi" and tersambung():
        pastikan_terjadwal()


@receiver(worker_berjaga, dispatch_uid="provinsi_jadwalkan_saat_worker_berjaga")
def _jaga_rantai(sender, **kwargs):
    if tersambung():
        pastikan_terjadwal()
