"""The worker's task (django-tasks-db, run by the same `manage.py worker_pesan` that sends the outbox)."""

from django.tasks import task

from . import pembuatan


@task
def buat_unduhan(unduhan_id):
    """Make one file, then remove the files that are kept long enough."""
    try:
        hasil = pembuatan.buat_berkas(unduhan_id=unduhan_id)
    finally:
        pembuatan.bersihkan()
    return None if hasil is None else hasil.pk
