"""Days off the office decides itself (cuti bersama and one-off days), beside the national holidays."""

from django.db import models

from ..teks import satu_baris


class CutiBersama(models.Model):
    """A day off beyond the national holidays: cuti bersama (decreed each year) or a one-off holiday.

    The dates for this year and next are proposed from the `holidays` package (`hari_libur.usulkan`)
    and stay "belum diperiksa" until an Admin checks them against the decree. An unchecked proposal
    already counts as a day off: the package's dates are the best guess until then, and a fresh
    install must give the right due dates. An Admin unticks `berlaku` when the office works that day,
    and moves `tanggal` when the package only estimated it (the package's own date then no longer
    counts, national holiday or not).
    """

    class Jenis(models.TextChoices):
        CUTI_BERSAMA = "cuti_bersama", "Cuti bersama"
        LIBUR = "libur", "Hari libur lain"

    tanggal = models.DateField("tanggal", unique=True)
    keterangan = models.CharField("keterangan", max_length=150, validators=[satu_baris])
    jenis = models.CharField(
        "jenis", max_length=20, choices=Jenis.choices, default=Jenis.CUTI_BERSAMA,
        help_text="Hari libur lain: libur nasional yang tanggalnya masih perkiraan, hari pemungutan suara, "
        "libur khusus lain yang ditetapkan pemerintah.",
    )
    berlaku = models.BooleanField(
        "kantor libur", default=True,
        help_text="Hapus centang bila kantor tetap bekerja pada tanggal ini (tidak ada dalam SKB).",
    )
    diperiksa = models.BooleanField(
        "sudah diperiksa", default=True,
        help_text="Usulan dari paket holidays belum diperiksa sampai dicentang di sini, sesuai SKB cuti bersama.",
    )
    tanggal_usulan = models.DateField(
        "tanggal dari paket holidays", null=True, blank=True, editable=False,
        help_text="Tanggal yang diusulkan paket holidays; kosong bila ditambahkan Admin.",
    )

    class Meta:
        verbose_name = "cuti bersama / hari libur"
        verbose_name_plural = "cuti bersama dan hari libur"
        ordering = ["-tanggal"]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} {self.keterangan}"
