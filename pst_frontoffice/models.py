"""What every app shares: users with their role, and the office's settings."""

import contextlib
import contextvars
import datetime
import zoneinfo

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from .dokumen import validasi_template_docx
from .nomor_surat import FORMAT_NOMOR_SURAT_BAWAAN, validasi_format_nomor
from .simpanan_kantor import simpanan_kantor
from .teks import normalisasi_email, satu_baris
from .unggahan import jalur_template_surat
from .whatsapp import validasi_template_wa_grup, validasi_template_wa_pengunjung

# The office settings as read at the start of the current request (ZonaWaktuKantorMiddleware), so
# that helpers calling PengaturanKantor.get() during the request do not read the row again.
_kantor_permintaan = contextvars.ContextVar("kantor_permintaan", default=None)


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

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["nama"]

    objects = UserManager()

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        ordering = ["nama"]

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


class ZonaWaktu(models.TextChoices):
    WIB = "Asia/Jakarta", "WIB (Asia/Jakarta)"
    WITA = "Asia/Makassar", "WITA (Asia/Makassar)"
    WIT = "Asia/Jayapura", "WIT (Asia/Jayapura)"


TEMPLATE_WA_GRUP_BAWAAN = (
    "*Permintaan Koordinasi PST*\n"
    "Pengunjung: {nama}\n"
    "Instansi: {instansi}\n"
    "Jenis layanan: {jenis}\n"
    "Keperluan: {keperluan}\n"
    "Petugas: {petugas}\n"
    "Detail: {tautan}\n\n"
    "Mohon bantuan jawaban dari subject matter terkait. Terima kasih."
)


TEMPLATE_WA_PENGUNJUNG_BAWAAN = (
    "Yth. {nama},\n"
    "permintaan data Anda di {kantor} kini berstatus *{status}*.\n"
    "{keterangan}\n"
    "Nomor surat balasan: {nomor_surat}\n\n"
    "Terima kasih telah menggunakan layanan PST."
)


class PengaturanKantor(models.Model):
    """The one settings record of this installation's office, edited by an Admin."""

    # Single-line fields refuse line breaks (satu_baris): the office name goes into e-mail headers.
    nama_kantor = models.CharField(
        "nama kantor", max_length=150, default="BPS Kabupaten Tanah Bumbu", validators=[satu_baris]
    )
    kode_unit = models.CharField(
        "kode unit kerja",
        max_length=5,
        default="63100",
        validators=[RegexValidator(r"^\d{5}\Z", "Kode unit harus 5 angka, misalnya 63100."), satu_baris],
        help_text="4 angka kode wilayah + 1 angka unit, dipakai pada nomor surat.",
    )
    alamat = models.TextField(
        "alamat",
        default="Jl. Dharma Praja, Gunung Tinggi, Kec. Batulicin, Kabupaten Tanah Bumbu, Kalimantan Selatan",
    )
    telepon = models.CharField("telepon", max_length=50, blank=True, default="", validators=[satu_baris])
    email = models.EmailField("email kantor", blank=True, default="bps6310@bps.go.id")
    situs = models.URLField("situs web", blank=True, default="https://tanahbumbukab.bps.go.id")
    zona_waktu = models.CharField("zona waktu", max_length=40, choices=ZonaWaktu.choices, default=ZonaWaktu.WITA)
    lebar_tiket = models.CharField(
        "lebar kertas tiket antrian", max_length=2, choices=[("80", "80 mm"), ("58", "58 mm")], default="80",
        help_text="Lebar gulungan printer termal di kios. Pengunjung tidak melihat pilihan ini; petugas tetap "
        "dapat memilih 58 atau 80 mm pada tiket yang dicetak di meja.",
    )
    template_wa_grup = models.TextField(
        "template notifikasi grup WA",
        default=TEMPLATE_WA_GRUP_BAWAAN,
        validators=[validasi_template_wa_grup],
        help_text="Tersedia: {nama} {instansi} {jenis} {keperluan} {petugas} {tautan} {nomor}",
    )
    url_drive = models.URLField("URL Drive Kumpulan Data", blank=True, default="https://drive.google.com/")
    url_skd = models.URLField(
        "URL Survei Kebutuhan Data (SKD)", blank=True, default="https://s.bps.go.id/skd2026"
    )
    format_nomor_surat = models.CharField(
        "format nomor surat balasan", max_length=100, default=FORMAT_NOMOR_SURAT_BAWAAN,
        validators=[validasi_format_nomor, satu_baris],
        help_text="Tersedia: {urut:03} {kode_unit} {klasifikasi} {bulan:02} {tahun}. Segmen bulan boleh dihapus, "
        "mis. B-{urut:03}/{kode_unit}/{klasifikasi}/{tahun}.",
    )
    kota_surat = models.CharField(
        "kota pada tanggal surat", max_length=60, blank=True, default="Batulicin", validators=[satu_baris],
        help_text="Ditulis sebelum tanggal surat, mis. Batulicin, 22 November 2026.",
    )
    penandatangan_jabatan = models.CharField(
        "jabatan penanda tangan", max_length=150, blank=True, default="Kepala BPS Kabupaten Tanah Bumbu",
        validators=[satu_baris],
    )
    penandatangan_nama = models.CharField(
        "nama penanda tangan", max_length=150, blank=True, default="", validators=[satu_baris]
    )
    template_surat_balasan = models.FileField(
        "template .docx surat balasan", upload_to=jalur_template_surat, blank=True,
        validators=[FileExtensionValidator(["docx"], "Template surat harus berkas .docx."), validasi_template_docx],
        help_text="Kosongkan untuk memakai template bawaan. Isian yang tersedia dijelaskan di docs/surat.md "
        "(mis. {{nomor_surat}}, {{tanggal_surat}}, {{tujuan}}, {{perihal}}, {{daftar_data}}).",
    )
    template_wa_pengunjung = models.TextField(
        "template WA ke pengunjung (Siap Diambil/Selesai)",
        default=TEMPLATE_WA_PENGUNJUNG_BAWAAN,
        validators=[validasi_template_wa_pengunjung],
        help_text="Tersedia: {nama} {kantor} {status} {keterangan} {nomor_surat} {jenis} {nomor}",
    )
    # Service standards (the BPS consultation and library service standards); numbers without a
    # primary source stay editable.
    batas_tunggu_menit = models.PositiveSmallIntegerField(
        "dilayani paling lambat (menit)", default=10,
        help_text="Pengunjung langsung dilayani paling lambat sekian menit setelah nomor sebelumnya selesai.",
    )
    batas_konsultasi_langsung_jam = models.PositiveSmallIntegerField(
        "lama konsultasi langsung paling lama (jam)", default=3,
        validators=[MinValueValidator(1)],
        help_text="Tenggat layanan langsung selain permintaan data, dihitung dari waktu dicatat.",
    )
    batas_online_hari_kerja = models.PositiveSmallIntegerField(
        "layanan online dijawab dalam (hari kerja)", default=3,
        validators=[MinValueValidator(1)],
        help_text="Tenggat layanan online dan permintaan data: akhir hari kerja ke-N setelah dicatat.",
    )
    tutup_otomatis_hari = models.PositiveSmallIntegerField(
        "tutup otomatis konsultasi online setelah (hari)", default=3,
        validators=[MinValueValidator(1)],
        help_text="Konsultasi online tanpa tanggapan selama sekian hari ditutup otomatis (3 atau 7).",
    )
    ambang_kuning_persen = models.PositiveSmallIntegerField(
        "tanda kuning setelah (% waktu terpakai)", default=75,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text="Tenggat berwarna kuning setelah sekian persen waktu terpakai, merah bila lewat.",
    )
    # Outside service hours and days visitors are served by appointment (consultation service
    # standard); the office says between which hours an officer can be there.
    jam_janji_mulai = models.TimeField(
        "janji temu mulai pukul", default=datetime.time(7),
        help_text="Janji temu di luar jam layanan (juga Sabtu, Minggu dan hari libur) dapat dibuat mulai pukul ini.",
    )
    jam_janji_selesai = models.TimeField(
        "janji temu sampai pukul", default=datetime.time(18),
        help_text="Janji temu paling lambat dimulai sebelum pukul ini.",
    )
    diperbarui = models.DateTimeField("diperbarui", auto_now=True)

    class Meta:
        verbose_name = "pengaturan kantor"
        verbose_name_plural = "pengaturan kantor"

    def __str__(self):
        return self.nama_kantor

    def clean(self):
        if self.jam_janji_mulai and self.jam_janji_selesai and self.jam_janji_selesai <= self.jam_janji_mulai:
            raise ValidationError({"jam_janji_selesai": "Jam selesai janji temu harus sesudah jam mulainya."})

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        if _kantor_permintaan.get() is not None:
            # Saved during a request: the rest of that request sees the new values.
            _kantor_permintaan.set(self)

    @classmethod
    def get(cls):
        kantor = _kantor_permintaan.get()
        if kantor is not None:
            return kantor
        return simpanan_kantor.ambil(cls)

    @classmethod
    @contextlib.contextmanager
    def selama_permintaan(cls, kantor):
        """Within the block, get() returns `kantor` (the middleware wraps each request in it)."""
        token = _kantor_permintaan.set(kantor)
        try:
            yield kantor
        finally:
            _kantor_permintaan.reset(token)

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.zona_waktu)

    @property
    def singkatan_zona(self):
        return {ZonaWaktu.WIB: "WIB", ZonaWaktu.WITA: "WITA", ZonaWaktu.WIT: "WIT"}.get(self.zona_waktu, "")


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

class LogAktivitas(models.Model):
    """Who did what, when and from where; appended only, read by Admin in Django admin.

    Written through `pst_frontoffice.aktivitas.catat`, never edited or deleted.
    """

    class Aksi(models.TextChoices):
        LOGIN = "login", "Login"
        LOGOUT = "logout", "Keluar"
        LOGIN_GAGAL = "login_gagal", "Login gagal"
        STATUS = "status", "Perubahan status"
        PETUGAS = "petugas", "Perubahan petugas"
        ADMIN_TAMBAH = "admin_tambah", "Admin: tambah"
        ADMIN_UBAH = "admin_ubah", "Admin: ubah"
        ADMIN_HAPUS = "admin_hapus", "Admin: hapus"

    waktu = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    pengguna = models.ForeignKey(
        User, verbose_name="pengguna", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The email typed on a failed login, or the user's name when the row was written.
    identitas = models.CharField("identitas", max_length=254, blank=True)
    # Free text so other apps can add their own actions; the common ones are in Aksi.
    aksi = models.CharField("aksi", max_length=40, db_index=True)
    objek_tipe = models.CharField("jenis objek", max_length=100, blank=True)
    objek_id = models.CharField("ID objek", max_length=64, blank=True)
    objek = models.CharField("objek", max_length=200, blank=True)
    keterangan = models.TextField("keterangan", blank=True)
    ip = models.GenericIPAddressField("alamat IP", null=True, blank=True)

    class Meta:
        verbose_name = "log aktivitas"
        verbose_name_plural = "log aktivitas"
        ordering = ["-waktu", "-pk"]
        indexes = [models.Index(fields=["objek_tipe", "objek_id"], name="logaktivitas_objek_idx")]

    def __str__(self):
        return f"{self.identitas or '-'} · {self.label_aksi} · {self.objek}".rstrip(" ·")

    @property
    def label_aksi(self):
        try:
            return self.Aksi(self.aksi).label
        except ValueError:
            return self.aksi.replace("_", " ").capitalize()
