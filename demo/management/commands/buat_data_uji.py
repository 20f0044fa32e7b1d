"""A realistic data set of any size for load tests and benchmarks (deterministic for one seed).

Core tables only: users, Pengunjung, Kunjungan (+ its jenis), Layanan (+ pendamping) and
RiwayatLayanan. Other apps add their tables here when they land. Rows are written in batches:
PostgreSQL's COPY when available, bulk_create elsewhere, with primary keys chosen here so that
foreign keys need no round trip.
"""

import contextlib
import datetime
import random
import re
import secrets
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from bukutamu.bawaan import (
    KODE_KONSULTASI, KODE_PENGADUAN, KODE_PENJUALAN, KODE_PERMINTAAN_DATA, KODE_PERPUSTAKAAN, KODE_REKOMENDASI,
    pastikan_jenis_bawaan,
)
from bukutamu.models import JenisInstansi, JenisLayanan, KanalOnline, Kunjungan, Pengunjung, Sarana
from layanan.models import Layanan, RiwayatLayanan, Status
from layanan.tenggat import penghitung_tenggat
from pst_frontoffice.hari_kerja import KalenderKerja
from pst_frontoffice.models import PengaturanKantor, Peran
from pst_frontoffice.skm import FIELD_UNSUR
from rating.models import Penilaian
from ringkasan.harian import hitung_ulang

KATA_SANDI_UJI = "uji-beban-12345"
DOMAIN_UJI = "uji.example"

NAMA_DEPAN = [
    "Siti", "Budi", "Dewi", "Muhammad", "Nur", "Agus", "Rahmat", "Fitri", "Yusuf", "Ratna", "Andi", "Lina",
    "Hendra", "Sri", "Dedi", "Aulia", "Maya", "Fajar", "Wulan", "Irfan", "Nanda", "Bayu", "Putri", "Rudi",
    "Intan", "Taufik", "Eka", "Gilang", "Yuni", "Arif", "Rizky", "Ahmad", "Indah", "Joko", "Mega", "Hadi",
]
NAMA_BELAKANG = [
    "Santoso", "Lestari", "Hidayat", "Handayani", "Maulana", "Sari", "Pratama", "Marlina", "Wijaya",
    "Wahyuni", "Kurniawan", "Rahman", "Anggraini", "Nugroho", "Hakim", "Saputra", "Hartono", "Permata",
    "Susanti", "Ramadhan", "Kartika", "Budiman", "Setiawan", "Syahputra", "Rahmawati", "Siregar", "Lubis",
    "Nasution", "Harahap", "Simanjuntak", "Gunawan", "Halim", "Utomo", "Purnomo", "Fauzi", "Yulianti",
]
INSTANSI = [
    ("Bappeda Kabupaten Tanah Bumbu", JenisInstansi.PEMERINTAH),
    ("Dinas Kesehatan Kabupaten Tanah Bumbu", JenisInstansi.PEMERINTAH),
    ("Dinas Pertanian Kabupaten Tanah Bumbu", JenisInstansi.PEMERINTAH),
    ("Dinas Pendidikan Kabupaten Tanah Bumbu", JenisInstansi.PEMERINTAH),
    ("Universitas Lambung Mangkurat", JenisInstansi.PENDIDIKAN),
    ("STIE Pancasetia Banjarmasin", JenisInstansi.PENDIDIKAN),
    ("SMA Negeri 1 Batulicin", JenisInstansi.PENDIDIKAN),
    ("PT Arutmin Indonesia", JenisInstansi.PERUSAHAAN),
    ("CV Borneo Konsultan", JenisInstansi.PERUSAHAAN),
    ("Yayasan Peduli Pesisir", JenisInstansi.ORGANISASI),
    ("", JenisInstansi.PERORANGAN),
    ("", JenisInstansi.PERORANGAN),
]
KEPERLUAN = [
    "Data jumlah penduduk per kecamatan", "Cara membaca tabel PDRB menurut lapangan usaha",
    "Data produksi padi per kecamatan", "Metodologi penghitungan angka kemiskinan",
    "IPM kabupaten lima tahun terakhir", "Definisi pengangguran terbuka untuk skripsi",
    "Data inflasi dan harga konsumen", "Membaca publikasi Kabupaten Dalam Angka",
    "Rekomendasi kegiatan statistik sektoral", "Membeli publikasi Statistik Daerah cetak",
]
# Kinds of service (as the officers' user guide names them) by how often they come.
BOBOT_JENIS = [(KODE_KONSULTASI, 5), (KODE_PERMINTAAN_DATA, 6), (KODE_PENGADUAN, 1), (KODE_REKOMENDASI, 1),
               (KODE_PERPUSTAKAAN, 2), (KODE_PENJUALAN, 1)]
LAYANAN_PER_KUNJUNGAN = 1.15
_ESCAPE_COPY = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_PERLU_ESCAPE = re.compile(r"[\\\t\n\r]")


def _teks_copy(nilai):
    """One value in COPY's text format (PostgreSQL documentation, COPY, "Text Format")."""
    jenis = type(nilai)
    if jenis is str:
        # The generated text almost never holds a tab, newline or backslash: look before translating.
        return nilai.translate(_ESCAPE_COPY) if _PERLU_ESCAPE.search(nilai) else nilai
    if jenis is int:
        return str(nilai)
    if nilai is None:
        return "\\N"
    if jenis is bool:
        return "t" if nilai else "f"
    if isinstance(nilai, (datetime.date, datetime.time)):
        return nilai.isoformat()
    return str(nilai)


class Penulis:
    """Writes rows of one model in batches: COPY on PostgreSQL, bulk_create elsewhere."""

    def __init__(self, model, kolom, batch):
        self.model, self.kolom, self.batch = model, kolom, batch
        # COPY skips the model's Python defaults: every other column with one (tokens, flags, blank
        # text) is written with it, as bulk_create would, so a new field never breaks the bench.
        self.bawaan = [
            f for f in model._meta.concrete_fields
            if f.name not in kolom and f.attname not in kolom and not f.primary_key
            and (f.has_default() or (f.empty_strings_allowed and not f.null))  # blank text is ""
        ]
        # A default that is a value is the same on every row: taken once. A callable (a token, the
        # current time) is called per row, as Django would.
        self.bawaan_tetap = tuple(f.get_default() for f in self.bawaan if not callable(f.default))
        self.bawaan_panggil = [f for f in self.bawaan if callable(f.default)]
        self.bawaan = [f for f in self.bawaan if not callable(f.default)] + self.bawaan_panggil
        self.baris = []
        self.jumlah = 0

    def tambah(self, *nilai):
        if self.bawaan_panggil:
            self.baris.append((*nilai, *self.bawaan_tetap, *(f.get_default() for f in self.bawaan_panggil)))
        else:
            self.baris.append((*nilai, *self.bawaan_tetap))

    def penuh(self):
        return len(self.baris) >= self.batch

    def tulis(self):
        if not self.baris:
            return
        if connection.vendor == "postgresql":
            kolom = [self.model._meta.get_field(k).column for k in self.kolom] + [f.column for f in self.bawaan]
            nama_kolom = ", ".join(connection.ops.quote_name(k) for k in kolom)
            sql = f"COPY {connection.ops.quote_name(self.model._meta.db_table)} ({nama_kolom}) FROM STDIN"
            # The rows as COPY text, built here in one pass: psycopg's per-row dumping cost more
            # than making the data.
            teks = "".join("\t".join(map(_teks_copy, baris)) + "\n" for baris in self.baris).encode()
            with connection.cursor() as cursor, cursor.copy(sql) as copy:
                copy.write(teks)
        else:
            atribut = [self.model._meta.get_field(k).attname for k in self.kolom] + [f.attname for f in self.bawaan]
            self.model.objects.bulk_create(
                [self.model(**dict(zip(atribut, baris))) for baris in self.baris], batch_size=self.batch
            )
        self.jumlah += len(self.baris)
        self.baris = []


def _identitas_dari_pengunjung(awal):
    """Each new visit records its visitor's name, kind of agency and contact, as the guest book does.

    Copied in the database once the rows are in: keeping a million identities in Python to write
    them with the visits would cost hundreds of megabytes.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE bukutamu_kunjungan k SET nama = p.nama, jenis_instansi = p.jenis_instansi, no_hp = p.no_hp, "
                "email = p.email FROM bukutamu_pengunjung p WHERE p.id = k.pengunjung_id AND k.id >= %s",
                [awal],
            )
        return

    def dari(kolom):
        return models.Subquery(Pengunjung.objects.filter(pk=models.OuterRef("pengunjung_id")).values(kolom)[:1])

    Kunjungan.objects.filter(pk__gte=awal).update(
        nama=dari("nama"), jenis_instansi=dari("jenis_instansi"), no_hp=dari("no_hp"), email=dari("email")
    )


@contextlib.contextmanager
def _muat_cepat_postgresql(model, aktif):
    """For a large load on PostgreSQL: the tables' secondary indexes are dropped and built again at the
    end (one sort per index instead of one insert per row; the trigram GIN indexes above all), and
    foreign-key triggers are skipped when we may (superuser): the rows reference each other by
    construction, and checking 2–3 million deferred constraints at commit took longer than writing
    them. Indexes that back a constraint (primary and unique keys) stay."""
    if not aktif or connection.vendor != "postgresql":
        yield
        return
    tabel = [m._meta.db_table for m in model]
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if cursor.fetchone()[0]:
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname = ANY(%s) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
            [tabel],
        )
        indeks = cursor.fetchall()
        for nama, _ in indeks:
            cursor.execute(f"DROP INDEX {nama}")
    yield
    with connection.cursor() as cursor:
        for _, definisi in indeks:
            cursor.execute(definisi)
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")


def _id_berikutnya(model):
    return (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1


class Command(BaseCommand):
    help = "Membuat data uji realistis sebanyak yang diminta (pengguna, pengunjung, kunjungan, layanan, riwayat)."

    def add_arguments(self, parser):
        parser.add_argument("--layanan", type=int, default=1000, help="jumlah layanan yang dibuat")
        parser.add_argument("--pengunjung", type=int, default=None, help="jumlah pengunjung (bawaan: sama dengan layanan)")
        parser.add_argument("--petugas", type=int, default=20, help="jumlah akun petugas uji")
        parser.add_argument("--tahun", type=int, default=2, help="rentang data ke belakang, dalam tahun")
        parser.add_argument("--penilaian", type=float, default=0.3, help="bagian layanan selesai yang dinilai (0–1)")
        parser.add_argument("--seed", type=int, default=8)
        parser.add_argument("--batch", type=int, default=20000)
        parser.add_argument("--ambang-muat-cepat", type=int, default=50_000,
                            help="dari sekian baris pengunjung + layanan, indeks dibangun ulang sekali di akhir (PostgreSQL)")
        parser.add_argument("--izinkan-produksi", action="store_true", help="izinkan pada pengaturan produksi")

    def handle(self, *args, layanan, pengunjung, petugas, tahun, penilaian, seed, batch, izinkan_produksi,
               ambang_muat_cepat, **options):
        if getattr(settings, "PRODUCTION", False) and not izinkan_produksi:
            raise CommandError("Data uji tidak dibuat pada pengaturan produksi (pakai --izinkan-produksi untuk basis data uji).")
        if layanan < 0 or petugas < 1:
            raise CommandError("Jumlah layanan tidak boleh negatif dan petugas minimal 1.")
        pengunjung = layanan if pengunjung is None else pengunjung
        self.rentang_hari = max(1, tahun) * 365
        self.fraksi_penilaian = min(max(penilaian, 0.0), 1.0)
        mulai = time.monotonic()
        rnd = random.Random(seed)
        dimuat = [Pengunjung, Kunjungan, Kunjungan.jenis_layanan.through, Layanan, Layanan.pendamping.through,
                  RiwayatLayanan, Penilaian]
        with transaction.atomic():
            PengaturanKantor.get()
            pastikan_jenis_bawaan(JenisLayanan)
            akun = self._pengguna(petugas)
            with _muat_cepat_postgresql(dimuat, aktif=layanan + pengunjung >= ambang_muat_cepat):
                id_pengunjung = self._pengunjung(rnd, pengunjung, batch)
                hasil = self._kunjungan_dan_layanan(rnd, layanan, id_pengunjung, akun, batch)
            self._setel_ulang_urutan()
        detik = time.monotonic() - mulai
        # Rows written in bulk send no save signals: the daily summaries are computed as the
        # nightly catch-up would, so long reports read them as they do in production.
        mulai = time.monotonic()
        with timezone.override(PengaturanKantor.get().tzinfo):
            hari = hitung_ulang(semua=True)
        self.stdout.write(f"Ringkasan harian: {hari} hari dalam {time.monotonic() - mulai:.1f} detik.")
        ringkas = ", ".join(f"{k} {v}" for k, v in hasil.items())
        self.stdout.write(self.style.SUCCESS(
            f"Data uji dibuat dalam {detik:.1f} detik: pengunjung {len(id_pengunjung)}, {ringkas}. "
            f"Akun petugas01…petugas{petugas:02d}@{DOMAIN_UJI}, kata sandi {KATA_SANDI_UJI}."
        ))

    def _pengguna(self, jumlah):
        """The officers (petugasNN@uji.example), one Pimpinan and one Admin; existing ones are kept."""
        User = get_user_model()
        sandi = make_password(KATA_SANDI_UJI)
        ingin = [(f"petugas{i:02d}@{DOMAIN_UJI}", f"Petugas Uji {i:02d}", Peran.PETUGAS) for i in range(1, jumlah + 1)]
        ingin += [(f"pimpinan@{DOMAIN_UJI}", "Pimpinan Uji", Peran.PIMPINAN), (f"admin@{DOMAIN_UJI}", "Admin Uji", Peran.ADMIN)]
        ada = set(User.objects.filter(email__in=[e for e, _, _ in ingin]).values_list("email", flat=True))
        baru = []
        for email, nama, peran in ingin:
            if email not in ada:
                user = User(email=email, nama=nama, peran=peran, password=sandi)
                user.is_staff = user.is_superuser = peran == Peran.ADMIN
                baru.append(user)
        User.objects.bulk_create(baru)
        return list(
            User.objects.filter(email__in=[e for e, _, p in ingin if p == Peran.PETUGAS]).order_by("email")
            .values_list("pk", flat=True)
        )

    def _pengunjung(self, rnd, jumlah, batch):
        pertama = _id_berikutnya(Pengunjung)
        kolom = ["id", "nama", "instansi", "jenis_instansi", "no_hp", "email", "dibuat", "diperbarui"]
        penulis = Penulis(Pengunjung, kolom, batch)
        sekarang = timezone.now()
        for pk in range(pertama, pertama + jumlah):
            depan, belakang = rnd.choice(NAMA_DEPAN), rnd.choice(NAMA_BELAKANG)
            instansi, jenis_instansi = rnd.choice(INSTANSI)
            # Unique by construction: the key is part of the phone and the e-mail.
            no_hp = f"62813{pk:08d}" if rnd.random() < 0.9 else ""
            email = f"{depan.lower()}.{belakang.lower()}{pk}@contoh.id" if rnd.random() < 0.6 else ""
            dibuat = sekarang - datetime.timedelta(seconds=rnd.randrange(self.rentang_hari * 86400))
            penulis.tambah(pk, f"{depan} {belakang}", instansi, jenis_instansi, no_hp, email, dibuat, dibuat)
            if penulis.penuh():
                penulis.tulis()
        penulis.tulis()
        return range(pertama, pertama + jumlah)

    def _kunjungan_dan_layanan(self, rnd, jumlah_layanan, id_pengunjung, id_petugas, batch):
        if not jumlah_layanan:
            return {"kunjungan": 0, "layanan": 0, "riwayat": 0}
        if not id_pengunjung:
            raise CommandError("Layanan butuh pengunjung: --pengunjung harus lebih dari 0.")
        jenis = {j.kode: j for j in JenisLayanan.objects.all()}
        kode_jenis = [k for k, _ in BOBOT_JENIS]
        bobot = [w for _, w in BOBOT_JENIS]
        JenisKunjungan = Kunjungan.jenis_layanan.through
        Pendamping = Layanan.pendamping.through
        w_kunjungan = Penulis(Kunjungan, ["id", "pengunjung", "waktu", "sarana", "kanal_online", "keperluan",
                                          "nomor_surat_permintaan", "instansi", "dicatat_oleh"], batch)
        w_jenis = Penulis(JenisKunjungan, ["kunjungan", "jenislayanan"], batch)
        w_layanan = Penulis(Layanan, ["id", "kunjungan", "sarana", "jenis", "status", "petugas", "dibuat",
                                      "diperbarui", "selesai_pada", "tenggat"], batch)
        w_pendamping = Penulis(Pendamping, ["layanan", "user"], batch)
        w_riwayat = Penulis(RiwayatLayanan, ["layanan", "jenis", "dari_status", "ke_status", "catatan", "oleh",
                                             "waktu"], batch)
        w_penilaian = Penulis(Penilaian, ["layanan", "token", "dibuat", "berlaku_sampai", "diisi_pada", "komentar",
                                          "pengaduan", *FIELD_UNSUR], batch)
        semua = [w_kunjungan, w_jenis, w_layanan, w_pendamping, w_riwayat, w_penilaian]

        # Due times as Layanan.save sets them: the time-standard figures and due badges have rows to read.
        tenggat = penghitung_tenggat(PengaturanKantor.get(), KalenderKerja())
        id_kunjungan = awal_kunjungan = _id_berikutnya(Kunjungan)
        id_layanan = _id_berikutnya(Layanan)
        sekarang = timezone.now()
        jumlah_kunjungan = max(1, round(jumlah_layanan / LAYANAN_PER_KUNJUNGAN))
        # Visits spread evenly over two years up to now, oldest first (ids grow with time).
        langkah = self.rentang_hari * 86400 / jumlah_kunjungan
        sisa = jumlah_layanan
        for n in range(jumlah_kunjungan):
            if sisa <= 0:
                break
            waktu = sekarang - datetime.timedelta(seconds=(jumlah_kunjungan - n) * langkah - rnd.random() * langkah)
            pengunjung = rnd.choice(id_pengunjung)
            oleh = rnd.choice(id_petugas)
            sarana = Sarana.ONLINE if rnd.random() < 0.3 else Sarana.LANGSUNG
            kanal = rnd.choice([KanalOnline.WHATSAPP, KanalOnline.EMAIL, KanalOnline.PST]) if sarana == Sarana.ONLINE else ""
            tersisa_kunjungan = jumlah_kunjungan - n
            banyak = 1 if sisa <= tersisa_kunjungan else 2
            if sisa > tersisa_kunjungan * 2:
                banyak = min(sisa, 3)
            kodes = rnd.sample(kode_jenis, banyak, counts=bobot) if banyak > 1 else rnd.choices(kode_jenis, bobot)
            kodes = list(dict.fromkeys(kodes))
            while len(kodes) < banyak:
                kodes.append(next(k for k in kode_jenis if k not in kodes))
            minta_data = KODE_PERMINTAAN_DATA in kodes
            w_kunjungan.tambah(
                id_kunjungan, pengunjung, waktu, sarana, kanal, rnd.choice(KEPERLUAN),
                f"{rnd.randint(100, 999)}/BPD/{waktu:%m}/{waktu.year}" if minta_data and rnd.random() < 0.6 else "",
                rnd.choice(INSTANSI)[0], oleh,
            )
            for kode in kodes:
                j = jenis[kode]
                w_jenis.tambah(id_kunjungan, j.pk)
                status, selesai = self._status(rnd, j, waktu, sekarang)
                w_layanan.tambah(id_layanan, id_kunjungan, sarana, j.pk, status, oleh, waktu, selesai or waktu, selesai,
                                 tenggat(waktu, sarana == Sarana.ONLINE or j.adalah_permintaan_data))
                w_riwayat.tambah(id_layanan, RiwayatLayanan.Jenis.DIBUAT, "", Status.DITERIMA,
                                 "Dicatat dari Buku Tamu.", oleh, waktu)
                if status != Status.DITERIMA:
                    catatan = "Pengunjung membatalkan permintaan." if status == Status.DIBATALKAN else ""
                    w_riwayat.tambah(id_layanan, RiwayatLayanan.Jenis.STATUS, Status.DITERIMA, status, catatan, oleh,
                                     selesai or waktu + datetime.timedelta(minutes=30))
                if status == Status.SELESAI and rnd.random() < self.fraksi_penilaian:
                    dasar = rnd.choice((3, 3, 4, 4, 4, 2))
                    w_penilaian.tambah(
                        id_layanan, secrets.token_urlsafe(24), selesai, selesai + datetime.timedelta(days=30), selesai,
                        "", "", *[max(1, min(4, dasar + rnd.choice((-1, 0, 0, 0, 1)))) for _ in FIELD_UNSUR],
                    )
                if len(id_petugas) > 1 and rnd.random() < 0.05:
                    w_pendamping.tambah(id_layanan, rnd.choice([p for p in id_petugas[:5] if p != oleh]))
                id_layanan += 1
                sisa -= 1
            id_kunjungan += 1
            if any(w.penuh() for w in semua):
                for w in semua:  # parents before children
                    w.tulis()
        for w in semua:
            w.tulis()
        _identitas_dari_pengunjung(awal_kunjungan)
        return {"kunjungan": w_kunjungan.jumlah, "layanan": w_layanan.jumlah, "riwayat": w_riwayat.jumlah,
                "penilaian": w_penilaian.jumlah}

    @staticmethod
    def _status(rnd, jenis, waktu, sekarang):
        """Older services are mostly done; the last days keep a realistic open queue."""
        umur = sekarang - waktu
        if umur > datetime.timedelta(days=14) or rnd.random() < 0.5:
            if rnd.random() < 0.04:
                return Status.DIBATALKAN, waktu + datetime.timedelta(hours=1)
            lama = datetime.timedelta(minutes=rnd.randint(15, 60 * 24 * (3 if jenis.adalah_permintaan_data else 1)))
            return Status.SELESAI, min(waktu + lama, sekarang)
        pilihan = [Status.DITERIMA, Status.DIPROSES] + ([Status.SIAP_DIAMBIL] if jenis.adalah_permintaan_data else [])
        return rnd.choice(pilihan), None

    @staticmethod
    def _setel_ulang_urutan():
        """Keys were chosen here; move PostgreSQL's sequences past them."""
        model = [get_user_model(), Pengunjung, Kunjungan, Kunjungan.jenis_layanan.through, Layanan,
                 Layanan.pendamping.through, RiwayatLayanan]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), model):
                cursor.execute(sql)
