"""Rating invitations with the visitor's SKM answers, and the SKD survey link, per service."""

import secrets
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from layanan.models import Layanan
from pst_frontoffice.skm import FIELD_UNSUR, UNSUR


def buat_token():
    """An unguessable link token: 24 random bytes (192 bits) as 32 URL-safe characters.

    Long enough that guessing is hopeless, short enough to keep the QR code coarse.
    """
    return secrets.token_urlsafe(24)


def batas_berlaku():
    return timezone.now() + timedelta(days=settings.RATING_MASA_BERLAKU_HARI)


def _field_unsur(nomor):
    return models.PositiveSmallIntegerField(
        f"unsur {nomor}", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )


# The respondent's profile the SKM questionnaire of PermenPAN-RB No. 14 Tahun 2017 asks beside the
# nine elements; every question is optional for the visitor.
class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", "Laki-laki"
    PEREMPUAN = "P", "Perempuan"


class KelompokUmur(models.TextChoices):
    KURANG_20 = "<20", "Di bawah 20 tahun"
    U20 = "20-29", "20–29 tahun"
    U30 = "30-39", "30–39 tahun"
    U40 = "40-49", "40–49 tahun"
    U50 = "50-59", "50–59 tahun"
    U60 = "60+", "60 tahun ke atas"


class Pendidikan(models.TextChoices):
    SD = "sd", "SD ke bawah"
    SMP = "smp", "SMP"
    SMA = "sma", "SMA/SMK"
    DIPLOMA = "diploma", "D1–D4"
    S1 = "s1", "S1"
    S2 = "s2", "S2 ke atas"


class Pekerjaan(models.TextChoices):
    PNS = "pns", "PNS"
    TNI_POLRI = "tni_polri", "TNI/Polri"
    SWASTA = "swasta", "Pegawai swasta"
    WIRAUSAHA = "wirausaha", "Wirausaha"
    PELAJAR = "pelajar", "Pelajar/Mahasiswa"
    LAINNYA = "lainnya", "Lainnya"


# (field, question, choices): the one list the form, the IKM page and the reports read.
PROFIL = (
    ("jenis_kelamin", "Jenis kelamin", JenisKelamin),
    ("kelompok_umur", "Umur", KelompokUmur),
    ("pendidikan", "Pendidikan terakhir", Pendidikan),
    ("pekerjaan", "Pekerjaan utama", Pekerjaan),
)


class PenilaianQuerySet(models.QuerySet):
    def terisi(self):
        return self.filter(diisi_pada__isnull=False)


class Penilaian(models.Model):
    """The rating link of one service and, once the visitor sends it, their SKM answers."""

    layanan = models.OneToOneField(Layanan, on_delete=models.PROTECT, related_name="penilaian")
    token = models.CharField("token", max_length=64, unique=True, default=buat_token, editable=False)
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    berlaku_sampai = models.DateTimeField("berlaku sampai", default=batas_berlaku)
    diisi_pada = models.DateTimeField("diisi pada", null=True, blank=True, db_index=True)
    u1 = _field_unsur(1)
    u2 = _field_unsur(2)
    u3 = _field_unsur(3)
    u4 = _field_unsur(4)
    u5 = _field_unsur(5)
    u6 = _field_unsur(6)
    u7 = _field_unsur(7)
    u8 = _field_unsur(8)
    u9 = _field_unsur(9)
    komentar = models.TextField("komentar / saran", blank=True)
    pengaduan = models.TextField("pengaduan", blank=True)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=10, choices=JenisKelamin.choices, blank=True)
    kelompok_umur = models.CharField("umur", max_length=10, choices=KelompokUmur.choices, blank=True)
    pendidikan = models.CharField("pendidikan terakhir", max_length=10, choices=Pendidikan.choices, blank=True)
    pekerjaan = models.CharField("pekerjaan utama", max_length=10, choices=Pekerjaan.choices, blank=True)

    objects = PenilaianQuerySet.as_manager()

    class Meta:
        verbose_name = "penilaian (SKM)"
        verbose_name_plural = "penilaian (SKM)"
        ordering = ["-dibuat"]
        constraints = [
            # Either not filled at all, or all nine answers present and in 1..4.
            models.CheckConstraint(
                condition=models.Q(diisi_pada__isnull=True)
                | models.Q(**{f"{f}__gte": 1 for f in FIELD_UNSUR}, **{f"{f}__lte": 4 for f in FIELD_UNSUR}),
                name="penilaian_terisi_lengkap",
            ),
        ]

    def __str__(self):
        return f"Penilaian layanan #{self.layanan_id}"

    def get_absolute_url(self):
        return reverse("rating:isi", args=[self.token])

    @property
    def sudah_diisi(self):
        return self.diisi_pada is not None

    @property
    def kedaluwarsa(self):
        return not self.sudah_diisi and timezone.now() >= self.berlaku_sampai

    @property
    def jawaban(self):
        return [getattr(self, f) for f in FIELD_UNSUR]

    @property
    def per_unsur(self):
        """(element, answer, the answer's words) for the nine elements of a filled rating."""
        return [(u, getattr(self, u.field), u.pilihan[getattr(self, u.field) - 1]) for u in UNSUR if getattr(self, u.field)]

    @property
    def rata_rata(self):
        """Mean of the nine answers (1–4), or None before the visitor sends them."""
        if not self.sudah_diisi:
            return None
        return (Decimal(sum(self.jawaban)) / len(FIELD_UNSUR)).quantize(Decimal("0.01"))


class SurveiSKD(models.Model):
    """The SKD link handed to a visitor: our short link records opening, then redirects."""

    layanan = models.OneToOneField(Layanan, on_delete=models.PROTECT, related_name="skd")
    token = models.CharField("token", max_length=64, unique=True, default=buat_token, editable=False)
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    pertama_dibuka = models.DateTimeField("pertama dibuka", null=True, blank=True)
    terakhir_dibuka = models.DateTimeField("terakhir dibuka", null=True, blank=True)
    jumlah_dibuka = models.PositiveIntegerField("jumlah dibuka", default=0)
    diisi_pada = models.DateTimeField("SKD diisi pada", null=True, blank=True)
    ditandai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="ditandai oleh", help_text="Kosong bila pengunjung sendiri yang mengonfirmasi.",
    )

    class Meta:
        verbose_name = "survei SKD"
        verbose_name_plural = "survei SKD"
        ordering = ["-dibuat"]

    def __str__(self):
        return f"SKD layanan #{self.layanan_id}"

    def get_absolute_url(self):
        return reverse("rating:skd", args=[self.token])

    @property
    def sudah_diisi(self):
        return self.diisi_pada is not None


class RiwayatRating(models.Model):
    """An appended event of a service's rating or SKD; never edited or deleted."""

    class Jenis(models.TextChoices):
        TAUTAN_DIBUAT = "tautan_dibuat", "Tautan rating dibuat"
        TAUTAN_DIPERBARUI = "tautan_diperbarui", "Tautan rating diperbarui"
        RATING_DIISI = "rating_diisi", "Rating diisi pengunjung"
        SKD_DIBUAT = "skd_dibuat", "Tautan SKD dibuat"
        SKD_DIISI = "skd_diisi", "SKD ditandai Diisi"
        SKD_DIKONFIRMASI = "skd_dikonfirmasi", "SKD dikonfirmasi pengunjung"

    layanan = models.ForeignKey(Layanan, on_delete=models.CASCADE, related_name="riwayat_rating")
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="oleh", help_text="Kosong bila dilakukan pengunjung.",
    )
    waktu = models.DateTimeField("waktu", default=timezone.now)

    class Meta:
        verbose_name = "riwayat rating"
        verbose_name_plural = "riwayat rating"
        ordering = ["waktu", "id"]

    def __str__(self):
        return f"{self.layanan_id}: {self.get_jenis_display()}"
