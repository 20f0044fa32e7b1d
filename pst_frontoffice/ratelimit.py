"""A small fixed-window rate limit on public pages (rating, kiosk, SKD link).

Counts per client address and purpose in Django's cache: `melebihi_batas(request, "rating",
batas=10, jendela=600)` is True from the 11th call within the same 10-minute window.

    from pst_frontoffice.ratelimit import dibatasi, melebihi_batas

    @dibatasi("skd", jumlah=30, detik=60)        # the Indonesian 429 page when exceeded
    def tautan_skd(request, token): ...

The count lives in the default cache (settings.CACHES): the database in production, so all
workers and app servers count together; memory in development and tests. The database cache's
increment is a read then a write, so two calls at the same instant may count once: a limit for
floods, not an exact meter. The address is `pst_frontoffice.aktivitas.ip_klien`'s: X-Forwarded-For
counts only from the office's reverse proxies (TRUSTED_PROXIES), so a client cannot rotate it.
"""

import time
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render

from .aktivitas import ip_klien


def alamat_klien(request):
    return ip_klien(request) or "tidak-diketahui"


def melebihi_batas(request, tujuan, *, batas, jendela):
    """Count this call; True when the client has made more than `batas` in the current window."""
    slot = int(time.time() // jendela)
    kunci = f"batas:{tujuan}:{alamat_klien(request)}:{slot}"
    cache.add(kunci, 0, timeout=jendela + 5)
    try:
        jumlah = cache.incr(kunci)
    except ValueError:  # expired between add and incr
        cache.set(kunci, 1, timeout=jendela + 5)
        jumlah = 1
    return jumlah > batas


def batasi(request, kunci, jumlah, detik):
    """Same as melebihi_batas, positional: True when over `jumlah` calls in `detik` seconds."""
    return melebihi_batas(request, kunci, batas=jumlah, jendela=detik)


def terlalu_sering(request, detik):
    """The page shown when a visitor sends too many requests (HTTP 429)."""
    response = render(request, "429.html", {"detik": detik}, status=429)
    response["Retry-After"] = str(detik)
    return response


def dibatasi(kunci, jumlah, detik):
    """View decorator: at most `jumlah` requests per `detik` seconds per address, else the 429 page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if batasi(request, kunci, jumlah, detik):
                return terlalu_sering(request, detik)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
