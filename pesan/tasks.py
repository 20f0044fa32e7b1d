"""The background task that empties the outbox (Django's task framework, django-tasks-db worker).

The outbox table, not the task queue, is the record of what must be sent: a task only says "look
now". A worker killed mid-message leaves that message claimed until its hold runs out; the next
sweep takes it again. Sweeps that find nothing due cost one query.
"""

from django.db.models import Q
from django.tasks import TaskResultStatus, default_task_backend, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from pst_frontoffice.models import PengaturanKantor

from . import pengiriman


@task
def kirim_pesan_keluar():
    """Send every message that is due, then schedule the next sweep for the earliest one still queued."""
    # Times written into the service timeline read in the office's zone, as on the officers' screens.
    with timezone.override(PengaturanKantor.get().tzinfo):
        terkirim = pengiriman.kirim_jatuh_tempo()
    berikutnya = pengiriman.jatuh_tempo_berikutnya()
    if berikutnya is not None:
        jadwalkan(kapan=berikutnya)
    return terkirim


def _sudah_terjadwal(kapan):
    """A waiting sweep that runs by `kapan` exists already, so another one is not needed."""
    return DBTaskResult.objects.filter(
        Q(run_after=get_date_max()) | Q(run_after__lte=kapan),
        task_path=kirim_pesan_keluar.module_path, status=TaskResultStatus.READY,
    ).exists()


def jadwalkan(*, kapan=None):
    """Ask the worker for a sweep now, or at `kapan`."""
    if kapan is None or kapan <= timezone.now():
        return kirim_pesan_keluar.enqueue()
    if not default_task_backend.supports_defer or _sudah_terjadwal(kapan):
        return None
    return kirim_pesan_keluar.using(run_after=kapan).enqueue()
