"""At every watch of the worker (pesan.signals.worker_berjaga, every PESAN_SAPU_DETIK seconds), files
kept long enough are removed and a file whose making stopped (its worker was killed) is marked
failed, so neither waits for the next file to be made."""

from django.dispatch import receiver

from pesan.signals import worker_berjaga

from .pembuatan import bersihkan


@receiver(worker_berjaga, dispatch_uid="unduhan_bersihkan_saat_worker_berjaga")
def _bersihkan(sender, **kwargs):
    bersihkan()
