"""The outbox: every message the app sends by itself (e-mail, WhatsApp gateway)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from layanan.models import BerkasSurat, Layanan


class KanalPesan(models.TextChoices):
    EMAIL = "email", "E-mail"
    WHATSAPP = "whatsapp", "WhatsApp"


class Peristiwa(models.TextChoices):
    RATING = "rating", "Tautan rating"
    SKD = "skd", "Tautan SKD"
    SIAP_DIAMBIL = "siap_diambil", "Siap Diambil"
    SURAT_BALASAN = "surat_balasan", "Surat balasan"
    GRUP = "grup", "Notifikasi grup WA"
    PERCOBAAN = "percobaan", "Kirim percobaan"


class StatusPesan(models.TextChoices):
    ANTRI = "antri", "Antri"
    TERKIRIM = "terkirim", "Terkirim"
    GAGAL = "gagal", "Gagal"


class PesanKeluarQuerySet(models.QuerySet):
    def jatuh_tempo(self, sekarang=None):
        """Queued messages due now that no live worker holds."""
        sekarang = sekarang or timezone.now()
        return self.filter(status=StatusPesan.ANTRI, kirim_setelah__lte=sekarang).filter(
            models.Q(diklaim_sampai__isnull=True) | models.Q(diklaim_sampai__lt=sekarang)
        )


class PesanKeluar(models.Model):
    """One message to one recipient; sent by the worker, never edited once sent."""

    peristiwa = models.CharField("peristiwa", max_length=20, choices=Peristiwa.choices)
    layanan = models.ForeignKey(
        Layanan, on_delete=models.CASCADE, null=True, blank=True, related_name="pesan_keluar", verbose_name="layanan"
    )
    kanal = models.CharField("kanal", max_length=10, choices=KanalPesan.choices)
    penerima = models.CharField("penerima", max_length=254)
    subjek = models.CharField("subjek", max_length=200, blank=True)
    isi = models.TextField("isi")
    # A reply letter attached to an e-mail: the BerkasSurat row, read from storage when sending.
    lampiran = models.ForeignKey(
        BerkasSurat, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="lampiran"
    )
    # One event reaches one recipient once: a second queueing of the same event is ignored.
    kunci = models.CharField("kunci idempotensi", max_length=200, unique=True)
    status = models.CharField("status", max_length=10, choices=StatusPesan.choices, default=StatusPesan.ANTRI)
    percobaan = models.PositiveSmallIntegerField("percobaan", default=0)
    galat_terakhir = models.TextField("galat terakhir", blank=True)
    id_penyedia = models.CharField("ID pesan penyedia", max_length=200, blank=True)
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    kirim_setelah = models.DateTimeField("kirim setelah", default=timezone.now)
    # A worker that took the message holds it until then; a killed worker's hold simply runs out.
    diklaim_sampai = models.DateTimeField("diklaim sampai", null=True, blank=True)
    terkirim_pada = models.DateTimeField("terkirim pada", null=True, blank=True)
    diperbarui = models.DateTimeField("diperbarui", auto_now=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="diantrekan oleh",
    )

    objects = PesanKeluarQuerySet.as_manager()

    class Meta:
        verbose_name = "pesan keluar"
        verbose_name_plural = "pesan keluar"
        ordering = ["-dibuat", "-id"]
        indexes = [
            models.Index(fields=["status", "kirim_setelah"], name="pesan_jatuh_tempo_idx"),
            models.Index(fields=["-dibuat"], name="pesan_dibuat_idx"),
        ]

    def __str__(self):
        return f"{self.get_kanal_display()} ke {self.penerima}: {self.get_peristiwa_display()}"
