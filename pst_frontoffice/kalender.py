"""Days in the office's time zone (the zone activated per request by the middleware)."""

import datetime

from django.utils import timezone


def awal_hari(tanggal):
    """Midnight at the start of `tanggal` in the current (office) time zone, as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(tanggal, datetime.time.min))


def rentang_hari(dari, sampai):
    """[start of `dari`, start of the day after `sampai`) — index-friendly bounds for a date range."""
    return awal_hari(dari), awal_hari(sampai + datetime.timedelta(days=1))


def hari_ini():
    return timezone.localdate()
