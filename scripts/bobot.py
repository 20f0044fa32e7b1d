"""Weight of a page as a phone downloads it: the HTML as the app serves it (compressed by the app,
KompresiMiddleware) and every file it links, gzip-compressed as whitenoise serves them.

Shared by `make bench` (scripts/bobot_halaman.py) and the test that holds the phone pages to their
budget (tests/test_bobot_ponsel.py). Bytes, not time: on a slow mobile link the weight decides.
"""

import gzip
import re
from html.parser import HTMLParser

from django.conf import settings
from django.contrib.staticfiles import finders

BATAS_PONSEL = 30_000  # bytes, compressed, per visitor page with everything it loads


class _Tautan(HTMLParser):
    """Files the browser fetches on its own: stylesheets, icons, scripts, images."""

    def __init__(self):
        super().__init__()
        self.berkas = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {"stylesheet", "icon", "preload"}:
            self.berkas.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.berkas.append(a["src"])


def berkas_tertaut(html):
    p = _Tautan()
    p.feed(html)
    return p.berkas


# What a phone's browser sends: the app answers it with compressed HTML.
TERIMA_GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def gz(isi):
    """Size after gzip at level 6, what nginx and most reverse proxies send by default."""
    return len(gzip.compress(isi, compresslevel=6, mtime=0))


def dari_respons(response):
    """(HTML text, bytes on the wire) of a response to a request sent with TERIMA_GZIP. A page the
    app did not compress is an error here: the weight is what a phone really downloads."""
    if response.get("Content-Encoding") != "gzip":
        raise ValueError(f"HTML tidak dikompres (Content-Encoding {response.get('Content-Encoding')!r})")
    isi = response.content
    return gzip.decompress(isi).decode("utf-8"), len(isi)


def isi_statis(url):
    """The bytes of a file under STATIC_URL, read from the static folders (no server needed)."""
    awal = "/" + settings.STATIC_URL.lstrip("/")
    if not url.startswith(awal):
        raise ValueError(f"{url} bukan berkas statis aplikasi (CDN tidak dipakai)")
    jalur = finders.find(re.sub(r"[?#].*$", "", url[len(awal):]))
    if jalur is None:
        raise FileNotFoundError(url)
    with open(jalur, "rb") as f:
        return f.read()


def bobot(html, ambil=isi_statis, *, terkirim=None):
    """{"html": bytes, "berkas": {url: bytes}, "total": bytes}, every figure compressed.

    terkirim: the HTML's size as served (dari_respons); without it the HTML is compressed here."""
    teks = html.decode("utf-8") if isinstance(html, bytes) else html
    berkas = {url: gz(ambil(url)) for url in dict.fromkeys(berkas_tertaut(teks))}
    html_gz = terkirim if terkirim is not None else gz(teks.encode("utf-8"))
    return {"html": html_gz, "berkas": berkas, "total": html_gz + sum(berkas.values())}


def bobot_respons(response, ambil=isi_statis):
    """bobot() of a response as served to a browser that accepts gzip, with its text under "teks"."""
    teks, terkirim = dari_respons(response)
    return {**bobot(teks, ambil, terkirim=terkirim), "teks": teks}
