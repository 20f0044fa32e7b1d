"""A small fixed-window rate limit on public forms (rating page, later the kiosk).

Counts per client address and purpose in Django's cache: `melebihi_batas(request, "rating",
batas=10, jendela=600)` is True from the 11th call within the same 10-minute window.
The count lives in the default cache, so with several gunicorn workers configure a shared
cache (database or Redis) in CACHES, or each worker counts on its own. Behind a reverse proxy
REMOTE_ADDR is the proxy's address unless the proxy sets it (e.g. nginx `real_ip`).
"""

import time

from django.core.cache import cache


def alamat_klien(request):
    return request.META.get("REMOTE_ADDR") or "tidak-diketahui"


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
