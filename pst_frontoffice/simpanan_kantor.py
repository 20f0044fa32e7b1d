"""The office settings row kept in each process between requests (PengaturanKantor.get())."""

import copy
import time

from django.conf import settings
from django.db import transaction


class _SimpananKantor:
    """The settings row kept in this process between requests, so a request reads no row at all.

    A save or delete in this process forgets it at once (and again when its transaction commits, so
    a request that read the old row meanwhile does not keep it). Another process (a gunicorn worker,
    another server, the worker) saves without telling us: the row is read again once it is older
    than PENGATURAN_KANTOR_CEK_DETIK, so an Admin's change reaches every process within seconds.
    Each caller gets its own copy: code that edits the settings it was given never changes what
    other requests see.
    """

    def __init__(self):
        self._isi = None  # (row, time.monotonic() when read)

    def ambil(self, model):
        isi = self._isi
        if isi is not None and time.monotonic() - isi[1] < settings.PENGATURAN_KANTOR_CEK_DETIK:
            return _salinan(isi[0])
        dibaca = time.monotonic()
        obj, _ = model.objects.get_or_create(pk=1)
        self._isi = (_salinan(obj), dibaca)
        return obj

    def lupakan(self, **kwargs):
        self._isi = None


def _salinan(obj):
    """A shallow copy of a model row with its own state: what copy.copy gives, without the pickling
    path it takes for models (three times slower, and this runs on every request)."""
    baru = obj.__class__.__new__(obj.__class__)
    baru.__dict__ = obj.__dict__.copy()
    baru._state = copy.copy(obj._state)
    baru._state.fields_cache = {}
    return baru


simpanan_kantor = _SimpananKantor()


def lupakan_pengaturan(sender, **kwargs):
    """post_save/post_delete of PengaturanKantor (also raw saves: a restore with loaddata); again on
    commit, see _SimpananKantor."""
    simpanan_kantor.lupakan()
    transaction.on_commit(simpanan_kantor.lupakan, robust=True)
