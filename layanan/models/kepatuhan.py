"""Time-standard compliance: which services due in a period meet their standard, as conditions on rows."""

from django.db import models
from django.db.models import Q

from .status import DIBATALKAN, SELESAI, TERBUKA, Status


def syarat_jatuh_tempo(sekarang):
    """Decided at `sekarang` and not cancelled: finished, past due, or answered."""
    return ~DIBATALKAN & (Q(status=Status.SELESAI) | Q(tenggat__lt=sekarang) | Q(dijawab_pada__isnull=False))


def syarat_kepatuhan(sekarang, *, di_antara_jatuh_tempo=False):
    """The time-standard figures of services due in a period, as conditions on their rows.

    As layanan/tenggat.py states the rule: cancelled services never count; "jatuh tempo" are those
    decided at `sekarang` (finished, past due, or answered); "memenuhi" were finished by an officer
    or answered by their due time; "terlambat" are decided and not met; "terlambat, masih terbuka"
    are open past due and not answered by then. Written without negated lookups on the nullable
    answer time, so each condition reads the same in a filter and inside Count(filter=…).

    Every figure is a part of "jatuh tempo": each condition is "jatuh tempo" and what sets the figure
    apart within it. `di_antara_jatuh_tempo=True` gives those parts alone (None for "jatuh tempo"
    itself), for a query already filtered by `syarat_jatuh_tempo` (ringkasan.hitung): a smaller
    condition to build for every figure of every report.
    """
    dijawab_tepat = Q(dijawab_pada__lte=models.F("tenggat"))
    tidak_dijawab_tepat = Q(dijawab_pada__isnull=True) | Q(dijawab_pada__gt=models.F("tenggat"))
    tidak_selesai_tepat = ~Q(status=Status.SELESAI) | Q(ditutup_otomatis=True) | Q(selesai_pada__gt=models.F("tenggat"))
    bagian = {
        "jatuh_tempo": None,
        # Finished or answered: decided, so within "jatuh tempo" whenever not cancelled.
        "memenuhi": (SELESAI & Q(selesai_pada__lte=models.F("tenggat"))) | dijawab_tepat,
        "terlambat": tidak_selesai_tepat & tidak_dijawab_tepat,
        # Open (so not cancelled) and past due: within "jatuh tempo".
        "terlambat_terbuka": TERBUKA & Q(tenggat__lt=sekarang) & tidak_dijawab_tepat,
    }
    if di_antara_jatuh_tempo:
        return bagian
    jatuh_tempo = syarat_jatuh_tempo(sekarang)
    return {angka: jatuh_tempo if q is None else jatuh_tempo & q for angka, q in bagian.items()}
