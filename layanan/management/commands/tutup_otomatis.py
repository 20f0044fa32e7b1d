"""Close answered online consultations the visitor left silent for N days (the consultation service standard); run it from cron or a timer."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from layanan.layanan import tutup_konsultasi_online_diam
from pst_frontoffice.models import PengaturanKantor


class Command(BaseCommand):
    help = (
        "Menutup (Selesai) konsultasi online berstatus Menunggu tanggapan pengunjung yang tidak ditanggapi pengunjung selama N hari sejak dijawab atau sejak tanggapan terakhirnya (Pengaturan kantor: "
        "tutup otomatis), dengan catatan di riwayat. Aman dijalankan berulang kali."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hari", type=int, help="Ganti N hari dari Pengaturan kantor untuk sekali jalan.")

    def handle(self, *args, hari=None, verbosity=1, **options):
        kantor = PengaturanKantor.get()
        timezone.activate(kantor.tzinfo)  # dates in the history note are the office's
        hari = hari or kantor.tutup_otomatis_hari
        ditutup = tutup_konsultasi_online_diam(hari=hari)
        if verbosity:
            for layanan in ditutup:
                self.stdout.write(f"  #{layanan.pk} {layanan.kunjungan.nama}")
            self.stdout.write(f"{len(ditutup)} konsultasi online ditutup otomatis (tanpa tanggapan {hari} hari).")
