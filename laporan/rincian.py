"""The rows behind each report figure: every number in a report opens the list it counts.

`daftar(laporan, angka, dimensi)` gives (kind of row, queryset) for a figure of a period, narrowed
by the figure's dimensions (a kind of service, a channel, an officer, a status, a time standard, a
profile answer). The conditions are the report's own (`laporan.data`, `layanan.models.SELESAI`,
`syarat_kepatuhan`), so a list holds exactly as many rows as its figure says; tests check each.
"""

import datetime

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q
from django.utils import timezone

from bukutamu.bawaan import KODE_KONSULTASI, KODE_PENGADUAN
from bukutamu.models import Antrian, Pengunjung, Sarana
from layanan.models import DIBATALKAN, DITUTUP_OTOMATIS, SELESAI, TERBUKA, Pengaduan, Status, StatusPengaduan
from presensi.models import JadwalPiket, Presensi
from pst_frontoffice.kalender import hari_ini
from rating import ikm
from rating.models import PROFIL

# The time standards of the report, in its order (laporan.data.Laporan.standar_waktu).
STANDAR_KONSULTASI_LANGSUNG = "konsultasi_langsung"
STANDAR_HARI_KERJA = "hari_kerja"
STANDAR_ANTRIAN = "antrian"

# The dimensions a figure may be narrowed by, as the query string names them.
DIMENSI = ("jenis", "sarana", "petugas", "status", "standar", "kanal", "profil", "nilai")


def saring_standar(qs, standar):
    """Services under one time standard (by their due time's rule, layanan/tenggat.py)."""
    if standar == STANDAR_KONSULTASI_LANGSUNG:
        return qs.filter(jenis__kode=KODE_KONSULTASI, sarana=Sarana.LANGSUNG)
    if standar == STANDAR_HARI_KERJA:
        return qs.filter(Q(sarana=Sarana.ONLINE) | Q(jenis__adalah_permintaan_data=True))
    return qs


def _layanan(qs, dimensi):
    """Narrow services by a kind, a channel, an officer or a status (including "ditutup_otomatis")."""
    if dimensi.get("jenis"):
        qs = qs.filter(jenis=dimensi["jenis"])
    if dimensi.get("sarana"):
        qs = qs.filter(sarana=dimensi["sarana"])
    if dimensi.get("petugas"):
        qs = qs.filter(petugas=dimensi["petugas"])
    status = dimensi.get("status")
    if status == "ditutup_otomatis":
        qs = qs.filter(DITUTUP_OTOMATIS)
    elif status == Status.SELESAI:
        qs = qs.filter(SELESAI)
    elif status:
        qs = qs.filter(status=status)
    return qs


def tunggu_antrian():
    return ExpressionWrapper(F("dipanggil_pada") - F("diambil"), output_field=DurationField())


def _antrian(laporan, angka):
    qs = laporan.antrian()
    if angka == "antrian_diambil":
        return qs
    if angka == "antrian_dipanggil":
        return qs.filter(dipanggil_pada__isnull=False)
    if angka == "antrian_dilewati":
        return qs.filter(status=Antrian.Status.DILEWATI)
    batas = datetime.timedelta(minutes=laporan.kantor.batas_tunggu_menit)
    dipanggil = qs.filter(dipanggil_pada__isnull=False).annotate(tunggu=tunggu_antrian())
    if angka == "memenuhi":
        return dipanggil.filter(tunggu__lte=batas)
    if angka == "terlambat":
        return dipanggil.filter(tunggu__gt=batas)
    return dipanggil  # jatuh tempo: every number called in the period


def _kepatuhan(laporan, angka, dimensi, sekarang):
    standar = dimensi.get("standar")
    if standar == STANDAR_ANTRIAN:
        return "antrian", _antrian(laporan, angka)
    qs = saring_standar(laporan.jatuh_tempo(), standar)
    return "layanan", _layanan(qs, dimensi).kepatuhan(angka, sekarang=sekarang)


def _penilaian(laporan, dimensi):
    qs = ikm.saring(dari=laporan.periode.mulai, sampai=laporan.periode.selesai)
    if dimensi.get("jenis"):
        qs = qs.filter(layanan__jenis=dimensi["jenis"])
    kolom = {k for k, _, _ in PROFIL}
    if dimensi.get("profil") in kolom:
        qs = qs.filter(**{dimensi["profil"]: dimensi.get("nilai") or ""})
    return qs


def _skd(laporan, angka):
    qs = laporan.layanan().filter(jenis__adalah_permintaan_data=True).exclude(DIBATALKAN)
    return {
        "skd_permintaan": qs,
        "skd_dibuat": qs.filter(skd__isnull=False),
        "skd_dibuka": qs.filter(skd__pertama_dibuka__isnull=False),
        "skd_diisi": qs.filter(skd__diisi_pada__isnull=False),
    }[angka]


def _pengaduan(laporan, angka, dimensi):
    qs = Pengaduan.objects.filter(diterima_pada__gte=laporan.awal, diterima_pada__lt=laporan.akhir)
    if dimensi.get("kanal"):
        qs = qs.filter(kanal=dimensi["kanal"])
    if angka == "pengaduan_dijawab":
        qs = qs.filter(dijawab_pada__isnull=False)
    elif angka == "pengaduan_selesai":
        qs = qs.filter(status=StatusPengaduan.SELESAI)
    return qs


def _presensi(laporan, angka):
    mulai, selesai = laporan.periode.mulai, laporan.periode.selesai
    if angka == "jadwal_tugas":
        return "jadwal", JadwalPiket.objects.berlaku().filter(tanggal__range=(mulai, selesai))
    if angka == "petugas_terjadwal":
        jadwal = JadwalPiket.objects.berlaku().filter(tanggal__range=(mulai, selesai))
        petugas = jadwal.values("petugas", "petugas__nama").annotate(tugas=Count("id")).order_by("petugas__nama")
        return "petugas", petugas
    qs = Presensi.objects.filter(tanggal__range=(mulai, selesai))
    if angka == "presensi_tanpa_pulang":
        qs = qs.filter(pulang__isnull=True, tanggal__lt=hari_ini())
    return "presensi", qs


def daftar(laporan, angka, dimensi, *, sekarang=None):
    """(kind of row, queryset) of the rows a figure counts; KeyError for a figure that lists nothing."""
    sekarang = sekarang or timezone.now()
    layanan = {
        "layanan": laporan.layanan(),
        "selesai": laporan.layanan().filter(SELESAI),
        "ditutup_otomatis": laporan.layanan().filter(DITUTUP_OTOMATIS),
        "terbuka": laporan.layanan().filter(TERBUKA),
        "dibatalkan": laporan.layanan().filter(DIBATALKAN),
        "layanan_pengaduan": laporan.layanan().filter(jenis__kode=KODE_PENGADUAN),
    }
    if angka in layanan:
        return "layanan", _layanan(layanan[angka], dimensi)
    if angka in ("jatuh_tempo", "memenuhi", "terlambat", "terlambat_terbuka"):
        return _kepatuhan(laporan, angka, dimensi, sekarang)
    if angka.startswith("skd_"):
        return "layanan", _skd(laporan, angka)
    if angka == "kunjungan":
        return "kunjungan", laporan.kunjungan()
    if angka == "pengunjung":
        kunjungan = laporan.kunjungan()
        return "pengunjung", (
            Pengunjung.objects.filter(pk__in=kunjungan.values("pengunjung"))
            .annotate(kunjungan_periode=Count("kunjungan", filter=Q(kunjungan__in=kunjungan)))
        )
    if angka in ("antrian_diambil", "antrian_dipanggil", "antrian_dilewati"):
        return "antrian", _antrian(laporan, angka)
    if angka == "responden":
        return "penilaian", _penilaian(laporan, dimensi)
    if angka in ("pengaduan", "pengaduan_dijawab", "pengaduan_selesai"):
        return "pengaduan", _pengaduan(laporan, angka, dimensi)
    if angka in ("jadwal_tugas", "petugas_terjadwal", "presensi_hadir", "presensi_tanpa_pulang"):
        return _presensi(laporan, angka)
    raise KeyError(angka)


def siapkan(jenis_baris, qs):
    """The rows of a list in a fixed order, with what each row shows joined in."""
    if jenis_baris == "layanan":
        return qs.select_related("kunjungan", "jenis", "petugas").order_by("dibuat", "id")
    if jenis_baris == "kunjungan":
        return qs.select_related("dicatat_oleh").order_by("waktu", "id")
    if jenis_baris == "pengunjung":
        return qs.order_by("nama", "id")
    if jenis_baris == "antrian":
        return qs.order_by("diambil", "id")
    if jenis_baris == "pengaduan":
        return qs.order_by("diterima_pada", "id")
    if jenis_baris == "penilaian":
        return qs.select_related("layanan__jenis", "layanan__petugas").order_by("diisi_pada", "id")
    if jenis_baris == "jadwal":
        return qs.select_related("shift", "petugas").order_by("tanggal", "shift__urutan", "id")
    if jenis_baris == "presensi":
        return qs.select_related("petugas").order_by("tanggal", "id")
    return qs  # officers on the roster: already grouped and ordered by name
