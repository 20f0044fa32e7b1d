"""The province Admin registers offices and issues their keys (province instance)."""

from django.db import transaction
from django.utils import timezone

from pst_frontoffice.aktivitas import catat

from . import tandatangan
from .models import Kantor
from .rahasia import enkripsi


def daftarkan(*, kode, nama, oleh=None):
    """Register an office and issue its key; returns (kantor, kunci). The key is shown once, never again."""
    with transaction.atomic():
        kantor = Kantor.objects.create(kode=kode, nama=nama)
        kunci = _kunci_baru(kantor)
        catat(oleh, "provinsi_daftar_kantor", kantor)
    return kantor, kunci


def buat_kunci_baru(kantor, *, oleh=None):
    """A new key for the office; the old one stops working at once. Returns the new key."""
    with transaction.atomic():
        kunci = _kunci_baru(kantor)
        catat(oleh, "provinsi_kunci_baru", kantor)
    return kunci


def _kunci_baru(kantor):
    kunci = tandatangan.buat_kunci(kantor.kode)
    kantor.kunci_terenkripsi = enkripsi(kunci)
    kantor.kunci_dibuat_pada = timezone.now()
    kantor.save(update_fields=["kunci_terenkripsi", "kunci_dibuat_pada"])
    return kunci


def atur_aktif(kantor, *, aktif, oleh=None):
    """Stop (or resume) taking the office's summaries; what it sent stays."""
    with transaction.atomic():
        Kantor.objects.filter(pk=kantor.pk).update(aktif=aktif)
        catat(oleh, "provinsi_kantor_aktif" if aktif else "provinsi_kantor_nonaktif", kantor)
