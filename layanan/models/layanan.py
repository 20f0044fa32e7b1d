"""A service given at the desk, its status flow and its appended history."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from bukutamu.models import JenisLayanan, Kunjungan, Sarana
from bukutamu.models.antrian import token_acak
from pst_frontoffice.aktivitas import catat
from pst_frontoffice.hari_kerja import KalenderKerja
from pst_frontoffice.models import LogAktivitas, PengaturanKantor

from .. import tenggat as aturan_tenggat
from ..signals import status_layanan_diubah
from .daftar import URUT_BAWAAN, URUT_BOLEH_KOSONG, URUTAN, relasi_daftar_terpasang
from .kepatuhan import syarat_kepatuhan
from .status import ALUR_STATUS, SELESAI, STATUS_SINGKAT, STATUS_TERBUKA, TERBUKA, Status


# The account automatic actions are recorded under (layanan.layanan.pengguna_sistem); it cannot log in.
EMAIL_SISTEM = "sistem@pst-frontoffice.invalid"


def jawaban_pertama():
    """When the office first answered, from the history: the first entry that set Menunggu tanggapan
    pengunjung and was not undone (an answer whose status change was undone was not an answer)."""
    jawaban = RiwayatLayanan.objects.filter(
        layanan=models.OuterRef("pk"), ke_status=Status.MENUNGGU, diurungkan__isnull=True
    )
    return models.Subquery(jawaban.order_by("waktu", "id").values("waktu")[:1])


class LayananQuerySet(models.QuerySet):
    def terbuka(self):
        return self.filter(TERBUKA)

    def selesai(self):
        """Finished by an officer (the figure "Selesai"); auto-closed services are not."""
        return self.filter(SELESAI)

    def cari(self, teks):
        """The list search: visitor's name, instansi or keperluan containing the words."""
        return self.filter(
            Q(kunjungan__nama__icontains=teks)
            | Q(kunjungan__instansi__icontains=teks)
            | Q(kunjungan__keperluan__icontains=teks)
        )

    def milik(self, user):
        """Services the user handles, as handler or co-handler."""
        # A subquery rather than a join on the co-handlers: no DISTINCT over every row, which
        # made Layanan Saya four times slower at 100,000 services.
        didampingi = Layanan.pendamping.through.objects.filter(user=user).values("layanan_id")
        return self.filter(models.Q(petugas=user) | models.Q(pk__in=didampingi))

    def untuk_daftar(self):
        """Everything a list row shows, in one query.

        The one-to-one records of higher apps (rating, SKD) are joined too. When the lists filtered
        and sorted this joined query, PostgreSQL spent ~10 ms planning it; the rows are now read by
        their ids alone (pst_frontoffice.paginasi.ambil_baris, `in_bulk`), where the two outer joins
        cost 0.7 ms of planning and save the two prefetch queries (0.3 ms a page, measured).
        """
        return self.select_related("kunjungan", "jenis", "petugas", *relasi_daftar_terpasang(self.model))

    def hitung_ulang_jawaban(self):
        """Set `dijawab_pada` again from the history, for rows whose history was written or moved by
        other means than `ubah_status` (the migration that added it, demo data spread over time)."""
        return self.update(dijawab_pada=jawaban_pertama())

    def dengan_awal_diam(self):
        """Annotate `awal_diam`: since when the visitor has been silent after the office's answer.

        The later of the last time the office set Menunggu tanggapan pengunjung (its answer) and
        the last time the visitor answered (a history entry of the kind Tanggapan pengunjung);
        the service's creation when neither exists. Nothing else the office does (a note, another
        officer, co-handlers) restarts it: only the visitor's side counts.
        """
        awal = models.Max(
            "riwayat__waktu",
            filter=Q(riwayat__jenis=RiwayatLayanan.Jenis.TANGGAPAN) | Q(riwayat__ke_status=Status.MENUNGGU),
        )
        return self.annotate(awal_diam=Coalesce(awal, "dibuat"))

    def terlambat_terbuka(self, sekarang=None):
        """Open services past their due time that the office has not answered by then (see layanan/tenggat.py)."""
        return self.kepatuhan("terlambat_terbuka", sekarang=sekarang)

    def kepatuhan(self, angka, *, sekarang=None):
        """The services behind one time-standard figure (`syarat_kepatuhan`), for the given moment."""
        return self.filter(syarat_kepatuhan(sekarang or timezone.now())[angka])

    def urut_tenggat(self):
        """Open services first, the nearest due time on top; closed ones after, newest first."""
        return self.order_by(
            models.Case(models.When(status__in=STATUS_TERBUKA, then=models.Value(0)), default=models.Value(1)),
            models.F("tenggat").asc(nulls_last=True),
            "-dibuat",
            "-id",
        )

    def urutkan(self, kunci):
        """Order by a list column (URUTAN; "-" in front: the other way); an unknown key keeps newest first."""
        kunci = kunci if kunci in URUTAN or kunci.lstrip("-") in URUTAN else URUT_BAWAAN
        if kunci == "tenggat":
            return self.urut_tenggat()
        turun = kunci.startswith("-")
        medan = URUTAN[kunci.lstrip("-")]
        if kunci.lstrip("-") == "status":
            medan = models.Case(*(models.When(status=s, then=models.Value(i)) for i, s in enumerate(Status)))
        else:
            medan = models.F(medan)
        # NULLS LAST only where a column can be empty: on a NOT NULL one it keeps PostgreSQL from
        # reading the index backwards (newest first: 82 ms → 0.1 ms at 100,000 services).
        kosong_akhir = {"nulls_last": True} if kunci.lstrip("-") in URUT_BOLEH_KOSONG else {}
        urutan = medan.desc(**kosong_akhir) if turun else medan.asc(**kosong_akhir)
        # The id breaks ties the same way, so a page boundary never shows a row twice.
        return self.order_by(urutan, "-id" if turun else "id")


class Layanan(models.Model):
    """One kind of help given to one visit (a visit asking for two kinds has two)."""

    kunjungan = models.ForeignKey(Kunjungan, on_delete=models.PROTECT, related_name="layanan")
    # The visit's channel, copied (save(); a changed visit passes it on, layanan.receivers): the
    # time-standard figures group the services due in a period by it, and joining each to its visit
    # was most of that query (4.1 → 1.9 ms without it at 1M services, docs/kinerja.md).
    sarana = models.CharField("sarana kunjungan", max_length=10, choices=Sarana.choices, editable=False)
    jenis = models.ForeignKey(JenisLayanan, on_delete=models.PROTECT, related_name="layanan", verbose_name="jenis")
    status = models.CharField("status", max_length=15, choices=Status.choices, default=Status.DITERIMA)
    petugas = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="layanan_ditangani", verbose_name="petugas"
    )
    pendamping = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="layanan_didampingi", verbose_name="petugas pendamping"
    )
    dibuat = models.DateTimeField("dibuat", default=timezone.now, db_index=True)
    diperbarui = models.DateTimeField("diperbarui", auto_now=True)
    selesai_pada = models.DateTimeField("selesai pada", null=True, blank=True)
    # Stored, not computed per row, so lists can sort by it; recomputed for open services when
    # the time standards or the cuti bersama dates change (receivers.py).
    tenggat = models.DateTimeField("tenggat", null=True, blank=True, db_index=True)
    # The visitor's public status page (lacak layanan); unguessable, so it shows nobody else's.
    token_lacak = models.CharField("token lacak", max_length=32, unique=True, default=token_acak, editable=False)
    # Closed by the auto-close of a silent conversation, not by an officer: reports count these
    # apart from the services an officer finished.
    ditutup_otomatis = models.BooleanField("ditutup otomatis", default=False)
    # When someone else (an officer, the duty roster) gave the service to its current handler; empty
    # when the handler took or recorded it themselves. The handler's bell counts the ones given
    # since they last looked (layanan.pemberitahuan).
    ditugaskan_pada = models.DateTimeField("ditugaskan pada", null=True, blank=True)
    # The office's first answer (`jawaban_pertama`), kept by ubah_status and urungkan_status: stored,
    # as a subquery it was repeated in each compliance condition (~4 ms of every report's query).
    dijawab_pada = models.DateTimeField("dijawab pada", null=True, blank=True, editable=False)

    objects = LayananQuerySet.as_manager()

    class Meta:
        verbose_name = "layanan"
        verbose_name_plural = "layanan"
        ordering = ["-dibuat", "-id"]
        indexes = [
            models.Index(fields=["petugas", "status", "-dibuat"], name="layanan_petugas_status_idx"),
            models.Index(fields=["status", "-dibuat"], name="layanan_status_idx"),
            # Dashboard "Selesai hari ini": without it every finished service is read.
            models.Index(fields=["selesai_pada"], name="layanan_selesai_pada_idx"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.jenis} — {self.kunjungan.nama}"

    def get_absolute_url(self):
        return reverse("layanan:detail", args=[self.pk])

    @property
    def pengunjung(self):
        """The visitor record (for matching and history); what to show is on the visit."""
        return self.kunjungan.pengunjung

    @property
    def kontak(self):
        """Where messages about this service go: the contact confirmed for its visit (Kunjungan.kontak)."""
        return self.kunjungan.kontak

    @property
    def terbuka(self):
        return self.status in STATUS_TERBUKA

    @property
    def status_singkat(self):
        """The status as a list row shows it (STATUS_SINGKAT), "" where the label fits as it is."""
        return STATUS_SINGKAT.get(self.status, "")

    def save(self, *args, **kwargs):
        if self.kunjungan_id and (not self.sarana or Layanan.kunjungan.is_cached(self)):
            self.sarana = self.kunjungan.sarana  # a new service, or the visit at hand (free to read)
        if self.tenggat is None and self.kunjungan_id and self.jenis_id:
            self.tenggat = self.hitung_tenggat()
        super().save(*args, **kwargs)

    def hitung_tenggat(self, *, kantor=None, kalender=None):
        """The due time under the office's time standards (see layanan/tenggat.py)."""
        return aturan_tenggat.hitung_tenggat(
            self.dibuat,
            online=self.kunjungan.sarana == Sarana.ONLINE,
            permintaan_data=self.jenis.adalah_permintaan_data,
            kantor=kantor or PengaturanKantor.get(),
            kalender=kalender or KalenderKerja(),
        )

    def keadaan_tenggat(self, *, ambang_persen, sekarang=None):
        """'aman', 'mendekati' (amber) or 'terlambat' (red) while open; None once closed or while waiting on the visitor."""
        if not self.terbuka or self.status == Status.MENUNGGU or self.tenggat is None:
            return None
        return aturan_tenggat.keadaan_tenggat(
            self.dibuat, self.tenggat, ambang_persen=ambang_persen, sekarang=sekarang or timezone.now()
        )

    def catat_riwayat(self, catatan="", *, oleh, jenis=None, dari_status="", ke_status="", waktu=None):
        """Append an entry to the service's timeline (the one way history is written)."""
        return RiwayatLayanan.objects.create(
            layanan=self, jenis=jenis or RiwayatLayanan.Jenis.CATATAN, dari_status=dari_status, ke_status=ke_status,
            catatan=catatan, oleh=oleh, waktu=waktu or timezone.now(),
        )

    def status_berikutnya(self):
        """The statuses this service may move to now."""
        pilihan = ALUR_STATUS[self.status]
        if not self.jenis.adalah_permintaan_data:
            pilihan = tuple(s for s in pilihan if s != Status.SIAP_DIAMBIL)
        if self.kunjungan.sarana != Sarana.ONLINE:
            pilihan = tuple(s for s in pilihan if s != Status.MENUNGGU)
        return pilihan

    def boleh_diubah_oleh(self, user):
        if user.is_admin:
            return True
        if not user.is_petugas or self.petugas_id == user.pk:
            return user.is_petugas
        if "pendamping" in getattr(self, "_prefetched_objects_cache", {}):  # read already (the service's page)
            return any(p.pk == user.pk for p in self.pendamping.all())
        return self.pendamping.filter(pk=user.pk).exists()

    def ubah_status(self, ke, *, oleh, catatan="", otomatis=False):
        """Move along the allowed flow and append the change to the history (`otomatis`: by the auto-close)."""
        ke = Status(ke)
        if ke not in self.status_berikutnya():
            raise ValidationError(
                f"Status tidak dapat diubah dari {self.get_status_display()} ke {ke.label}."
            )
        catatan = (catatan or "").strip()
        if ke == Status.DIBATALKAN and not catatan:
            raise ValidationError("Alasan pembatalan wajib diisi.")
        with transaction.atomic():
            # Lock the row so two officers pressing Update together cannot skip a check.
            terkini = Layanan.objects.select_for_update().get(pk=self.pk)
            if terkini.status != self.status:
                raise ValidationError("Status layanan baru saja diubah petugas lain; muat ulang halaman.")
            sekarang = timezone.now()
            dari = self.status
            self.status = ke
            self.selesai_pada = sekarang if ke in (Status.SELESAI, Status.DIBATALKAN) else None
            self.ditutup_otomatis = otomatis
            kolom = ["status", "selesai_pada", "ditutup_otomatis", "diperbarui"]
            if ke == Status.MENUNGGU and terkini.dijawab_pada is None:
                self.dijawab_pada = sekarang  # the first answer; a later one does not move it
                kolom.append("dijawab_pada")
            self.save(update_fields=kolom)
            self.catat_riwayat(
                catatan, oleh=oleh, jenis=RiwayatLayanan.Jenis.STATUS, dari_status=dari, ke_status=ke, waktu=sekarang
            )
            catat(oleh, LogAktivitas.Aksi.STATUS, self, f"{Status(dari).label} → {ke.label}. {catatan}".strip())
            status_layanan_diubah.send(sender=Layanan, layanan=self, dari=dari, ke=ke, oleh=oleh)

    def urungkan_status(self, riwayat_id, *, oleh, sekarang=None):
        """Undo the officer's own status change, within URUNGKAN_STATUS_DETIK and while nothing else
        happened to the service since; the undo is a new history entry pointing at the one it undoes.

        Delivery reports the system writes after the change (a message sent to the visitor) do not
        block it; messages already sent are not taken back, and no new ones are queued.
        """
        sekarang = sekarang or timezone.now()
        with transaction.atomic():
            terkini = Layanan.objects.select_for_update().get(pk=self.pk)
            entri = (
                RiwayatLayanan.objects.filter(layanan=self, pk=riwayat_id, jenis=RiwayatLayanan.Jenis.STATUS)
                .select_related("diurungkan").first()
            )
            if entri is None or entri.mengurungkan_id:
                raise ValidationError("Perubahan status itu tidak dapat diurungkan.")
            if entri.oleh_id != oleh.pk:
                raise ValidationError("Hanya petugas yang mengubah status yang dapat mengurungkannya.")
            if getattr(entri, "diurungkan", None) is not None:
                raise ValidationError("Perubahan status itu sudah diurungkan.")
            if sekarang - entri.waktu > datetime.timedelta(seconds=settings.URUNGKAN_STATUS_DETIK):
                raise ValidationError(
                    f"Waktu mengurungkan sudah lewat ({settings.URUNGKAN_STATUS_DETIK} detik). Ubah status lewat Update."
                )
            sesudahnya = (
                self.riwayat.filter(models.Q(waktu__gt=entri.waktu) | models.Q(waktu=entri.waktu, pk__gt=entri.pk))
                .exclude(oleh__email=EMAIL_SISTEM)
            )
            if terkini.status != entri.ke_status or sesudahnya.exists():
                raise ValidationError("Sudah ada perubahan lain sesudahnya; perubahan status tidak dapat diurungkan.")
            dari, ke = Status(entri.ke_status), Status(entri.dari_status)
            self.status = ke
            self.selesai_pada = None  # a change can only be undone back to an open status
            self.ditutup_otomatis = False
            self.save(update_fields=["status", "selesai_pada", "ditutup_otomatis", "diperbarui"])
            RiwayatLayanan.objects.create(
                layanan=self, jenis=RiwayatLayanan.Jenis.STATUS, dari_status=dari, ke_status=ke, oleh=oleh, waktu=sekarang,
                catatan=f"Mengurungkan perubahan {ke.label} → {dari.label}.", mengurungkan=entri,
            )
            if entri.ke_status == Status.MENUNGGU:
                # The undone answer was no answer: the first one left, if any, counts.
                Layanan.objects.filter(pk=self.pk).hitung_ulang_jawaban()
                self.dijawab_pada = Layanan.objects.values_list("dijawab_pada", flat=True).get(pk=self.pk)
            catat(oleh, LogAktivitas.Aksi.STATUS, self, f"Diurungkan: {dari.label} → {ke.label}.")

    def alihkan(self, ke_petugas, *, oleh, catatan=""):
        """Give the service to another officer; recorded in the history."""
        if ke_petugas.pk == self.petugas_id:
            return
        with transaction.atomic():
            sebelumnya = self.petugas
            self.petugas = ke_petugas
            self.ditugaskan_pada = timezone.now() if oleh.pk != ke_petugas.pk else None
            self.save(update_fields=["petugas", "ditugaskan_pada", "diperbarui"])
            self.pendamping.remove(ke_petugas)
            self.catat_riwayat(
                catatan or f"Dialihkan dari {sebelumnya} ke {ke_petugas}.", oleh=oleh, jenis=RiwayatLayanan.Jenis.PETUGAS
            )
            catat(oleh, LogAktivitas.Aksi.PETUGAS, self, f"Dialihkan dari {sebelumnya} ke {ke_petugas}.")

    def atur_pendamping(self, daftar, *, oleh):
        """Set the co-handlers; recorded in the history when they change."""
        baru = {u.pk for u in daftar if u.pk != self.petugas_id}
        lama = set(self.pendamping.values_list("pk", flat=True))
        if baru == lama:
            return
        with transaction.atomic():
            self.pendamping.set(baru)
            nama = ", ".join(str(u) for u in daftar if u.pk in baru) or "tidak ada"
            self.catat_riwayat(f"Petugas pendamping: {nama}.", oleh=oleh, jenis=RiwayatLayanan.Jenis.PETUGAS)


class RiwayatLayanan(models.Model):
    """An appended entry in a service's timeline; never edited or deleted."""

    class Jenis(models.TextChoices):
        DIBUAT = "dibuat", "Dibuat"
        STATUS = "status", "Perubahan status"
        PETUGAS = "petugas", "Petugas"
        CATATAN = "catatan", "Catatan"
        # The visitor answered (recorded by an officer, or by the system for a reply that arrives
        # by itself): the one entry that restarts the auto-close's silence clock.
        TANGGAPAN = "tanggapan", "Tanggapan pengunjung"

    layanan = models.ForeignKey(Layanan, on_delete=models.CASCADE, related_name="riwayat")
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices, default=Jenis.STATUS)
    dari_status = models.CharField("dari", max_length=15, choices=Status.choices, blank=True)
    ke_status = models.CharField("ke", max_length=15, choices=Status.choices, blank=True)
    catatan = models.TextField("catatan", blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="oleh")
    waktu = models.DateTimeField("waktu", default=timezone.now)
    # An undo (Urungkan) is its own entry naming the status change it undoes; the earlier entry stays as it was.
    mengurungkan = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="diurungkan", verbose_name="mengurungkan"
    )

    class Meta:
        verbose_name = "riwayat layanan"
        verbose_name_plural = "riwayat layanan"
        ordering = ["waktu", "id"]

    def __str__(self):
        return f"{self.layanan_id}: {self.get_jenis_display()} {timezone.localtime(self.waktu):%d-%m-%Y %H.%M}"
