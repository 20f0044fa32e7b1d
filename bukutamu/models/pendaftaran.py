"""Self-registration (pendaftaran mandiri): what a visitor typed on their own phone.

The entry waits for an officer: nothing becomes a guest-book visit or a service until the officer
checks it and presses Simpan Buku Tamu. Only an online request becomes a service at once.
"""

from django.db import models

from .antrian import Antrian, JanjiTemu
from .kunjungan import JenisInstansi, JenisLayanan, Kunjungan, Pengunjung, Sarana


class PendaftaranMandiri(models.Model):
    """One self-registration; matched to an earlier visitor on the server, never shown back."""

    class Hasil(models.TextChoices):
        ANTRIAN = "antrian", "Nomor antrian"
        JANJI = "janji", "Janji temu"
        ONLINE = "online", "Permintaan online"

    nama = models.CharField("nama", max_length=150)
    instansi = models.CharField("instansi", max_length=200, blank=True)
    jenis_instansi = models.CharField(
        "jenis instansi", max_length=20, choices=JenisInstansi.choices, default=JenisInstansi.PERORANGAN
    )
    no_hp = models.CharField("no. HP", max_length=20, blank=True, help_text="Bentuk internasional, 62…")
    email = models.EmailField("email", blank=True)
    jenis_layanan = models.ManyToManyField(JenisLayanan, verbose_name="jenis pelayanan", related_name="+")
    nomor_surat_permintaan = models.CharField("nomor surat permintaan", max_length=100, blank=True)
    keperluan = models.TextField("keperluan")
    sarana = models.CharField("sarana", max_length=10, choices=Sarana.choices, default=Sarana.LANGSUNG)
    hasil = models.CharField("hasil", max_length=10, choices=Hasil.choices, default=Hasil.ANTRIAN)
    pengunjung = models.ForeignKey(
        Pengunjung, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="pengunjung yang cocok",
    )
    antrian = models.OneToOneField(
        Antrian, on_delete=models.PROTECT, null=True, blank=True, related_name="pendaftaran",
        verbose_name="antrian",
    )
    janji_temu = models.OneToOneField(
        JanjiTemu, on_delete=models.PROTECT, null=True, blank=True, related_name="pendaftaran",
        verbose_name="janji temu",
    )
    kunjungan = models.OneToOneField(
        Kunjungan, on_delete=models.PROTECT, null=True, blank=True, related_name="pendaftaran",
        verbose_name="buku tamu",
    )
    tanggal = models.DateField("tanggal (waktu kantor)", db_index=True)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    kedaluwarsa_pada = models.DateTimeField("kedaluwarsa pada", null=True, blank=True)

    class Meta:
        verbose_name = "pendaftaran mandiri"
        verbose_name_plural = "pendaftaran mandiri"
        ordering = ["-dibuat", "-id"]

    def __str__(self):
        return f"{self.nama} — {self.tanggal:%d-%m-%Y}"

    @property
    def dicatat(self):
        return self.kunjungan_id is not None

    def initial_buku_tamu(self):
        """The Buku Tamu form filled from what the visitor typed, linked to the matched visitor."""
        return {
            "pengunjung_id": self.pengunjung_id,
            "nama": self.nama,
            "instansi": self.instansi,
            "jenis_instansi": self.jenis_instansi,
            "no_hp": self.no_hp and "0" + self.no_hp.removeprefix("62"),
            "email": self.email,
            "jenis_layanan": [j.pk for j in self.jenis_layanan.all()],
            "nomor_surat_permintaan": self.nomor_surat_permintaan,
            "keperluan": self.keperluan,
            "sarana": self.sarana,
        }
