from django import template
from django.utils import timezone
from django.utils.html import format_html

from layanan import tenggat as aturan
from pst_frontoffice.kalender import tanggal_singkat

register = template.Library()

TAMPILAN = {
    aturan.AMAN: ("text-bg-light border", "bi-hourglass-split", "Sesuai standar"),
    aturan.MENDEKATI: ("text-bg-warning", "bi-hourglass-bottom", "Mendekati tenggat"),
    aturan.TERLAMBAT: ("text-bg-danger", "bi-exclamation-triangle", "Terlambat"),
}


@register.simple_tag(takes_context=True)
def tenggat_badge(context, layanan):
    """The due time of an open service, amber when close and red when late (— once closed)."""
    kantor = context.get("kantor")
    keadaan = layanan.keadaan_tenggat(ambang_persen=kantor.ambang_kuning_persen if kantor else 75)
    if keadaan is None:
        return "—"
    kelas, ikon, arti = TAMPILAN[keadaan]
    lokal = timezone.localtime(layanan.tenggat)
    teks = f"hari ini {lokal:%H.%M}" if lokal.date() == timezone.localdate() else f"{tanggal_singkat(lokal)}, {lokal:%H.%M}"
    return format_html(
        '<span class="badge tenggat tenggat-{} {}" title="{}"><i class="bi {}" aria-hidden="true"></i> {}'
        '<span class="visually-hidden"> ({})</span></span>',
        keadaan, kelas, arti, ikon, teks, arti,
    )
