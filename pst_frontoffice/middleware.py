from django.utils import timezone

from .models import PengaturanKantor


class ZonaWaktuKantorMiddleware:
    """Shows and counts every date in the office's own zone (WIB/WITA/WIT), a setting."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.kantor = PengaturanKantor.get()
        timezone.activate(request.kantor.tzinfo)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
