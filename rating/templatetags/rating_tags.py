"""Rating and SKD state for layanan's templates (layanan never imports rating in Python)."""

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from rating import services
from rating.models import Penilaian, SurveiSKD

register = template.Library()


def _relasi(layanan, nama):
    """The one-to-one record or None (list rows get it prefetched, see RatingConfig)."""
    try:
        return getattr(layanan, nama)
    except ObjectDoesNotExist:
        return None


@register.simple_tag
def status_rating(layanan):
    penilaian = _relasi(layanan, "penilaian")
    if penilaian and penilaian.sudah_diisi:
        return format_html(
            '<span class="badge text-bg-primary" title="Rata-rata 9 unsur, skala 1–4">'
            '<i class="bi bi-star-fill" aria-hidden="true"></i> Nilai {}</span>',
            str(penilaian.rata_rata).replace(".", ","),
        )
    return mark_safe('<span class="badge text-bg-light border">belum dinilai</span>')


@register.simple_tag(takes_context=True)
def status_skd(context, layanan):
    skd = _relasi(layanan, "skd")
    if skd and skd.sudah_diisi:
        return mark_safe('<span class="badge text-bg-success"><i class="bi bi-check-circle" aria-hidden="true"></i> SKD Diisi</span>')
    if skd or services.perlu_skd(layanan, kantor=context["kantor"]):
        return mark_safe('<span class="badge text-bg-warning">SKD Belum</span>')
    return "—"


@register.inclusion_tag("rating/_ringkasan.html", takes_context=True)
def ringkasan_rating(context, layanan):
    """The Rating card of the service detail page; the complaint only for Admin and Pimpinan."""
    user = context["user"]
    penilaian = Penilaian.objects.filter(layanan=layanan).first()
    skd = SurveiSKD.objects.filter(layanan=layanan).first()
    return {
        "layanan": layanan,
        "penilaian": penilaian,
        "skd": skd,
        "perlu_skd": skd is not None or services.perlu_skd(layanan, kantor=context["kantor"]),
        "boleh_kirim": services.boleh_kelola_tautan(layanan, user),
        "lihat_pengaduan": user.punya_peran("pimpinan", "admin"),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
