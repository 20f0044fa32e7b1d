"""Assigning several services to one officer at once (Semua Layanan), under the same rule as the
detail page's reassignment: the officer handling a service (handler or co-handler) or an Admin."""

from dataclasses import dataclass, field

from django.db import transaction

from .models import Layanan

BATAS_SEKALIGUS = 100


@dataclass
class Pilahan:
    """The chosen services split into those that will be assigned and those that will not, with why."""

    boleh: list = field(default_factory=list)
    ditolak: list = field(default_factory=list)  # (service, reason)


def pilah(*, layanan_ids, ke, oleh):
    """Which of the chosen services `oleh` may give to `ke` now (open, theirs to change, not already ke's)."""
    daftar = list(Layanan.objects.untuk_daftar().filter(pk__in=layanan_ids).order_by("-dibuat", "-id")[:BATAS_SEKALIGUS])
    milik = set() if oleh.is_admin else set(
        Layanan.objects.milik(oleh).filter(pk__in=[l.pk for l in daftar]).values_list("pk", flat=True)
    )
    hasil = Pilahan()
    for layanan in daftar:
        if not layanan.terbuka:
            hasil.ditolak.append((layanan, f"sudah {layanan.get_status_display().lower()}"))
        elif not (oleh.is_admin or layanan.pk in milik):
            hasil.ditolak.append((layanan, "bukan layanan yang Anda tangani"))
        elif layanan.petugas_id == ke.pk:
            hasil.ditolak.append((layanan, f"sudah ditangani {ke}"))
        else:
            hasil.boleh.append(layanan)
    return hasil


def tugaskan_banyak(*, layanan_ids, ke, oleh):
    """Give the services `oleh` may give to `ke`, in one transaction, each with its history entry;
    returns the Pilahan done (checked again under lock, so a service changed meanwhile is left out)."""
    with transaction.atomic():
        list(Layanan.objects.select_for_update().filter(pk__in=layanan_ids).values_list("pk", flat=True))
        hasil = pilah(layanan_ids=layanan_ids, ke=ke, oleh=oleh)
        lain = len(hasil.boleh) - 1
        for layanan in hasil.boleh:
            sebelumnya = layanan.petugas
            catatan = f"Dialihkan dari {sebelumnya} ke {ke}" + (f", bersama {lain} layanan lain." if lain else ".")
            layanan.alihkan(ke, oleh=oleh, catatan=catatan)
    return hasil
