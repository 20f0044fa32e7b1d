"""The service lists' sortable column headers: links that work without JavaScript, swapped in place by HTMX."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def kolom_urut(context, kunci, label, kelas=""):
    """A header cell sorting the list by `kunci`; pressed again it sorts the other way.

    Reads `urut` (the active order, "-masuk"), `query_urut` (the list's other parameters) and
    `target_daftar` (the id HTMX swaps) from the page; without `urut` the list is not sortable
    there (the dashboard's fixed "nearest due time first") and the header is plain text.
    """
    urut = context.get("urut")
    if not urut:
        return format_html('<th scope="col" class="{}">{}</th>', kelas, label)
    aktif = urut.lstrip("-") == kunci
    turun = aktif and urut.startswith("-")
    berikut = f"-{kunci}" if aktif and not turun else kunci
    query = context.get("query_urut", "")
    href = f"?{query}&urut={berikut}" if query else f"?urut={berikut}"
    if aktif:
        arah = "descending" if turun else "ascending"
        ikon = "bi-sort-down" if turun else "bi-sort-up"
        return format_html(
            '<th scope="col" class="{}" aria-sort="{}"><a href="{}" hx-get="{}" hx-target="#{}" hx-swap="outerHTML" '
            'hx-push-url="true" id="urut-{}" class="kolom-urut aktif">{} <i class="bi {}" aria-hidden="true"></i></a></th>',
            kelas, arah, href, href, context.get("target_daftar", ""), kunci, label, ikon,
        )
    return format_html(
        '<th scope="col" class="{}"><a href="{}" hx-get="{}" hx-target="#{}" hx-swap="outerHTML" hx-push-url="true" '
        'id="urut-{}" class="kolom-urut">{}</a></th>',
        kelas, href, href, context.get("target_daftar", ""), kunci, label,
    )
