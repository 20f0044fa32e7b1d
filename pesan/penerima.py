"""Who a visitor message goes to, and whose service a visitor's message belongs to: one place for both.

The contact is read here and nowhere else in this app, so a change of where the office keeps a
visitor's confirmed contact (the visitor record or the visit) is a change of this module only.
"""

from typing import NamedTuple

from django.db.models import Case, IntegerField, Value, When

from bukutamu.models import Sarana
from layanan.models import Layanan, Status


class Kontak(NamedTuple):
    nama: str
    no_hp: str
    email: str


def kontak(layanan):
    """The name to greet and where to send (blank: nowhere) for messages about `layanan`."""
    pengunjung = layanan.kunjungan.pengunjung
    return Kontak(pengunjung.nama, pengunjung.no_hp, pengunjung.email)


def layanan_untuk_nomor(nomor):
    """The open online service a message from `nomor` (62…) answers, or None.

    A service waiting on the visitor (Menunggu tanggapan pengunjung) first, then the newest.
    """
    if not nomor:
        return None
    return (
        Layanan.objects.terbuka()
        .filter(kunjungan__sarana=Sarana.ONLINE, kunjungan__pengunjung__no_hp=nomor)
        .select_related("kunjungan__pengunjung", "jenis")
        .order_by(
            Case(When(status=Status.MENUNGGU, then=Value(0)), default=Value(1), output_field=IntegerField()),
            "-dibuat", "-pk",
        )
        .first()
    )
