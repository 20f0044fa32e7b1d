"""Attendance (Absen Masuk / Absen Pulang) and the duty roster (jadwal piket)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

JUMAT = 4  # date.weekday()


class Shift(models.Model):
    """A duty shift at the desk; Friday may have its own hours."""

    nama = models.CharField("nama", max_length=30, unique=True)
    jam_mulai = models.TimeField("jam mulai")
    jam_selesai = models.TimeField("jam selesai")
    jam_mulai_jumat = models.TimeField("jam mulai (Jumat)", null=True, blank=True, help_text="Kosongkan bila sama.")
    jam_selesai_jumat = models.TimeField("jam selesai (Jumat)", null=True, blank=True, help_text="Kosongkan bila sama.")
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "shift"
        verbose_name_plural = "shift"
        ordering = ["urutan", "jam_mulai"]

    def __str__(self):
        return self.nama

    def clean(self):
        for mulai, selesai, label in (
            (self.jam_mulai, self.jam_selesai, "Jam selesai"),
            (self.jam_mulai_jumat or self.jam_mulai, self.jam_selesai_jumat or self.jam_selesai, "Jam selesai (Jumat)"),
        ):
            if mulai and selesai and selesai <= mulai:
                raise ValidationError(f"{label} harus setelah jam mulai.")

    def jam(self, tanggal):
        """(start, end) of this shift on `tanggal` (Friday hours when set)."""
        if tanggal.weekday() == JUMAT:
            return (self.jam_mulai_jumat or self.jam_mulai, self.jam_selesai_jumat or self.jam_selesai)
        return (self.jam_mulai, self.jam_selesai)

    def rentang(self, tanggal, tz):
        """Aware (start, end) datetimes of this shift on `tanggal` in the office zone `tz`."""
        mulai, selesai = self.jam(tanggal)
        return (
            datetime.datetime.combine(tanggal, mulai, tzinfo=tz),
            datetime.datetime.combine(tanggal, selesai, tzinfo=tz),
        )

    def label_jam(self, tanggal=None):
        mulai, selesai = self.jam(tanggal) if tanggal else (self.jam_mulai, self.jam_selesai)
        return f"{mulai:%H.%M}–{selesai:%H.%M}"


class JadwalPiketQuerySet(models.QuerySet):
    def berlaku(self):
        return self.filter(dibatalkan_pada__isnull=True)


class JadwalPiket(models.Model):
    """One officer on one shift on one date. Cancelling keeps the row (who/when)."""

    tanggal = models.DateField("tanggal", db_index=True)
    shift = models.ForeignKey(Shift, on_delete=models.PROTECT, related_name="jadwal", verbose_name="shift")
    petugas = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="jadwal_piket", verbose_name="petugas"
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="dibuat oleh",
        null=True, blank=True,
    )
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    dibatalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="dibatalkan oleh",
        null=True, blank=True,
    )
    dibatalkan_pada = models.DateTimeField("dibatalkan pada", null=True, blank=True)

    objects = JadwalPiketQuerySet.as_manager()

    class Meta:
        verbose_name = "jadwal piket"
        verbose_name_plural = "jadwal piket"
        ordering = ["tanggal", "shift__urutan", "petugas__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["tanggal", "shift", "petugas"],
                condition=Q(dibatalkan_pada__isnull=True),
                name="jadwal_unik_per_tanggal_shift_petugas",
            )
        ]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} {self.shift} — {self.petugas}"

    @property
    def label_jam(self):
        return self.shift.label_jam(self.tanggal)

    def batalkan(self, *, oleh):
        self.dibatalkan_oleh = oleh
        self.dibatalkan_pada = timezone.now()
        self.save(update_fields=["dibatalkan_oleh", "dibatalkan_pada"])


class Presensi(models.Model):
    """An officer's attendance on one office-local date: Absen Masuk, then Absen Pulang."""

    petugas = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="presensi", verbose_name="petugas"
    )
    tanggal = models.DateField("tanggal", help_text="Tanggal menurut zona waktu kantor.")
    masuk = models.DateTimeField("absen masuk")
    pulang = models.DateTimeField("absen pulang", null=True, blank=True)
    ip_masuk = models.GenericIPAddressField("IP absen masuk", null=True, blank=True)
    ip_pulang = models.GenericIPAddressField("IP absen pulang", null=True, blank=True)
    # An Admin closes a forgotten Absen Pulang: the note and who/when stay on the record.
    ditutup_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ditutup oleh",
        null=True, blank=True,
    )
    ditutup_pada = models.DateTimeField("ditutup pada", null=True, blank=True)
    catatan_penutupan = models.TextField("catatan penutupan", blank=True)

    class Meta:
        verbose_name = "presensi"
        verbose_name_plural = "presensi"
        ordering = ["-tanggal", "petugas__nama"]
        constraints = [
            models.UniqueConstraint(fields=["petugas", "tanggal"], name="presensi_satu_per_petugas_per_hari"),
        ]

    def __str__(self):
        return f"{self.petugas} — {self.tanggal:%d-%m-%Y}"

    @property
    def lupa_pulang(self):
        """No Absen Pulang by the officer (open, or closed later by an Admin)."""
        return self.pulang is None or self.ditutup_oleh_id is not None

    @property
    def durasi(self):
        return self.pulang - self.masuk if self.pulang else None


class RiwayatPresensi(models.Model):
    """Append-only log of every attendance action."""

    class Aksi(models.TextChoices):
        MASUK = "masuk", "Absen Masuk"
        PULANG = "pulang", "Absen Pulang"
        DITUTUP = "ditutup", "Ditutup Admin"

    presensi = models.ForeignKey(Presensi, on_delete=models.CASCADE, related_name="riwayat")
    aksi = models.CharField("aksi", max_length=10, choices=Aksi.choices)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="oleh")
    waktu = models.DateTimeField("waktu", default=timezone.now)
    ip = models.GenericIPAddressField("IP", null=True, blank=True)
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "riwayat presensi"
        verbose_name_plural = "riwayat presensi"
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.get_aksi_display()} — {self.oleh}"
