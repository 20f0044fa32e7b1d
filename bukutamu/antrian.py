"""Queue rules: taking a number, calling, skipping, service hours and appointments."""

import datetime

from django.db import transaction
from django.utils import timezone

from pst_frontoffice.hari_kerja import KalenderKerja, adalah_hari_libur
from pst_frontoffice.models import PengaturanKantor

from .models import JAM_LAYANAN_BAWAAN, Antrian, JamLayanan, JanjiTemu, PenghitungAntrian, RiwayatAntrian

S = Antrian.Status
JUMLAH_LOKET = 9  # counters an officer can choose; a PST desk rarely has more than two or three
MENIT_JEDA_JANJI = 60  # service standard: an appointment is made at least one hour ahead


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


def sedang_buka(waktu=None, *, jadwal=None, zona=None):
    """Whether `waktu` (default now) falls inside the office's service hours."""
    lokal = waktu_kantor(waktu, zona=zona)
    jam = (jadwal if jadwal is not None else jadwal_layanan()).get(lokal.weekday())
    return bool(jam) and jam[0] <= lokal.time() < jam[1] and not adalah_hari_libur(lokal.date())


def slot_janji_terdekat(sekarang=None, *, jadwal=None, hari_ke_depan=14):
    """The first half-hour slot inside service hours at least one hour from now (office time)."""
    jadwal = jadwal if jadwal is not None else jadwal_layanan()
    awal = waktu_kantor(sekarang) + datetime.timedelta(minutes=MENIT_JEDA_JANJI)
    # Round up to the next half hour, so the suggestion reads like a time people book.
    lebih = (awal.minute % 30) * 60 + awal.second + awal.microsecond / 1e6
    if lebih:
        awal += datetime.timedelta(seconds=30 * 60 - lebih)
    kalender = KalenderKerja()
    for i in range(hari_ke_depan):
        hari = awal.date() + datetime.timedelta(days=i)
        jam = jadwal.get(hari.weekday())
        if not jam or kalender.adalah_hari_libur(hari):
            continue
        buka = datetime.datetime.combine(hari, jam[0], tzinfo=awal.tzinfo)
        mulai = max(awal, buka) if i == 0 else buka
        if mulai.time() < jam[1] and mulai.date() == hari:
            return mulai
    return None


def periksa_waktu_janji(waktu, *, sekarang=None, jadwal=None):
    """Why an appointment time is not allowed (Indonesian), or None when it is fine."""
    jadwal = jadwal if jadwal is not None else jadwal_layanan()
    sekarang = waktu_kantor(sekarang)
    lokal = waktu_kantor(waktu)
    if lokal < sekarang + datetime.timedelta(minutes=MENIT_JEDA_JANJI):
        return "Janji temu dibuat paling lambat 1 jam sebelumnya. Pilih waktu yang lebih lambat."
    if lokal > sekarang + datetime.timedelta(days=30):
        return "Janji temu paling jauh 30 hari ke depan."
    jam = jadwal.get(lokal.weekday())
    if not jam:
        return "Kantor tidak melayani pada hari itu. Pilih hari lain."
    if adalah_hari_libur(lokal.date()):
        return "Hari itu hari libur nasional atau cuti bersama; kantor tutup. Pilih hari lain."
    if not jam[0] <= lokal.time() < jam[1]:
        return f"Pilih jam dalam jam layanan hari itu ({jam[0]:%H.%M}–{jam[1]:%H.%M})."
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
