"""What the service lists read beside each service: their sortable columns, and the rows' kind,
officer, rating and SKD (LayananQuerySet.untuk_daftar)."""

import functools

from django.db import models

from bukutamu.kunjungan import JENIS_LAYANAN
from pst_frontoffice.tabel_kecil import PENGGUNA

# The one-to-one records a list row shows beside the service: the rating app's rating link and
# SKD survey. Joined by their reverse names, so layanan never imports the rating app; a name
# that no installed app defines is left out (see LayananQuerySet.untuk_daftar).
RELASI_DAFTAR = ("penilaian", "skd")


# The list columns an officer may sort by (?urut=pengunjung, ?urut=-masuk); "tenggat" puts the
# open services first, nearest due time on top (see LayananQuerySet.urut_tenggat).
URUTAN = {
    "nomor": "id",
    "masuk": "dibuat",
    "pengunjung": "kunjungan__pengunjung__nama",
    "jenis": "jenis__nama",
    "status": "status",
    "tenggat": "tenggat",
    "petugas": "petugas__nama",
}
URUT_BAWAAN = "-masuk"
# The sortable columns that may be empty (a service without a due time): those sort empty last.
URUT_BOLEH_KOSONG = {"tenggat"}


@functools.cache
def relasi_daftar_terpasang(model):
    """The names of RELASI_DAFTAR that the installed apps define on `model` (read once per process)."""
    ada = {f.name for f in model._meta.get_fields()}
    return tuple(nama for nama in RELASI_DAFTAR if nama in ada)


def pasang_tabel_kecil(layanan):
    """Give the service its kind and officer from the process's small tables (no query)."""
    for medan, tabel, pk in (("jenis", JENIS_LAYANAN, layanan.jenis_id), ("petugas", PENGGUNA, layanan.petugas_id)):
        field = layanan._meta.get_field(medan)
        if not field.is_cached(layanan) and (baris := tabel.ambil(pk)) is not None:
            field.set_cached_value(layanan, baris)
    return layanan


class BarisDaftar(models.query.ModelIterable):
    """The rows of untuk_daftar(), each with its kind and officer attached (pasang_tabel_kecil)."""

    def __iter__(self):
        for layanan in super().__iter__():
            yield pasang_tabel_kecil(layanan)
