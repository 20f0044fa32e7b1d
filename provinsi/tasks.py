"""The worker's task that pushes the daily summaries to the province (the same django-tasks-db worker as the outbox).

The sending state (provinsi.models.KirimanHarian) is the record of what must be sent; a task only
says "look now". Each round schedules the next one whatever happens: at once while days are due,
at the end of a wait after a failure, else after the office's next midnight.
"""

from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pesan.tasks import jadwalkan_tugas
from pst_frontoffice.models import PengaturanKantor

from . import kiriman


@task
def kirim_ringkasan_provinsi():
    """One round of sending, then the next round scheduled."""
    if not kiriman.tersambung():
        return None
    # Office days end at the office's midnight, whatever zone the worker runs in.
    with timezone.override(PengaturanKantor.get().tzinfo):
        try:
            putaran = kiriman.kirim_jatuh_tempo()
        finally:
            jadwalkan(kapan=kiriman.berikutnya())
    return putaran.terkirim if putaran else 0


def jadwalkan(*, kapan=None):
    """Ask the worker for a round now, or at `kapan` (unless one is already waiting to run by then)."""
    return jadwalkan_tugas(kirim_ringkasan_provinsi, kapan=kapan)


def pastikan_terjadwal():
    """A round is waiting (at any time), or one is asked for now: the chain of rounds is never lost.

    A round left RUNNING by a killed worker does not count; two rounds at once are harmless (one
    sender holds the connection at a time).
    """
    ada = DBTaskResult.objects.filter(task_path=kirim_ringkasan_provinsi.module_path, status=TaskResultStatus.READY).exists()
    return None if ada else jadwalkan()
