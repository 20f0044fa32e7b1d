"""Search from anywhere (the navbar box): services by number, visitors by name, phone or e-mail,
reply letters by number, data requests by tag. Each group is one indexed query with a limit, so the
answer stays fast on a large office (trigram indexes on PostgreSQL, see migrations)."""

import re
from dataclasses import dataclass, field

from django.db.models import Count, Q

from bukutamu.models import Pengunjung

from .models import Layanan, NomorSurat, Tag

PANJANG_MAKS = 100
# A phone as an officer reads it out: digits with spaces, dashes, dots, brackets or a leading +.
POLA_NO_HP = re.compile(r"^\+?[\d\s().-]+$")
MINIMAL_ANGKA_NO_HP = 4
BATAS_CEPAT = 5  # per group, in the box's list
BATAS_PENUH = 25  # per group, on the results page


@dataclass
class HasilCari:
    teks: str = ""
    layanan: list = field(default_factory=list)
    pengunjung: list = field(default_factory=list)
    surat: list = field(default_factory=list)
    tag: list = field(default_factory=list)

    @property
    def kosong(self):
        return not (self.layanan or self.pengunjung or self.surat or self.tag)


def nomor_layanan(teks):
    """The service number in "58" or "#58", or None."""
    angka = teks.strip().lstrip("#").strip()
    return int(angka) if angka.isdigit() and len(angka) <= 12 else None


def cari_pengunjung(teks, *, batas):
    """Visitors by part of the name or e-mail, or, when `teks` is a phone, by part of the number
    (typed 0812…, stored 62812…); the most recently seen first."""
    if POLA_NO_HP.match(teks):
        angka = re.sub(r"\D", "", teks)
        if len(angka) < MINIMAL_ANGKA_NO_HP:
            return []
        kondisi = Q(no_hp__contains=angka.removeprefix("0").removeprefix("62"))
    else:
        kondisi = Q(nama__icontains=teks) | Q(email__icontains=teks)
    return Pengunjung.objects.filter(kondisi).order_by("-diperbarui")[:batas]


def cari(teks, *, batas=BATAS_CEPAT):
    """What `teks` finds, grouped; fewer than two characters find only a service number."""
    teks = " ".join((teks or "").split())[:PANJANG_MAKS]
    hasil = HasilCari(teks=teks)
    if not teks:
        return hasil
    nomor = nomor_layanan(teks)
    if nomor is not None:
        hasil.layanan = list(Layanan.objects.untuk_daftar().filter(pk=nomor))
    if len(teks) < 2:
        return hasil
    hasil.pengunjung = list(cari_pengunjung(teks, batas=batas))
    hasil.surat = list(
        NomorSurat.objects.filter(nomor__icontains=teks)
        .select_related("layanan__kunjungan", "layanan__jenis")
        .order_by("-tahun", "-urut")[:batas]
    )
    tag = Tag.normalisasi(teks)
    if tag:
        hasil.tag = list(
            Tag.objects.filter(nama__icontains=tag).annotate(jumlah=Count("permintaan")).order_by("-jumlah", "nama")[:batas]
        )
    return hasil
