import gzip
import io
import logging
import secrets

from django.contrib import messages
from django.contrib.messages.storage.base import BaseStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.shortcuts import render
from django.db import DatabaseError
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property

from .models import PengaturanKantor

logger = logging.getLogger(__name__)


def _ada_nul(data):
    return any("\x00" in kunci or any("\x00" in v for v in nilai) for kunci, nilai in data.lists())


class TolakNulMiddleware:
    """A NUL character in the address or in a parameter gets the 400 page. No form field holds one
    (Django's forms refuse it), and PostgreSQL cannot store or even compare text containing it, so
    a token, search word or id with a NUL would otherwise end in a database error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path
            or _ada_nul(request.GET)
            or (request.method == "POST" and _ada_nul(request.POST))
        ):
            return render(request, "400.html", status=400)
        return self.get_response(request)


class ZonaWaktuKantorMiddleware:
    """Shows and counts every date in the office's own zone (WIB/WITA/WIT), a setting."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.kantor = PengaturanKantor.get()
        except DatabaseError:
            # The database is down: carry on with the defaults so that the health check can
            # answer 503 and views fail with the standalone error page, not here.
            logger.warning("Pengaturan kantor tidak terbaca; memakai nilai bawaan.", exc_info=True)
            request.kantor = PengaturanKantor()
        timezone.activate(request.kantor.tzinfo)
        try:
            # One read of the settings row per request, whoever asks for it later.
            with PengaturanKantor.selama_permintaan(request.kantor):
                return self.get_response(request)
        finally:
            timezone.deactivate()


class PesanHtmxMiddleware:
    """Messages added while answering an HTMX request replace the page's one message area
    (an out-of-band swap), so feedback shows wherever the action was and never piles up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Most requests are not HTMX: one look at the raw header, before request.headers is built.
        if request.META.get("HTTP_HX_REQUEST") != "true":
            return response
        htmx = getattr(request, "htmx", None)
        if (
            not htmx
            or htmx.history_restore_request
            or response.streaming
            or response.status_code >= 300 and response.status_code not in (400, 422)
            or "HX-Redirect" in response
            or "HX-Location" in response
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return response
        pesan = messages.get_messages(request)
        if len(pesan):
            response.content += render_to_string(
                "includes/messages.html", {"messages": pesan, "oob": True}, request=request
            ).encode()
        return response


class PesanHemat(FallbackStorage):
    """Django's default message storage (a cookie, then the session), built only when a message is
    added or read. Most requests do neither, and building it (the cookie's signer) on every request
    was one of the larger costs of the middleware stack."""

    def __init__(self, request, *args, **kwargs):
        BaseStorage.__init__(self, request, *args, **kwargs)
        self._argumen = ((request, *args), kwargs)
        self._used_storages = set()

    @cached_property
    def storages(self):
        args, kwargs = self._argumen
        return [kelas(*args, **kwargs) for kelas in self.storage_classes]


# Text worth compressing. Everything else (xlsx, docx, zip, png, pdf, the downloads and uploads we
# stream) is compressed already or gains nothing, and passes through untouched.
JENIS_TEKS = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")


def gzip_acak(isi, *, tingkat, maks_acak):
    """gzip with a file name of random length (0 to maks_acak - 1 bytes) in its header, as Django's
    own compress_string does: the length of a response no longer tells an attacker whether a guess
    at a secret in the page matched the text they injected (BREACH)."""
    keluaran = io.BytesIO()
    nama = b"a" * secrets.randbelow(maks_acak)
    with gzip.GzipFile(filename=nama, mode="wb", compresslevel=tingkat, fileobj=keluaran, mtime=0) as berkas:
        berkas.write(isi)
    return keluaran.getvalue()


class KompresiMiddleware(GZipMiddleware):
    """Pages and other text compressed with gzip for clients that accept it, with Django's BREACH
    mitigation (random bytes in every compressed body, GZipMiddleware.max_random_bytes).

    Django's GZipMiddleware, with two differences: only text is compressed (see JENIS_TEKS), and a
    whole page at level 2 instead of 6. An officer page of 60 KB takes a third of the CPU time at
    level 2 (about 0.5 ms against 1.5 ms on the 2-core server) for 20 % more bytes; a phone page of
    a few KB differs by a few hundred bytes. Streamed text is left to GZipMiddleware as it is.
    """

    tingkat = 2

    def process_response(self, request, response):
        jenis = response.get("Content-Type", "")
        if not jenis.startswith(JENIS_TEKS):
            return response
        if response.streaming:
            return super().process_response(request, response)
        if len(response.content) < 200 or response.has_header("Content-Encoding"):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        isi = gzip_acak(response.content, tingkat=self.tingkat, maks_acak=self.max_random_bytes)
        if len(isi) >= len(response.content):
            return response
        response.content = isi
        response.headers["Content-Length"] = str(len(isi))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
        return response
