"""Rating's answers to the services app's signals."""

from django.dispatch import receiver

from layanan.models import Layanan, Status
from layanan.signals import status_layanan_diubah

from .services import kirim_tautan_ke_pengunjung


@receiver(status_layanan_diubah, sender=Layanan, dispatch_uid="rating_kirim_tautan_selesai")
def _kirim_tautan_saat_selesai(sender, layanan, ke, oleh, **kwargs):
    if ke == Status.SELESAI:
        kirim_tautan_ke_pengunjung(layanan, oleh=oleh)
