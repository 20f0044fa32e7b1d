"""Rendering a page or, for HTMX, one of its partials (one template per page, its partials inside it)."""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def render_halaman(request, template_name, context=None, *, partial=None, status=None):
    """Render the full page, or `template#partial` when HTMX asks for that part only.

    `partial` maps the HTMX target id to the partial name; a history-restore request (back
    button after a cache miss) always gets the full page.
    """
    nama = template_name
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request and partial:
        target = htmx.target or ""
        pilihan = partial.get(target) if isinstance(partial, dict) else partial
        if pilihan:
            nama = f"{template_name}#{pilihan}"
    response = render(request, nama, context, status=status)
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


TAB = {"tab-area": "tab"}


def panel_filter(request, form):
    """The folded filter panel's fields when its opening asks for them (HTMX, ?panel=filter), else None.

    includes/filter_form.html with lipat=True draws a panel with nothing chosen empty and fetches
    its fields from the list's own address; the list view answers with this before its rows.
    """
    if getattr(request, "htmx", None) and request.GET.get("panel") == "filter":
        return render_halaman(request, "includes/filter_form.html#isi-filter", {"form": form, "aksi": request.path})
    return None

