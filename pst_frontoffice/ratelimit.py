"""Rate limits for public pages (rating, SKD link, kiosk): a fixed window per visitor address.

    from pst_frontoffice.ratelimit import batasi, dibatasi

    @dibatasi("rating", jumlah=30, detik=60)     # 429 page in Indonesian when exceeded
    def rating_publik(request, token): ...

    if batasi(request, "rating-kirim", 10, 60):  # or decide yourself inside the view
        ...

Counts live in the default cache (per worker process, see settings.CACHES), so with N gunicorn
workers an address gets at most N × jumlah requests per window — enough to stop a flood.
"""

import time
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render

from .aktivitas import ip_klien


def batasi(request, kunci, jumlah, detik):
    """Count this request; True when the address has gone over `jumlah` requests for `kunci`
    within the current window of `detik` seconds (the caller then refuses it)."""
    jendela = int(time.time() // detik)
    kunci_cache = f"batas:{kunci}:{ip_klien(request) or '-'}:{jendela}"
    if cache.add(kunci_cache, 1, detik + 1):
        return 1 > jumlah
    try:
        return cache.incr(kunci_cache) > jumlah
    except ValueError:  # expired between add() and incr()
        cache.set(kunci_cache, 1, detik + 1)
        return 1 > jumlah


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
