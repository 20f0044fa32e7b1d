"""Library lockers: a library visitor leaves an ID card with the front office for a locker."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .layanan import Layanan


class LokerQuerySet(models.QuerySet):
    def kosong(self):
        """Active lockers holding nobody's things now."""
        return self.filter(aktif=True).exclude(
            pk__in=PeminjamanLoker.objects.filter(waktu_kembali__isnull=True).values("loker")
        )


class Loker(models.Model):
    """A locker by its number (master data an Admin keeps in Django admin)."""

    nomor = models.CharField("nomor loker", max_length=10, unique=True)
    aktif = models.BooleanField("aktif", default=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    objects = LokerQuerySet.as_manager()

    class Meta:
        verbose_name = "loker"
        verbose_name_plural = "loker"
        ordering = ["urutan", "nomor"]

    def __str__(self):
        return f"Loker {self.nomor}"


class JenisKartu(models.TextChoices):
    KTP = "ktp", "KTP"
    SIM = "sim", "SIM"
    KTM = "ktm", "KTM"
    KARTU_PELAJAR = "kartu_pelajar", "Kartu Pelajar"
    LAINNYA = "lainnya", "Lainnya"


class PeminjamanLokerQuerySet(models.QuerySet):
    def dipinjam(self):
        return self.filter(waktu_kembali__isnull=True)

    def untuk_daftar(self):
        return self.select_related("loker", "dicatat_oleh", "dikembalikan_oleh", "layanan__kunjungan")


class PeminjamanLoker(models.Model):
    """One use of a locker: the card kept, when it came in and when it went back (never deleted)."""

    loker = models.ForeignKey(Loker, on_delete=models.PROTECT, related_name="peminjaman", verbose_name="loker")
    jenis_kartu = models.CharField("jenis kartu identitas", max_length=15, choices=JenisKartu.choices, default=JenisKartu.KTP)
    nomor_kartu = models.CharField("nomor kartu identitas", max_length=40)
    nama_pengunjung = models.CharField("nama pengunjung", max_length=150)
    layanan = models.ForeignKey(
        Layanan, on_delete=models.PROTECT, null=True, blank=True, related_name="peminjaman_loker",
        verbose_name="layanan perpustakaan",
    )
    waktu_masuk = models.DateTimeField("waktu masuk", default=timezone.now, db_index=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="dicatat oleh"
    )
    waktu_kembali = models.DateTimeField("waktu kembali", null=True, blank=True)
    dikembalikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="dikembalikan oleh",
    )

    objects = PeminjamanLokerQuerySet.as_manager()

    class Meta:
        verbose_name = "peminjaman loker"
        verbose_name_plural = "peminjaman loker"
        ordering = ["-waktu_masuk", "-id"]
        constraints = [
            # A locker holds one visitor's things at a time: the backstop for two officers at once.
            models.UniqueConstraint(fields=["loker"], condition=Q(waktu_kembali__isnull=True), name="loker_satu_peminjam"),
        ]

    def __str__(self):
        return f"{self.loker} — {self.nama_pengunjung}"

    def get_absolute_url(self):
        return reverse("layanan:loker_detail", args=[self.pk])

    @property
    def nomor_kartu_samar(self):
        """The card number as every list shows it: its last 4 characters only; in full on the record."""
        nomor = "".join(self.nomor_kartu.split())
        return "••••" + nomor[-4:] if len(nomor) > 4 else "••••"

    @property
    def dikembalikan(self):
        return self.waktu_kembali is not None

    @classmethod
    def pinjamkan(cls, *, loker, jenis_kartu, nomor_kartu, nama_pengunjung, oleh, layanan=None):
        """Register a card kept for a locker; refused if the locker is in use (even by a race)."""
        try:
            with transaction.atomic():
                return cls.objects.create(
                    loker=loker, jenis_kartu=jenis_kartu, nomor_kartu=nomor_kartu, nama_pengunjung=nama_pengunjung,
                    layanan=layanan, dicatat_oleh=oleh,
                )
        except IntegrityError:
            raise ValidationError(f"{loker} baru saja dipakai pengunjung lain; pilih loker lain.") from None

    def kembalikan(self, *, oleh):
        """The card goes back to the visitor; refused if it already went back."""
        with transaction.atomic():
            terkini = PeminjamanLoker.objects.select_for_update().get(pk=self.pk)
            if terkini.waktu_kembali is not None:
                raise ValidationError("Kartu identitas ini sudah dikembalikan.")
            self.waktu_kembali = timezone.now()
            self.dikembalikan_oleh = oleh
            self.save(update_fields=["waktu_kembali", "dikembalikan_oleh"])
