"""What the service lists read beside each service: their sortable columns, and the one-to-one
records of higher apps a row shows (LayananQuerySet.untuk_daftar)."""

import functools

# The one-to-one records a list row shows beside the service: the rating app's rating link and
# SKD survey. Joined by their reverse names, so layanan never imports the rating app; a name
# that no installed app defines is left out (see LayananQuerySet.untuk_daftar).
RELASI_DAFTAR = ("penilaian", "skd")


# The list columns an officer may sort by (?urut=pengunjung, ?urut=-masuk); "tenggat" puts the
# open services first, nearest due time on top (see LayananQuerySet.urut_tenggat).
URUTAN = {
    "nomor": "id",
    "masuk": "dibuat",
    "pengunjung": "kunjungan__nama",
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
