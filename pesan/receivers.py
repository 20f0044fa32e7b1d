"""The messages that services send by themselves, queued when layanan signals their moment."""

from django.dispatch import receiver

from layanan.models import BerkasSurat, Layanan, Status
from layanan.signals import kirim_surat_balasan_diminta, status_layanan_diubah

from . import outbox


@receiver(status_layanan_diubah, sender=Layanan, dispatch_uid="pesan_siap_diambil")
def _kabari_siap_diambil(sender, layanan, ke, oleh, **kwargs):
    if ke == Status.SIAP_DIAMBIL:
        outbox.siap_diambil(layanan, oleh=oleh)


@receiver(kirim_surat_balasan_diminta, sender=BerkasSurat, dispatch_uid="pesan_surat_balasan")
def _kirim_surat_balasan(sender, layanan, berkas, oleh, **kwargs):
    return outbox.surat_balasan(layanan, berkas=berkas, oleh=oleh)
