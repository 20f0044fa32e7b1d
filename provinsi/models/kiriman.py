"""The office's side: its connection to the province (one record) and each office day's sending state."""

from django.conf import settings
from django.db import models


class SambunganProvinsi(models.Model):
    """The key the province issued (encrypted), and the sender's state: its hold and its wait after a failure."""

    kunci_terenkripsi = models.TextField("kunci (terenkripsi)", blank=True)
    kode_kantor = models.CharField("kode kantor", max_length=20, blank=True)
    kunci_dipasang_pada = models.DateTimeField("kunci dipasang", null=True, blank=True)
    kunci_dipasang_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The address and office code the sent days went to: another one means every day is sent again.
    tujuan = models.CharField("tujuan terakhir", max_length=300, blank=True)
    # One sender at a time (several workers may run); a killed sender's hold runs out.
    diklaim_sampai = models.DateTimeField(null=True, blank=True)
    # After the province could not be reached or refused the office itself, nothing is tried before this.
    jeda_sampai = models.DateTimeField("dicoba lagi", null=True, blank=True)
    gagal_berturut = models.PositiveIntegerField("gagal berturut-turut", default=0)
    galat_terakhir = models.CharField("galat terakhir", max_length=300, blank=True)
    galat_pada = models.DateTimeField("galat pada", null=True, blank=True)
    terakhir_terkirim = models.DateTimeField("terakhir terkirim", null=True, blank=True)

    class Meta:
        verbose_name = "sambungan provinsi"
        verbose_name_plural = "sambungan provinsi"

    @classmethod
    def get(cls):
        obj, _ = cls.objects.get_or_create(pk=1)
        return obj


class StatusKiriman(models.TextChoices):
    MENUNGGU = "menunggu", "Menunggu"
    TERKIRIM = "terkirim", "Terkirim"
    DITOLAK = "ditolak", "Ditolak"


class KirimanHarian(models.Model):
    """One office day's summary on its way to the province: waiting, sent (this content), or refused (why)."""

    tanggal = models.DateField("tanggal", unique=True)
    status = models.CharField("status", max_length=10, choices=StatusKiriman.choices, default=StatusKiriman.MENUNGGU)
    # When the stored summary was computed (ringkasan's HariRingkasan): a newer one may hold other figures.
    dihitung_pada = models.DateTimeField("ringkasan dihitung pada", null=True, blank=True)
    # SHA-256 of the figures the province accepted: a recomputed day with the same figures is not sent again.
    sidik_terkirim = models.CharField(max_length=64, blank=True)
    percobaan = models.PositiveIntegerField("percobaan", default=0)
    kirim_setelah = models.DateTimeField("kirim setelah", null=True, blank=True)
    alasan = models.CharField("keterangan", max_length=300, blank=True)
    terkirim_pada = models.DateTimeField("terkirim pada", null=True, blank=True)
    kali_terkirim = models.PositiveIntegerField("kali terkirim", default=0)
    diperbarui = models.DateTimeField("diperbarui", auto_now=True)

    class Meta:
        verbose_name = "kiriman harian"
        verbose_name_plural = "kiriman harian"
        ordering = ["-tanggal"]
        indexes = [models.Index(fields=["status", "tanggal"], name="provinsi_kiriman_status_idx")]

    def __str__(self):
        return f"{self.tanggal} {self.status}"
