import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.http import HttpResponse
from django.shortcuts import render
from django.db import DatabaseError
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils import timezone

from .models import PengaturanKantor

logger = logging.getLogger(__name__)


def _menerima_unggahan(request):
    """Whether the address is a page that takes an uploaded file (`menerima_unggahan`) or Django admin."""
    try:
        cocok = resolve(request.path_info)
    except Resolver404:
        return False
    return cocok.app_name == "admin" or getattr(cocok.func, "menerima_unggahan", False)


class BatasKirimanMiddleware:
    """A request body larger than the page takes gets the 413 page before anything reads it.

    Reading a POST's parameters parses the body and writes a multipart body's files to a
    temporary folder, before the CSRF check or the login has refused anything: the check has to
    come first, and for anonymous requests too. Django reads no more of the body than its
    Content-Length declares (a body without one is read as empty), so checking that number caps
    what is read. Pages that take an upload (views marked `pst_frontoffice.unggahan.menerima_unggahan`)
    and Django admin allow BATAS_KIRIMAN_UNGGAHAN_BAIT, above each file's own limit so that a file
    slightly too big still gets its form's message beside the field; every other page
    BATAS_KIRIMAN_BAIT, the size of its form fields.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            ukuran = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            ukuran = 0  # Django reads such a body as empty
        if ukuran > settings.BATAS_KIRIMAN_BAIT:
            batas = settings.BATAS_KIRIMAN_UNGGAHAN_BAIT if _menerima_unggahan(request) else settings.BATAS_KIRIMAN_BAIT
            if ukuran > batas:
                return self._terlalu_besar(request, batas)
        return self.get_response(request)

    def _terlalu_besar(self, request, batas):
        mb = f"{batas / (1024 * 1024):.1f}".removesuffix(".0").replace(".", ",")
        pesan = (
            f"Berkas atau isian yang dikirim terlalu besar: halaman ini menerima paling banyak {mb} MB. "
            "Perkecil berkasnya (mis. simpan ulang PDF dengan ukuran lebih kecil), lalu kirim lagi."
        )
        if request.headers.get("HX-Request") == "true":
            # An HTMX form: the message goes to the page's message area (htmx-config swaps a 413).
            html = render_to_string("includes/messages.html", {"messages": [Message(messages.ERROR, pesan)]})
            response = HttpResponse(html, status=413)
            response["HX-Retarget"], response["HX-Reswap"] = "#pesan", "outerHTML"
            return response
        return render(request, "413.html", {"pesan": pesan}, status=413)


def _ada_nul(data):
    return any("\x00" in kunci or any("\x00" in v for v in nilai) for kunci, nilai in data.lists())


def _header_nul(request):
    """A NUL in a header (HTTP_*, the body's type and length) or in a cookie, raw or unquoted."""
    if any("\x00" in str(nilai) for kunci, nilai in request.META.items()
           if kunci.startswith("HTTP_") or kunci in ("CONTENT_TYPE", "CONTENT_LENGTH")):
        return True
    return any("\x00" in kunci or "\x00" in nilai for kunci, nilai in request.COOKIES.items())


class TolakNulMiddleware:
    """A NUL character in the address, a parameter, a header or a cookie gets the 400 page.

    No form field holds one (Django's forms refuse it), and PostgreSQL cannot store or even compare
    text containing it: a session key, token, search word, id or user agent (django-axes keeps it
    with each login attempt) with a NUL would otherwise end in a database error. It runs before
    the session and the user are read, and the 400 page is drawn without them, since they are
    keyed on the very cookie being refused.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path
            or _header_nul(request)
            or _ada_nul(request.GET)
            or (request.method == "POST" and _ada_nul(request.POST))
        ):
            response = render(request, "400.html", status=400)
            # A browser holding such a cookie would be refused on every page until it expires.
            for nama, nilai in request.COOKIES.items():
                if "\x00" in nilai and "\x00" not in nama:
                    response.delete_cookie(nama)
            return response
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


class MetodeDitolakMiddleware:
    """An address that only takes a form's sending (POST), opened as a page (reloaded, typed, reached by
    Back: the kiosk's appointment form after its answer), gets a page in Indonesian saying so, not the
    browser's own empty "HTTP ERROR 405" in its language. The status and the Allow header stay; HTMX
    requests keep Django's empty answer (htmx does not show it, app.js names the failure)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content or request.META.get("HTTP_HX_REQUEST") == "true":
            return response
        halaman = render(request, "405.html", status=405)
        halaman["Allow"] = response.get("Allow", "")
        return halaman
