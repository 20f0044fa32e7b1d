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
from layanan.models import (
    DIBATALKAN, DITUTUP_OTOMATIS, SELESAI, TERBUKA, Kanal, Layanan, Pengaduan, Status, StatusPengaduan,
    syarat_kepatuhan,
)
from presensi.models import JadwalPiket, Presensi
from pst_frontoffice.kalender import hari_ini
from pst_frontoffice.models import PengaturanKantor
from rating import ikm

from .rincian import DIMENSI, STANDAR_ANTRIAN, STANDAR_HARI_KERJA, STANDAR_KONSULTASI_LANGSUNG, saring_standar, tunggu_antrian


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

    def rincian(self, angka, **dimensi):
        """The address of the list behind a figure (laporan.rincian), for this period."""
        query = {**self.periode.query(), "angka": angka, **{k: v for k, v in dimensi.items() if k in DIMENSI}}
        return reverse("laporan:rincian") + "?" + urlencode(query)

    # --- tables --------------------------------------------------------------------------
    def ringkasan(self):
        hitung = self.layanan().aggregate(
            jumlah=Count("id"),
            selesai=Count("id", filter=SELESAI),
            ditutup_otomatis=Count("id", filter=DITUTUP_OTOMATIS),
            dibatalkan=Count("id", filter=DIBATALKAN),
            terbuka=Count("id", filter=TERBUKA),
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

    def tautan_ringkasan(self):
        """The list behind each count of the summary."""
        angka = ("kunjungan", "pengunjung", "layanan", "selesai", "ditutup_otomatis", "dibatalkan", "terbuka", "terlambat_terbuka")
        return {a: self.rincian(a) for a in angka}

    def per_jenis(self):
        baris = {
            r["jenis"]: r
            for r in self.layanan().values("jenis").annotate(jumlah=Count("id"), selesai=Count("id", filter=SELESAI))
        }
        hasil = []
        for jenis in JenisLayanan.objects.all():
            r = baris.get(jenis.pk)
            if not r and not jenis.aktif:
                continue
            jumlah, selesai = (r["jumlah"], r["selesai"]) if r else (0, 0)
            hasil.append({
                "id": jenis.pk, "nama": jenis.nama, "jumlah": jumlah, "selesai": selesai,
                "persen_selesai": persen(selesai, jumlah), "tautan": self.rincian("layanan", jenis=jenis.pk),
                "tautan_selesai": self.rincian("selesai", jenis=jenis.pk),
            })
        return hasil

    def per_sarana(self):
        baris = dict(self.layanan().values_list("kunjungan__sarana").annotate(n=Count("id")))
        return [
            {"kode": s.value, "nama": s.label, "jumlah": baris.get(s.value, 0), "tautan": self.rincian("layanan", sarana=s.value)}
            for s in Sarana
        ]

    def per_petugas(self):
        rows = (
            self.layanan()
            .values("petugas", "petugas__nama")
            .annotate(jumlah=Count("id"), selesai=Count("id", filter=SELESAI))
            .order_by("-jumlah", "petugas__nama")
        )
        return [
            {"id": r["petugas"], "nama": r["petugas__nama"], "jumlah": r["jumlah"], "selesai": r["selesai"],
             "persen_selesai": persen(r["selesai"], r["jumlah"]), "tautan": self.rincian("layanan", petugas=r["petugas"]),
             "tautan_selesai": self.rincian("selesai", petugas=r["petugas"])}
            for r in rows
        ]

    def per_status(self):
        """Each status as it is now; Selesai as the other tables count it, the auto-closed ones on a row of their own."""
        baris = self.layanan().aggregate(
            **{s.value: Count("id", filter=Q(status=s)) for s in Status if s != Status.SELESAI},
            selesai=Count("id", filter=SELESAI), ditutup_otomatis=Count("id", filter=DITUTUP_OTOMATIS),
        )
        urutan = [(s.value, s.label) for s in Status] + [("ditutup_otomatis", "Ditutup otomatis")]
        return [
            {"kode": kode, "nama": nama, "jumlah": baris[kode], "tautan": self.rincian("layanan", status=kode)}
            for kode, nama in urutan
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

    def _kepatuhan(self, qs, sekarang):
        """Due in the period: decided, met, late, and still open past due (layanan.models.syarat_kepatuhan)."""
        syarat = syarat_kepatuhan(sekarang)
        return qs.dengan_jawaban().aggregate(**{angka: Count("id", filter=q) for angka, q in syarat.items()})

    def standar_waktu(self):
        """Compliance with each time standard of the consultation service standards that the data can show."""
        k = self.kantor
        sekarang = timezone.now()
        batas_tunggu = datetime.timedelta(minutes=k.batas_tunggu_menit)
        antrian = (
            self.antrian().filter(dipanggil_pada__isnull=False).annotate(tunggu=tunggu_antrian())
            .aggregate(jatuh_tempo=Count("id"), memenuhi=Count("id", filter=Q(tunggu__lte=batas_tunggu)))
        )
        antrian["terlambat"] = antrian["jatuh_tempo"] - antrian["memenuhi"]
        baris = [
            (f"Konsultasi langsung selesai ≤ {k.batas_konsultasi_langsung_jam} jam", STANDAR_KONSULTASI_LANGSUNG,
             self._kepatuhan(saring_standar(self.jatuh_tempo(), STANDAR_KONSULTASI_LANGSUNG), sekarang)),
            # Online requests and data requests: due at the end of the N-th working day (Layanan.tenggat).
            (f"Layanan online dan permintaan data dijawab atau selesai ≤ {k.batas_online_hari_kerja} hari kerja",
             STANDAR_HARI_KERJA, self._kepatuhan(saring_standar(self.jatuh_tempo(), STANDAR_HARI_KERJA), sekarang)),
            (f"Nomor antrian dipanggil ≤ {k.batas_tunggu_menit} menit setelah diambil", STANDAR_ANTRIAN, antrian),
        ]
        hasil = []
        for nama, standar, h in baris:
            angka = ("jatuh_tempo", "memenuhi", "terlambat") + (("terlambat_terbuka",) if "terlambat_terbuka" in h else ())
            hasil.append({
                "nama": nama, "standar": standar, "jumlah": h["jatuh_tempo"], "tepat": h["memenuhi"],
                "terlambat": h["terlambat"], "persen": persen(h["memenuhi"], h["jatuh_tempo"]),
                "terlambat_terbuka": h.get("terlambat_terbuka"),
                "tautan": {a: self.rincian(a, standar=standar) for a in angka},
            })
        return hasil

    def antrian(self):
        return Antrian.objects.filter(diambil__gte=self.awal, diambil__lt=self.akhir)

    def ringkasan_antrian(self):
        """Queue tickets and waiting times (taking a number → being called)."""
        tunggu = tunggu_antrian()
        hasil = self.antrian().aggregate(
            diambil=Count("id"),
            dipanggil=Count("id", filter=Q(dipanggil_pada__isnull=False)),
            dilewati=Count("id", filter=Q(status=Antrian.Status.DILEWATI)),
        )
        rerata = self.antrian().filter(dipanggil_pada__isnull=False).annotate(tunggu=tunggu).aggregate(r=Avg("tunggu"))["r"]
        hasil["rerata_tunggu_menit"] = round(rerata.total_seconds() / 60, 1) if rerata is not None else None
        hasil["tautan"] = {a: self.rincian(f"antrian_{a}") for a in ("diambil", "dipanggil", "dilewati")}
        return hasil

    def kepuasan(self):
        """SKM/IKM of the ratings filled in the period (the same computation as the IKM page)."""
        periode = {"dari": self.periode.mulai, "sampai": self.periode.selesai}
        per_jenis = ikm.hitung_ikm_per("jenis", **periode)
        profil = ikm.tabel_profil(**periode)
        for h in per_jenis:
            h.tautan = self.rincian("responden", jenis=h.kunci)
        for tabel in profil:
            for b in tabel["baris"]:
                b["tautan"] = self.rincian("responden", profil=tabel["kolom"], nilai=b["nilai"])
        keseluruhan = ikm.hitung_ikm(**periode)
        keseluruhan.tautan = self.rincian("responden")
        populasi = ikm.layanan_periode(**periode)
        cukup, teks = ikm.teks_sampel(keseluruhan.responden, populasi)
        return {
            "keseluruhan": keseluruhan,
            "per_jenis": per_jenis,
            "profil": profil,
            "populasi": populasi,
            "sampel_minimum": ikm.sampel_minimum(populasi),
            "sampel_cukup": cukup,
            "teks_sampel": teks,
        }

    def skd(self):
        """SKD of the period's data requests: links made, opened, filled, and the fill rate."""
        hasil = self.layanan().filter(jenis__adalah_permintaan_data=True).exclude(DIBATALKAN).aggregate(
            permintaan_data=Count("id"),
            tautan_dibuat=Count("skd"),
            dibuka=Count("skd", filter=Q(skd__pertama_dibuka__isnull=False)),
            diisi=Count("skd", filter=Q(skd__diisi_pada__isnull=False)),
        )
        hasil["persen_diisi"] = persen(hasil["diisi"], hasil["permintaan_data"])
        hasil["tautan"] = {
            "permintaan_data": self.rincian("skd_permintaan"), "tautan_dibuat": self.rincian("skd_dibuat"),
            "dibuka": self.rincian("skd_dibuka"), "diisi": self.rincian("skd_diisi"),
        }
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
        hasil["tautan"] = {
            "tugas": self.rincian("jadwal_tugas"), "petugas_terjadwal": self.rincian("petugas_terjadwal"),
            "hadir": self.rincian("presensi_hadir"), "tanpa_pulang": self.rincian("presensi_tanpa_pulang"),
        }
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
        hasil["per_kanal"] = [
            {"kode": k.value, "nama": k.label, "jumlah": per_kanal[k.value], "tautan": self.rincian("pengaduan", kanal=k.value)}
            for k in Kanal if per_kanal.get(k.value)
        ]
        # The guest book's Pengaduan services of the period, to set beside the register.
        hasil["layanan_pengaduan"] = self.layanan().filter(jenis__kode=KODE_PENGADUAN).count()
        hasil["tautan"] = {
            "jumlah": self.rincian("pengaduan"), "dijawab": self.rincian("pengaduan_dijawab"),
            "selesai": self.rincian("pengaduan_selesai"), "layanan_pengaduan": self.rincian("layanan_pengaduan"),
        }
        return hasil


def _tanggal(nilai):
    return nilai.date() if isinstance(nilai, datetime.datetime) else nilai


KOLOM_LAYANAN = [
    ("No.", 8), ("Tanggal", 12), ("Jam", 8), ("Pengunjung", 28), ("Instansi", 32), ("No. HP", 16), ("Email", 26),
    ("Jenis Layanan", 22), ("Sarana", 10), ("Kanal", 14), ("Keperluan", 40), ("Petugas", 20), ("Status", 13),
    ("Selesai Pada", 18),
]


def baris_layanan(periode):
    """Every service of the period as a plain row (for Excel and CSV), streamed from the database."""
    awal, akhir = periode.batas
    qs = (
        Layanan.objects.filter(dibuat__gte=awal, dibuat__lt=akhir)
        .order_by("dibuat", "id")
        .values_list(
            "id", "dibuat", "kunjungan__pengunjung__nama", "kunjungan__instansi", "kunjungan__pengunjung__no_hp",
            "kunjungan__pengunjung__email", "jenis__nama", "kunjungan__sarana", "kunjungan__kanal_online",
            "kunjungan__keperluan", "petugas__nama", "status", "ditutup_otomatis", "selesai_pada",
        )
    )
    sarana = dict(Sarana.choices)
    status = dict(Status.choices)
    kanal = dict(KanalOnline.choices)
    for (pk, dibuat, nama, instansi, hp, email, jenis, sar, kan, keperluan, petugas, st, otomatis, selesai) in qs.iterator(
        chunk_size=2000
    ):
        lokal = timezone.localtime(dibuat)
        # An auto-closed service is not "Selesai" in any table (layanan.models.DITUTUP_OTOMATIS).
        label_status = "Ditutup otomatis" if otomatis and st == Status.SELESAI else status.get(st, st)
        yield [
            pk, lokal.date(), lokal.time().replace(microsecond=0, second=0), nama, instansi, hp, email, jenis,
            sarana.get(sar, sar), kanal.get(kan, ""), keperluan, petugas, label_status,
            timezone.localtime(selesai).replace(tzinfo=None, microsecond=0) if selesai else None,
        ]
