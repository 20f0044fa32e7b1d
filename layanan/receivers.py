from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from bukutamu.models import Kunjungan, PendaftaranMandiri
from bukutamu.signals import kunjungan_dicatat, permintaan_online_diterima
from pst_frontoffice.hari_libur import usulan_disimpan
from pst_frontoffice.models import CutiBersama, PengaturanKantor

from .layanan import buka_layanan_untuk_kunjungan, perbarui_tenggat_terbuka
from .mandiri import terima_permintaan_online
from .models import Layanan


@receiver(kunjungan_dicatat, sender=Kunjungan, dispatch_uid="layanan_buka_untuk_kunjungan")
def _buka_layanan(sender, kunjungan, petugas, **kwargs):
    buka_layanan_untuk_kunjungan(kunjungan=kunjungan, petugas=petugas)


@receiver(post_save, sender=Kunjungan, dispatch_uid="layanan_sarana_kunjungan")
def _sarana_kunjungan(sender, instance, created, update_fields=None, raw=False, **kwargs):
    # A visit's channel changed (the admin): its services hold a copy (Layanan.sarana). A new visit has
    # no services yet; a save naming other fields leaves the channel as it was.
    if raw or created or (update_fields is not None and "sarana" not in update_fields):
        return
    Layanan.objects.filter(kunjungan=instance).exclude(sarana=instance.sarana).update(sarana=instance.sarana)


@receiver(post_save, sender=PengaturanKantor, dispatch_uid="layanan_tenggat_pengaturan")
def _tenggat_setelah_pengaturan(sender, instance, created, raw=False, **kwargs):
    if not raw and not created:
        perbarui_tenggat_terbuka(kantor=instance)


@receiver(post_save, sender=CutiBersama, dispatch_uid="layanan_tenggat_cuti_simpan")
@receiver(post_delete, sender=CutiBersama, dispatch_uid="layanan_tenggat_cuti_hapus")
def _tenggat_setelah_cuti_bersama(sender, raw=False, **kwargs):
    if not raw:
        perbarui_tenggat_terbuka()


@receiver(usulan_disimpan, sender=CutiBersama, dispatch_uid="layanan_tenggat_usulan_libur")
def _tenggat_setelah_usulan_libur(sender, **kwargs):
    # Also sent on migrate: a fresh install has no services and needs no settings row yet.
    if Layanan.objects.terbuka().exists():
        perbarui_tenggat_terbuka()


@receiver(permintaan_online_diterima, sender=PendaftaranMandiri, dispatch_uid="layanan_permintaan_online")
def _terima_permintaan_online(sender, pendaftaran, **kwargs):
    return terima_permintaan_online(pendaftaran=pendaftaran)

