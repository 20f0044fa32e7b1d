"""What the province's receiving endpoint keeps besides the summaries: nonces seen, and refusals."""

from django.db import models


class NonceKiriman(models.Model):
    """A nonce an office used; kept for twice the time window, so a captured request cannot be sent again."""

    kantor = models.ForeignKey("provinsi.Kantor", on_delete=models.CASCADE, related_name="+")
    nonce = models.CharField(max_length=64)
    waktu = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kantor", "nonce"], name="provinsi_nonce_unik")]


class AlasanTolak(models.TextChoices):
    TIDAK_LENGKAP = "tidak_lengkap", "Kepala tanda tangan tidak lengkap"
    BUKAN_HTTPS = "bukan_https", "Bukan HTTPS"
    KANTOR_TIDAK_DIKENAL = "kantor_tidak_dikenal", "Kantor tidak dikenal"
    KANTOR_NONAKTIF = "kantor_nonaktif", "Kantor dinonaktifkan"
    TANDA_SALAH = "tanda_salah", "Tanda tangan tidak cocok (isi diubah atau kunci salah)"
    WAKTU = "waktu", "Waktu tanda tangan di luar jendela"
    PENGULANGAN = "pengulangan", "Kiriman diulang (nonce sudah dipakai)"
    VERSI = "versi", "Versi ringkasan tidak dikenal"
    ISI = "isi", "Isi ringkasan tidak sah"
    HARI_BELUM_LEWAT = "hari_belum_lewat", "Hari ringkasan belum lewat di zona kantor"


class PenolakanKiriman(models.Model):
    """A refused summary, for the province Admin (and the log): who claimed to send it, from where, why."""

    waktu = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    kode_kantor = models.CharField("kode kantor (menurut kiriman)", max_length=40, blank=True)
    kantor = models.ForeignKey("provinsi.Kantor", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    alasan = models.CharField("alasan", max_length=30, choices=AlasanTolak.choices)
    rincian = models.CharField("rincian", max_length=300, blank=True)
    alamat = models.GenericIPAddressField("alamat IP", null=True, blank=True)

    class Meta:
        verbose_name = "kiriman ditolak"
        verbose_name_plural = "kiriman ditolak"
        ordering = ["-waktu", "-pk"]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.kode_kantor} {self.alasan}"
