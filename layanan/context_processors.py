"""The Admin's warning in the navbar: messages that failed recently (Outbox badge)."""

import datetime

from django.utils import timezone

from .models import PesanKeluar, StatusPesan

HARI_PERINGATAN = 7


def peringatan_outbox(request):
    user = getattr(request, "user", None)
    if not (user is not None and user.is_authenticated and user.is_admin):
        return {}

    def jumlah_gagal():
        batas = timezone.now() - datetime.timedelta(days=HARI_PERINGATAN)
        return PesanKeluar.objects.filter(status=StatusPesan.GAGAL, diperbarui__gte=batas).count()

    # A callable: the query runs only where the navbar shows the badge, not on HTMX fragments.
    return {"outbox_gagal": jumlah_gagal}
