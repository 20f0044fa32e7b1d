"""Demo accounts and a few weeks of realistic visits, for trying the app (never in production)."""

import datetime
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from bukutamu import antrian
from bukutamu.bawaan import (
    KODE_KONSULTASI, KODE_PENGADUAN, KODE_PENJUALAN, KODE_PERMINTAAN_DATA, KODE_PERPUSTAKAAN, KODE_REKOMENDASI,
)
from bukutamu.models import JenisLayanan, KanalOnline, Sarana
from bukutamu.kunjungan import catat_kunjungan
from layanan.models import Kanal, Loker, PeminjamanLoker, RiwayatLayanan, Status
from layanan.pengaduan import catat_pengaduan
from pesan.outbox import tanpa_pesan
from pst_frontoffice.models import PengaturanKantor, Peran
from rating import services as rating

KATA_SANDI_DEMO = "demo12345"
AKUN_DEMO = [
    ("admin@example.com", "Admin PST", Peran.ADMIN),
    ("petugas@example.com", "Rina Marlina", Peran.PETUGAS),
    ("petugas2@example.com", "Ahmad Fauzi", Peran.PETUGAS),
    ("pimpinan@example.com", "Dr. Hendra Gunawan", Peran.PIMPINAN),
]

NAMA = [
    "Siti Nurhaliza", "Budi Santoso", "Dewi Lestari", "Muhammad Rizki", "Nur Aini", "Agus Salim",
    "Rahmat Hidayat", "Fitri Handayani", "Yusuf Maulana", "Ratna Sari", "Andi Pratama", "Lina Marlina",
    "Hendra Wijaya", "Sri Wahyuni", "Dedi Kurniawan", "Aulia Rahman", "Maya Anggraini", "Fajar Nugroho",
    "Wulan Dari", "Irfan Hakim", "Nanda Putri", "Bayu Saputra", "Putri Ayu", "Rudi Hartono",
    "Intan Permata", "Taufik Hidayat", "Eka Susanti", "Gilang Ramadhan", "Yuni Kartika", "Arif Budiman",
]
INSTANSI = [
    ("Bappeda Kabupaten Tanah Bumbu", "pemerintah"),
    ("Dinas Kesehatan Kabupaten Tanah Bumbu", "pemerintah"),
    ("Dinas Pertanian Kabupaten Tanah Bumbu", "pemerintah"),
    ("Universitas Lambung Mangkurat", "pendidikan"),
    ("STIE Pancasetia Banjarmasin", "pendidikan"),
    ("SMA Negeri 1 Batulicin", "pendidikan"),
    ("PT Arutmin Indonesia", "perusahaan"),
    ("CV Borneo Konsultan", "perusahaan"),
    ("Yayasan Peduli Pesisir", "organisasi"),
    ("", "perorangan"),
]
KEPERLUAN = {
    KODE_KONSULTASI: ["Cara membaca tabel PDRB menurut lapangan usaha", "Metodologi penghitungan angka kemiskinan",
                   "Definisi pengangguran terbuka untuk skripsi", "Penjelasan metadata Sakernas"],
    KODE_PERMINTAAN_DATA: ["Data jumlah penduduk per kecamatan 2020–2025", "Data produksi padi per kecamatan 2024",
                        "IPM Kabupaten Tanah Bumbu 2019–2025", "Data inflasi dan harga konsumen 2025"],
    KODE_PENGADUAN: ["Data di website tidak bisa diunduh", "Antrian terlalu lama saat jam istirahat"],
    KODE_REKOMENDASI: ["Rekomendasi survei kepuasan masyarakat Dinas Kesehatan"],
    KODE_PERPUSTAKAAN: ["Membaca publikasi Kabupaten Tanah Bumbu Dalam Angka"],
    KODE_PENJUALAN: ["Membeli publikasi Statistik Daerah cetak"],
}


class Command(BaseCommand):
    help = "Membuat akun demo dan data contoh bila basis data masih kosong (tidak untuk produksi)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=6310)

    def handle(self, *args, seed, **options):
        if not settings.DEMO_ALLOWED:
            raise CommandError("Data demo tidak dibuat pada pengaturan produksi.")
        User = get_user_model()
        if User.objects.exists():
            self.stdout.write("Basis data sudah berisi pengguna; data demo tidak dibuat ulang.")
            return
        # The demo runs the desk's own rules; none of its 66 visitors may get an e-mail or WhatsApp.
        with transaction.atomic(), tanpa_pesan():
            self._buat(seed)
        self.stdout.write(self.style.SUCCESS("Data demo dibuat. Akun (kata sandi: demo12345):"))
        for email, nama, peran in AKUN_DEMO:
            self.stdout.write(f"  {email:<24} {peran.label}")

    def _buat(self, seed):
        rnd = random.Random(seed)
        User = get_user_model()
        PengaturanKantor.get()
        akun = {}
        for email, nama, peran in AKUN_DEMO:
            akun[email] = User.objects.create_user(
                email=email, password=KATA_SANDI_DEMO, nama=nama, peran=peran
            )
        petugas = [akun["petugas@example.com"], akun["petugas2@example.com"]]
        jenis = {j.kode: j for j in JenisLayanan.objects.all()}
        bobot = [(KODE_KONSULTASI, 5), (KODE_PERMINTAAN_DATA, 6), (KODE_PENGADUAN, 1), (KODE_REKOMENDASI, 1),
                 (KODE_PERPUSTAKAAN, 2), (KODE_PENJUALAN, 1)]
        orang = []
        for i, nama in enumerate(NAMA):
            instansi, jenis_instansi = rnd.choice(INSTANSI)
            orang.append(dict(
                nama=nama, instansi=instansi, jenis_instansi=jenis_instansi,
                no_hp=f"62812{5100000 + i * 7919:07d}",
                email=f"{nama.split()[0].lower()}.{i}@example.org" if rnd.random() < 0.7 else "",
            ))
        sekarang = timezone.now()
        for hari_lalu in range(27, -1, -1):
            tanggal = timezone.localdate() - datetime.timedelta(days=hari_lalu)
            if tanggal.weekday() >= 5:
                continue
            for _ in range(rnd.randint(1, 4) if hari_lalu else 4):
                p = rnd.choice(orang)
                kode = rnd.choices([k for k, _ in bobot], [w for _, w in bobot])[0]
                kodes = [kode] + ([KODE_KONSULTASI] if kode == KODE_PERMINTAAN_DATA and rnd.random() < 0.3 else [])
                jam = rnd.randint(8, 14)
                waktu = timezone.make_aware(datetime.datetime.combine(tanggal, datetime.time(jam, rnd.randint(0, 59))))
                if waktu > sekarang:
                    waktu = sekarang - datetime.timedelta(minutes=rnd.randint(5, 90))
                online = rnd.random() < 0.3
                oleh = rnd.choice(petugas)
                kunjungan = catat_kunjungan(
                    petugas=oleh, **p, jenis_layanan=[jenis[k] for k in kodes],
                    keperluan=rnd.choice(KEPERLUAN[kode]),
                    sarana=Sarana.ONLINE if online else Sarana.LANGSUNG,
                    kanal_online=rnd.choice([KanalOnline.WHATSAPP, KanalOnline.EMAIL, KanalOnline.PST]) if online else "",
                    nomor_surat_permintaan=f"{rnd.randint(100, 999)}/BPD/{tanggal:%m}/{tanggal.year}" if kode == KODE_PERMINTAAN_DATA and rnd.random() < 0.6 else "",
                    waktu=waktu,
                )
                for layanan in kunjungan.layanan.all():
                    self._majukan(layanan, oleh, rnd, hari_lalu, waktu)
                    self._nilai(layanan, oleh, rnd)
        self._antrian_hari_ini(rnd, jenis, petugas)
        self._loker_dan_pengaduan(rnd, petugas)

    def _nilai(self, layanan, oleh, rnd):
        """Most finished services get a rating; data requests an SKD link, often filled."""

        layanan.refresh_from_db()
        if layanan.status != Status.SELESAI:
            return
        if layanan.jenis.adalah_permintaan_data:
            skd = rating.pastikan_skd(layanan, oleh=oleh)
            if rnd.random() < 0.8:
                rating.catat_skd_dibuka(skd)
                if rnd.random() < 0.8:
                    rating.tandai_skd_diisi(skd, oleh=oleh)
        if rnd.random() < 0.75:
            penilaian = rating.pastikan_penilaian(layanan, oleh=oleh)
            dasar = rnd.choice([3, 4, 4])
            jawaban = {f"u{i}": max(1, min(4, dasar - (rnd.random() < 0.2))) for i in range(1, 10)}
            jawaban["u4"] = 4  # the service is free of charge
            rating.simpan_penilaian(
                token=penilaian.token, jawaban=jawaban,
                komentar=rnd.choice(["", "", "Petugas ramah dan cepat.", "Datanya lengkap, terima kasih."]),
                pengaduan="Ruang tunggu kurang kursi." if rnd.random() < 0.05 else "",
            )
            type(penilaian).objects.filter(pk=penilaian.pk).update(diisi_pada=layanan.selesai_pada)

    def _antrian_hari_ini(self, rnd, jenis, petugas):
        """A few queue numbers today: some called, some still waiting (when today is a working day)."""

        if not antrian.sedang_buka():
            return
        for kode in [KODE_KONSULTASI, KODE_PERMINTAAN_DATA, KODE_PERPUSTAKAAN, KODE_KONSULTASI, KODE_PERMINTAAN_DATA]:
            antrian.ambil_nomor(jenis_layanan=jenis[kode])
        antrian.panggil_berikutnya(petugas=petugas[0], loket=1)

    def _loker_dan_pengaduan(self, rnd, petugas):

        loker = list(Loker.objects.filter(aktif=True)[:3])
        for i, lk in enumerate(loker[:2]):
            PeminjamanLoker.objects.create(
                loker=lk, jenis_kartu="ktp", nomor_kartu=f"63100{rnd.randint(10**10, 10**11 - 1)}",
                nama_pengunjung=NAMA[i], dicatat_oleh=petugas[i % 2],
            )
        catat_pengaduan(
            isi="Data PDRB kecamatan di website belum diperbarui.", kanal=Kanal.WEBSITE, oleh=petugas[0],
            unsur="5", nama_pelapor="Andi Pratama", kontak_pelapor="andi@example.org",
        )
        catat_pengaduan(
            isi="Menunggu jawaban konsultasi lewat LAPOR!", kanal=Kanal.LAPOR, oleh=petugas[1],
            nomor_tiket_lapor="LPR-2026-11-0042", unsur="3", nama_pelapor="Warga",
        )

    def _majukan(self, layanan, oleh, rnd, hari_lalu, waktu):
        """Move older services along the flow, so every status and the timeline show something."""

        if hari_lalu == 0 and rnd.random() < 0.6:
            return
        langkah = [Status.DIPROSES]
        if layanan.jenis.adalah_permintaan_data:
            langkah.append(Status.SIAP_DIAMBIL)
        langkah.append(Status.SELESAI)
        sampai = len(langkah) if hari_lalu > 5 and rnd.random() < 0.95 else rnd.randint(0, len(langkah) - 1)
        if rnd.random() < 0.04:
            layanan.ubah_status(Status.DIBATALKAN, oleh=oleh, catatan="Pengunjung membatalkan permintaan.")
            sampai = 0
        menit = 0
        for status in langkah[:sampai]:
            layanan.ubah_status(status, oleh=oleh, catatan="")
            menit += rnd.randint(10, 60 * 24 if layanan.jenis.adalah_permintaan_data else 90)
            # Spread the history over time as it happened, not all at the moment the demo data is made.
            saat = min(waktu + datetime.timedelta(minutes=menit), timezone.now())
            RiwayatLayanan.objects.filter(layanan=layanan, ke_status=status).update(waktu=saat)
            if status in (Status.SELESAI,):
                type(layanan).objects.filter(pk=layanan.pk).update(selesai_pada=saat)
        # The history was moved in time: a first answer in it moves with it.
        type(layanan).objects.filter(pk=layanan.pk).hitung_ulang_jawaban()
