"""Days in the office's time zone (the zone activated per request by the middleware)."""

import datetime

from django.utils import timezone


# The dates the app accepts from a person: enough for any record of this office, and far from the
# ends of Python's calendar (year 1 and 9999), where adding a day or a week overflows.
TANGGAL_MIN = datetime.date(2000, 1, 1)
TANGGAL_MAKS = datetime.date(2100, 12, 31)


def tanggal_wajar(tanggal):
    """True when `tanggal` (a date or datetime) lies between 2000 and 2100."""
    if isinstance(tanggal, datetime.datetime):
        tanggal = tanggal.date()
    return TANGGAL_MIN <= tanggal <= TANGGAL_MAKS


# How a date and a time of day are written in a form's field (pst_frontoffice.widgets): 07/12/2026, 14.30.
BENTUK_TANGGAL = "%d/%m/%Y"
BENTUK_JAM = "%H.%M"
BENTUK_TANGGAL_JAM = f"{BENTUK_TANGGAL} {BENTUK_JAM}"


def tanggal_dari_teks(teks):
    """A date in a query string, as a date field writes it (07/12/2026) or ISO (2026-12-07); None when
    it is neither or out of range."""
    teks = (teks or "").strip()
    for bentuk in (BENTUK_TANGGAL, "%Y-%m-%d"):
        try:
            tanggal = datetime.datetime.strptime(teks, bentuk).date()
        except ValueError:
            continue
        return tanggal if tanggal_wajar(tanggal) else None
    return None


def awal_hari(tanggal):
    """Midnight at the start of `tanggal` in the current (office) time zone, as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(tanggal, datetime.time.min))


def rentang_hari(dari, sampai):
    """[start of `dari`, start of the day after `sampai`) — index-friendly bounds for a date range."""
    return awal_hari(dari), awal_hari(sampai + datetime.timedelta(days=1))


def hari_ini():
    return timezone.localdate()


# Indonesian month names, as Django's "F" and "M" date formats give them in the `id` locale.
# Hard-coded because list rows format several dates each: date_format() looks the names up
# through gettext on every call (~50 µs), which was a fifth of a 25-row table's render time.
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember")
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")  # by date.weekday()
BULAN_SINGKAT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def tanggal_panjang(tanggal):
    """'22 November 2026'."""
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


def tanggal_singkat(tanggal, dengan_tahun=False):
    """'22 Nov' or '22 Nov 2026'."""
    teks = f"{tanggal.day} {BULAN_SINGKAT[tanggal.month - 1]}"
    return f"{teks} {tanggal.year}" if dengan_tahun else teks


def waktu_relatif(lokal, hari_ini_lokal):
    """'hari ini 14.05', '22 Nov, 14.05' or '22 Nov 2025, 14.05' for an office-local datetime."""
    if lokal.date() == hari_ini_lokal:
        return f"hari ini {lokal:%H.%M}"
    return f"{tanggal_singkat(lokal, dengan_tahun=lokal.year != hari_ini_lokal.year)}, {lokal:%H.%M}"


def lama_sejak(nilai, sekarang=None):
    """How long ago, in its largest unit: '5 menit', '3 jam', '2 hari', '4 bulan', '1 tahun'."""
    detik = max(0, int(((sekarang or timezone.now()) - nilai).total_seconds()))
    for satuan, panjang in (("tahun", 365 * 86400), ("bulan", 30 * 86400), ("minggu", 7 * 86400),
                            ("hari", 86400), ("jam", 3600), ("menit", 60)):
        if detik >= panjang:
            return f"{detik // panjang} {satuan}"
    return "0 menit"
