"""Due times of open services under the consultation service standards: the rule as one plain function.

- online services, and data requests however they came, are due at the end of the N-th working
  day after they were recorded (N = `batas_online_hari_kerja`, default 3);
- any other walk-in service is due `batas_konsultasi_langsung_jam` hours (default 3) after it was
  recorded (the walk-in consultation standard).
The 10-minute "served within" standard is about waiting in the queue, not about finishing, so it
does not set a due time here.

Compliance with the standard, for a period, is counted over the services whose due time fell in
it: met when the service was finished by an officer by its due time, or (online) when the office
answered and set "Menunggu tanggapan pengunjung" by then; missed otherwise, including every
service still open past its due time. A service still open whose due time has not come yet is not
counted; cancelled ones never are.
"""

import datetime
import zoneinfo

from pst_frontoffice.hari_kerja import KalenderKerja

TERLAMBAT = "terlambat"
MENDEKATI = "mendekati"
AMAN = "aman"


def hitung_tenggat(dibuat, *, online, permintaan_data, kantor, kalender=None):
    if online or permintaan_data:
        kalender = kalender or KalenderKerja()
        tz = zoneinfo.ZoneInfo(kantor.zona_waktu)
        return kalender.akhir_hari_kerja_ke(dibuat.astimezone(tz).date(), kantor.batas_online_hari_kerja, tz=tz)
    return dibuat + datetime.timedelta(hours=kantor.batas_konsultasi_langsung_jam)


def penghitung_tenggat(kantor, kalender):
    """`hitung_tenggat` for many services at once (test data): f(dibuat, hari_kerja) → due time,
    `hari_kerja` for online services and data requests. A working-day due time depends only on the
    office day a service was recorded on, so each day's is computed once."""
    per_hari, zona = {}, zoneinfo.ZoneInfo(kantor.zona_waktu)

    def tenggat(dibuat, hari_kerja):
        if not hari_kerja:
            return hitung_tenggat(dibuat, online=False, permintaan_data=False, kantor=kantor)
        hari = dibuat.astimezone(zona).date()
        if hari not in per_hari:
            per_hari[hari] = hitung_tenggat(dibuat, online=True, permintaan_data=True, kantor=kantor, kalender=kalender)
        return per_hari[hari]

    return tenggat


def keadaan_tenggat(dibuat, tenggat, *, ambang_persen, sekarang):
    """'terlambat' once past due, 'mendekati' after ambang_persen of the time is used, else 'aman'."""
    if sekarang >= tenggat:
        return TERLAMBAT
    jatah = (tenggat - dibuat).total_seconds()
    if jatah <= 0 or (sekarang - dibuat).total_seconds() >= jatah * ambang_persen / 100:
        return MENDEKATI
    return AMAN
