"""The providers' webhooks: public addresses, each refusing a call it cannot verify (and changing nothing)."""

import hmac
import json
import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, RawPostDataException
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from .. import webhook
from ..kirim.rahasia import TokenTidakTerbaca, dekripsi
from ..models import PengaturanGateway, Penyedia

log = logging.getLogger(__name__)


def _badan(request):
    """The raw body, or None when a middleware already parsed it as a form (a multipart upload: its
    bytes are gone, so no signature over them can be checked)."""
    try:
        return request.body
    except RawPostDataException:
        return None


def _json(badan):
    try:
        return json.loads(badan or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None


def _app_secret(gateway):
    try:
        return dekripsi(gateway.app_secret_terenkripsi) if gateway.app_secret_terenkripsi else ""
    except TokenTidakTerbaca:
        return ""


@csrf_exempt
@require_http_methods(["GET", "POST"])
def whatsapp_cloud(request):
    """Meta's GET handshake (hub.mode=subscribe, hub.verify_token, hub.challenge → the challenge back), and
    every POST checked against X-Hub-Signature-256 before it is read."""
    gateway = PengaturanGateway.get()
    if request.method == "GET":
        token = request.GET.get("hub.verify_token", "")
        if request.GET.get("hub.mode") == "subscribe" and token and hmac.compare_digest(
            token.encode(), gateway.token_verifikasi.encode()
        ):
            return HttpResponse(request.GET.get("hub.challenge", ""), content_type="text/plain")
        raise PermissionDenied("Verify token webhook tidak cocok.")
    badan = _badan(request)
    if badan is None or gateway.penyedia != Penyedia.CLOUD_API or not webhook.tanda_tangan_sah(
        badan, request.headers.get("X-Hub-Signature-256", ""), _app_secret(gateway)
    ):
        log.warning("Webhook Cloud API tanpa tanda tangan yang sah ditolak.")
        raise PermissionDenied("Tanda tangan webhook tidak sah.")
    data = _json(badan)
    if data is None:
        return HttpResponse("Badan bukan JSON.", status=400, content_type="text/plain")
    webhook.proses_cloud_api(data, phone_number_id=gateway.phone_number_id)
    return HttpResponse("OK", content_type="text/plain")


@csrf_exempt
@require_POST
def fonnte(request, rahasia):
    """Fonnte's message-status callback, on a path only the Admin knows (Fonnte does not sign its calls)."""
    gateway = PengaturanGateway.get()
    if gateway.penyedia != Penyedia.FONNTE or not hmac.compare_digest(rahasia.encode(), gateway.rahasia_webhook.encode()):
        raise Http404("Alamat webhook tidak dikenal.")
    badan = _badan(request)
    data = _json(badan) if badan is not None else None
    if data is None:
        data = request.POST.dict()
    webhook.proses_fonnte(data)
    return HttpResponse("OK", content_type="text/plain")
