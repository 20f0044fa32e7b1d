"""Asking for a file: the worker makes it (unduhan.tasks, unduhan.pembuatan)."""

from django.db import transaction

from . import tasks
from .models import Unduhan

Status = Unduhan.Status


def minta(*, jenis, parameter, judul, nama_berkas, oleh):
    """(unduhan, baru): the same file already on its way for this user, or a new one for the worker."""
    with transaction.atomic():
        sama = Unduhan.objects.filter(
            pemilik=oleh, jenis=jenis, status__in=[Status.MENUNGGU, Status.DIBUAT]
        ).order_by("-dibuat")
        for ada in sama:
            if ada.parameter == parameter and not ada.terhenti():
                return ada, False
        unduhan = Unduhan.objects.create(
            pemilik=oleh, jenis=jenis, parameter=parameter, judul=judul[:200], nama_berkas=nama_berkas[:200],
            keterangan="Menunggu giliran di worker.",
        )
        transaction.on_commit(lambda: tasks.buat_unduhan.enqueue(unduhan.pk))
    return unduhan, True
