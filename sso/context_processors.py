"""What the shared login page and navbar need from this app, without importing it.

- `sso_aktif`: the login page shows "Masuk dengan SSO BPS" (SSO is configured).
- `sso_gangguan`: a recent call found the SSO server down (a cache read; never a call to the server).
- `url_keluar`: where the navbar's Keluar posts; a session opened with SSO BPS also ends there.
- `sso_menunggu` (Admin only): how many SSO identities wait for approval, the navbar's badge; a
  callable, so its query runs only where a template reads it.
"""

from django.urls import reverse

from . import penyedia
from .models import PermintaanMasukSso


def _jumlah_menunggu():
    return PermintaanMasukSso.objects.filter(status=PermintaanMasukSso.Status.MENUNGGU).count()


def sso(request):
    aktif = penyedia.aktif()
    konteks = {"sso_aktif": aktif, "sso_gangguan": penyedia.gangguan if aktif else False}
    user = getattr(request, "user", None)
    if aktif and user is not None and user.is_authenticated and penyedia.KUNCI_ID_TOKEN in request.session:
        konteks["url_keluar"] = reverse("sso:keluar")
    if aktif and user is not None and user.is_authenticated and user.is_admin:
        konteks["sso_menunggu"] = _jumlah_menunggu
    return konteks
