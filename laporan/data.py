"""The figures of a report period, from the daily summaries (`ringkasan`): one definition for every table.

Every figure is a sum of the period's daily figures (`ringkasan.hitung`), counted on the office day
its own date falls on: services by when they were recorded, time-standard compliance by the due
day, visits, ratings, queue numbers and complaints by their own time, in the office's time zone.
Every period reads the stored days and computes only the days not stored (today and later, days
changed since the nightly catch-up; `ringkasan.harian.baca`), so a year costs a few grouped
queries over summary rows instead of scans of every service in it, and a week the same plus
today's rows. One path for every period: the figures cannot differ by the period's length. Attendance
stays live: its tables hold a few rows a day. What each figure counts is written once, in
`laporan/definisi.py`, shown on the page and in the files, and each figure opens its list
(`laporan.rincian`).
"""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from bukutamu.bawaan import KODE_PENGADUAN
from bukutamu.models import Antrian, JenisLayanan, KanalOnline, Kunjungan, Sarana
from layanan.models import STATUS_TERBUKA, Kanal, Layanan, Status
from presensi.models import JadwalPiket, Presensi
from pst_frontoffice.hitung import hitung_sekaligus
from pst_frontoffice.kalender import hari_ini, rentang_hari
from pst_frontoffice.models import PengaturanKantor
from pst_frontoffice.skm import FIELD_UNSUR
from rating import ikm
from ringkasan import harian
from ringkasan.hitung import STATUS_DITUTUP_OTOMATIS

from .rincian import DIMENSI, STANDAR_ANTRIAN, STANDAR_HARI_KERJA, STANDAR_KONSULTASI_LANGSUNG

def persen(bagian, total):
    return round(100 * bagian / total, 1) if total else None


def _bagi(kunci):
    """"3|selesai" → ("3", "selesai")."""
    depan, _, belakang = kunci.partition("|")
    return depan, belakang


class Laporan:
    """All tables of one period, from one read of its daily figures.

    `sumber`: "ringkasan" (the default: stored days, and the days not stored computed live) or
    "langsung" (every day computed from the live tables: the reference the tests compare with).
    """

    def __init__(self, periode, kantor=None, *, sumber=None, sekarang=None):
        self.periode = periode
        self.awal, self.akhir = periode.batas
        # The time standards are office settings (defaults from the consultation service standards:
        # served within 10 min, a walk-in consultation in 3 h, an online answer in 3 working days).
        self.kantor = kantor or PengaturanKantor.get()
        self.sekarang = sekarang or timezone.now()
        self.sumber = sumber or "ringkasan"

    @cached_property
    def angka(self):
        baca = harian.baca if self.sumber == "ringkasan" else harian.langsung
        return baca(self.periode.mulai, self.periode.selesai, sekarang=self.sekarang)

    @cached_property
    def _jenis(self):
        return {j.pk: j for j in JenisLayanan.objects.all()}

    def _layanan_per(self, *, jenis=None):
        """{(jenis id, status): services} of the period; `jenis`: only these kinds."""
        hasil = {}
        for kunci, n in self.angka.per_kunci("layanan").items():
            j, status = _bagi(kunci)
            if jenis is None or int(j) in jenis:
                hasil[(int(j), status)] = hasil.get((int(j), status), 0) + n
        return hasil

    # --- querysets -----------------------------------------------------------------------
    def layanan(self):
        return Layanan.objects.filter(dibuat__gte=self.awal, dibuat__lt=self.akhir)

    def kunjungan(self):
        return Kunjungan.objects.filter(waktu__gte=self.awal, waktu__lt=self.akhir)

    def jatuh_tempo(self):
        """Services whose due time falls in the period (the base of time-standard compliance)."""
        return Layanan.objects.filter(tenggat__gte=self.awal, tenggat__lt=self.akhir)

    def antrian(self):
        return Antrian.objects.filter(diambil__gte=self.awal, diambil__lt=self.akhir)

    @cached_property
    def _alamat_rincian(self):
        return reverse("laporan:rincian") + "?" + urlencode(self.periode.query())

    def rincian(self, angka, **dimensi):
        """The address of the list behind a figure (laporan.rincian), for this period."""
        # A report links some hundred figures: the page's address is resolved once.
        return f"{self._alamat_rincian}&{urlencode({'angka': angka, **{k: v for k, v in dimensi.items() if k in DIMENSI}})}"

    # --- tables --------------------------------------------------------------------------
    def _pengunjung(self):
        """Different people who visited in the period (people do not add up across days).

        A day, week, month or year: the sum of each day's "first visit of the week/month/year".
        Any other range [a, b]: a person counts on their first visit day in it, the one whose
        previous visit was before a. Each day keeps the month of its visitors' previous visits,
        so the days' counts of months before a's month (and of first visits ever) are summed; the
        people whose previous visit fell in a's month before a are counted from the visits of
        those few days.
        """
        kunci = {"hari": "hari", "minggu": "minggu", "bulan": "bulan", "tahun": "tahun"}.get(self.periode.jenis)
        if kunci:
            return self.angka.jumlah[("pengunjung", kunci)]
        mulai = self.periode.mulai
        batas = f"{mulai:%Y-%m}"
        jumlah = sum(n for k, n in self.angka.per_kunci("pengunjung_sebelum").items() if k < batas)
        if mulai.day > 1:
            awal_bulan, _ = rentang_hari(mulai.replace(day=1), mulai)
            jumlah += (
                Kunjungan.objects.filter(waktu__gte=awal_bulan, waktu__lt=self.awal)
                .filter(Exists(self.kunjungan().filter(pengunjung=OuterRef("pengunjung"))))
                .aggregate(n=Count("pengunjung", distinct=True))["n"]
            )
        return jumlah

    def ringkasan(self):
        per_status = {}
        for (_, status), n in self._layanan_per().items():
            per_status[status] = per_status.get(status, 0) + n
        jumlah = sum(per_status.values())
        selesai, otomatis = per_status.get(Status.SELESAI, 0), per_status.get(STATUS_DITUTUP_OTOMATIS, 0)
        dibatalkan = per_status.get(Status.DIBATALKAN, 0)
        return {
            "kunjungan": self.angka.jumlah[("kunjungan", "")],
            "pengunjung": self._pengunjung(),
            "layanan": jumlah,
            "selesai": selesai,
            "ditutup_otomatis": otomatis,
            "dibatalkan": dibatalkan,
            "terbuka": sum(per_status.get(s, 0) for s in STATUS_TERBUKA),
            "terlambat_terbuka": self.angka.jumlah[("kepatuhan", "semua|terlambat_terbuka")],
            # Cancelled services are not counted against completion; auto-closed ones are closed.
            "tingkat_penyelesaian": persen(selesai + otomatis, jumlah - dibatalkan),
        }

    def tautan_ringkasan(self):
        """The list behind each count of the summary."""
        angka = ("kunjungan", "pengunjung", "layanan", "selesai", "ditutup_otomatis", "dibatalkan", "terbuka", "terlambat_terbuka")
        return {a: self.rincian(a) for a in angka}

    def per_jenis(self):
        jumlah, selesai = {}, {}
        for (j, status), n in self._layanan_per().items():
            jumlah[j] = jumlah.get(j, 0) + n
            if status == Status.SELESAI:
                selesai[j] = selesai.get(j, 0) + n
        hasil = []
        for jenis in self._jenis.values():
            if jenis.pk not in jumlah and not jenis.aktif:
                continue
            n, s = jumlah.get(jenis.pk, 0), selesai.get(jenis.pk, 0)
            hasil.append({
                "id": jenis.pk, "nama": jenis.nama, "jumlah": n, "selesai": s, "persen_selesai": persen(s, n),
                "tautan": self.rincian("layanan", jenis=jenis.pk), "tautan_selesai": self.rincian("selesai", jenis=jenis.pk),
            })
        return hasil

    def per_sarana(self):
        baris = {}
        for kunci, n in self.angka.per_kunci("layanan_sarana").items():
            sarana, _ = _bagi(kunci)
            baris[sarana] = baris.get(sarana, 0) + n
        return [
            {"kode": s.value, "nama": s.label, "jumlah": baris.get(s.value, 0), "tautan": self.rincian("layanan", sarana=s.value)}
            for s in Sarana
        ]

    def per_petugas(self):
        jumlah = {int(k): n for k, n in self.angka.per_kunci("layanan_petugas").items()}
        selesai = {int(k): n for k, n in self.angka.per_kunci("selesai_petugas").items()}
        nama = dict(get_user_model().objects.filter(pk__in=jumlah).values_list("pk", "nama"))
        urut = sorted(jumlah, key=lambda pk: (-jumlah[pk], nama.get(pk, "")))
        return [
            {"id": pk, "nama": nama.get(pk, ""), "jumlah": jumlah[pk], "selesai": selesai.get(pk, 0),
             "persen_selesai": persen(selesai.get(pk, 0), jumlah[pk]), "tautan": self.rincian("layanan", petugas=pk),
             "tautan_selesai": self.rincian("selesai", petugas=pk)}
            for pk in urut
        ]

    def per_status(self):
        """Each status as it is now; Selesai as the other tables count it, the auto-closed ones on a row of their own."""
        baris = {}
        for (_, status), n in self._layanan_per().items():
            baris[status] = baris.get(status, 0) + n
        urutan = [(s.value, s.label) for s in Status] + [(STATUS_DITUTUP_OTOMATIS, "Ditutup otomatis")]
        return [
            {"kode": kode, "nama": nama, "jumlah": baris.get(kode, 0), "tautan": self.rincian("layanan", status=kode)}
            for kode, nama in urutan
        ]

    def tren(self):
        """Services and visits per day (or per week for long periods), every day/week present."""
        return self.periode.baris_tren((t, c["layanan"], c["kunjungan"]) for t, c in self.angka.harian.items())

    def standar_waktu(self):
        """Compliance with each time standard of the consultation service standards that the data can show."""
        k = self.kantor
        jumlah = self.angka.jumlah
        tunggu = {int(m): n for m, n in self.angka.per_kunci("antrian_tunggu").items()}
        dipanggil = jumlah[("antrian", "dipanggil")]
        tepat = sum(n for m, n in tunggu.items() if m <= k.batas_tunggu_menit)
        baris = [
            (f"Konsultasi langsung selesai ≤ {k.batas_konsultasi_langsung_jam} jam", STANDAR_KONSULTASI_LANGSUNG),
            # Online requests and data requests: due at the end of the N-th working day (Layanan.tenggat).
            (f"Layanan online dan permintaan data dijawab atau selesai ≤ {k.batas_online_hari_kerja} hari kerja", STANDAR_HARI_KERJA),
        ]
        hasil = []
        for nama, standar in baris:
            h = {a: jumlah[("kepatuhan", f"{standar}|{a}")] for a in ("jatuh_tempo", "memenuhi", "terlambat", "terlambat_terbuka")}
            hasil.append(self._baris_standar(nama, standar, h))
        antrian = {"jatuh_tempo": dipanggil, "memenuhi": tepat, "terlambat": dipanggil - tepat}
        hasil.append(self._baris_standar(f"Nomor antrian dipanggil ≤ {k.batas_tunggu_menit} menit setelah diambil", STANDAR_ANTRIAN, antrian))
        return hasil

    def _baris_standar(self, nama, standar, h):
        angka = ("jatuh_tempo", "memenuhi", "terlambat") + (("terlambat_terbuka",) if "terlambat_terbuka" in h else ())
        return {
            "nama": nama, "standar": standar, "jumlah": h["jatuh_tempo"], "tepat": h["memenuhi"],
            "terlambat": h["terlambat"], "persen": persen(h["memenuhi"], h["jatuh_tempo"]),
            "terlambat_terbuka": h.get("terlambat_terbuka"),
            "tautan": {a: self.rincian(a, standar=standar) for a in angka},
        }

    def ringkasan_antrian(self):
        """Queue tickets and waiting times (taking a number → being called)."""
        jumlah = self.angka.jumlah
        hasil = {a: jumlah[("antrian", a)] for a in ("diambil", "dipanggil", "dilewati")}
        total = jumlah[("antrian_tunggu_total", "")]
        hasil["rerata_tunggu_menit"] = round(total / hasil["dipanggil"] / 60_000_000, 1) if hasil["dipanggil"] else None
        hasil["tautan"] = {a: self.rincian(f"antrian_{a}") for a in ("diambil", "dipanggil", "dilewati")}
        return hasil

    def kepuasan(self):
        """SKM/IKM of the ratings filled in the period (rating.ikm's computation, as the IKM page)."""
        responden = {int(j): n for j, n in self.angka.per_kunci("skm_responden").items()}
        jawaban = {}
        for kunci, n in self.angka.per_kunci("skm_jumlah").items():
            j, unsur = _bagi(kunci)
            jawaban[(int(j), unsur)] = n

        def baris(daftar):
            return {"responden": sum(responden[j] for j in daftar),
                    **{f"jumlah_{f}": sum(jawaban.get((j, f), 0) for j in daftar) for f in FIELD_UNSUR}}

        keseluruhan = ikm.hasil_dari_jumlah(baris(list(responden)), label="Keseluruhan")
        keseluruhan.tautan = self.rincian("responden")
        per_jenis = sorted(
            (ikm.hasil_dari_jumlah(baris([j]), label=self._jenis[j].nama, kunci=j) for j in responden),
            key=lambda h: h.label,
        )
        for h in per_jenis:
            h.tautan = self.rincian("responden", jenis=h.kunci)
        profil = ikm.tabel_profil_dari({_bagi(k): n for k, n in self.angka.per_kunci("skm_profil").items()})
        for tabel in profil:
            for b in tabel["baris"]:
                b["tautan"] = self.rincian("responden", profil=tabel["kolom"], nilai=b["nilai"])
        # The people served: the period's services that were not cancelled (as rating.ikm.layanan_periode).
        populasi = sum(n for (_, status), n in self._layanan_per().items() if status != Status.DIBATALKAN)
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
        data = {pk for pk, j in self._jenis.items() if j.adalah_permintaan_data}
        hasil = {
            "permintaan_data": sum(n for (_, status), n in self._layanan_per(jenis=data).items() if status != Status.DIBATALKAN),
            "tautan_dibuat": 0, "dibuka": 0, "diisi": 0,
        }
        nama = {"dibuat": "tautan_dibuat", "dibuka": "dibuka", "diisi": "diisi"}
        for kunci, n in self.angka.per_kunci("skd").items():
            j, angka = _bagi(kunci)
            if int(j) in data:
                hasil[nama[angka]] += n
        hasil["persen_diisi"] = persen(hasil["diisi"], hasil["permintaan_data"])
        hasil["tautan"] = {
            "permintaan_data": self.rincian("skd_permintaan"), "tautan_dibuat": self.rincian("skd_dibuat"),
            "dibuka": self.rincian("skd_dibuka"), "diisi": self.rincian("skd_diisi"),
        }
        return hasil

    def presensi(self):
        """Duty roster against attendance in the period (dates are already office-local)."""
        mulai, selesai = self.periode.mulai, self.periode.selesai
        jadwal = JadwalPiket.objects.berlaku().filter(tanggal__range=(mulai, selesai))
        presensi = Presensi.objects.filter(tanggal__range=(mulai, selesai))
        hasil = hitung_sekaligus(  # four counts of two tables in one round trip
            tugas=jadwal,
            petugas_terjadwal=jadwal.values("petugas").distinct(),
            hadir=presensi,
            # Today's Absen Pulang may still come; only earlier days count as forgotten.
            tanpa_pulang=presensi.filter(pulang__isnull=True, tanggal__lt=hari_ini()),
        )
        hasil["tautan"] = {
            "tugas": self.rincian("jadwal_tugas"), "petugas_terjadwal": self.rincian("petugas_terjadwal"),
            "hadir": self.rincian("presensi_hadir"), "tanpa_pulang": self.rincian("presensi_tanpa_pulang"),
        }
        return hasil

    def pengaduan(self):
        """Complaints in the register received in the period, per channel, and how fast they were answered."""
        jumlah = self.angka.jumlah
        per_kanal = self.angka.per_kunci("pengaduan")
        dijawab = jumlah[("pengaduan_dijawab", "")]
        total = jumlah[("pengaduan_jawab_total", "")]
        pengaduan = {pk for pk, j in self._jenis.items() if j.kode == KODE_PENGADUAN}
        return {
            "jumlah": sum(per_kanal.values()),
            "dijawab": dijawab,
            "selesai": jumlah[("pengaduan_selesai", "")],
            "rerata_jawab_jam": round(total / dijawab / 3_600_000_000, 1) if dijawab else None,
            "per_kanal": [
                {"kode": k.value, "nama": k.label, "jumlah": per_kanal[k.value], "tautan": self.rincian("pengaduan", kanal=k.value)}
                for k in Kanal if per_kanal.get(k.value)
            ],
            # The guest book's Pengaduan services of the period, to set beside the register.
            "layanan_pengaduan": sum(self._layanan_per(jenis=pengaduan).values()),
            "tautan": {
                "jumlah": self.rincian("pengaduan"), "dijawab": self.rincian("pengaduan_dijawab"),
                "selesai": self.rincian("pengaduan_selesai"), "layanan_pengaduan": self.rincian("layanan_pengaduan"),
            },
        }


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
            "id", "dibuat", "kunjungan__nama", "kunjungan__instansi", "kunjungan__no_hp",
            "kunjungan__email", "jenis__nama", "kunjungan__sarana", "kunjungan__kanal_online",
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
