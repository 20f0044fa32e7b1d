"""Queue rules: taking a number, calling, skipping, service hours and appointments."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from pst_frontoffice.hari_kerja import KalenderKerja
from pst_frontoffice.kalender import HARI, tanggal_panjang
from pst_frontoffice.models import PengaturanKantor

from .models import JAM_LAYANAN_BAWAAN, Antrian, JamLayanan, JanjiTemu, PenghitungAntrian, RiwayatAntrian

S = Antrian.Status
JUMLAH_LOKET = 9  # counters an officer can choose; a PST desk rarely has more than two or three
MENIT_JEDA_JANJI = 60  # service standard: an appointment is made at least one hour ahead
HARI_JANJI_PALING_JAUH = 30


def zona_kantor():
    return PengaturanKantor.get().tzinfo


def waktu_kantor(waktu=None, *, zona=None):
    """`waktu` (default now) in the office's zone, whatever zone is active (threads, commands)."""
    return timezone.localtime(waktu or timezone.now(), zona or zona_kantor())


def _catat(antrian, status, *, oleh=None, keterangan="", waktu=None):
    antrian.status = status
    RiwayatAntrian.objects.create(
        antrian=antrian, status=status, loket=antrian.loket, oleh=oleh, keterangan=keterangan,
        waktu=waktu or timezone.now(),
    )


@transaction.atomic
def ambil_nomor(*, jenis_layanan, sumber=Antrian.Sumber.KIOS, oleh=None, waktu=None):
    """Give the next number of the day for this kind of service (K-001, K-002 …)."""
    if not jenis_layanan.prefix_antrian:
        raise ValueError(f"Jenis layanan {jenis_layanan} belum punya prefix antrian.")
    waktu = waktu or timezone.now()
    tanggal = waktu_kantor(waktu).date()
    prefix = jenis_layanan.prefix_antrian
    # The counter row exists once per day and prefix; creating it races harmlessly (ON CONFLICT
    # DO NOTHING), then the row lock makes concurrent takers wait for each other.
    PenghitungAntrian.objects.bulk_create(
        [PenghitungAntrian(tanggal=tanggal, prefix=prefix)], ignore_conflicts=True
    )
    penghitung = PenghitungAntrian.objects.select_for_update().get(tanggal=tanggal, prefix=prefix)
    penghitung.terakhir += 1
    penghitung.save(update_fields=["terakhir"])
    antrian = Antrian.objects.create(
        jenis_layanan=jenis_layanan, tanggal=tanggal, prefix=prefix, urut=penghitung.terakhir,
        nomor=Antrian.format_nomor(prefix, penghitung.terakhir), sumber=sumber, diambil=waktu,
    )
    _catat(antrian, S.MENUNGGU, oleh=oleh, keterangan=f"Diambil dari {antrian.get_sumber_display().lower()}", waktu=waktu)
    return antrian


def sedang_di_loket(*, loket, tanggal):
    """The ticket being served at a counter today (called, or written in the guest book)."""
    return (
        Antrian.objects.filter(tanggal=tanggal, loket=loket, status__in=[S.DIPANGGIL, S.DILAYANI])
        .select_related("jenis_layanan", "kunjungan")
        .order_by("-dipanggil_pada")
        .first()
    )


def _selesaikan_loket(*, loket, tanggal, petugas, kecuali=None):
    """The counter moves on: what it was serving is finished (the 10-minute clock starts here)."""
    sekarang = timezone.now()
    aktif = Antrian.objects.select_for_update().filter(
        tanggal=tanggal, loket=loket, status__in=[S.DIPANGGIL, S.DILAYANI]
    )
    if kecuali is not None:
        aktif = aktif.exclude(pk=kecuali.pk)
    for antrian in aktif:
        antrian.selesai_pada = sekarang
        _catat(antrian, S.SELESAI, oleh=petugas, waktu=sekarang)
        antrian.save(update_fields=["status", "selesai_pada"])


def _panggil(antrian, *, petugas, loket, keterangan):
    sekarang = timezone.now()
    antrian.loket = loket
    antrian.dipanggil_oleh = petugas
    antrian.dipanggil_pada = sekarang
    antrian.jumlah_panggil += 1
    _catat(antrian, S.DIPANGGIL, oleh=petugas, keterangan=keterangan, waktu=sekarang)
    antrian.save(update_fields=["status", "loket", "dipanggil_oleh", "dipanggil_pada", "jumlah_panggil"])
    return antrian


@transaction.atomic
def panggil_berikutnya(*, petugas, loket):
    """Call the oldest waiting number of today to `loket`; None when nobody is waiting.

    SKIP LOCKED (PostgreSQL) lets two officers calling at the same moment each take a different
    row instead of both reading the same one; SQLite writes one transaction at a time anyway.
    """
    tanggal = waktu_kantor().date()
    _selesaikan_loket(loket=loket, tanggal=tanggal, petugas=petugas)
    antrian = (
        Antrian.objects.select_for_update(skip_locked=True)
        .filter(tanggal=tanggal, status=S.MENUNGGU)
        .order_by("diambil", "id")
        .first()
    )
    if antrian is None:
        return None
    return _panggil(antrian, petugas=petugas, loket=loket, keterangan="Dipanggil")


class AntrianTidakBisa(Exception):
    """The ticket is not in a state that allows this action (message in Indonesian)."""


def _kunci(antrian_id, tanggal):
    antrian = Antrian.objects.select_for_update().filter(pk=antrian_id, tanggal=tanggal).first()
    if antrian is None:
        raise AntrianTidakBisa("Nomor antrian tidak ditemukan untuk hari ini.")
    return antrian


@transaction.atomic
def panggil_ulang(*, antrian_id, petugas, loket):
    """Call a number again: the one at the counter, or a skipped one whose visitor came back."""
    tanggal = waktu_kantor().date()
    antrian = _kunci(antrian_id, tanggal)
    if antrian.status not in (S.DIPANGGIL, S.DILEWATI):
        raise AntrianTidakBisa(f"Antrian {antrian.nomor} berstatus {antrian.get_status_display()}; tidak bisa dipanggil ulang.")
    if antrian.status == S.DILEWATI or antrian.loket != loket:
        _selesaikan_loket(loket=loket, tanggal=tanggal, petugas=petugas, kecuali=antrian)
    return _panggil(antrian, petugas=petugas, loket=loket, keterangan="Dipanggil ulang")


@transaction.atomic
def lewati(*, antrian_id, petugas):
    """The called visitor did not come: skip the number (it can still be called again)."""
    antrian = _kunci(antrian_id, waktu_kantor().date())
    if antrian.status not in (S.MENUNGGU, S.DIPANGGIL):
        raise AntrianTidakBisa(f"Antrian {antrian.nomor} berstatus {antrian.get_status_display()}; tidak bisa dilewati.")
    _catat(antrian, S.DILEWATI, oleh=petugas, keterangan="Dilewati")
    antrian.save(update_fields=["status"])
    return antrian


def antrian_untuk_buku_tamu(antrian_id):
    """The called ticket an officer is writing in the guest book, or an Indonesian error."""
    antrian = Antrian.objects.select_related("jenis_layanan").filter(pk=antrian_id).first()
    if antrian is None or antrian.tanggal != waktu_kantor().date():
        raise AntrianTidakBisa("Nomor antrian tidak ditemukan untuk hari ini.")
    if antrian.kunjungan_id:
        raise AntrianTidakBisa(f"Antrian {antrian.nomor} sudah tercatat di buku tamu.")
    if antrian.status not in (S.DIPANGGIL, S.DILAYANI):
        raise AntrianTidakBisa(f"Antrian {antrian.nomor} berstatus {antrian.get_status_display()}; panggil dulu nomornya.")
    return antrian


def tandai_dilayani(*, antrian, kunjungan, petugas):
    """Link the ticket to its guest-book entry (inside catat_kunjungan's transaction)."""
    antrian = Antrian.objects.select_for_update().get(pk=antrian.pk)
    if antrian.kunjungan_id:
        raise AntrianTidakBisa(f"Antrian {antrian.nomor} sudah tercatat di buku tamu.")
    antrian.kunjungan = kunjungan
    _catat(antrian, S.DILAYANI, oleh=petugas, keterangan="Buku tamu tersimpan")
    antrian.save(update_fields=["status", "kunjungan"])
    return antrian


def papan(tanggal, *, jumlah_berikutnya=8):
    """What the TV shows: the number at each counter and the next ones waiting."""
    dilayani = list(
        Antrian.objects.filter(tanggal=tanggal, status__in=[S.DIPANGGIL, S.DILAYANI], loket__isnull=False)
        .select_related("jenis_layanan")
        .order_by("loket", "-dipanggil_pada")
    )
    per_loket = {}
    for antrian in dilayani:
        per_loket.setdefault(antrian.loket, antrian)
    menunggu = Antrian.objects.filter(tanggal=tanggal, status=S.MENUNGGU).select_related("jenis_layanan")
    berikutnya = list(menunggu.order_by("diambil", "id")[:jumlah_berikutnya])
    terakhir = max(per_loket.values(), key=lambda a: a.dipanggil_pada, default=None)
    return {
        "loket": [per_loket[k] for k in sorted(per_loket)],
        "berikutnya": berikutnya,
        "terakhir": terakhir,
    }


# Service hours and appointments ------------------------------------------------------------

def jadwal_layanan():
    """{weekday: (open, close)}; the service standard's hours until an Admin has set any."""
    jadwal = {j.hari: (j.buka, j.tutup) for j in JamLayanan.objects.all()}
    return jadwal or {int(h): jam for h, jam in JAM_LAYANAN_BAWAAN.items()}


def sedang_buka(waktu=None, *, jadwal=None, zona=None, kalender=None):
    """Whether `waktu` (default now) falls inside the office's service hours."""
    lokal = waktu_kantor(waktu, zona=zona)
    jadwal = jadwal if jadwal is not None else jadwal_layanan()
    return _dalam_jam_layanan(lokal, jadwal, kalender or KalenderKerja())


def _dalam_jam_layanan(lokal, jadwal, kalender):
    jam = jadwal.get(lokal.weekday())
    return bool(jam) and jam[0] <= lokal.time() < jam[1] and not kalender.adalah_hari_libur(lokal.date())


def _jam(t):
    return f"{t:%H.%M}"


def periksa_waktu_janji(waktu, *, sekarang=None, jadwal=None, kalender=None, kantor=None):
    """Why an appointment at `waktu` is not allowed (Indonesian), or None when it is fine.

    The consultation service standard: outside service hours or days visitors are still served by
    appointment, made at least 1 hour ahead ("minimal 1 jam/hari sebelumnya"), and for a day the
    office is closed no later than the day before. Within service hours nobody needs one: they walk in
    and take a number. The office sets the hours in which appointments can start
    (`PengaturanKantor.jam_janji_*`).
    """
    kantor = kantor or PengaturanKantor.get()
    jadwal = jadwal if jadwal is not None else jadwal_layanan()
    kalender = kalender or KalenderKerja()
    sekarang = waktu_kantor(sekarang, zona=kantor.tzinfo)
    lokal = waktu_kantor(waktu, zona=kantor.tzinfo)
    if lokal <= sekarang:
        return "Waktu janji temu sudah lewat. Pilih waktu yang akan datang."
    if lokal > sekarang + datetime.timedelta(days=HARI_JANJI_PALING_JAUH):
        return f"Janji temu paling jauh {HARI_JANJI_PALING_JAUH} hari ke depan."
    if not kantor.jam_janji_mulai <= lokal.time() < kantor.jam_janji_selesai:
        return (f"Janji temu dapat dibuat untuk pukul {_jam(kantor.jam_janji_mulai)}–"
                f"{_jam(kantor.jam_janji_selesai)}. Pilih jam lain.")
    if _dalam_jam_layanan(lokal, jadwal, kalender):
        buka, tutup = jadwal[lokal.weekday()]
        return (f"Pukul {_jam(buka)}–{_jam(tutup)} hari itu adalah jam layanan: silakan datang langsung dan "
                "ambil nomor antrian, tanpa janji temu. Janji temu untuk di luar jam layanan.")
    # "minimal 1 jam/hari sebelumnya": outside the hours of a service day, 1 hour ahead; on a day the
    # office is closed (weekend, holiday), booked by the day before, so someone can plan to come in.
    paling_awal = sekarang + datetime.timedelta(minutes=MENIT_JEDA_JANJI)
    if lokal < paling_awal:
        return (f"Janji temu dibuat paling lambat 1 jam sebelumnya: pilih pukul "
                f"{_jam(paling_awal)} atau sesudahnya.")
    hari_layanan = lokal.weekday() in jadwal and kalender.adalah_hari_kerja(lokal.date())
    if not hari_layanan and lokal.date() <= sekarang.date():
        return ("Janji temu pada hari kantor tutup (akhir pekan atau hari libur) dibuat paling lambat "
                "sehari sebelumnya. Pilih hari lain.")
    return None


def teks_waktu_janji(waktu):
    """'Sabtu, 5 Desember 2026 pukul 10.00' in office time."""
    lokal = waktu_kantor(waktu)
    return f"{HARI[lokal.weekday()]}, {tanggal_panjang(lokal)} pukul {_jam(lokal)}"


def cek_janji(waktu, sekarang=None, **kwargs):
    """Raise ValidationError when an appointment at `waktu` is not allowed (for any form offering one)."""
    alasan = periksa_waktu_janji(waktu, sekarang=sekarang, **kwargs)
    if alasan:
        raise ValidationError(alasan, code="waktu_janji")


def slot_janji_terdekat(sekarang=None, *, jadwal=None, kalender=None, kantor=None, hari_ke_depan=14):
    """The first half-hour slot an appointment can be made for now (office time), or None."""
    kantor = kantor or PengaturanKantor.get()
    jadwal = jadwal if jadwal is not None else jadwal_layanan()
    kalender = kalender or KalenderKerja()
    sekarang = waktu_kantor(sekarang, zona=kantor.tzinfo)
    slot = sekarang + datetime.timedelta(minutes=MENIT_JEDA_JANJI)
    # Round up to the next half hour, so the suggestion reads like a time people book.
    lebih = (slot.minute % 30) * 60 + slot.second + slot.microsecond / 1e6
    if lebih:
        slot += datetime.timedelta(seconds=30 * 60 - lebih)
    # Step in wall-clock half hours (the zones have no daylight saving).
    for _ in range(hari_ke_depan * 48):
        if periksa_waktu_janji(slot, sekarang=sekarang, jadwal=jadwal, kalender=kalender, kantor=kantor) is None:
            return slot
        slot += datetime.timedelta(minutes=30)
    return None


def janji_hari_ini(tanggal, *, zona=None):
    """The day's appointments, for the officers' queue page."""
    mulai = datetime.datetime.combine(tanggal, datetime.time.min, tzinfo=zona or zona_kantor())
    return (
        JanjiTemu.objects.filter(waktu__gte=mulai, waktu__lt=mulai + datetime.timedelta(days=1))
        .select_related("jenis_layanan", "antrian")
        .order_by("waktu", "id")
    )


@transaction.atomic
def janji_hadir(*, janji_id, petugas):
    """The visitor with an appointment has arrived: give them a number and mark it."""
    janji = JanjiTemu.objects.select_for_update().select_related("jenis_layanan").filter(pk=janji_id).first()
    if janji is None:
        raise AntrianTidakBisa("Janji temu tidak ditemukan.")
    if janji.status != JanjiTemu.Status.TERJADWAL:
        raise AntrianTidakBisa(f"Janji temu {janji.nama} sudah berstatus {janji.get_status_display()}.")
    janji.antrian = ambil_nomor(jenis_layanan=janji.jenis_layanan, sumber=Antrian.Sumber.JANJI, oleh=petugas)
    janji.status = JanjiTemu.Status.HADIR
    janji.diubah_oleh = petugas
    janji.save(update_fields=["antrian", "status", "diubah_oleh"])
    return janji
