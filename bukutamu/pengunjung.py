"""The visitor record: comparing it with what was typed, the officer's decision, its history.

A match never changes a stored visitor by itself. When what was typed differs, the officer sees
both (`Perbandingan`) and decides (`Keputusan`); every change is appended to the visitor's history
(`RiwayatPengunjung`) with who confirmed it.
"""

import dataclasses
import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import models, transaction

from pst_frontoffice.aktivitas import catat
from pst_frontoffice.whatsapp import format_no_hp

from .models import JenisInstansi, Pengunjung, RiwayatPengunjung

# The fields a visit copies from the person who came, in the order the form shows them.
FIELD_IDENTITAS = ("nama", "instansi", "jenis_instansi", "no_hp", "email")
LABEL = {"nama": "Nama", "instansi": "Instansi", "jenis_instansi": "Jenis Instansi", "no_hp": "No. HP", "email": "Email"}
KONTAK = ("no_hp", "email")


class Keputusan(models.TextChoices):
    """What the officer chose when the typed identity differs from the stored visitor."""

    PERBARUI = "perbarui", "Perbarui data pengunjung ini"
    BARU = "baru", "Catat sebagai pengunjung baru"
    TERSIMPAN = "tersimpan", "Pakai data tersimpan"


def rapi(field, nilai):
    nilai = " ".join((nilai or "").split())
    return nilai.lower() if field == "email" else nilai


def _tampil(field, nilai):
    if field == "no_hp":
        return format_no_hp(nilai)
    if field == "jenis_instansi":
        return JenisInstansi(nilai).label if nilai in JenisInstansi.values else nilai
    return nilai


@dataclasses.dataclass(frozen=True)
class Perbedaan:
    """One field where the typed identity differs from the stored visitor."""

    field: str
    tersimpan: str
    diketik: str
    milik_lain: Pengunjung | None = None  # the typed contact is another visitor's: it cannot move here

    @property
    def label(self):
        return LABEL[self.field]

    @property
    def tersimpan_tampil(self):
        return _tampil(self.field, self.tersimpan)

    @property
    def diketik_tampil(self):
        return _tampil(self.field, self.diketik)


@dataclasses.dataclass(frozen=True)
class Perbandingan:
    """The stored visitor beside what was typed, field by field (the officer's compare step)."""

    pengunjung: Pengunjung
    diketik: dict
    perbedaan: tuple

    @property
    def baris(self):
        """Every identity field for the side-by-side table: (label, stored, typed, differs, other owner)."""
        beda = {p.field: p for p in self.perbedaan}
        for field in FIELD_IDENTITAS:
            p = beda.get(field)
            yield {
                "field": field, "label": LABEL[field], "beda": p is not None, "milik_lain": p.milik_lain if p else None,
                "tersimpan": _tampil(field, getattr(self.pengunjung, field)), "diketik": _tampil(field, self.diketik[field]),
            }

    @property
    def sidik(self):
        """A fingerprint of this comparison: a decision counts only for the data it was made on."""
        isi = [self.pengunjung.pk] + [[getattr(self.pengunjung, f), self.diketik[f]] for f in FIELD_IDENTITAS]
        return hashlib.sha256(json.dumps(isi).encode()).hexdigest()[:20]


class PerluKeputusan(Exception):
    """The typed identity differs from the stored visitor: nothing was saved; the officer decides.

    `berubah` is True when a decision came for other data (the fields or the record changed since
    the comparison was shown), so it is shown again.
    """

    def __init__(self, perbandingan, *, berubah=False):
        super().__init__("Identitas berbeda dengan data tersimpan.")
        self.perbandingan = perbandingan
        self.berubah = berubah


def _pemilik_kontak(field, nilai, *, selain):
    if not nilai:
        return None
    cari = {"no_hp": nilai} if field == "no_hp" else {"email__iexact": nilai}
    return Pengunjung.objects.filter(**cari).exclude(pk=selain.pk if selain else None).first()


def bandingkan(pengunjung, identitas):
    """Compare what was typed with the stored visitor. A blank typed field is "not given", never a
    difference: it takes the stored value. Any other typed value that differs is one."""
    diketik = {f: rapi(f, identitas.get(f)) for f in FIELD_IDENTITAS}
    perbedaan = []
    for field in FIELD_IDENTITAS:
        nilai = diketik[field]
        if nilai and nilai != rapi(field, getattr(pengunjung, field)):
            milik_lain = _pemilik_kontak(field, nilai, selain=pengunjung) if field in KONTAK else None
            perbedaan.append(Perbedaan(field, getattr(pengunjung, field), nilai, milik_lain))
    return Perbandingan(pengunjung, diketik, tuple(perbedaan))


def lengkapi_identitas(pengunjung, diketik):
    """The visit's identity: what was typed, a blank field completed from the stored record."""
    return {f: diketik[f] or getattr(pengunjung, f) for f in FIELD_IDENTITAS}


def pengunjung_baru(identitas):
    """A new visitor record. A contact another record already holds stays with that record (the
    constraints allow one owner, and a shared family or office phone is common): the new person's
    visit still keeps the contact they gave, and their messages go there."""
    data = {f: identitas[f] for f in FIELD_IDENTITAS}
    for field in KONTAK:
        if _pemilik_kontak(field, data[field], selain=None):
            data[field] = ""
    return Pengunjung.objects.create(**data)


def perbarui(pengunjung, perbandingan):
    """Apply the typed values the officer confirmed; returns {field: [before, after]}."""
    perubahan = {}
    for p in perbandingan.perbedaan:
        if p.milik_lain is None:
            perubahan[p.field] = [getattr(pengunjung, p.field), p.diketik]
            setattr(pengunjung, p.field, p.diketik)
    if perubahan:
        pengunjung.save()
    return perubahan


def terapkan_keputusan(perbandingan, keputusan):
    """The officer's choice on a comparison: (visitor record, the visit's identity, changes to append)."""
    pengunjung, diketik = perbandingan.pengunjung, perbandingan.diketik
    if keputusan == Keputusan.TERSIMPAN:
        return pengunjung, {f: getattr(pengunjung, f) for f in FIELD_IDENTITAS}, {}
    if keputusan == Keputusan.BARU:
        return pengunjung_baru(diketik), diketik, {}
    perubahan = perbarui(pengunjung, perbandingan)
    # A contact that stays with another record is still the one given today: the visit keeps it.
    return pengunjung, lengkapi_identitas(pengunjung, diketik), perubahan


def catat_perubahan(*, pengunjung, perubahan, oleh, kunjungan=None, catatan=""):
    """Append a change of a visitor record to its history (nothing when nothing changed)."""
    if not perubahan:
        return None
    return RiwayatPengunjung.objects.create(
        pengunjung=pengunjung, jenis=RiwayatPengunjung.Jenis.DIPERBARUI, perubahan=perubahan, catatan=catatan,
        kunjungan=kunjungan, oleh=oleh,
    )


def gabungkan(*, simpan, hapus, oleh):
    """Merge two records of the same person into `simpan`: everything that points at `hapus` (visits
    with their services, letters and rating links; self-registrations; any other app's link) moves
    over, a blank field of `simpan` takes the other's value, and the history of `simpan` keeps the
    removed record in full. Visits keep the identity they recorded. Returns the kept record."""
    if simpan.pk == hapus.pk:
        raise ValidationError("Pilih dua pengunjung yang berbeda.")
    with transaction.atomic():
        terkunci = {p.pk: p for p in Pengunjung.objects.select_for_update().filter(pk__in=[simpan.pk, hapus.pk]).order_by("pk")}
        if len(terkunci) != 2:
            raise ValidationError("Salah satu pengunjung sudah tidak ada (mungkin baru saja digabung).")
        simpan, hapus = terkunci[simpan.pk], terkunci[hapus.pk]
        dipindah = {}
        # Read by the model's reverse relations (hidden ones too, related_name="+"), so a higher
        # app's link moves too without an import.
        for rel in Pengunjung._meta.get_fields(include_hidden=True):
            if rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one):
                jumlah = rel.related_model._base_manager.filter(**{rel.field.name: hapus}).update(**{rel.field.name: simpan})
                if jumlah:
                    dipindah[str(rel.related_model._meta.verbose_name_plural)] = jumlah
        data_hapus = {"id": hapus.pk, **{f: getattr(hapus, f) for f in FIELD_IDENTITAS}}
        diisi = {f: ["", getattr(hapus, f)] for f in FIELD_IDENTITAS if not getattr(simpan, f) and getattr(hapus, f)}
        hapus.delete()  # first, so that its phone and e-mail are free for the kept record
        for field, (_, nilai) in diisi.items():
            setattr(simpan, field, nilai)
        simpan.save()
        ringkas = ", ".join(f"{n} {nama}" for nama, n in dipindah.items()) or "tidak ada data terkait"
        catatan = f"Digabung dengan pengunjung #{data_hapus['id']} {data_hapus['nama']} ({ringkas} dipindahkan)."
        RiwayatPengunjung.objects.create(
            pengunjung=simpan, jenis=RiwayatPengunjung.Jenis.DIGABUNG, oleh=oleh, catatan=catatan,
            perubahan={"digabung": data_hapus, "diisi": diisi, "dipindah": dipindah},
        )
        catat(oleh, "pengunjung_digabung", simpan, catatan)
    return simpan
