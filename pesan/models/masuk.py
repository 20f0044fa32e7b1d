"""Messages visitors send to the office's WhatsApp number, received through the provider's webhook."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from layanan.models import Layanan


# WhatsApp's customer-service window: free text may be sent for 24 hours after the user's last
# message to the business (Cloud API, "Customer service windows").
JENDELA_LAYANAN = datetime.timedelta(hours=24)


class PesanMasukQuerySet(models.QuerySet):
    def jendela_terbuka(self, nomor, *, sekarang=None):
        """Whether `nomor` wrote to the office within the last 24 hours (free text may go to it)."""
        return self.filter(dari=nomor, waktu__gt=(sekarang or timezone.now()) - JENDELA_LAYANAN).exists()

    def belum_ditangani(self):
        """What an officer still has to look at: messages that reached no service."""
        return self.filter(layanan__isnull=True, ditangani_pada__isnull=True)


class PesanMasuk(models.Model):
    """One incoming message. It never creates anything by itself: it is attached to the visitor's open
    online service (on its timeline) or, from an unknown number, waits for an officer."""

    penyedia = models.CharField("penyedia", max_length=20)
    # The provider's message id: a webhook delivered twice (or replayed) is stored once.
    id_penyedia = models.CharField("ID pesan penyedia", max_length=200, unique=True)
    dari = models.CharField("dari No. HP", max_length=20, db_index=True)
    nama_profil = models.CharField("nama profil WhatsApp", max_length=150, blank=True)
    jenis = models.CharField("jenis", max_length=20, default="text")
    isi = models.TextField("isi", blank=True)
    waktu = models.DateTimeField("waktu dikirim", default=timezone.now)
    diterima = models.DateTimeField("diterima aplikasi", default=timezone.now)
    layanan = models.ForeignKey(
        Layanan, on_delete=models.SET_NULL, null=True, blank=True, related_name="pesan_masuk", verbose_name="layanan"
    )
    ditangani_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="ditangani oleh",
    )
    ditangani_pada = models.DateTimeField("ditangani pada", null=True, blank=True)

    objects = PesanMasukQuerySet.as_manager()

    class Meta:
        verbose_name = "pesan masuk"
        verbose_name_plural = "pesan masuk"
        ordering = ["-waktu", "-id"]
        indexes = [models.Index(fields=["dari", "-waktu"], name="pesan_masuk_dari_idx")]

    def __str__(self):
        return f"Dari {self.dari}: {self.isi[:40]}"
