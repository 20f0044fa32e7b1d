"""The province's tables: the registered offices and the daily summaries each one sent.

A summary's figures are kept as one JSON object per office day, {"<ukuran>|<kunci>": nilai}, with
the kinds of service named by their code (an office's ids mean nothing here). Each office's month
and year are summed into one more object each when a day of them arrives, so a year of 38 offices
reads 38 small objects; the months and days at a period's edges are read from their own rows.
"""

from django.core.validators import RegexValidator
from django.db import models

from pst_frontoffice.models import ZonaWaktu

# An office's code: its BPS region code (e.g. 6310) or any short code the province chooses; it is
# the part of the office's key before the dot, so it holds no dot.
POLA_KODE = r"^[0-9A-Za-z][0-9A-Za-z-]{1,19}$"


class Kantor(models.Model):
    """An office registered by the province Admin, with its key (encrypted) and what its latest summary said."""

    kode = models.CharField(
        "kode kantor", max_length=20, unique=True,
        validators=[RegexValidator(POLA_KODE, "Kode 2–20 huruf, angka atau tanda hubung, misalnya 6310.")],
        help_text="Kode wilayah BPS kantor, misalnya 6310.",
    )
    nama = models.CharField("nama kantor", max_length=200)
    aktif = models.BooleanField("aktif", default=True)
    # The key the office signs with (Fernet under SECRET_KEY, provinsi/rahasia.py): the province
    # needs the key itself to check an HMAC, so it is stored encrypted, never hashed.
    kunci_terenkripsi = models.TextField("kunci (terenkripsi)", blank=True)
    kunci_dibuat_pada = models.DateTimeField("kunci dibuat", null=True, blank=True)
    didaftarkan_pada = models.DateTimeField("didaftarkan", auto_now_add=True)
    # From the office's latest day: its zone, its kinds of service {kode: {nama, permintaan_data, aktif}}
    # and its time standards, which its own reports use.
    zona_waktu = models.CharField("zona waktu", max_length=40, choices=ZonaWaktu.choices, blank=True)
    jenis_layanan = models.JSONField("jenis layanan", default=dict, blank=True)
    standar = models.JSONField("standar waktu", default=dict, blank=True)
    info_tanggal = models.DateField("tanggal ringkasan untuk info di atas", null=True, blank=True)
    # The latest office day received and when anything last arrived: a silent office shows.
    ringkasan_terakhir = models.DateField("ringkasan terakhir", null=True, blank=True)
    diterima_terakhir = models.DateTimeField("terakhir diterima", null=True, blank=True)

    class Meta:
        verbose_name = "kantor"
        verbose_name_plural = "kantor"
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class RingkasanKantor(models.Model):
    """One office day as the office last sent it; a resend replaces it."""

    kantor = models.ForeignKey(Kantor, on_delete=models.PROTECT, related_name="ringkasan")
    tanggal = models.DateField("tanggal")
    versi = models.PositiveSmallIntegerField("versi definisi")
    zona_waktu = models.CharField("zona waktu", max_length=40)
    dihitung_pada = models.DateTimeField("dihitung kantor pada")
    diterima_pada = models.DateTimeField("diterima pada")
    dikirim_ulang = models.PositiveIntegerField("kali dikirim ulang", default=0)
    angka = models.JSONField("angka", default=dict)
    # The two figures of the trend, as columns: a year's trend sums them without reading the objects.
    layanan = models.PositiveIntegerField("layanan", default=0)
    kunjungan = models.PositiveIntegerField("kunjungan", default=0)

    class Meta:
        verbose_name = "ringkasan kantor"
        verbose_name_plural = "ringkasan kantor"
        constraints = [models.UniqueConstraint(fields=["kantor", "tanggal"], name="provinsi_ringkasan_unik")]
        indexes = [models.Index(fields=["tanggal"], name="provinsi_ringkasan_tgl_idx")]

    def __str__(self):
        return f"{self.kantor_id} {self.tanggal}"


class BulanKantor(models.Model):
    """One office's calendar month (or, `tahunan`, its calendar year): the sum of the days of it that arrived.

    Summed again on each arrival (a month from its days, a year from its months), so a five-year
    period reads a few rows per office for its whole years and months.
    """

    kantor = models.ForeignKey(Kantor, on_delete=models.PROTECT, related_name="bulan")
    bulan = models.DateField("bulan (tanggal 1)")
    tahunan = models.BooleanField("jumlah setahun", default=False)
    hari = models.PositiveSmallIntegerField("hari diterima")
    angka = models.JSONField("angka", default=dict)

    class Meta:
        verbose_name = "bulan kantor"
        verbose_name_plural = "bulan kantor"
        constraints = [models.UniqueConstraint(fields=["kantor", "bulan", "tahunan"], name="provinsi_bulan_unik")]
        indexes = [models.Index(fields=["bulan"], name="provinsi_bulan_idx")]

    def __str__(self):
        return f"{self.kantor_id} {self.bulan:%Y}" if self.tahunan else f"{self.kantor_id} {self.bulan:%m-%Y}"
