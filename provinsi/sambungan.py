"""The office Admin's actions on the connection to the province: install the key, send now, send again."""

from django.db import transaction
from django.utils import timezone

from pst_frontoffice.aktivitas import catat

from . import tandatangan, tasks
from .models import KirimanHarian, SambunganProvinsi, StatusKiriman
from .rahasia import enkripsi


def pasang_kunci(*, kunci, oleh):
    """Install the key the province Admin issued; refused days are tried again at once with it."""
    kunci = kunci.strip()
    kode = tandatangan.kode_dari_kunci(kunci)
    with transaction.atomic():
        SambunganProvinsi.get()
        SambunganProvinsi.objects.filter(pk=1).update(
            kunci_terenkripsi=enkripsi(kunci), kode_kantor=kode, kunci_dipasang_pada=timezone.now(),
            kunci_dipasang_oleh=oleh, jeda_sampai=None, gagal_berturut=0, galat_terakhir="",
        )
        _ulang(KirimanHarian.objects.filter(status=StatusKiriman.DITOLAK))
        catat(oleh, "provinsi_pasang_kunci", f"kode kantor {kode}")
        transaction.on_commit(tasks.jadwalkan)
    return kode


def _ulang(qs):
    return qs.update(status=StatusKiriman.MENUNGGU, percobaan=0, kirim_setelah=timezone.now())


def kirim_sekarang(*, oleh):
    """Stop waiting after a failure and ask the worker for a round now."""
    with transaction.atomic():
        SambunganProvinsi.get()
        SambunganProvinsi.objects.filter(pk=1).update(jeda_sampai=None)
        _ulang(KirimanHarian.objects.filter(status=StatusKiriman.MENUNGGU))
        transaction.on_commit(tasks.jadwalkan)


def kirim_ulang(*, semua, oleh):
    """Send the refused days again (or every day, e.g. after the province restored an old backup); returns how many."""
    with transaction.atomic():
        qs = KirimanHarian.objects.all() if semua else KirimanHarian.objects.filter(status=StatusKiriman.DITOLAK)
        if semua:
            # The province may have lost them: the print of what it accepted no longer holds.
            qs.update(sidik_terkirim="")
        n = _ulang(qs)
        SambunganProvinsi.get()
        SambunganProvinsi.objects.filter(pk=1).update(jeda_sampai=None)
        catat(oleh, "provinsi_kirim_ulang", f"{n} hari{' (semua)' if semua else ''}")
        transaction.on_commit(tasks.jadwalkan)
    return n
