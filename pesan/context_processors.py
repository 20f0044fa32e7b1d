"""What the shared navbar and the service page need from the outbox, without importing this app.

- `outbox_gagal`: the Admin's warning in the navbar, messages that failed recently (Outbox badge).
- `gateway_grup`: whether "Kirim lewat Gateway" is offered on a service page (gateway on, group id set).
Both are callables: their query runs only where a template reads them, not on HTMX fragments.
"""

import datetime

from django.utils import timezone

from .models import PengaturanGateway, PesanKeluar, StatusPesan

HARI_PERINGATAN = 7


def _gateway_grup():
    return PengaturanGateway.objects.filter(pk=1, aktif=True).exclude(grup_id="").exists()


def _jumlah_gagal():
    batas = timezone.now() - datetime.timedelta(days=HARI_PERINGATAN)
    return PesanKeluar.objects.filter(status=StatusPesan.GAGAL, diperbarui__gte=batas).count()


def outbox(request):
    user = getattr(request, "user", None)
    if not (user is not None and user.is_authenticated):
        return {}
    if user.is_admin:
        return {"gateway_grup": _gateway_grup, "outbox_gagal": _jumlah_gagal}
    return {"gateway_grup": _gateway_grup}
