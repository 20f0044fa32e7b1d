"""A tiny per-key rate limit on Django's cache, for public forms (kiosk, rating)."""

from django.core.cache import cache


def ip_klien(request):
    """The client's address as the app sees it (the proxy must set REMOTE_ADDR correctly)."""
    return request.META.get("REMOTE_ADDR", "")


def melebihi_batas(kunci, *, batas, detik):
    """Count one hit on `kunci`; True once more than `batas` hits fall in the current `detik` window.

    Fixed windows are enough here: the aim is to stop a child or a script pressing a public
    button hundreds of times, not exact accounting. With the default per-process cache the limit
    holds per worker; a shared cache (Redis, database) makes it hold across workers.
    """
    kunci = f"batas:{kunci}"
    if cache.add(kunci, 1, timeout=detik):
        return batas < 1
    try:
        jumlah = cache.incr(kunci)
    except ValueError:  # expired between add() and incr()
        cache.add(kunci, 1, timeout=detik)
        jumlah = 1
    return jumlah > batas
