import logging

from django.contrib import messages
from django.shortcuts import render
from django.db import DatabaseError
from django.template.loader import render_to_string
from django.utils import timezone

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
