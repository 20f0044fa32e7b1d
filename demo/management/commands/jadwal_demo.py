"""Fill this month's duty roster for the demo officers (never in production)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from presensi.jadwal import hari_dalam_bulan, petugas_terjadwal
from presensi.models import JadwalPiket, Shift
from presensi.services import zona_kantor


class Command(BaseCommand):
    help = "Mengisi jadwal piket bulan ini untuk petugas demo bila jadwal masih kosong (tidak untuk produksi)."

    def handle(self, *args, **options):
        if not settings.DEMO_ALLOWED:
            raise CommandError("Jadwal demo tidak dibuat pada pengaturan produksi.")
        # The office's own date, also when run from a shell in another zone.
        hari_ini = timezone.localdate(timezone.now(), zona_kantor())
        petugas = [p for p in petugas_terjadwal() if p.is_petugas]
        shift = list(Shift.objects.filter(aktif=True))
        if not petugas or not shift or JadwalPiket.objects.exists():
            self.stdout.write("Jadwal piket sudah ada atau belum ada petugas/shift; jadwal demo tidak dibuat.")
            return
        baru = []
        for i, tanggal in enumerate(t for t in hari_dalam_bulan(hari_ini.year, hari_ini.month) if t.weekday() < 5):
            for j, s in enumerate(shift):
                baru.append(JadwalPiket(tanggal=tanggal, shift=s, petugas=petugas[(i + j) % len(petugas)]))
        with transaction.atomic():
            JadwalPiket.objects.bulk_create(baru)
        self.stdout.write(self.style.SUCCESS(f"Jadwal piket demo dibuat: {len(baru)} tugas pada {hari_ini:%m-%Y}."))
