"""Users and their role: officers, heads of office and admins log in with e-mail."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models

from ..teks import normalisasi_email, satu_baris


class Peran(models.TextChoices):
    PETUGAS = "petugas", "Petugas"
    PIMPINAN = "pimpinan", "Pimpinan"
    ADMIN = "admin", "Admin"


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        # Also what User.clean() applies, so admin forms check uniqueness on the stored form.
        return normalisasi_email(email)

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("Email wajib diisi.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("peran", Peran.PETUGAS)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["peran"] = Peran.ADMIN
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        # Exact on the normalised form: a database's own case folding (PostgreSQL's UPPER folds
        # ı to I) would find an account under an address the lockout counts separately.
        return self.get(email=normalisasi_email(username))


class User(AbstractUser):
    """An officer, head of office or admin; logs in with e-mail."""

    username = None
    first_name = None
    last_name = None
    nama = models.CharField("nama", max_length=150, validators=[satu_baris])
    email = models.EmailField("email", unique=True)
    peran = models.CharField("peran", max_length=10, choices=Peran.choices, default=Peran.PETUGAS)
    no_hp = models.CharField("no. HP", max_length=20, blank=True, validators=[satu_baris])
    # The employee number (Nomor Induk Pegawai): how Masuk dengan SSO BPS finds the account when the
    # SSO server sends it in a claim (SSO_KLAIM_NIP), whatever e-mail address either side holds.
    # Database defaults too: rows written by code that predates these columns (an older migration's
    # model state, a bulk copy) get the same values.
    nip = models.CharField(
        "NIP", max_length=30, blank=True, default="", db_default="",
        help_text="Nomor Induk Pegawai, untuk mencocokkan akun SSO BPS.",
    )
    masuk_sandi = models.BooleanField(
        "boleh masuk dengan kata sandi", default=True, db_default=True,
        help_text="Matikan untuk akun yang wajib masuk dengan SSO BPS. Kata sandinya tetap tersimpan.",
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["nama"]

    objects = UserManager()

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["nip"], condition=~models.Q(nip=""), name="user_nip_unik",
                violation_error_message="NIP ini sudah dipakai akun lain.",
            ),
        ]

    def __str__(self):
        return self.nama or self.email

    def save(self, *args, **kwargs):
        self.email = normalisasi_email(self.email)
        # The Admin role is the one that manages users, master data and office settings in
        # Django admin; no other role enters it. One switch, so the two can never disagree.
        self.is_staff = self.is_superuser = self.peran == Peran.ADMIN
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.nama

    def get_short_name(self):
        return self.nama.split(" ")[0] if self.nama else self.email

    def punya_peran(self, *peran):
        return self.is_active and self.peran in peran

    @property
    def is_petugas(self):
        return self.peran == Peran.PETUGAS

    @property
    def is_pimpinan(self):
        return self.peran == Peran.PIMPINAN

    @property
    def is_admin(self):
        return self.peran == Peran.ADMIN
