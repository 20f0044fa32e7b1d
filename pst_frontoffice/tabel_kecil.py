"""Small tables kept whole in each process: the accounts and the kinds of service.

Every service row of a list shows its kind and its officer. Joined into each list query, the two
tables cost PostgreSQL more planning than the rest of the query, and Python two model objects per
row. They hold tens of rows that an Admin changes now and then, so each process keeps them whole
and gives copies (`ambil`, `semua`): no query at all for them on a page, and code that edits what it
was given changes nothing for other requests.

Kept current the way the office settings are: a save or delete in this process forgets the table
at once, and again when its transaction commits (a request that read the old rows meanwhile does
not keep them); a change made by another process (another gunicorn worker or server) is seen once
the kept table is older than TABEL_KECIL_CEK_DETIK. A row asked for that the kept table lacks (added
a moment ago elsewhere) reads the table again at once. Tests: tests/test_tabel_kecil.py.
"""

import copy
import time

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save


def salinan(obj):
    """A shallow copy of a model row with its own state (copy.copy takes the slower pickling path)."""
    baru = obj.__class__.__new__(obj.__class__)
    baru.__dict__ = obj.__dict__.copy()
    baru._state = copy.copy(obj._state)
    baru._state.fields_cache = {}
    return baru


class TabelKecil:
    def __init__(self, label_model):
        self.label_model = label_model
        self._isi = None  # ({pk: row}, [rows in the model's order], time.monotonic() when read)

    def _baca(self):
        model = apps.get_model(self.label_model)
        uid = f"tabel_kecil_{self.label_model}"
        # Connected on the first read: before it there is nothing to forget.
        post_save.connect(self._berubah, sender=model, dispatch_uid=f"{uid}_simpan", weak=False)
        post_delete.connect(self._berubah, sender=model, dispatch_uid=f"{uid}_hapus", weak=False)
        dibaca = time.monotonic()
        baris = list(model._default_manager.all())
        self._isi = ({b.pk: b for b in baris}, baris, dibaca)
        return self._isi

    def _kini(self):
        isi = self._isi
        if isi is None or time.monotonic() - isi[2] >= settings.TABEL_KECIL_CEK_DETIK:
            isi = self._baca()
        return isi

    def ambil(self, pk):
        """A copy of the row with this primary key, or None when the table has none."""
        if pk is None:
            return None
        per_pk = self._kini()[0]
        if pk not in per_pk:
            per_pk = self._baca()[0]
        baris = per_pk.get(pk)
        return None if baris is None else salinan(baris)

    def semua(self):
        """Copies of every row, in the model's order."""
        return [salinan(b) for b in self._kini()[1]]

    def lupakan(self, **kwargs):
        self._isi = None

    def _berubah(self, **kwargs):
        self.lupakan()
        transaction.on_commit(self.lupakan, robust=True)


# The accounts (officers' names on every row); the kinds of service are bukutamu.kunjungan.JENIS_LAYANAN.
PENGGUNA = TabelKecil(settings.AUTH_USER_MODEL)
