"""The WhatsApp gateway's settings: one record, edited by an Admin."""

from django.db import models


class Penyedia(models.TextChoices):
    FONNTE = "fonnte", "Fonnte (atau API serupa: POST /send)"
    CLOUD_API = "cloud_api", "WhatsApp Business Cloud API"


class PengaturanGateway(models.Model):
    """The one WhatsApp gateway record, edited by an Admin; off until switched on.

    The token is kept encrypted with a key derived from SECRET_KEY (pesan/kirim/rahasia.py):
    a database dump or backup holds only ciphertext, and screens show its last four characters.
    """

    aktif = models.BooleanField("gateway aktif", default=False)
    penyedia = models.CharField("penyedia", max_length=20, choices=Penyedia.choices, default=Penyedia.FONNTE)
    url_api = models.URLField(
        "alamat API", blank=True, default="https://api.fonnte.com",
        help_text="Fonnte: https://api.fonnte.com — Cloud API: https://graph.facebook.com/v21.0",
    )
    token_terenkripsi = models.TextField("token (terenkripsi)", blank=True)
    token_akhir = models.CharField("akhir token", max_length=4, blank=True)
    phone_number_id = models.CharField(
        "phone number ID", max_length=50, blank=True, help_text="Khusus WhatsApp Business Cloud API."
    )
    grup_id = models.CharField(
        "ID grup WA", max_length=100, blank=True,
        help_text="Tujuan Kirim Notifikasi ke Grup WA lewat gateway, mis. 120363012345678901@g.us.",
    )
    # Set when the gateway refuses the token (401/403): shown on the Outbox and settings pages.
    token_ditolak = models.TextField("token ditolak", blank=True)
    token_ditolak_pada = models.DateTimeField("token ditolak pada", null=True, blank=True)
    diperbarui = models.DateTimeField("diperbarui", auto_now=True)

    class Meta:
        verbose_name = "pengaturan gateway WA"
        verbose_name_plural = "pengaturan gateway WA"

    def __str__(self):
        return f"Gateway WA ({self.get_penyedia_display()})"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def get(cls):
        obj, _ = cls.objects.get_or_create(pk=1)
        return obj

    @property
    def token_samaran(self):
        """What screens show of the token: its last four characters."""
        return f"••••••••{self.token_akhir}" if self.token_terenkripsi else ""

    @property
    def siap(self):
        return self.aktif and bool(self.token_terenkripsi)
