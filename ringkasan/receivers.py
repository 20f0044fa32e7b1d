"""Saved changes mark the office days whose summary they touch (the apps below never import this one).

A service counts on the day it was recorded and on its due day; a rating on the day it was filled;
an SKD link on its service's day; a visit on its day and, through "first visit of the week, month,
year", on the visitor's later visit days; a queue number and a complaint on their own day. Only
past days are stored, so the usual change (today's services) marks nothing and costs no query.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from bukutamu.models import Antrian, JenisLayanan, Kunjungan, Pengunjung
from layanan.models import Layanan, Pengaduan
from layanan.signals import tenggat_diperbarui
from pst_frontoffice.kalender import hari_ini
from rating.models import Penilaian, SurveiSKD
from rating.signals import skd_berubah

from .harian import hari_lokal, tandai, tandai_semua

# Saves through Layanan.ubah_status and the like name their fields; these are the ones that move a
# service to other days.
_KOLOM_HARI_LAYANAN = {"dibuat", "tenggat", "jenis", "kunjungan"}


def _hari_layanan(layanan):
    return [hari_lokal(layanan.dibuat), hari_lokal(layanan.tenggat)]


@receiver(pre_save, sender=Layanan, dispatch_uid="ringkasan_layanan_sebelum")
def _layanan_sebelum(sender, instance, update_fields=None, raw=False, **kwargs):
    # A full save (a form, the admin) may move the service to other days: its old days are read.
    if raw or not instance.pk or (update_fields is not None and not _KOLOM_HARI_LAYANAN & set(update_fields)):
        instance._ringkasan_hari_lama = []
        return
    lama = Layanan.objects.filter(pk=instance.pk).values("dibuat", "tenggat").first() or {}
    hari = [hari_lokal(lama.get("dibuat")), hari_lokal(lama.get("tenggat"))]
    hari += [hari_lokal(t) for t in Penilaian.objects.filter(layanan_id=instance.pk).values_list("diisi_pada", flat=True)]
    instance._ringkasan_hari_lama = hari


@receiver(post_save, sender=Layanan, dispatch_uid="ringkasan_layanan")
def _layanan(sender, instance, raw=False, **kwargs):
    if not raw:
        tandai(_hari_layanan(instance) + getattr(instance, "_ringkasan_hari_lama", []))


@receiver(post_delete, sender=Layanan, dispatch_uid="ringkasan_layanan_hapus")
def _layanan_hapus(sender, instance, **kwargs):
    tandai(_hari_layanan(instance))


@receiver(tenggat_diperbarui, sender=Layanan, dispatch_uid="ringkasan_tenggat_diperbarui")
def _tenggat_diperbarui(sender, perubahan, **kwargs):
    tandai([hari_lokal(t) for pasangan in perubahan for t in pasangan])


def _hari_pengunjung(pengunjung_id, sejak=None):
    qs = Kunjungan.objects.filter(pengunjung_id=pengunjung_id)
    if sejak is not None:
        qs = qs.filter(waktu__gte=sejak)
    return [hari_lokal(t) for t in qs.values_list("waktu", flat=True)]


@receiver(pre_save, sender=Kunjungan, dispatch_uid="ringkasan_kunjungan_sebelum")
def _kunjungan_sebelum(sender, instance, raw=False, **kwargs):
    lama = None if raw or not instance.pk else Kunjungan.objects.filter(pk=instance.pk).values("waktu", "pengunjung_id").first()
    instance._ringkasan_lama = lama


@receiver(post_save, sender=Kunjungan, dispatch_uid="ringkasan_kunjungan")
def _kunjungan(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    lama = getattr(instance, "_ringkasan_lama", None)
    if created and hari_lokal(instance.waktu) >= hari_ini():
        return  # a visit recorded today: nothing stored is touched
    hari = [hari_lokal(instance.waktu)] + _hari_pengunjung(instance.pengunjung_id, sejak=instance.waktu)
    if lama:
        hari += [hari_lokal(lama["waktu"])] + _hari_pengunjung(lama["pengunjung_id"], sejak=lama["waktu"])
    # The visit's services are counted by visitor kind and channel on their own days, and by their
    # channel's time standard on their due days.
    for dibuat, tenggat in Layanan.objects.filter(kunjungan=instance).values_list("dibuat", "tenggat").order_by():
        hari += [hari_lokal(dibuat), hari_lokal(tenggat)]
    tandai(hari)


@receiver(post_delete, sender=Kunjungan, dispatch_uid="ringkasan_kunjungan_hapus")
def _kunjungan_hapus(sender, instance, **kwargs):
    tandai([hari_lokal(instance.waktu)] + _hari_pengunjung(instance.pengunjung_id, sejak=instance.waktu))


@receiver(post_save, sender=Pengunjung, dispatch_uid="ringkasan_pengunjung")
def _pengunjung(sender, instance, created, raw=False, **kwargs):
    # Merging two visitors (bukutamu.pengunjung.gabungkan) moves visits with an update and saves the kept
    # record: its visit days are marked, since the distinct-visitor and first-visit counts change. The
    # visitor's kind is read from each visit, so an edit of the record changes no count by itself.
    if not raw and not created:
        tandai(_hari_pengunjung(instance.pk))


@receiver(pre_save, sender=JenisLayanan, dispatch_uid="ringkasan_jenis_layanan")
def _jenis_layanan(sender, instance, raw=False, **kwargs):
    # Whether a kind is a data request, and which kind is the consultation, decide the time
    # standard its services are counted under: every day is recomputed. A new name is read as is.
    if raw or not instance.pk:
        return
    lama = JenisLayanan.objects.filter(pk=instance.pk).values("kode", "adalah_permintaan_data").first()
    if lama and (lama["kode"], lama["adalah_permintaan_data"]) != (instance.kode, instance.adalah_permintaan_data):
        tandai_semua()


@receiver(post_save, sender=Antrian, dispatch_uid="ringkasan_antrian")
@receiver(post_delete, sender=Antrian, dispatch_uid="ringkasan_antrian_hapus")
def _antrian(sender, instance, raw=False, **kwargs):
    if not raw:
        tandai([hari_lokal(instance.diambil)])


@receiver(post_save, sender=Pengaduan, dispatch_uid="ringkasan_pengaduan")
@receiver(post_delete, sender=Pengaduan, dispatch_uid="ringkasan_pengaduan_hapus")
def _pengaduan(sender, instance, raw=False, **kwargs):
    if not raw:
        tandai([hari_lokal(instance.diterima_pada)])


@receiver(post_save, sender=Penilaian, dispatch_uid="ringkasan_penilaian")
@receiver(post_delete, sender=Penilaian, dispatch_uid="ringkasan_penilaian_hapus")
def _penilaian(sender, instance, raw=False, **kwargs):
    if not raw:
        tandai([hari_lokal(instance.diisi_pada)])


@receiver(post_save, sender=SurveiSKD, dispatch_uid="ringkasan_skd")
@receiver(post_delete, sender=SurveiSKD, dispatch_uid="ringkasan_skd_hapus")
def _skd(sender, instance, raw=False, **kwargs):
    if not raw:
        _hari_skd(instance)


@receiver(skd_berubah, dispatch_uid="ringkasan_skd_dibuka_diisi")
def _skd_dibuka_diisi(sender, skd, **kwargs):
    _hari_skd(skd)


def _hari_skd(skd):
    tandai([hari_lokal(t) for t in Layanan.objects.filter(pk=skd.layanan_id).values_list("dibuat", flat=True)])
