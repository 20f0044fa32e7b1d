"""The queue at the reception (nomor antrian), service hours and appointments (janji temu)."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from .kunjungan import JenisLayanan, Kunjungan


class PenghitungAntrian(models.Model):
    """Last number given today for one prefix; the row is locked while the next number is taken."""

    tanggal = models.DateField("tanggal")
    prefix = models.CharField("prefix", max_length=3)
    terakhir = models.PositiveIntegerField("nomor terakhir", default=0)

    class Meta:
        verbose_name = "penghitung antrian"
        verbose_name_plural = "penghitung antrian"
        constraints = [models.UniqueConstraint(fields=["tanggal", "prefix"], name="penghitung_antrian_unik")]

    def __str__(self):
        return f"{self.prefix} {self.tanggal}: {self.terakhir}"


def token_acak():
    """An unguessable link token (128 bits, URL-safe)."""
    return secrets.token_urlsafe(16)


class Antrian(models.Model):
    """One queue ticket (K-001), from the kiosk or the desk, restarting at 001 every office day."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu"
        DIPANGGIL = "dipanggil", "Dipanggil"
        DILAYANI = "dilayani", "Dilayani"
        SELESAI = "selesai", "Selesai"
        DILEWATI = "dilewati", "Dilewati"

    class Sumber(models.TextChoices):
        KIOS = "kios", "Kios"
        MEJA = "meja", "Meja resepsionis"
        JANJI = "janji", "Janji temu"
        MANDIRI = "mandiri", "Daftar mandiri"

    jenis_layanan = models.ForeignKey(
        JenisLayanan, on_delete=models.PROTECT, related_name="+", verbose_name="jenis layanan"
    )
    tanggal = models.DateField("tanggal")
    prefix = models.CharField("prefix", max_length=3)
    urut = models.PositiveIntegerField("urutan")
    nomor = models.CharField("nomor antrian", max_length=10)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    sumber = models.CharField("diambil dari", max_length=10, choices=Sumber.choices, default=Sumber.KIOS)
    diambil = models.DateTimeField("waktu ambil")
    loket = models.PositiveSmallIntegerField("loket", null=True, blank=True)
    dipanggil_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="dipanggil oleh",
    )
    dipanggil_pada = models.DateTimeField("dipanggil pada", null=True, blank=True)
    jumlah_panggil = models.PositiveSmallIntegerField("jumlah panggilan", default=0)
    selesai_pada = models.DateTimeField("selesai pada", null=True, blank=True)
    kunjungan = models.OneToOneField(
        Kunjungan, on_delete=models.PROTECT, null=True, blank=True, related_name="antrian",
        verbose_name="buku tamu",
    )
    # The ticket's QR code leads the visitor to their place in the queue, then to their services.
    token = models.CharField("token lacak", max_length=32, unique=True, default=token_acak, editable=False)

    class Meta:
        verbose_name = "antrian"
        verbose_name_plural = "antrian"
        ordering = ["tanggal", "diambil", "id"]
        constraints = [
            models.UniqueConstraint(fields=["tanggal", "prefix", "urut"], name="antrian_nomor_unik_per_hari"),
        ]
        indexes = [models.Index(fields=["tanggal", "status"], name="antrian_tanggal_status_idx")]

    def __str__(self):
        return self.nomor

    @staticmethod
    def format_nomor(prefix, urut):
        return f"{prefix}-{urut:03d}"

    @property
    def teks_panggilan(self):
        """What the display says aloud: letters and digits one by one, as a caller would."""
        huruf = " ".join(self.prefix)
        angka = " ".join(f"{self.urut:03d}")
        return f"Nomor antrian {huruf}, {angka}, silakan menuju loket {self.loket}."


class RiwayatAntrian(models.Model):
    """Appended on every change of a ticket: who did what, when, at which counter."""

    antrian = models.ForeignKey(Antrian, on_delete=models.PROTECT, related_name="riwayat")
    status = models.CharField("status", max_length=10, choices=Antrian.Status.choices)
    keterangan = models.CharField("keterangan", max_length=100, blank=True)
    loket = models.PositiveSmallIntegerField("loket", null=True, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="oleh"
    )
    waktu = models.DateTimeField("waktu")

    class Meta:
        verbose_name = "riwayat antrian"
        verbose_name_plural = "riwayat antrian"
        ordering = ["waktu", "id"]


class Hari(models.IntegerChoices):
    SENIN = 0, "Senin"
    SELASA = 1, "Selasa"
    RABU = 2, "Rabu"
    KAMIS = 3, "Kamis"
    JUMAT = 4, "Jumat"
    SABTU = 5, "Sabtu"
    MINGGU = 6, "Minggu"


# The consultation service standard's hours: Mon–Thu 08.00–15.30, Fri 08.00–16.00, no break.
JAM_LAYANAN_BAWAAN = {
    Hari.SENIN: (datetime.time(8), datetime.time(15, 30)),
    Hari.SELASA: (datetime.time(8), datetime.time(15, 30)),
    Hari.RABU: (datetime.time(8), datetime.time(15, 30)),
    Hari.KAMIS: (datetime.time(8), datetime.time(15, 30)),
    Hari.JUMAT: (datetime.time(8), datetime.time(16)),
}


class JamLayanan(models.Model):
    """Opening hours of one weekday, in office time; a weekday without a row is closed."""

    hari = models.PositiveSmallIntegerField("hari", choices=Hari.choices, unique=True)
    buka = models.TimeField("buka")
    tutup = models.TimeField("tutup")

    class Meta:
        verbose_name = "jam layanan"
        verbose_name_plural = "jam layanan"
        ordering = ["hari"]
        constraints = [models.CheckConstraint(condition=models.Q(tutup__gt=models.F("buka")), name="jam_tutup_setelah_buka")]

    def __str__(self):
        return f"{self.get_hari_display()} {self.buka:%H.%M}–{self.tutup:%H.%M}"


class JanjiTemu(models.Model):
    """An appointment a visitor makes on the kiosk outside service hours."""

    class Status(models.TextChoices):
        TERJADWAL = "terjadwal", "Terjadwal"
        HADIR = "hadir", "Hadir"
        BATAL = "batal", "Batal"

    nama = models.CharField("nama", max_length=150)
    no_hp = models.CharField("no. HP", max_length=20, help_text="Bentuk internasional, 62…")
    jenis_layanan = models.ForeignKey(
        JenisLayanan, on_delete=models.PROTECT, related_name="+", verbose_name="jenis layanan"
    )
    waktu = models.DateTimeField("waktu janji", db_index=True)
    keperluan = models.CharField("keperluan", max_length=300, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.TERJADWAL)
    antrian = models.OneToOneField(
        Antrian, on_delete=models.PROTECT, null=True, blank=True, related_name="janji_temu", verbose_name="antrian"
    )
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="diubah oleh",
    )

    class Meta:
        verbose_name = "janji temu"
        verbose_name_plural = "janji temu"
        ordering = ["waktu", "id"]

    def __str__(self):
        return f"{self.nama} — {timezone.localtime(self.waktu):%d-%m-%Y %H.%M}"
