import logging

from django.db import DatabaseError
from django.utils import timezone

from .models import PengaturanKantor

logger = logging.getLogger(__name__)


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
