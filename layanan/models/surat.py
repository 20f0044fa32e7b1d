"""Reply letters to data requests: the classification table, the yearly number sequence, the
numbers given and the signed files uploaded for them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from bukutamu.models import JenisInstansi
from pst_frontoffice.unggahan import NAMA_JENIS, nama_acak

from .layanan import Layanan

# Archive classification by addressee (Perka BPS No. 99/2018); editable by an Admin.
KLASIFIKASI_BAWAAN = {
    JenisInstansi.PEMERINTAH: "HM.310",
    JenisInstansi.ORGANISASI: "HM.320",
    JenisInstansi.PERUSAHAAN: "HM.330",
    JenisInstansi.PENDIDIKAN: "HM.340",
    JenisInstansi.PERORANGAN: "VS.620",
    JenisInstansi.LAINNYA: "VS.620",
}


class KlasifikasiSurat(models.Model):
    """Which archive classification code a reply gets, by the addressee's type of instansi."""

    jenis_instansi = models.CharField("jenis instansi tujuan", max_length=20, choices=JenisInstansi.choices, unique=True)
    kode = models.CharField(
        "kode klasifikasi", max_length=20,
        help_text="Mis. HM.310 (instansi pemerintah), HM.340 (perguruan tinggi/sekolah), VS.620 (lainnya).",
    )

    class Meta:
        verbose_name = "klasifikasi surat"
        verbose_name_plural = "klasifikasi surat"
        ordering = ["kode", "jenis_instansi"]

    def __str__(self):
        return f"{self.kode} — {self.get_jenis_instansi_display()}"

    @classmethod
    def saran_untuk(cls, jenis_instansi, baris=None):
        """The code suggested for an addressee of this type; `baris`: the table, if already read."""
        if baris is None:
            kode = cls.objects.filter(jenis_instansi=jenis_instansi).values_list("kode", flat=True).first()
        else:
            kode = next((k.kode for k in baris if k.jenis_instansi == jenis_instansi), None)
        return kode or KLASIFIKASI_BAWAAN.get(jenis_instansi, "VS.620")

    @classmethod
    def pilihan(cls, baris=None):
        """Distinct codes with the instansi types they serve, for a select box; `baris`: the table,
        if already read."""
        kelompok = {}
        for k in cls.objects.all() if baris is None else baris:
            kelompok.setdefault(k.kode, []).append(k.get_jenis_instansi_display())
        if not kelompok:
            for jenis, kode in KLASIFIKASI_BAWAAN.items():
                kelompok.setdefault(kode, []).append(jenis.label)
        return [(kode, f"{kode} — {', '.join(nama)}") for kode, nama in sorted(kelompok.items())]


class PenghitungSurat(models.Model):
    """The office's one sequence per year; its row is locked while a number is given."""

    tahun = models.PositiveSmallIntegerField("tahun", unique=True)
    terakhir = models.PositiveIntegerField("nomor urut terakhir", default=0)

    class Meta:
        verbose_name = "penghitung nomor surat"
        verbose_name_plural = "penghitung nomor surat"

    def __str__(self):
        return f"{self.tahun}: {self.terakhir}"


class NomorSuratQuerySet(models.QuerySet):
    def aktif(self):
        return self.filter(dibatalkan=False)

    def untuk_daftar(self):
        return self.select_related(
            "layanan__kunjungan", "layanan__jenis", "dibuat_oleh", "dibatalkan_oleh"
        )


class NomorSurat(models.Model):
    """A reply-letter number, given once and never again; a mistaken one is voided, not deleted."""

    tahun = models.PositiveSmallIntegerField("tahun")
    urut = models.PositiveIntegerField("nomor urut")
    nomor = models.CharField("nomor surat", max_length=100, unique=True)
    klasifikasi = models.CharField("klasifikasi", max_length=20)
    tanggal = models.DateField("tanggal surat")
    layanan = models.ForeignKey(Layanan, on_delete=models.PROTECT, related_name="nomor_surat")
    tujuan = models.CharField("tujuan (Yth.)", max_length=200)
    perihal = models.CharField("perihal", max_length=200)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="dibuat oleh"
    )
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    dibatalkan = models.BooleanField("dibatalkan", default=False)
    alasan_batal = models.TextField("alasan pembatalan", blank=True)
    dibatalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="dibatalkan oleh",
    )
    dibatalkan_pada = models.DateTimeField("dibatalkan pada", null=True, blank=True)

    objects = NomorSuratQuerySet.as_manager()

    class Meta:
        verbose_name = "nomor surat balasan"
        verbose_name_plural = "nomor surat balasan"
        ordering = ["-tahun", "-urut"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "urut"], name="nomor_surat_tahun_urut_unik"),
            models.UniqueConstraint(
                fields=["layanan"], condition=Q(dibatalkan=False), name="nomor_surat_satu_aktif_per_layanan"
            ),
        ]

    def __str__(self):
        return self.nomor

    def batalkan(self, *, alasan, oleh):
        """Void the number with a reason; it stays in the register and is never reused."""
        alasan = (alasan or "").strip()
        if not alasan:
            raise ValidationError("Alasan pembatalan nomor surat wajib diisi.")
        with transaction.atomic():
            terkini = NomorSurat.objects.select_for_update().get(pk=self.pk)
            if terkini.dibatalkan:
                raise ValidationError("Nomor surat ini sudah dibatalkan.")
            self.dibatalkan = True
            self.alasan_batal = alasan
            self.dibatalkan_oleh = oleh
            self.dibatalkan_pada = timezone.now()
            self.save(update_fields=["dibatalkan", "alasan_batal", "dibatalkan_oleh", "dibatalkan_pada"])
            self.layanan.catat_riwayat(f"Nomor surat {self.nomor} dibatalkan: {alasan}", oleh=oleh)


def jalur_berkas_surat(instance, filename):
    return nama_acak("surat-balasan", instance.jenis or "bin")


class BerkasSurat(models.Model):
    """The signed reply letter (PDF/DOCX); a replaced file stays, marked as replaced."""

    layanan = models.ForeignKey(Layanan, on_delete=models.PROTECT, related_name="berkas_surat")
    berkas = models.FileField("berkas", upload_to=jalur_berkas_surat, max_length=200)
    nama_asli = models.CharField("nama berkas asli", max_length=255)
    jenis = models.CharField("jenis", max_length=5, choices=[(k, v) for k, v in NAMA_JENIS.items()])
    ukuran = models.PositiveIntegerField("ukuran (byte)")
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="diunggah oleh"
    )
    diunggah = models.DateTimeField("diunggah", default=timezone.now)
    diganti_pada = models.DateTimeField("diganti pada", null=True, blank=True)
    untuk_pengunjung = models.BooleanField(
        "boleh diunduh pengunjung", default=False,
        help_text="Pengunjung dapat mengunduh berkas ini dari halaman lacak layanan.",
    )

    class Meta:
        verbose_name = "berkas surat balasan"
        verbose_name_plural = "berkas surat balasan"
        ordering = ["-diunggah", "-id"]

    def __str__(self):
        return self.nama_asli

    @property
    def aktif(self):
        return self.diganti_pada is None

    @property
    def nama_unduhan(self):
        """A safe download name: the visitor-facing original stem with the checked extension."""
        dasar = self.nama_asli.rsplit(".", 1)[0] or "surat-balasan"
        return f"{dasar}.{self.jenis}"
