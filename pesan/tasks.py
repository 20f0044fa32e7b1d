"""The background task that empties the outbox (Django's task framework, django-tasks-db worker).

The outbox table, not the task queue, is the record of what must be sent: a task only says "look
now". A worker killed mid-message leaves that message claimed until its hold runs out, and leaves
its task "running" for ever; so the worker command (`manage.py worker_pesan`) also looks by itself,
when it starts and then every PESAN_SAPU_DETIK seconds, and asks for a sweep whenever a message is
due with none on the way (`pastikan_tersapu`). Sweeps that find nothing due cost one query.
"""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections
from django.db.models import Q
from django.tasks import TaskResultStatus, default_task_backend, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from pst_frontoffice.models import PengaturanKantor

from . import pengiriman
from .signals import worker_berjaga

log = logging.getLogger(__name__)


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


def _sudah_terjadwal(tugas, kapan):
    """A waiting run of `tugas` that starts by `kapan` exists already, so another one is not needed."""
    return DBTaskResult.objects.filter(
        Q(run_after=get_date_max()) | Q(run_after__lte=kapan),
        task_path=tugas.module_path, status=TaskResultStatus.READY,
    ).exists()


def jadwalkan_tugas(tugas, *, kapan=None):
    """Ask the worker to run `tugas` (a task whose table, not the queue, records the work: a run only
    says "look now") now, or at `kapan`, unless a waiting run starts by then already."""
    sekarang = timezone.now()
    if kapan is None or kapan <= sekarang:
        if _sudah_terjadwal(tugas, sekarang):
            return None
        return tugas.enqueue()
    if not default_task_backend.supports_defer or _sudah_terjadwal(tugas, kapan):
        return None
    return tugas.using(run_after=kapan).enqueue()


def jadwalkan(*, kapan=None):
    """Ask the worker for a sweep of the outbox now, or at `kapan`."""
    return jadwalkan_tugas(kirim_pesan_keluar, kapan=kapan)


def pastikan_tersapu():
    """A sweep is on the way for the earliest queued message (its retry time, or when a killed worker's
    hold on it runs out); nothing when the outbox holds nothing queued."""
    berikutnya = pengiriman.jatuh_tempo_berikutnya()
    if berikutnya is not None:
        jadwalkan(kapan=berikutnya)
    return berikutnya


def jaga_outbox(berhenti, *, selang=None):
    """The worker's own watch, in a thread beside its task loop: `pastikan_tersapu` and `worker_berjaga`
    at once, then every `selang` seconds until `berhenti` (a threading.Event) is set. A fault is logged
    and tried again."""
    selang = selang or settings.PESAN_SAPU_DETIK
    while True:
        try:
            pastikan_tersapu()
        except Exception:
            log.exception("Pemeriksaan outbox gagal; dicoba lagi dalam %s detik.", selang)
        # Other work done by this worker (the province push) keeps its own chain of runs alive the
        # same way: a run left "running" by a killed worker is followed by a new one.
        for penerima, hasil in worker_berjaga.send_robust(sender=jaga_outbox):
            if isinstance(hasil, Exception):
                log.error("Pemeriksaan %s gagal; dicoba lagi dalam %s detik.", penerima, selang, exc_info=hasil)
        close_old_connections()
        if berhenti.wait(selang):
            return


def mulai_jaga_outbox():
    """Start `jaga_outbox` in a daemon thread (it ends with the worker process); returns its stop event."""
    berhenti = threading.Event()
    threading.Thread(target=jaga_outbox, args=(berhenti,), name="jaga-outbox", daemon=True).start()
    return berhenti
