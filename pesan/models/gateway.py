"""The WhatsApp gateway's settings: one record, edited by an Admin."""

import secrets

from django.core.validators import RegexValidator
from django.db import models


def rahasia_acak():
    """An unguessable value (256 bits, URL-safe) for a webhook's path or verify token."""
    return secrets.token_urlsafe(32)


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
    # Both go into the gateway request as they are (the Cloud API's path /<id>/messages, the
    # Fonnte target): only the characters such ids have, so a typed "/", "?" or line break cannot
    # send the request, token included, to another path.
    phone_number_id = models.CharField(
        "phone number ID", max_length=50, blank=True, help_text="Khusus WhatsApp Business Cloud API.",
        validators=[RegexValidator(r"^[0-9]+\Z", "Phone number ID hanya berisi angka, mis. 109876543210987.")],
    )
    grup_id = models.CharField(
        "ID grup WA", max_length=100, blank=True,
        validators=[RegexValidator(r"^[0-9-]+@g\.us\Z", "ID grup WA diakhiri @g.us dan sebelumnya hanya angka, mis. 120363012345678901@g.us.")],
        help_text="Tujuan Kirim Notifikasi ke Grup WA lewat gateway, mis. 120363012345678901@g.us.",
    )
    # Cloud API webhooks: Meta signs every POST with the app secret (X-Hub-Signature-256); the verify
    # token answers Meta's GET handshake. Kept like the token: encrypted, shown by its last characters.
    app_secret_terenkripsi = models.TextField("app secret (terenkripsi)", blank=True)
    app_secret_akhir = models.CharField("akhir app secret", max_length=4, blank=True)
    token_verifikasi = models.CharField("verify token webhook", max_length=100, default=rahasia_acak)
    # Fonnte signs nothing: its status callback is accepted only on a path holding this secret.
    rahasia_webhook = models.CharField("rahasia alamat webhook", max_length=100, default=rahasia_acak)
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
    def app_secret_samaran(self):
        return f"••••••••{self.app_secret_akhir}" if self.app_secret_terenkripsi else ""

    @property
    def siap(self):
        return self.aktif and bool(self.token_terenkripsi)
