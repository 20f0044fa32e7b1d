"""Who may come in through SSO BPS: the identities linked to accounts, and the attempts waiting for an Admin."""

from django.conf import settings
from django.db import models

from pst_frontoffice.models import Peran


class AkunSso(models.Model):
    """The SSO BPS identity (issuer and subject) an account signs in with.

    Found by the identity first on every later login, so a changed e-mail address at SSO BPS does
    not lose the account. One identity per account and one account per identity.
    """

    class Cara(models.TextChoices):
        EMAIL = "email", "Email terverifikasi"
        NIP = "nip", "NIP"
        PERSETUJUAN = "persetujuan", "Persetujuan Admin"

    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="pengguna", on_delete=models.CASCADE, related_name="akun_sso"
    )
    issuer = models.CharField("issuer", max_length=255)
    sub = models.CharField("subjek (sub)", max_length=255)
    cara = models.CharField("ditautkan lewat", max_length=12, choices=Cara.choices)
    ditautkan = models.DateTimeField("ditautkan", auto_now_add=True)
    terakhir_masuk = models.DateTimeField("terakhir masuk", null=True, blank=True)

    class Meta:
        verbose_name = "akun SSO BPS"
        verbose_name_plural = "akun SSO BPS"
        ordering = ["pengguna__nama"]
        constraints = [models.UniqueConstraint(fields=["issuer", "sub"], name="akunsso_identitas_unik")]

    def __str__(self):
        return f"{self.pengguna} ↔ {self.sub}"


class PermintaanMasukSso(models.Model):
    """Someone SSO BPS vouched for but who has no account here: the Admin approves them with a role.

    One row per SSO identity; a later attempt updates it (time, count, claims) instead of adding rows.
    """

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu persetujuan"
        DISETUJUI = "disetujui", "Disetujui"
        DIABAIKAN = "diabaikan", "Diabaikan"

    issuer = models.CharField("issuer", max_length=255)
    sub = models.CharField("subjek (sub)", max_length=255)
    email = models.CharField("email", max_length=254, blank=True)
    email_terverifikasi = models.BooleanField("email terverifikasi", default=False)
    nama = models.CharField("nama", max_length=150, blank=True)
    nama_pengguna = models.CharField("nama pengguna SSO", max_length=150, blank=True)
    nip = models.CharField("NIP", max_length=30, blank=True)
    # The ID token's claims about the person (protocol claims such as nonce and exp left out), as sent.
    klaim = models.JSONField("klaim", default=dict, blank=True)
    pertama = models.DateTimeField("percobaan pertama", auto_now_add=True)
    terakhir = models.DateTimeField("percobaan terakhir", db_index=True)
    jumlah = models.PositiveIntegerField("jumlah percobaan", default=1)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.MENUNGGU, db_index=True)
    peran = models.CharField("peran", max_length=10, choices=Peran.choices, blank=True)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="akun", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="diputuskan oleh", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    diputuskan_pada = models.DateTimeField("diputuskan pada", null=True, blank=True)

    class Meta:
        verbose_name = "permintaan masuk SSO"
        verbose_name_plural = "permintaan masuk SSO"
        ordering = ["-terakhir", "-pk"]
        constraints = [models.UniqueConstraint(fields=["issuer", "sub"], name="permintaansso_identitas_unik")]

    def __str__(self):
        return self.nama or self.email or self.nama_pengguna or self.sub
