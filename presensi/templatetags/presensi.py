"""Presensi pieces shown on other apps' pages (the dashboard, the public home page)."""

from django import template
from django.utils import timezone

from presensi import services

register = template.Library()


@register.inclusion_tag("presensi/widget.html", takes_context=True)
def widget_presensi(context):
    """Absen Masuk / Absen Pulang widget for the logged-in officer."""
    request = context["request"]
    return {"request": request, "kantor": context.get("kantor"), "csrf_token": context.get("csrf_token"),
            "user": request.user, **services.konteks_widget(request.user)}


@register.inclusion_tag("presensi/piket_hari_ini.html", takes_context=True)
def piket_hari_ini(context):
    """Today's officers on duty, by shift (public)."""
    tanggal = timezone.localdate()
    return {"kantor": context.get("kantor"), "tanggal": tanggal, "piket": services.petugas_piket(tanggal)}


@register.filter
def label_jam_tanggal(shift, tanggal):
    """'07.30–12.00' for the shift on that date (Friday hours when set)."""
    return shift.label_jam(tanggal)
