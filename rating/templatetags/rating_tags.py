"""Rating and SKD state for layanan's templates (layanan never imports rating in Python)."""

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from rating import services

register = template.Library()


def _relasi(layanan, nama):
    """The one-to-one record or None (list rows get it joined, see LayananQuerySet.untuk_daftar)."""
    try:
        return getattr(layanan, nama)
    except ObjectDoesNotExist:
        return None


@register.simple_tag
def status_rating(layanan):
    """A list row's rating, as a small icon: the mean when rated, an empty star when not."""
    penilaian = _relasi(layanan, "penilaian")
    if penilaian and penilaian.sudah_diisi:
        return format_html(
            '<span class="badge text-bg-primary" title="Rata-rata 9 unsur, skala 1–4">'
            '<i class="bi bi-star-fill" aria-hidden="true"></i><span class="visually-hidden">Nilai</span> {}</span>',
            str(penilaian.rata_rata).replace(".", ","),
        )
    return mark_safe(
        '<span class="text-body-secondary" title="Belum dinilai"><i class="bi bi-star" aria-hidden="true"></i>'
        '<span class="visually-hidden">belum dinilai</span></span>'
    )


@register.simple_tag(takes_context=True)
def status_skd(context, layanan):
    """A list row's SKD state, for the services that get the survey: green when filled, amber while not."""
    skd = _relasi(layanan, "skd")
    if skd and skd.sudah_diisi:
        return mark_safe(
            '<span class="badge text-bg-success" title="SKD Diisi"><i class="bi bi-check-lg" aria-hidden="true"></i> SKD'
            '<span class="visually-hidden"> Diisi</span></span>'
        )
    if skd or services.perlu_skd(layanan, kantor=context["kantor"]):
        return mark_safe(
            '<span class="badge text-bg-warning" title="SKD Belum"><i class="bi bi-hourglass" aria-hidden="true"></i> SKD'
            '<span class="visually-hidden"> Belum</span></span>'
        )
    return ""


@register.inclusion_tag("rating/_ringkasan.html", takes_context=True)
def ringkasan_rating(context, layanan):
    """The Rating card of the service detail page; the complaint only for Admin and Pimpinan."""
    user = context["user"]
    # One-to-one: joined with the service on its page (untuk_daftar), else one query each.
    penilaian = _relasi(layanan, "penilaian")
    skd = _relasi(layanan, "skd")
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


@register.inclusion_tag("rating/_ajakan_lacak.html", takes_context=True)
def ajakan_lacak(context, layanan):
    """The tracking page's rating and SKD boxes, with the links the office gave the visitor (by hand
    or when the service was finished): a button while a link is valid, thanks once it is filled.

    Nothing for a cancelled service, an expired rating link, or before any link was given: the
    office decides whom it asks, the tracking page only keeps the links the visitor may have lost.
    """
    if not services.boleh_dinilai(layanan):
        return {}
    penilaian = _relasi(layanan, "penilaian")
    skd = _relasi(layanan, "skd")
    return {
        "penilaian": None if penilaian is None or penilaian.kedaluwarsa else penilaian,
        # The short link leads to the office's SKD form: without its address it has nowhere to go.
        "skd": skd if context["kantor"].url_skd else None,
    }
