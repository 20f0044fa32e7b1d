"""Internal notes on a service: what one officer tells the others, never shown to the visitor."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .layanan import Layanan

PANJANG_CATATAN = 2000


class CatatanInternal(models.Model):
    """One note, appended; never edited or deleted (a correction is a new note)."""

    layanan = models.ForeignKey(Layanan, on_delete=models.CASCADE, related_name="catatan_internal")
    isi = models.TextField("catatan", max_length=PANJANG_CATATAN)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="oleh")
    waktu = models.DateTimeField("waktu", default=timezone.now)

    class Meta:
        verbose_name = "catatan internal"
        verbose_name_plural = "catatan internal"
        ordering = ["waktu", "id"]

    def __str__(self):
        return f"#{self.layanan_id}: {self.isi[:40]}"
