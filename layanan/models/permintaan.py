"""What a data request asked for, how it was delivered, and the tags to find it again."""

import re

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from .layanan import Layanan


class Tag(models.Model):
    """A search word an officer attaches to data requests (lower case, one per concept)."""

    nama = models.CharField("tag", max_length=50, unique=True)

    class Meta:
        verbose_name = "tag"
        verbose_name_plural = "tag"
        ordering = ["nama"]

    def __str__(self):
        return self.nama

    @staticmethod
    def normalisasi(teks):
        """'  IPM  Kecamatan ' → 'ipm kecamatan'; '' for nothing usable."""
        teks = re.sub(r"\s+", " ", (teks or "").strip().lstrip("#")).lower()
        return teks[:50].strip()

    @classmethod
    def dari_teks(cls, teks):
        """The tags named in a comma-separated text, created when new."""
        nama = []
        for bagian in (teks or "").split(","):
            n = cls.normalisasi(bagian)
            if n and n not in nama:
                nama.append(n)
        return [cls.objects.get_or_create(nama=n)[0] for n in nama]


class FormatData(models.TextChoices):
    EXCEL = "excel", "Softcopy Excel/CSV"
    PDF = "pdf", "Softcopy PDF"
    CETAK = "cetak", "Cetak (hardcopy)"
    LAINNYA = "lainnya", "Lainnya"


class CaraPenyampaian(models.TextChoices):
    EMAIL = "email", "E-mail"
    WHATSAPP = "whatsapp", "WhatsApp"
    DIAMBIL = "diambil", "Diambil langsung"


class TingkatWilayah(models.TextChoices):
    NASIONAL = "nasional", "Nasional"
    PROVINSI = "provinsi", "Provinsi"
    KABKOTA = "kabkota", "Kabupaten/Kota"
    KECAMATAN = "kecamatan", "Kecamatan"
    DESA = "desa", "Desa/Kelurahan"


class PermintaanData(models.Model):
    """The details of one data-request service; created the first time an officer fills them."""

    layanan = models.OneToOneField(Layanan, on_delete=models.CASCADE, related_name="permintaan_data")
    nomor_surat_permintaan = models.CharField("nomor surat permintaan", max_length=100, blank=True)
    tanggal_surat_permintaan = models.DateField("tanggal surat permintaan", null=True, blank=True)
    format_data = models.CharField("format data", max_length=10, choices=FormatData.choices, blank=True)
    cara_penyampaian = models.CharField("cara penyampaian", max_length=10, choices=CaraPenyampaian.choices, blank=True)
    catatan = models.TextField("catatan (yang dikirim)", blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="permintaan", verbose_name="tags")
    diperbarui = models.DateTimeField("diperbarui", auto_now=True)

    class Meta:
        verbose_name = "rincian permintaan data"
        verbose_name_plural = "rincian permintaan data"

    def __str__(self):
        return f"Permintaan data layanan #{self.layanan_id}"

    @classmethod
    def untuk(cls, layanan):
        """The service's details, created from the guest book's request-letter number when new."""
        obj, _ = cls.objects.get_or_create(
            layanan=layanan, defaults={"nomor_surat_permintaan": layanan.kunjungan.nomor_surat_permintaan}
        )
        obj.layanan = layanan  # the history is written on it without fetching it again
        return obj

    def tambah_tag(self, teks, *, oleh):
        """Attach the comma-separated tags; returns the ones that were new on this request."""
        with transaction.atomic():
            ada = set(self.tags.values_list("pk", flat=True))
            baru = [t for t in Tag.dari_teks(teks) if t.pk not in ada]
            if baru:
                self.tags.add(*baru)
                self.layanan.catat_riwayat("Tag ditambahkan: " + ", ".join(t.nama for t in baru) + ".", oleh=oleh)
        return baru

    def lepas_tag(self, tag, *, oleh):
        with transaction.atomic():
            if self.tags.filter(pk=tag.pk).exists():
                self.tags.remove(tag)
                self.layanan.catat_riwayat(f"Tag dilepas: {tag.nama}.", oleh=oleh)


class ItemDataQuerySet(models.QuerySet):
    def dihapus(self):
        return self.filter(dihapus_pada__isnull=False)


class ItemDataManager(models.Manager.from_queryset(ItemDataQuerySet)):
    """The default: items still asked for. `permintaan.item`, the form and the letter see only these."""

    def get_queryset(self):
        return super().get_queryset().filter(dihapus_pada__isnull=True)


class ItemData(models.Model):
    """One item asked for: a topic, a period and an area level.

    Removing an item from the form only marks it (dihapus_pada/oleh): the row stays, the history
    names it, and the officer can put it back (Kembalikan).
    """

    permintaan = models.ForeignKey(PermintaanData, on_delete=models.CASCADE, related_name="item")
    topik = models.CharField("topik data", max_length=200)
    periode = models.CharField("periode", max_length=60, blank=True, help_text="Mis. 2020–2025 atau Agustus 2026.")
    tingkat_wilayah = models.CharField("tingkat wilayah", max_length=10, choices=TingkatWilayah.choices, blank=True)
    dihapus_pada = models.DateTimeField("dihapus pada", null=True, blank=True, editable=False)
    dihapus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        editable=False, verbose_name="dihapus oleh",
    )

    objects = ItemDataManager()
    semua = ItemDataQuerySet.as_manager()

    class Meta:
        verbose_name = "item data"
        verbose_name_plural = "item data"
        ordering = ["id"]

    def __str__(self):
        return self.uraian

    @property
    def uraian(self):
        """'IPM, 2020–2025, Kecamatan'."""
        return ", ".join(x for x in (self.topik, self.periode, self.get_tingkat_wilayah_display()) if x)

    def hapus(self, *, oleh):
        """Take the item off the request; the row stays and can be put back."""
        self.dihapus_pada, self.dihapus_oleh = timezone.now(), oleh
        self.save(update_fields=["dihapus_pada", "dihapus_oleh"])

    def kembalikan(self, *, oleh):
        """Put a removed item back on the request, recorded in the service's history."""
        with transaction.atomic():
            self.dihapus_pada, self.dihapus_oleh = None, None
            self.save(update_fields=["dihapus_pada", "dihapus_oleh"])
            self.permintaan.layanan.catat_riwayat(f"Item data dikembalikan: {self.uraian}.", oleh=oleh)
