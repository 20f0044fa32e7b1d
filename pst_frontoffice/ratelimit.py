"""A small fixed-window rate limit on public pages (self-registration, kiosk, tracking, rating).

Counts per client address and purpose in Django's cache: `melebihi_batas(request, "kios",
batas=20, jendela=60)` is True from the 21st call within the same one-minute window.

    from pst_frontoffice.ratelimit import dibatasi, dibatasi_per_tautan, melebihi_batas

    @dibatasi("uji", jumlah=30, detik=60)        # the Indonesian 429 page when exceeded
    def halaman(request): ...

    @dibatasi_per_tautan("lacak", per_tautan=60, tautan_salah=30, detik=60)
    def lacak(request, token): ...

Pages opened by a visitor's own link (tracking, rating) count per link, not per address: the
visitors in the waiting room share the office Wi-Fi's one address (and a phone carrier's NAT shares
one among strangers), and twenty queue pages refreshing every 20 seconds are already 60 a minute.
Only links the page does not know (answered 404) count per address: guessing stays capped, and an
address over that cap is refused every link until the window ends. A link is counted under a hash,
never as itself: the cache table would otherwise hold every visitor's secret link.

The count lives in the default cache (settings.CACHES): the database in production, so all
workers and app servers count together; memory in development and tests. The database cache's
increment is a read then a write, so two calls at the same instant may count once: a limit for
floods, not an exact meter. The address is `pst_frontoffice.aktivitas.ip_klien`'s: X-Forwarded-For
counts only from the office's reverse proxies (TRUSTED_PROXIES), so a client cannot rotate it.
"""

import hashlib
import time
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render

from .aktivitas import ip_klien


def alamat_klien(request):
    return ip_klien(request) or "tidak-diketahui"


def _kunci(tujuan, pemilik, jendela):
    return f"batas:{tujuan}:{pemilik}:{int(time.time() // jendela)}"


def _hitung(kunci, jendela):
    """Count one call under `kunci`; the count so far in this window."""
    cache.add(kunci, 0, timeout=jendela + 5)
    try:
        return cache.incr(kunci)
    except ValueError:  # expired between add and incr
        cache.set(kunci, 1, timeout=jendela + 5)
        return 1


def melebihi_batas(request, tujuan, *, batas, jendela):
    """Count this call; True when the client has made more than `batas` in the current window."""
    return _hitung(_kunci(tujuan, alamat_klien(request), jendela), jendela) > batas


def batasi(request, kunci, jumlah, detik):
    """Same as melebihi_batas, positional: True when over `jumlah` calls in `detik` seconds."""
    return melebihi_batas(request, kunci, batas=jumlah, jendela=detik)


def terlalu_sering(request, detik):
    """The page shown when a visitor sends too many requests (HTTP 429)."""
    response = render(request, "429.html", {"detik": detik}, status=429)
    response["Retry-After"] = str(detik)
    return response


def _nilai(x):
    return x() if callable(x) else x


def dibatasi_per_tautan(tujuan, *, per_tautan, tautan_salah, detik, metode=None, tolak=None):
    """View decorator for a page opened by its link (`token`): at most `per_tautan` requests per link
    and, from one address, `tautan_salah` for links the page answers 404 to, per `detik` seconds.

    Over either, the 429 page (`tolak(request, detik)` instead, when given). With `metode` (e.g.
    "POST") only requests of that method are limited and counted. The three numbers may be
    callables, read on each request (settings a test may change).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if metode and request.method != metode:
                return view(request, *args, **kwargs)
            jendela, batas_tautan, batas_salah = _nilai(detik), _nilai(per_tautan), _nilai(tautan_salah)
            tautan = hashlib.sha256(str(kwargs.get("token", "")).encode()).hexdigest()[:32]
            kunci_tautan = _kunci(f"{tujuan}-tautan", tautan, jendela)
            kunci_salah = _kunci(f"{tujuan}-salah", alamat_klien(request), jendela)
            # Looked at, not counted, before the page runs: a link nobody has is never written to the cache.
            if cache.get(kunci_salah, 0) >= batas_salah or cache.get(kunci_tautan, 0) >= batas_tautan:
                return (tolak or terlalu_sering)(request, jendela)
            response = view(request, *args, **kwargs)
            _hitung(kunci_salah if response.status_code == 404 else kunci_tautan, jendela)
            return response

        return wrapped

    return decorator


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
