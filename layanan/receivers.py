from django.dispatch import receiver

from bukutamu.models import Kunjungan
from bukutamu.signals import kunjungan_dicatat

from .services import buka_layanan_untuk_kunjungan


@receiver(kunjungan_dicatat, sender=Kunjungan, dispatch_uid="layanan_buka_untuk_kunjungan")
def _buka_layanan(sender, kunjungan, petugas, **kwargs):
    buka_layanan_untuk_kunjungan(kunjungan=kunjungan, petugas=petugas)
