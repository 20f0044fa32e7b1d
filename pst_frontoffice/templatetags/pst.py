import datetime
import functools
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.html import format_html

from pst_frontoffice.hari_libur import peringatan
from pst_frontoffice.kalender import lama_sejak, tanggal_panjang, waktu_relatif
from pst_frontoffice.sekali import isian_tersembunyi
from pst_frontoffice.medan import formulir, medan
from pst_frontoffice.whatsapp import format_no_hp

register = template.Library()

WARNA_STATUS = {
    "diterima": ("secondary", "bi-inbox"),
    "diproses": ("primary", "bi-gear"),
    "menunggu": ("warning", "bi-hourglass-split"),
    "siap_diambil": ("info", "bi-box-seam"),
    "selesai": ("success", "bi-check-circle"),
    "dibatalkan": ("danger", "bi-x-circle"),
}


@register.simple_tag
def status_badge(status, label, singkat=""):
    """A status as a coloured badge. `singkat`, the start of the label, is what a one-line list row
    shows: the rest stays for screen readers and the whole label is the badge's tooltip."""
    return _badge(status, str(label), str(singkat))


@functools.lru_cache(maxsize=64)
def _badge(status, label, singkat=""):
    # A handful of (status, label, short label) triples, drawn on every list row: built once per process.
    warna, ikon = WARNA_STATUS.get(status, ("secondary", "bi-circle"))
    if singkat and label.startswith(singkat) and label != singkat:
        return format_html(
            '<span class="badge text-bg-{} status-badge" title="{}"><i class="bi {}" aria-hidden="true"></i> {}'
            '<span class="visually-hidden">{}</span></span>', warna, label, ikon, singkat, label[len(singkat):]
        )
    return format_html(
        '<span class="badge text-bg-{} status-badge"><i class="bi {}" aria-hidden="true"></i> {}</span>', warna, ikon, label
    )


@register.simple_tag(takes_context=True)
def kunci_sekali(context, cakupan):
    """The one-time key of a form that creates a record (pst_frontoffice.sekali), as a hidden input."""
    return isian_tersembunyi(context.get("request"), cakupan)


@register.filter
def sejak(nilai):
    """'3 jam' — how long ago, for list rows (Django's timesince is ten times slower)."""
    return lama_sejak(nilai) if nilai else ""


@register.filter
def desimal(nilai, tempat=2):
    """'3,25' — `floatformat:N` for a positive N, for the IKM and report tables.

    The same text as Django's filter (its rounding half up of the value as written, decimal comma,
    no grouping: tests/test_desimal.py compares them), for a twentieth of its cost: the IKM page
    writes some 300 numbers, and floatformat's format lookups took 5 ms of it at 1M services.
    """
    if nilai is None or nilai == "":
        return ""
    try:
        angka = Decimal(repr(nilai)) if isinstance(nilai, float) else Decimal(nilai)
        if not angka.is_finite():
            return str(nilai)
        angka = angka.quantize(Decimal(1).scaleb(-int(tempat)), ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    return str(angka.copy_abs() if not angka else angka).replace(".", ",")  # "0,00", never "-0,00"


@register.filter
def no_hp(nomor):
    return format_no_hp(nomor)


@register.simple_tag(takes_context=True)
def waktu(context, nilai, dengan_jam=True):
    """'22 November 2026, 14.05 WITA' in the office's zone (or only the date)."""
    if not nilai:
        return "—"
    if not isinstance(nilai, datetime.datetime):
        return tanggal_panjang(nilai)  # a calendar date: already the office's own
    # Converted before either branch: 03.45 WITA on the 2nd is still the 1st in UTC.
    lokal = timezone.localtime(nilai)
    if not dengan_jam:
        return tanggal_panjang(lokal)
    kantor = context.get("kantor")
    zona = kantor.singkatan_zona if kantor else lokal.tzname()
    return f"{tanggal_panjang(lokal)}, {lokal:%H.%M} {zona}"


@register.simple_tag(takes_context=True)
def waktu_singkat(context, nilai):
    """'22 Nov, 14.05' — today only shows the time."""
    if not nilai:
        return "—"
    return waktu_relatif(timezone.localtime(nilai), timezone.localdate())


@register.simple_tag(takes_context=True)
def peringatan_zona(context):
    """The Admin's warning when the office's zone differs from the server's TIME_ZONE: pages follow the
    office setting, but scheduled commands and the message worker run outside a request, in TIME_ZONE."""
    kantor = context.get("kantor")
    if kantor is None or kantor.zona_waktu == settings.TIME_ZONE:
        return ""
    return (f"Zona waktu kantor ({kantor.singkatan_zona}, {kantor.zona_waktu}) berbeda dengan TIME_ZONE server "
            f"({settings.TIME_ZONE}). Perintah terjadwal dan pengiriman pesan memakai TIME_ZONE: samakan "
            "TIME_ZONE di berkas .env lalu jalankan ulang aplikasi.")


@register.simple_tag
def peringatan_hari_libur():
    """The Admin's warnings about unchecked or missing cuti bersama of this year and next."""
    return peringatan(timezone.localdate())


@register.filter(name="medan")
def medan_filter(field):
    """`{{ form.field|medan }}`: the field as `|as_crispy_field` draws it, built in Python (pst_frontoffice.medan)."""
    return medan(field)


@register.filter(name="formulir")
def formulir_filter(form):
    """`{{ form|formulir }}`: the form as `|crispy` draws it, built in Python (pst_frontoffice.medan)."""
    return formulir(form)


@register.simple_tag
def jalur(nama):
    """`{% url 'nama' %}` for a URL without arguments, reversed once per process: the navbar, the tabs
    and a list's buttons name about thirty on every page, 0.5 ms of reversing."""
    return _jalur(nama, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@functools.lru_cache(maxsize=256)
def _jalur(nama, _awalan, urlconf):
    return reverse(nama, urlconf=urlconf)
