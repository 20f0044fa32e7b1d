"""The figures of a report period, computed with aggregate queries (a fixed number per report).

Most figures are counted by the service's creation time (`Layanan.dibuat`) or the visit's time
(`Kunjungan.waktu`) inside the period, in the office's time zone; time-standard compliance by the
due time (`Layanan.tenggat`). What each figure counts is written once, in `laporan/definisi.py`,
and shown on the page and in the files.
"""

import datetime
from urllib.parse import urlencode

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncDate, TruncWeek
from django.urls import reverse
from django.utils import timezone

from bukutamu.bawaan import KODE_KONSULTASI, KODE_PENGADUAN
from bukutamu.models import Antrian, JenisLayanan, KanalOnline, Kunjungan, Sarana
from layanan.models import STATUS_TERBUKA, Kanal, Layanan, Pengaduan, Status, StatusPengaduan
from presensi.models import JadwalPiket, Presensi
from pst_frontoffice.kalender import hari_ini
from pst_frontoffice.models import PengaturanKantor
from rating import ikm


def persen(bagian, total):
    return round(100 * bagian / total, 1) if total else None


class Laporan:
    """All tables of one period; each property runs its own query once."""

    def __init__(self, periode, kantor=None):
        self.periode = periode
        self.awal, self.akhir = periode.batas
        # The time standards are office settings (defaults from the consultation service standards:
        # served within 10 min, a walk-in consultation in 3 h, an online answer in 3 working days).
        self.kantor = kantor or PengaturanKantor.get()

    # --- querysets -----------------------------------------------------------------------
    def layanan(self):
        return Layanan.objects.filter(dibuat__gte=self.awal, dibuat__lt=self.akhir)

    def kunjungan(self):
        return Kunjungan.objects.filter(waktu__gte=self.awal, waktu__lt=self.akhir)

    def tautan(self, **filter_):
        """The Semua Layanan list behind a figure."""
        query = {"dari": self.periode.mulai.isoformat(), "sampai": self.periode.selesai.isoformat(), **filter_}
        return reverse("layanan:semua") + "?" + urlencode(query)

    # --- tables --------------------------------------------------------------------------
    def ringkasan(self):
        hitung = self.layanan().aggregate(
            jumlah=Count("id"),
            selesai=Count("id", filter=Q(status=Status.SELESAI, ditutup_otomatis=False)),
            ditutup_otomatis=Count("id", filter=Q(status=Status.SELESAI, ditutup_otomatis=True)),
            dibatalkan=Count("id", filter=Q(status=Status.DIBATALKAN)),
            terbuka=Count("id", filter=Q(status__in=STATUS_TERBUKA)),
        )
        kunjungan = self.kunjungan().aggregate(jumlah=Count("id"), pengunjung=Count("pengunjung", distinct=True))
        dinilai = hitung["jumlah"] - hitung["dibatalkan"]
        return {
            "kunjungan": kunjungan["jumlah"],
            "pengunjung": kunjungan["pengunjung"],
            "layanan": hitung["jumlah"],
            "selesai": hitung["selesai"],
            "ditutup_otomatis": hitung["ditutup_otomatis"],
            "dibatalkan": hitung["dibatalkan"],
            "terbuka": hitung["terbuka"],
            "terlambat_terbuka": self.jatuh_tempo().terlambat_terbuka().count(),
            # Cancelled services are not counted against completion; auto-closed ones are closed.
            "tingkat_penyelesaian": persen(hitung["selesai"] + hitung["ditutup_otomatis"], dinilai),
        }

    def per_jenis(self):
        baris = {
            r["jenis"]: r
            for r in self.layanan().values("jenis").annotate(
                jumlah=Count("id"), selesai=Count("id", filter=Q(status=Status.SELESAI))
            )
        }
        hasil = []
        for jenis in JenisLayanan.objects.all():
            r = baris.get(jenis.pk)
            if not r and not jenis.aktif:
                continue
            jumlah, selesai = (r["jumlah"], r["selesai"]) if r else (0, 0)
            hasil.append({
                "id": jenis.pk, "nama": jenis.nama, "jumlah": jumlah, "selesai": selesai,
                "persen_selesai": persen(selesai, jumlah), "tautan": self.tautan(jenis=jenis.pk),
            })
        return hasil

    def per_sarana(self):
        baris = dict(self.layanan().values_list("kunjungan__sarana").annotate(n=Count("id")))
        return [
            {"kode": s.value, "nama": s.label, "jumlah": baris.get(s.value, 0), "tautan": self.tautan(sarana=s.value)}
            for s in Sarana
        ]

    def per_petugas(self):
        rows = (
            self.layanan()
            .values("petugas", "petugas__nama")
            .annotate(jumlah=Count("id"), selesai=Count("id", filter=Q(status=Status.SELESAI)))
            .order_by("-jumlah", "petugas__nama")
        )
        return [
            {"id": r["petugas"], "nama": r["petugas__nama"], "jumlah": r["jumlah"], "selesai": r["selesai"],
             "persen_selesai": persen(r["selesai"], r["jumlah"]), "tautan": self.tautan(petugas=r["petugas"])}
            for r in rows
        ]

    def per_status(self):
        baris = dict(self.layanan().values_list("status").annotate(n=Count("id")))
        return [
            {"kode": s.value, "nama": s.label, "jumlah": baris.get(s.value, 0), "tautan": self.tautan(status=s.value)}
            for s in Status
        ]

    def tren(self):
        """Services and visits per day (or per week for long periods), every day/week present."""
        tz = timezone.get_current_timezone()
        trunc = TruncWeek if self.periode.per_minggu else TruncDate
        layanan = dict(self.layanan().annotate(t=trunc("dibuat", tzinfo=tz)).values_list("t").annotate(n=Count("id")))
        kunjungan = dict(self.kunjungan().annotate(t=trunc("waktu", tzinfo=tz)).values_list("t").annotate(n=Count("id")))
        # TruncWeek gives datetimes on PostgreSQL and SQLite alike; compare by date.
        layanan = {_tanggal(k): v for k, v in layanan.items()}
        kunjungan = {_tanggal(k): v for k, v in kunjungan.items()}
        langkah = 7 if self.periode.per_minggu else 1
        d = self.periode.mulai - datetime.timedelta(days=self.periode.mulai.weekday()) if langkah == 7 else self.periode.mulai
        hasil = []
        while d <= self.periode.selesai:
            hasil.append({"tanggal": d, "layanan": layanan.get(d, 0), "kunjungan": kunjungan.get(d, 0)})
            d += datetime.timedelta(days=langkah)
        return hasil

    def jatuh_tempo(self):
        """Services whose due time falls in the period (the base of time-standard compliance)."""
        return Layanan.objects.filter(tenggat__gte=self.awal, tenggat__lt=self.akhir)

    def tautan_terlambat(self, **filter_):
        """The Semua Layanan list of the services counted as 'terlambat, masih terbuka'."""
        return self.tautan(status="terlambat", menurut="tenggat", **filter_)

    def tautan_pengaduan_buku_tamu(self):
        jenis = JenisLayanan.objects.filter(kode=KODE_PENGADUAN).values_list("pk", flat=True).first()
        return self.tautan(jenis=jenis or "")

    def _kepatuhan(self, qs, sekarang):
        """Due in the period: how many are decided, met, and still open past due (layanan/tenggat.py)."""
        qs = qs.exclude(status=Status.DIBATALKAN).dengan_jawaban()
        dijawab_tepat = Q(dijawab_pada__lte=F("tenggat"))
        tepat = Q(status=Status.SELESAI, ditutup_otomatis=False, selesai_pada__lte=F("tenggat")) | dijawab_tepat
        # An open service whose due time is still ahead is not decided yet, unless already answered.
        ditentukan = Q(status=Status.SELESAI) | Q(tenggat__lt=sekarang) | Q(dijawab_pada__isnull=False)
        terlambat_terbuka = Q(status__in=STATUS_TERBUKA, tenggat__lt=sekarang) & (
            Q(dijawab_pada__isnull=True) | Q(dijawab_pada__gt=F("tenggat"))
        )
        return qs.aggregate(
            jumlah=Count("id", filter=ditentukan),
            tepat=Count("id", filter=tepat),
            terlambat_terbuka=Count("id", filter=terlambat_terbuka),
        )

    def standar_waktu(self):
        """Compliance with each time standard of the consultation service standards that the data can show."""
        k = self.kantor
        sekarang = timezone.now()
        batas_tunggu = datetime.timedelta(minutes=k.batas_tunggu_menit)
        konsultasi_langsung = self._kepatuhan(
            self.jatuh_tempo().filter(jenis__kode=KODE_KONSULTASI, kunjungan__sarana=Sarana.LANGSUNG), sekarang
        )
        # Online requests and data requests: due at the end of the N-th working day (Layanan.tenggat).
        hari_kerja = self._kepatuhan(
            self.jatuh_tempo().filter(Q(kunjungan__sarana=Sarana.ONLINE) | Q(jenis__adalah_permintaan_data=True)),
            sekarang,
        )
        tunggu = ExpressionWrapper(F("dipanggil_pada") - F("diambil"), output_field=DurationField())
        antrian = (
            self.antrian().filter(dipanggil_pada__isnull=False).annotate(tunggu=tunggu)
            .aggregate(jumlah=Count("id"), tepat=Count("id", filter=Q(tunggu__lte=batas_tunggu)))
        )
        konsultasi = JenisLayanan.objects.filter(kode=KODE_KONSULTASI).values_list("pk", flat=True).first()
        baris = [
            (f"Konsultasi langsung selesai ≤ {k.batas_konsultasi_langsung_jam} jam", konsultasi_langsung,
             self.tautan_terlambat(jenis=konsultasi or "", sarana=Sarana.LANGSUNG)),
            (f"Layanan online dan permintaan data dijawab atau selesai ≤ {k.batas_online_hari_kerja} hari kerja",
             hari_kerja, self.tautan_terlambat(standar="hari_kerja")),
            (f"Nomor antrian dipanggil ≤ {k.batas_tunggu_menit} menit setelah diambil", antrian, None),
        ]
        return [
            {"nama": nama, "jumlah": h["jumlah"], "tepat": h["tepat"], "persen": persen(h["tepat"], h["jumlah"]),
             "terlambat_terbuka": h.get("terlambat_terbuka"), "tautan_terlambat": tautan}
            for nama, h, tautan in baris
        ]

    def antrian(self):
        return Antrian.objects.filter(diambil__gte=self.awal, diambil__lt=self.akhir)

    def ringkasan_antrian(self):
        """Queue tickets and waiting times (taking a number → being called)."""
        tunggu = ExpressionWrapper(F("dipanggil_pada") - F("diambil"), output_field=DurationField())
        hasil = self.antrian().aggregate(
            diambil=Count("id"),
            dipanggil=Count("id", filter=Q(dipanggil_pada__isnull=False)),
            dilewati=Count("id", filter=Q(status=Antrian.Status.DILEWATI)),
        )
        rerata = self.antrian().filter(dipanggil_pada__isnull=False).annotate(tunggu=tunggu).aggregate(r=Avg("tunggu"))["r"]
        hasil["rerata_tunggu_menit"] = round(rerata.total_seconds() / 60, 1) if rerata is not None else None
        return hasil

    def kepuasan(self):
        """SKM/IKM of the ratings filled in the period (the same computation as the IKM page)."""
        return {
            "keseluruhan": ikm.hitung_ikm(dari=self.periode.mulai, sampai=self.periode.selesai),
            "per_jenis": ikm.hitung_ikm_per("jenis", dari=self.periode.mulai, sampai=self.periode.selesai),
            "profil": ikm.tabel_profil(dari=self.periode.mulai, sampai=self.periode.selesai),
            "sampel_minimum": ikm.sampel_minimum(ikm.layanan_periode(dari=self.periode.mulai, sampai=self.periode.selesai)),
        }

    def skd(self):
        """SKD of the period's data requests: links made, opened, filled, and the fill rate."""
        hasil = self.layanan().filter(jenis__adalah_permintaan_data=True).exclude(status=Status.DIBATALKAN).aggregate(
            permintaan_data=Count("id"),
            tautan_dibuat=Count("skd"),
            dibuka=Count("skd", filter=Q(skd__pertama_dibuka__isnull=False)),
            diisi=Count("skd", filter=Q(skd__diisi_pada__isnull=False)),
        )
        hasil["persen_diisi"] = persen(hasil["diisi"], hasil["permintaan_data"])
        permintaan_data = JenisLayanan.objects.filter(adalah_permintaan_data=True).values_list("pk", flat=True).first()
        hasil["tautan"] = self.tautan(jenis=permintaan_data or "")
        return hasil

    def presensi(self):
        """Duty roster against attendance in the period (dates are already office-local)."""
        mulai, selesai = self.periode.mulai, self.periode.selesai
        hasil = JadwalPiket.objects.berlaku().filter(tanggal__range=(mulai, selesai)).aggregate(
            tugas=Count("id"), petugas_terjadwal=Count("petugas", distinct=True)
        )
        hasil.update(Presensi.objects.filter(tanggal__range=(mulai, selesai)).aggregate(
            hadir=Count("id"),
            # Today's Absen Pulang may still come; only earlier days count as forgotten.
            tanpa_pulang=Count("id", filter=Q(pulang__isnull=True, tanggal__lt=hari_ini())),
        ))
        return hasil

    def pengaduan(self):
        """Complaints in the register received in the period, per channel, and how fast they were answered."""
        qs = Pengaduan.objects.filter(diterima_pada__gte=self.awal, diterima_pada__lt=self.akhir)
        jawab = ExpressionWrapper(F("dijawab_pada") - F("diterima_pada"), output_field=DurationField())
        hasil = qs.aggregate(
            jumlah=Count("id"),
            dijawab=Count("id", filter=Q(dijawab_pada__isnull=False)),
            selesai=Count("id", filter=Q(status=StatusPengaduan.SELESAI)),
        )
        rerata = qs.filter(dijawab_pada__isnull=False).annotate(jawab=jawab).aggregate(r=Avg("jawab"))["r"]
        hasil["rerata_jawab_jam"] = round(rerata.total_seconds() / 3600, 1) if rerata is not None else None
        per_kanal = dict(qs.order_by().values_list("kanal").annotate(n=Count("id")))
        dasar = reverse("layanan:pengaduan") + "?" + urlencode(
            {"dari": self.periode.mulai.isoformat(), "sampai": self.periode.selesai.isoformat()}
        )
        hasil["tautan"] = dasar
        hasil["per_kanal"] = [
            {"kode": k.value, "nama": k.label, "jumlah": per_kanal[k.value], "tautan": f"{dasar}&kanal={k.value}"}
            for k in Kanal if per_kanal.get(k.value)
        ]
        # The guest book's Pengaduan services of the period, to set beside the register.
        hasil["layanan_pengaduan"] = self.layanan().filter(jenis__kode=KODE_PENGADUAN).count()
        return hasil


def _tanggal(nilai):
    return nilai.date() if isinstance(nilai, datetime.datetime) else nilai


KOLOM_LAYANAN = [
    ("No.", 8), ("Tanggal", 12), ("Jam", 8), ("Pengunjung", 28), ("Instansi", 32), ("No. HP", 16), ("Email", 26),
    ("Jenis Layanan", 22), ("Sarana", 10), ("Kanal", 14), ("Keperluan", 40), ("Petugas", 20), ("Status", 13),
    ("Selesai Pada", 18),
]


def jumlah_layanan(periode):
    """How many rows baris_layanan gives (for a progress bar)."""
    awal, akhir = periode.batas
    return Layanan.objects.filter(dibuat__gte=awal, dibuat__lt=akhir).count()


def baris_layanan(periode):
    """Every service of the period as a plain row (for Excel and CSV), streamed from the database."""
    awal, akhir = periode.batas
    qs = (
        Layanan.objects.filter(dibuat__gte=awal, dibuat__lt=akhir)
        .order_by("dibuat", "id")
        .values_list(
            "id", "dibuat", "kunjungan__pengunjung__nama", "kunjungan__instansi", "kunjungan__pengunjung__no_hp",
            "kunjungan__pengunjung__email", "jenis__nama", "kunjungan__sarana", "kunjungan__kanal_online",
            "kunjungan__keperluan", "petugas__nama", "status", "selesai_pada",
        )
    )
    sarana = dict(Sarana.choices)
    status = dict(Status.choices)
    kanal = dict(KanalOnline.choices)
    for (pk, dibuat, nama, instansi, hp, email, jenis, sar, kan, keperluan, petugas, st, selesai) in qs.iterator(chunk_size=2000):
        lokal = timezone.localtime(dibuat)
        yield [
            pk, lokal.date(), lokal.time().replace(microsecond=0, second=0), nama, instansi, hp, email, jenis,
            sarana.get(sar, sar), kanal.get(kan, ""), keperluan, petugas, status.get(st, st),
            timezone.localtime(selesai).replace(tzinfo=None, microsecond=0) if selesai else None,
        ]
