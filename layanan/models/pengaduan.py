"""The complaints register: every channel a complaint can come through (the desk, the suggestion
box, website, e-mail, WhatsApp, LAPOR!, a rating), its SKM element, follow-ups and response time."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from pst_frontoffice.skm import UNSUR

from .layanan import Layanan


class Kanal(models.TextChoices):
    LANGSUNG = "langsung", "Langsung"
    KOTAK_SARAN = "kotak_saran", "Kotak saran"
    WEBSITE = "website", "Website"
    EMAIL = "email", "E-mail"
    WHATSAPP = "whatsapp", "WhatsApp"
    LAPOR = "lapor", "LAPOR!"
    RATING = "rating", "Rating layanan"


# A complaint is filed under one of the SKM elements, from the one list of them.
UnsurSKM = models.TextChoices("UnsurSKM", [(u.kode, (str(u.nomor), u.nama)) for u in UNSUR])


class StatusPengaduan(models.TextChoices):
    BARU = "baru", "Baru"
    DITINDAKLANJUTI = "ditindaklanjuti", "Ditindaklanjuti"
    SELESAI = "selesai", "Selesai"


def _pimpinan_atau_admin(user):
    return user.is_authenticated and (user.is_pimpinan or user.is_admin)


class PengaduanQuerySet(models.QuerySet):
    def terlihat_oleh(self, user):
        """The complaints this user may read: a complaint written in a rating only for Pimpinan and Admin."""
        if _pimpinan_atau_admin(user):
            return self
        return self.exclude(kanal=Kanal.RATING)

    def untuk_daftar(self):
        return self.select_related("dicatat_oleh", "layanan__jenis")


class Pengaduan(models.Model):
    """One complaint, however it arrived; handled through appended follow-up notes."""

    kanal = models.CharField("kanal", max_length=15, choices=Kanal.choices, default=Kanal.LANGSUNG)
    nomor_tiket_lapor = models.CharField(
        "nomor tiket LAPOR!", max_length=40, blank=True, help_text="Wajib untuk pengaduan dari lapor.go.id."
    )
    nama_pelapor = models.CharField("nama pelapor", max_length=150, blank=True, help_text="Kosongkan bila anonim.")
    kontak_pelapor = models.CharField("kontak pelapor", max_length=150, blank=True, help_text="No. HP atau e-mail.")
    isi = models.TextField("isi pengaduan")
    unsur = models.CharField("unsur SKM", max_length=2, choices=UnsurSKM.choices, blank=True)
    status = models.CharField("status", max_length=15, choices=StatusPengaduan.choices, default=StatusPengaduan.BARU)
    layanan = models.ForeignKey(
        Layanan, on_delete=models.PROTECT, null=True, blank=True, related_name="pengaduan",
        verbose_name="layanan terkait",
    )
    diterima_pada = models.DateTimeField("diterima", default=timezone.now, db_index=True)
    dijawab_pada = models.DateTimeField("dijawab", null=True, blank=True)
    selesai_pada = models.DateTimeField("selesai", null=True, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="dicatat oleh",
    )
    dibuat = models.DateTimeField("dibuat", default=timezone.now)

    objects = PengaduanQuerySet.as_manager()

    class Meta:
        verbose_name = "pengaduan"
        verbose_name_plural = "pengaduan"
        ordering = ["-diterima_pada", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kanal="lapor", nomor_tiket_lapor=""), name="pengaduan_lapor_bertiket"
            ),
        ]

    def __str__(self):
        return f"Pengaduan #{self.pk} ({self.get_kanal_display()})"

    def get_absolute_url(self):
        return reverse("layanan:pengaduan_detail", args=[self.pk])

    def clean(self):
        if self.kanal == Kanal.LAPOR and not self.nomor_tiket_lapor.strip():
            raise ValidationError({"nomor_tiket_lapor": "Nomor tiket LAPOR! wajib diisi untuk kanal LAPOR!."})

    # Who reads and who follows up (README, "Pengaduan: siapa membaca dan menindaklanjuti"). A visitor
    # writes in the rating form that "pimpinan kantor akan membacanya", often about the officer who
    # served them: so that complaint goes to Pimpinan and Admin only. Complaints from the other
    # channels are recorded at the desk, and the desk follows them up; Pimpinan reads them.
    @property
    def dari_rating(self):
        return self.kanal == Kanal.RATING

    def boleh_dibaca_oleh(self, user):
        if self.dari_rating:
            return _pimpinan_atau_admin(user)
        return user.is_authenticated and (user.is_petugas or user.is_pimpinan or user.is_admin)

    def boleh_ditindaklanjuti_oleh(self, user):
        if self.dari_rating:
            return _pimpinan_atau_admin(user)
        return user.is_authenticated and (user.is_petugas or user.is_admin)

    @property
    def waktu_respons(self):
        """From received to first answer to the complainant; None while unanswered."""
        if self.dijawab_pada is None:
            return None
        return self.dijawab_pada - self.diterima_pada

    def tindak_lanjuti(self, *, oleh, catatan, status=None, jawaban=False, unsur=None):
        """Append a follow-up note; may move the status and mark the first answer."""
        catatan = (catatan or "").strip()
        if not catatan:
            raise ValidationError("Catatan tindak lanjut wajib diisi.")
        with transaction.atomic():
            terkini = Pengaduan.objects.select_for_update().get(pk=self.pk)
            if terkini.status == StatusPengaduan.SELESAI:
                raise ValidationError("Pengaduan ini sudah selesai.")
            sekarang = timezone.now()
            dari = terkini.status
            ke = status or (StatusPengaduan.DITINDAKLANJUTI if dari == StatusPengaduan.BARU else dari)
            if ke == StatusPengaduan.BARU:
                raise ValidationError("Status tindak lanjut harus Ditindaklanjuti atau Selesai.")
            self.status = ke
            if jawaban and terkini.dijawab_pada is None:
                self.dijawab_pada = sekarang
            if ke == StatusPengaduan.SELESAI:
                self.selesai_pada = sekarang
            if unsur:
                self.unsur = unsur
            self.save(update_fields=["status", "dijawab_pada", "selesai_pada", "unsur"])
            return TindakLanjutPengaduan.objects.create(
                pengaduan=self, catatan=catatan, dari_status=dari, ke_status=ke, jawaban=jawaban,
                oleh=oleh, waktu=sekarang,
            )


class TindakLanjutPengaduan(models.Model):
    """An appended follow-up note on a complaint, with who and when; never edited."""

    pengaduan = models.ForeignKey(Pengaduan, on_delete=models.CASCADE, related_name="tindak_lanjut")
    catatan = models.TextField("catatan")
    dari_status = models.CharField("dari", max_length=15, choices=StatusPengaduan.choices)
    ke_status = models.CharField("ke", max_length=15, choices=StatusPengaduan.choices)
    jawaban = models.BooleanField("jawaban kepada pelapor", default=False)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="oleh")
    waktu = models.DateTimeField("waktu", default=timezone.now)

    class Meta:
        verbose_name = "tindak lanjut pengaduan"
        verbose_name_plural = "tindak lanjut pengaduan"
        ordering = ["waktu", "id"]

    def __str__(self):
        return f"{self.pengaduan_id}: {self.get_ke_status_display()} {timezone.localtime(self.waktu):%d-%m-%Y %H.%M}"
