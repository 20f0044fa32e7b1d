"""The default shifts: Pagi 07.30–12.00, Siang 12.00–14.30, Sore 14.30–16.00."""

import datetime

SHIFT_BAWAAN = [
    ("Pagi", datetime.time(7, 30), datetime.time(12, 0)),
    ("Siang", datetime.time(12, 0), datetime.time(14, 30)),
    ("Sore", datetime.time(14, 30), datetime.time(16, 0)),
]


def pastikan_shift_bawaan(Shift):
    """Create the default shifts that are missing (used by the data migration and tests)."""
    for urutan, (nama, mulai, selesai) in enumerate(SHIFT_BAWAAN, start=1):
        Shift.objects.get_or_create(nama=nama, defaults={"jam_mulai": mulai, "jam_selesai": selesai, "urutan": urutan})
