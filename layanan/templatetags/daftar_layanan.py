"""The service lists' sortable column headers: links that work without JavaScript, swapped in place by HTMX."""

import functools
from html import escape

from django import template
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from pst_frontoffice.kalender import tanggal_panjang, waktu_relatif
from pst_frontoffice.templatetags.pst import status_badge

from .tenggat import lencana_tenggat

from ..models import Status

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


@register.simple_tag
def awalan_url(nama):
    """The path of URL `nama` up to its one number ("/layanan/" for layanan:detail): a list gives
    each row `{{ awalan }}{{ pk }}/`, without resolving the URL again for every row."""
    return _awalan_url(nama, get_script_prefix())


@functools.cache
def _awalan_url(nama, _prefix):
    contoh = reverse(nama, args=[0])
    if not contoh.endswith("/0/"):
        raise ValueError(f"{nama}: URL tidak berakhir dengan angkanya ({contoh})")
    return contoh[:-2]




# A list row (layanan/_tabel.html) is built here in Python, like PilihanCepat's options: each
# template variable costs a few microseconds (lookup, localisation, escaping) and a row had about
# twenty-five, 3.3 ms of a 25-row list. The markup is the table's own, its text escaped with
# html.escape (what Django's escape() calls, without its lazy-text check on every value); the
# template keeps the header and the rating cell between the two halves (rating's tags: layanan
# does not import rating). The time, zone and day are read once per table.
def _waktu_tabel(context):
    simpanan = context.render_context
    if "waktu_tabel" not in simpanan:
        zona = timezone.get_current_timezone()
        sekarang = timezone.now()
        kantor = context.get("kantor")
        simpanan["waktu_tabel"] = {
            "sekarang": sekarang, "zona": zona, "hari_ini": sekarang.astimezone(zona).date(),
            "ambang_persen": kantor.ambang_kuning_persen if kantor else 75,
            "singkatan": kantor.singkatan_zona if kantor else None,
        }
    return simpanan["waktu_tabel"]


@register.simple_tag(takes_context=True)
def sel_layanan(context, layanan):
    """The row's cells before its rating: [choose,] number, visitor, jenis, status, due time[, officer]."""
    w = _waktu_tabel(context)
    pk = layanan.pk
    kunjungan = layanan.kunjungan
    nama = escape(kunjungan.nama)
    instansi = kunjungan.instansi
    instansi = f'<span class="text-body-secondary small"> · {escape(instansi)}</span>' if instansi else ""
    tenggat = lencana_tenggat(layanan, ambang_persen=w["ambang_persen"], sekarang=w["sekarang"], zona=w["zona"],
                              hari_ini=w["hari_ini"])
    pilih = (
        f'<td class="kolom-pilih"><input class="form-check-input" type="checkbox" name="layanan" value="{pk}" '
        f'form="form-tugaskan" aria-label="Pilih layanan #{pk} {nama}"></td>'
    ) if context.get("pilih") else ""
    petugas = (
        f'<td><div class="text-truncate sel-petugas">{escape(layanan.petugas.nama)}</div></td>'
    ) if context.get("tampil_petugas") else ""
    return mark_safe(
        f'{pilih}<td class="text-body-secondary">#{pk}</td>'
        f'<td class="sel-pengunjung"><div class="text-truncate"><a class="fw-semibold tautan-baris" '
        f'href="{_awalan_url("layanan:detail", get_script_prefix())}{pk}/">{nama}</a>{instansi}</div></td>'
        f"<td>{escape(layanan.jenis.nama)}</td><td>{status_badge(layanan.status, Status(layanan.status).label, layanan.status_singkat)}</td>"
        f"<td>{tenggat}</td>{petugas}"
    )


@register.simple_tag(takes_context=True)
def sel_layanan_akhir(context, layanan):
    """The row's cells after its rating: [arrival,] and Update for the handler of an open service."""
    masuk = ""
    if not context.get("tanpa_masuk"):
        w = _waktu_tabel(context)
        lokal = layanan.dibuat.astimezone(w["zona"])
        judul = f"{tanggal_panjang(lokal)}, {lokal:%H.%M} {w['singkatan'] or lokal.tzname()}"
        masuk = (f'<td class="small text-body-secondary"><span title="{escape(judul)}">'
                 f'{waktu_relatif(lokal, w["hari_ini"])}</span></td>')
    user = context.get("user")
    tombol = ""
    if layanan.terbuka and user is not None and layanan.petugas_id == user.pk:
        tombol = (f'<a class="btn btn-sm btn-outline-primary py-0" href="{_awalan_url("layanan:detail", get_script_prefix())}'
                  f'{layanan.pk}/#update" aria-label="Update layanan #{layanan.pk}">Update</a>')
    return mark_safe(f'{masuk}<td class="text-end">{tombol}</td>')
