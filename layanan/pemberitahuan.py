"""Nothing missed: the officer's notices behind the navbar's bell, each the list it opens.

Every count is `.count()` of the very queryset its list shows, so the bell and the list agree.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from bukutamu.pendaftaran import belum_dicatat_hari_ini
from pst_frontoffice.kalender import awal_hari, hari_ini

from .mandiri import belum_ditugaskan
from .models import Layanan, RiwayatLayanan, Status, TandaBaca

# Before any service: an officer who never opened the list has seen nothing yet.
AWAL = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Pemberitahuan:
    kunci: str
    label: str
    jumlah: int
    url: str


def penugasan_dilihat(user):
    """When the officer last opened their newly assigned services."""
    return TandaBaca.objects.filter(user=user).values_list("penugasan_dilihat", flat=True).first() or AWAL


def baru_ditugaskan(user, *, sejak=None):
    """Open services someone else (an officer, the duty roster) gave this officer since they last looked."""
    sejak = penugasan_dilihat(user) if sejak is None else sejak
    return Layanan.objects.terbuka().filter(petugas=user, ditugaskan_pada__gt=sejak)


def tandai_penugasan_dilihat(user, *, pada=None):
    """The officer opened the list: what was new is new no more."""
    with transaction.atomic():
        TandaBaca.objects.update_or_create(user=user, defaults={"penugasan_dilihat": pada or timezone.now()})


def jatuh_tempo(user, *, tanggal=None):
    """The officer's open services due by the end of today (office time) or late, those waiting on
    the visitor aside (their clock is the visitor's)."""
    besok = awal_hari((tanggal or hari_ini()) + datetime.timedelta(days=1))
    return Layanan.objects.milik(user).terbuka().exclude(status=Status.MENUNGGU).filter(tenggat__lt=besok)


def ditanggapi(user):
    """The officer's open services whose last history entry is the visitor's answer recorded by someone
    else (a WhatsApp reply the system attached, or a colleague who took a call): the visitor now waits on
    the officer, whatever the status says. The officer's next step on the service (Update, a note, a
    letter) is a later entry and takes it off the list."""
    terakhir = RiwayatLayanan.objects.filter(layanan=OuterRef("pk")).order_by("-waktu", "-id")
    return (
        Layanan.objects.milik(user).terbuka()
        .annotate(jenis_terakhir=Subquery(terakhir.values("jenis")[:1]), oleh_terakhir=Subquery(terakhir.values("oleh")[:1]))
        .filter(jenis_terakhir=RiwayatLayanan.Jenis.TANGGAPAN)
        .exclude(oleh_terakhir=user.pk)
    )


def pemberitahuan(user, *, tanggal=None):
    """The bell's lines for this officer, in the order they are read."""
    tanggal = tanggal or hari_ini()
    return [
        Pemberitahuan("baru", "Baru ditugaskan kepada saya", baru_ditugaskan(user).count(),
                      reverse("layanan:saya") + "?baru=1"),
        Pemberitahuan("tenggat", "Layanan saya: tenggat hari ini atau terlambat", jatuh_tempo(user, tanggal=tanggal).count(),
                      reverse("layanan:saya") + "?tenggat=hari-ini&urut=tenggat"),
        Pemberitahuan("tanggapan", "Pengunjung menanggapi layanan saya", ditanggapi(user).count(),
                      reverse("layanan:saya") + "?ditanggapi=1"),
        Pemberitahuan("online", "Permintaan online belum diambil", belum_ditugaskan().count(),
                      reverse("layanan:belum_ditugaskan")),
        Pemberitahuan("mandiri", "Daftar mandiri menunggu dicatat", belum_dicatat_hari_ini(tanggal).count(),
                      reverse("antrian:petugas") + "#mandiri-belum-dicatat"),
    ]
