"""Visitors and their visits, as written in the guest book (Buku Tamu)."""

from typing import NamedTuple

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone


class JenisInstansi(models.TextChoices):
    PEMERINTAH = "pemerintah", "Instansi pemerintah"
    ORGANISASI = "organisasi", "Organisasi / LSM"
    PERUSAHAAN = "perusahaan", "Perusahaan / swasta"
    PENDIDIKAN = "pendidikan", "Perguruan tinggi / sekolah"
    PERORANGAN = "perorangan", "Perorangan / umum"
    LAINNYA = "lainnya", "Lainnya"


class Kontak(NamedTuple):
    """The recipient of a visitor message: the name to greet and where to send (blank: nowhere)."""

    nama: str
    no_hp: str
    email: str


class Pengunjung(models.Model):
    """One person who uses the service: one record per person, matched on phone or e-mail.

    It changes only when an officer confirms a change (RiwayatPengunjung keeps each one); each
    visit keeps its own copy of who came that day.
    """

    nama = models.CharField("nama", max_length=150)
    instansi = models.CharField("instansi", max_length=200, blank=True)
    jenis_instansi = models.CharField(
        "jenis instansi", max_length=20, choices=JenisInstansi.choices, default=JenisInstansi.PERORANGAN
    )
    no_hp = models.CharField("no. HP", max_length=20, blank=True, help_text="Bentuk internasional, 62…")
    email = models.EmailField("email", blank=True)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    diperbarui = models.DateTimeField("diperbarui", auto_now=True)

    class Meta:
        verbose_name = "pengunjung"
        verbose_name_plural = "pengunjung"
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(fields=["no_hp"], condition=~Q(no_hp=""), name="pengunjung_no_hp_unik"),
            models.UniqueConstraint(fields=["email"], condition=~Q(email=""), name="pengunjung_email_unik"),
        ]
        indexes = [
            models.Index(fields=["nama"], name="pengunjung_nama_idx"),
            # The autocomplete shows the most recently seen matches first.
            models.Index(fields=["-diperbarui"], name="pengunjung_diperbarui_idx"),
        ]

    def __str__(self):
        return f"{self.nama} ({self.instansi})" if self.instansi else self.nama


class RiwayatPengunjung(models.Model):
    """An appended entry in a visitor record's history: what changed, who confirmed it, when."""

    class Jenis(models.TextChoices):
        DIPERBARUI = "diperbarui", "Data diperbarui"
        DIGABUNG = "digabung", "Digabung"

    pengunjung = models.ForeignKey(Pengunjung, on_delete=models.PROTECT, related_name="riwayat")
    jenis = models.CharField("jenis", max_length=12, choices=Jenis.choices)
    # {field: [before, after]} for a change; a merge keeps the removed record's fields in full.
    perubahan = models.JSONField("perubahan", default=dict, blank=True)
    catatan = models.TextField("catatan", blank=True)
    kunjungan = models.ForeignKey(
        "Kunjungan", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="kunjungan", help_text="Kunjungan tempat petugas mengonfirmasi perubahan.",
    )
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="oleh")
    waktu = models.DateTimeField("waktu", default=timezone.now)

    class Meta:
        verbose_name = "riwayat pengunjung"
        verbose_name_plural = "riwayat pengunjung"
        ordering = ["waktu", "id"]

    def __str__(self):
        return f"{self.get_jenis_display()} {timezone.localtime(self.waktu):%d-%m-%Y %H.%M}"


class JenisLayanan(models.Model):
    """A kind of service a visitor can ask for (master data an Admin can extend)."""

    class Kelompok(models.TextChoices):
        UTAMA = "utama", "Utama"
        LAINNYA = "lainnya", "Lainnya"

    kode = models.SlugField("kode", max_length=40, unique=True)
    nama = models.CharField("nama", max_length=100, unique=True)
    kelompok = models.CharField("kelompok", max_length=10, choices=Kelompok.choices, default=Kelompok.LAINNYA)
    keterangan = models.CharField("keterangan", max_length=200, blank=True)
    adalah_permintaan_data = models.BooleanField(
        "permintaan data",
        default=False,
        help_text="Layanan jenis ini punya status Siap Diambil, nomor surat balasan dan SKD.",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=50)
    aktif = models.BooleanField("aktif", default=True)
    prefix_antrian = models.CharField(
        "prefix antrian",
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{1,3}$", "Prefix antrian 1–3 huruf kapital, misalnya K.")],
        help_text="Huruf di depan nomor antrian (K-001). Kosong: tidak tampil di kios antrian.",
    )

    class Meta:
        verbose_name = "jenis layanan"
        verbose_name_plural = "jenis layanan"
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


class Sarana(models.TextChoices):
    LANGSUNG = "langsung", "Langsung"
    ONLINE = "online", "Online"


class KanalOnline(models.TextChoices):
    PST = "pst", "pst.bps.go.id"
    WHATSAPP = "whatsapp", "WhatsApp"
    EMAIL = "email", "E-mail"
    ZOOM = "zoom", "Zoom"
    MANDIRI = "mandiri", "Formulir daftar mandiri"
    LAINNYA = "lainnya", "Lainnya"


class Kunjungan(models.Model):
    """One entry in the guest book: a visitor coming (or writing) with one or more needs."""

    pengunjung = models.ForeignKey(Pengunjung, on_delete=models.PROTECT, related_name="kunjungan")
    waktu = models.DateTimeField("waktu kunjungan", db_index=True)
    sarana = models.CharField("sarana kunjungan", max_length=10, choices=Sarana.choices)
    kanal_online = models.CharField("kanal online", max_length=10, choices=KanalOnline.choices, blank=True)
    jenis_layanan = models.ManyToManyField(JenisLayanan, verbose_name="jenis pelayanan", related_name="+")
    keperluan = models.TextField("keperluan")
    nomor_surat_permintaan = models.CharField("nomor surat permintaan", max_length=100, blank=True)
    # Who came, as they were that day. Services, letters, reports, exports and messages read these,
    # never the Pengunjung record, which later visits may correct (with its own history).
    nama = models.CharField("nama saat kunjungan", max_length=150)
    instansi = models.CharField("instansi saat kunjungan", max_length=200, blank=True)
    jenis_instansi = models.CharField(
        "jenis instansi saat kunjungan", max_length=20, choices=JenisInstansi.choices, default=JenisInstansi.PERORANGAN
    )
    no_hp = models.CharField("no. HP saat kunjungan", max_length=20, blank=True, help_text="Bentuk internasional, 62…")
    email = models.EmailField("email saat kunjungan", blank=True)
    # False only for an online self-registration whose typed contact differs from the stored visitor
    # it matched: nobody in the office has confirmed that contact, so no message goes to it (kontak).
    kontak_dikonfirmasi = models.BooleanField(
        "kontak dikonfirmasi", default=True,
        help_text="Pesan otomatis (tautan rating, SKD, pemberitahuan, surat balasan) hanya ke kontak yang dikonfirmasi petugas.",
    )
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="kunjungan_dicatat", verbose_name="dicatat oleh"
    )

    class Meta:
        verbose_name = "kunjungan"
        verbose_name_plural = "kunjungan"
        ordering = ["-waktu"]
        # A visitor's visits in time order: their last visit before a day (the daily summaries'
        # different visitors, one index probe each) and the visitor's history panel.
        indexes = [models.Index(fields=["pengunjung", "waktu"], name="kunjungan_pengunjung_waktu_idx")]

    def __str__(self):
        return f"{self.nama} — {timezone.localtime(self.waktu):%d-%m-%Y %H.%M}"

    @property
    def kontak(self):
        """Who messages about this visit go to: the visit's own name and the contact the officer confirmed."""
        if not self.kontak_dikonfirmasi:
            return Kontak(self.nama, "", "")
        return Kontak(self.nama, self.no_hp, self.email)

    @property
    def sarana_lengkap(self):
        if self.sarana == Sarana.ONLINE and self.kanal_online:
            return f"Online ({self.get_kanal_online_display()})"
        return self.get_sarana_display()
