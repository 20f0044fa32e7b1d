"""Files made in the background for one user: a report's Excel, the Silastik files."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

# A file waiting or being made that has not moved for this long was dropped (the worker stopped).
TERHENTI_SETELAH = datetime.timedelta(minutes=10)


class Unduhan(models.Model):
    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu giliran"
        DIBUAT = "dibuat", "Sedang dibuat"
        SIAP = "siap", "Siap diunduh"
        GAGAL = "gagal", "Gagal"
        DIHAPUS = "dihapus", "Sudah dihapus"

    pemilik = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="pemilik", on_delete=models.CASCADE,
                                related_name="+")
    # A kind of unduhan.jenis.JENIS and what it needs (a report's period as its query).
    jenis = models.CharField("jenis", max_length=40)
    parameter = models.JSONField("parameter", default=dict)
    judul = models.CharField("judul", max_length=200)
    nama_berkas = models.CharField("nama berkas", max_length=200)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    kemajuan = models.PositiveSmallIntegerField("kemajuan (%)", default=0)
    keterangan = models.CharField("keterangan", max_length=200, blank=True)
    # The file's name in the default storage (private: served only by unduhan.views.unduh).
    berkas = models.CharField("berkas", max_length=300, blank=True)
    ukuran = models.BigIntegerField("ukuran (byte)", null=True, blank=True)
    dibuat = models.DateTimeField("dibuat", default=timezone.now, db_index=True)
    diperbarui = models.DateTimeField("diperbarui", default=timezone.now)
    selesai = models.DateTimeField("selesai", null=True, blank=True)

    class Meta:
        verbose_name = "unduhan"
        verbose_name_plural = "unduhan"
        ordering = ["-dibuat", "-pk"]
        indexes = [models.Index(fields=["pemilik", "jenis", "status"], name="unduhan_pemilik_jenis_idx")]

    def __str__(self):
        return f"{self.judul} ({self.get_status_display()})"

    @property
    def berjalan(self):
        return self.status in (self.Status.MENUNGGU, self.Status.DIBUAT)

    def terhenti(self, sekarang=None):
        """Waiting or being made, but nothing moved for TERHENTI_SETELAH (no worker, or it died)."""
        return self.berjalan and (sekarang or timezone.now()) - self.diperbarui > TERHENTI_SETELAH

    def boleh_dilihat(self, user):
        return user.is_authenticated and (user.pk == self.pemilik_id or user.is_admin)

    def catat_kemajuan(self, *, kemajuan=None, keterangan=None, **lain):
        """Write progress straight to the row (its own short statement), so the page sees it at once."""
        nilai = {"diperbarui": timezone.now(), **lain}
        if kemajuan is not None:
            nilai["kemajuan"] = max(0, min(100, int(kemajuan)))
        if keterangan is not None:
            nilai["keterangan"] = keterangan[:200]
        Unduhan.objects.filter(pk=self.pk).update(**nilai)
        for nama, isi in nilai.items():
            setattr(self, nama, isi)
