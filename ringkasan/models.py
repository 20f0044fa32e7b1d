"""The stored daily summaries: one header row per office day and its figures, one row per measure and key,
and the same figures summed per calendar month.

The figures are those of `ringkasan.hitung` (the definition); a day's rows are replaced whole when
it is recomputed. A long report sums a few grouped queries over these rows (whole months from the
monthly sums, the days at its edges from the daily rows) instead of scanning the services of the
period.
"""

from django.db import models


class HariRingkasan(models.Model):
    """One office day: when and how its figures were computed, and whether a change has touched it since."""

    tanggal = models.DateField("tanggal", unique=True)
    # The office zone that cut this day at midnight; a day cut in another zone is recomputed.
    zona_waktu = models.CharField("zona waktu", max_length=40, blank=True)
    versi = models.PositiveSmallIntegerField("versi definisi", default=0)
    # Set when a saved change touches the day (ringkasan.receivers); the catch-up clears it.
    kotor = models.BooleanField("perlu dihitung ulang", default=True)
    ditandai_pada = models.DateTimeField("terakhir ditandai", null=True, blank=True)
    dihitung_pada = models.DateTimeField("dihitung pada", null=True, blank=True)

    class Meta:
        verbose_name = "hari ringkasan"
        verbose_name_plural = "hari ringkasan"
        ordering = ["tanggal"]
        indexes = [models.Index(fields=["kotor", "tanggal"], name="ringkasan_hari_kotor_idx")]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y}"


class AngkaHarian(models.Model):
    """One figure of one office day: a measure (ukuran), its key (kunci) and its value (ringkasan.hitung)."""

    tanggal = models.DateField("tanggal")
    ukuran = models.CharField("ukuran", max_length=40)
    kunci = models.CharField("kunci", max_length=80, blank=True)
    nilai = models.BigIntegerField("nilai")

    class Meta:
        verbose_name = "angka harian"
        verbose_name_plural = "angka harian"
        constraints = [models.UniqueConstraint(fields=["tanggal", "ukuran", "kunci"], name="ringkasan_angka_unik")]
        # The trend reads two measures per day over long periods without the others' rows.
        indexes = [models.Index(fields=["ukuran", "tanggal"], name="ringkasan_angka_ukuran_idx")]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} {self.ukuran} {self.kunci} = {self.nilai}"


class BulanRingkasan(models.Model):
    """A calendar month whose stored days are summed in AngkaBulanan.

    Storing any day of the month again deletes this row, so a month that has one was summed after
    its days' last computation; a report uses it only while every day of the month is trusted.
    """

    bulan = models.DateField("bulan (tanggal 1)", unique=True)
    zona_waktu = models.CharField("zona waktu", max_length=40)
    versi = models.PositiveSmallIntegerField("versi definisi")
    dihitung_pada = models.DateTimeField("dihitung pada")

    class Meta:
        verbose_name = "bulan ringkasan"
        verbose_name_plural = "bulan ringkasan"
        ordering = ["bulan"]

    def __str__(self):
        return f"{self.bulan:%m-%Y}"


class AngkaBulanan(models.Model):
    """One figure of a calendar month: the sum of its days' AngkaHarian (a year is twelve rows a key)."""

    bulan = models.DateField("bulan (tanggal 1)")
    ukuran = models.CharField("ukuran", max_length=40)
    kunci = models.CharField("kunci", max_length=80, blank=True)
    nilai = models.BigIntegerField("nilai")

    class Meta:
        verbose_name = "angka bulanan"
        verbose_name_plural = "angka bulanan"
        constraints = [models.UniqueConstraint(fields=["bulan", "ukuran", "kunci"], name="ringkasan_angka_bulanan_unik")]

    def __str__(self):
        return f"{self.bulan:%m-%Y} {self.ukuran} {self.kunci} = {self.nilai}"
