"""The office open, or closed, right now for a test, whatever the date the suite runs on."""

import datetime

from bukutamu import antrian as aturan
from bukutamu.models import JamLayanan
from pst_frontoffice.models import CutiBersama


def kantor_bekerja_hari_ini():
    """Today (office zone) is a working day even when it is a national holiday or cuti bersama, set as
    an Admin sets it: the date kept with "kantor libur" unticked. Service hours alone left the kiosk
    closed on 1 January, and a run on 25 December would have found the same."""
    CutiBersama.objects.update_or_create(
        tanggal=aturan.waktu_kantor().date(),
        defaults={"berlaku": False, "keterangan": "Kantor tetap bekerja", "jenis": CutiBersama.Jenis.LIBUR},
    )


def jam_layanan_hari_ini(buka):
    """Service hours all day today (`buka`) or none today; tomorrow 08.00–15.00 when it has none."""
    hari = aturan.waktu_kantor().weekday()
    # Today's row may exist (the standard hours on a weekday): replace it, so this works any day.
    JamLayanan.objects.filter(hari=hari).delete()
    JamLayanan.objects.get_or_create(hari=(hari + 1) % 7, defaults={"buka": datetime.time(8), "tutup": datetime.time(15)})
    if buka:
        JamLayanan.objects.create(hari=hari, buka=datetime.time(0), tutup=datetime.time(23, 59, 59))
        kantor_bekerja_hari_ini()
