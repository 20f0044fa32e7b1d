"""Service hours in effect (the ones the kiosk and appointments use), for pages such as the public home."""

from django import template

from bukutamu.antrian import jadwal_layanan
from bukutamu.models import Hari

register = template.Library()


@register.simple_tag
def jam_layanan_mingguan():
    """[("Senin–Kamis", "08.00–15.30"), ("Jumat", "08.00–16.00"), ("Sabtu–Minggu", None)]: equal days merged."""
    jadwal = jadwal_layanan()
    kelompok = []  # [first day, last day, hours]
    for hari in Hari:
        jam = jadwal.get(hari.value)
        if kelompok and kelompok[-1][2] == jam:
            kelompok[-1][1] = hari
        else:
            kelompok.append([hari, hari, jam])
    return [
        (awal.label if awal == akhir else f"{awal.label}–{akhir.label}", f"{jam[0]:%H.%M}–{jam[1]:%H.%M}" if jam else None)
        for awal, akhir, jam in kelompok
    ]
