"""The background worker: django-tasks-db's `db_worker`, plus a watch on the outbox.

The watch (pesan.tasks.jaga_outbox) looks at the outbox when the worker starts and then every
PESAN_SAPU_DETIK seconds, so a message is never forgotten: not after a worker was killed in the
middle of sending it (its task stays "running" for ever), nor when the process that queued it died
before it could ask for a sweep. Every option of db_worker works the same here.
"""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorker

from pesan.tasks import mulai_jaga_outbox, pastikan_tersapu


class Command(DbWorker):
    help = "Menjalankan worker tugas latar (db_worker) yang juga memeriksa Outbox saat mulai dan tiap menit."

    def handle(self, *args, reload=False, batch=False, **options):
        if batch:
            pastikan_tersapu()  # one look before the batch, which then runs what is due
        elif not reload or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            # With --reload the parent only watches files; the child that runs tasks gets the watch.
            mulai_jaga_outbox()
        return super().handle(*args, reload=reload, batch=batch, **options)
