from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

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
    sekarang = timezone.now()
    zona = timezone.get_current_timezone()
    return lencana_tenggat(
        layanan, ambang_persen=kantor.ambang_kuning_persen if kantor else 75, sekarang=sekarang, zona=zona,
        hari_ini=sekarang.astimezone(zona).date(),
    )


def lencana_tenggat(layanan, *, ambang_persen, sekarang, zona, hari_ini):
    """tenggat_badge's markup, for a list that reads the time, zone and day once for all its rows."""
    keadaan = layanan.keadaan_tenggat(ambang_persen=ambang_persen, sekarang=sekarang)
    if keadaan is None:
        return "—"
    kelas, ikon, arti = TAMPILAN[keadaan]
    lokal = layanan.tenggat.astimezone(zona)
    teks = f"hari ini {lokal:%H.%M}" if lokal.date() == hari_ini else f"{tanggal_singkat(lokal)}, {lokal:%H.%M}"
    # Every part is ours (constants and a formatted time): nothing to escape.
    return mark_safe(
        f'<span class="badge tenggat tenggat-{keadaan} {kelas}" title="{arti}"><i class="bi {ikon}" aria-hidden="true"></i> {teks}'
        f'<span class="visually-hidden"> ({arti})</span></span>'
    )
