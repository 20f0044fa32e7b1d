"""Days off beyond the national holidays: cuti bersama and one-off holidays, proposed from `holidays`.

Cuti bersama is set each year by a joint ministerial decree (SKB), usually published months ahead.
The `holidays` package carries the decreed dates it knows (category "government") and estimates
the national holidays of the Islamic calendar for years not yet decreed ("… (perkiraan)"). Both
are proposed as `CutiBersama` rows marked "belum diperiksa" for last year, this year and next:
on every migrate, and on the first use of a year that has no proposal yet (see `KalenderKerja`).
A year gets its proposals once; an Admin then confirms, unticks or moves each date.
"""

import contextlib
import contextvars
import functools

import holidays
from django.dispatch import Signal
from django.utils import timezone

from .models import CutiBersama

J = CutiBersama.Jenis

# Sent after proposals were stored in bulk (no post_save per row): open due dates may change.
usulan_disimpan = Signal()


@functools.lru_cache(maxsize=16)
def usulan_paket(tahun):
    """((date, name, jenis), …) the `holidays` package proposes for `tahun`."""
    nasional = holidays.Indonesia(years=tahun)
    perkiraan = nasional.estimated_label % ""  # " (perkiraan)"
    usulan = [(t, n, J.CUTI_BERSAMA) for t, n in holidays.Indonesia(years=tahun, categories=("government",)).items()]
    # Estimated national holidays: proposed so that an Admin can move them to the decreed date.
    usulan += [(t, n, J.LIBUR) for t, n in nasional.items() if perkiraan in n]
    return tuple(sorted(usulan))


def usulkan(tahun, *, model=CutiBersama):
    """Store the package's proposals for `tahun` as unchecked rows; dates already present stay as they are."""
    baris = [
        model(tanggal=t, keterangan=n[:150], jenis=j, diperiksa=False, tanggal_usulan=t)
        for t, n, j in usulan_paket(tahun)
    ]
    if not baris:
        return 0
    ada = set(model.objects.filter(tanggal__year=tahun).values_list("tanggal", flat=True))
    baru = [b for b in baris if b.tanggal not in ada]
    model.objects.bulk_create(baru)
    usulan_disimpan.send(sender=CutiBersama, tahun=tahun)
    return len(baru)


def tahun_usulan(hari_ini):
    """The years whose proposals are kept ready: last year (services still open), this year and next."""
    return (hari_ini.year - 1, hari_ini.year, hari_ini.year + 1)


_ditahan = contextvars.ContextVar("usulan_ditahan", default=False)


@contextlib.contextmanager
def tanpa_usulan():
    """No proposals inside: a restore brings the office's own dates, and flush or loading services
    would otherwise propose the package's dates first (and collide with the restored ones)."""
    token = _ditahan.set(True)
    try:
        yield
    finally:
        _ditahan.reset(token)


def usulkan_yang_belum(hari_ini, *, sudah=None, model=CutiBersama):
    """Propose every year of `tahun_usulan` that has no proposal yet; True when anything was stored."""
    if _ditahan.get():
        return False
    if sudah is None:
        sudah = {t.year for t in model.objects.filter(tanggal_usulan__isnull=False).values_list("tanggal_usulan", flat=True)}
    disimpan = False
    for tahun in tahun_usulan(hari_ini):
        if tahun not in sudah and usulan_paket(tahun):
            disimpan = bool(usulkan(tahun, model=model)) or disimpan
    return disimpan


def usulkan_setelah_migrate(sender, apps=None, **kwargs):
    """post_migrate (also sent by flush, without `apps`): a fresh install starts with the package's dates."""
    model = apps.get_model("pst_frontoffice", "CutiBersama") if apps is not None else CutiBersama
    if not any(f.name == "tanggal_usulan" for f in model._meta.get_fields()):
        return  # migrated back to before proposals existed
    usulkan_yang_belum(timezone.localdate(), model=model)


def peringatan(hari_ini=None):
    """Indonesian warnings while this year or next has unchecked proposals or no cuti bersama at all."""
    hari_ini = hari_ini or timezone.localdate()
    pesan = []
    for tahun in (hari_ini.year, hari_ini.year + 1):
        baris = list(CutiBersama.objects.filter(tanggal__year=tahun).values_list("jenis", "berlaku", "diperiksa"))
        belum = sum(1 for _, _, diperiksa in baris if not diperiksa)
        if belum:
            pesan.append(
                f"{belum} tanggal cuti bersama/hari libur {tahun} belum diperiksa. Cocokkan dengan SKB cuti bersama, "
                "lalu centang \u201csudah diperiksa\u201d (atau ubah tanggalnya)."
            )
        elif not any(j == J.CUTI_BERSAMA and berlaku for j, berlaku, _ in baris):
            pesan.append(
                f"Cuti bersama {tahun} belum diisi. Tambahkan tanggalnya sesuai SKB cuti bersama agar tenggat layanan tepat."
            )
    return pesan
