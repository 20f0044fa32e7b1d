"""Who a visitor message goes to, and whose service a visitor's message belongs to: one place for both.

The contact is read here and nowhere else in this app. It is the contact the officer confirmed for
the service's visit (`Kunjungan.kontak`), never the visitor record: the record can be corrected by
a later visit, and a self-registration's unconfirmed contact must not receive anything.
"""

from django.db.models import Case, IntegerField, Value, When

from bukutamu.models import Sarana
from layanan.models import Layanan, Status


def kontak(layanan):
    """The name to greet and where to send (blank: nowhere) for messages about `layanan`."""
    return layanan.kontak


def layanan_untuk_nomor(nomor):
    """The open online service a message from `nomor` (62…) answers, or None.

    Matched on the phone confirmed for the service's visit: the number the office writes to is the
    one whose replies count. A service waiting on the visitor (Menunggu tanggapan pengunjung)
    first, then the newest.
    """
    if not nomor:
        return None
    return (
        Layanan.objects.terbuka()
        .filter(kunjungan__sarana=Sarana.ONLINE, kunjungan__no_hp=nomor, kunjungan__kontak_dikonfirmasi=True)
        .select_related("kunjungan", "jenis")
        .order_by(
            Case(When(status=Status.MENUNGGU, then=Value(0)), default=Value(1), output_field=IntegerField()),
            "-dibuat", "-pk",
        )
        .first()
    )
