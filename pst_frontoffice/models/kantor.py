"""The office's settings: one record, read through PengaturanKantor.get()."""

import contextlib
import contextvars
import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from ..dokumen import validasi_template_docx
from ..nomor_surat import FORMAT_NOMOR_SURAT_BAWAAN, validasi_format_nomor
from ..situs import BANTUAN_URL_PUBLIK, validasi_url_publik
from ..simpanan_kantor import simpanan_kantor
from ..teks import satu_baris
from ..unggahan import jalur_template_surat
from ..whatsapp import validasi_template_wa_grup, validasi_template_wa_pengunjung

# The office settings as read at the start of the current request (ZonaWaktuKantorMiddleware), so
# that helpers calling PengaturanKantor.get() during the request do not read the row again.
_kantor_permintaan = contextvars.ContextVar("kantor_permintaan", default=None)


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
    url_publik = models.CharField(  # links in messages and the poster's QR code: see pst_frontoffice/situs.py
        "alamat publik aplikasi", max_length=200, blank=True, validators=[validasi_url_publik], help_text=BANTUAN_URL_PUBLIK
    )
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
