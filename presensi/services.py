"""Attendance rules: one Presensi per officer per office-local day, Absen Pulang after Absen Masuk."""

import datetime
import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from pst_frontoffice.models import PengaturanKantor

from .models import JadwalPiket, Presensi, RiwayatPresensi, Shift


def zona_kantor():
    """The office zone from its settings record (also right outside a request, e.g. in a command)."""
    return PengaturanKantor.get().tzinfo


def _jam(dt, tz):
    return f"{timezone.localtime(dt, tz):%H.%M}"


def jaringan_diizinkan(ip):
    """True when PRESENSI_JARINGAN is empty or `ip` is inside one of its ranges."""
    jaringan = getattr(settings, "PRESENSI_JARINGAN", [])
    if not jaringan:
        return True
    try:
        alamat = ipaddress.ip_address(ip or "")
    except ValueError:
        return False
    return any(alamat in ipaddress.ip_network(j, strict=False) for j in jaringan)


def _periksa_jaringan(ip):
    if not jaringan_diizinkan(ip):
        raise ValidationError(
            "Presensi hanya dapat dilakukan dari jaringan kantor. Sambungkan perangkat Anda ke "
            "jaringan (Wi-Fi/LAN) kantor, lalu coba lagi.",
            code="jaringan",
        )


def presensi_hari_ini(petugas, *, waktu=None, tz=None):
    tz = tz or zona_kantor()
    tanggal = timezone.localdate(waktu or timezone.now(), tz)
    return Presensi.objects.filter(petugas=petugas, tanggal=tanggal).first()


def absen_masuk(*, petugas, waktu=None, ip=None):
    """Record today's Absen Masuk; a second one on the same office day is refused."""
    _periksa_jaringan(ip)
    waktu = waktu or timezone.now()
    tz = zona_kantor()
    tanggal = timezone.localdate(waktu, tz)
    ada = Presensi.objects.filter(petugas=petugas, tanggal=tanggal).first()
    if ada:
        raise ValidationError(
            f"Anda sudah Absen Masuk hari ini pukul {_jam(ada.masuk, tz)}.", code="sudah_masuk"
        )
    try:
        with transaction.atomic():
            presensi = Presensi.objects.create(petugas=petugas, tanggal=tanggal, masuk=waktu, ip_masuk=ip)
            RiwayatPresensi.objects.create(
                presensi=presensi, aksi=RiwayatPresensi.Aksi.MASUK, oleh=petugas, waktu=waktu, ip=ip
            )
    except IntegrityError:
        # Two clicks at the same moment: the unique constraint decides, the second is refused.
        raise ValidationError("Anda sudah Absen Masuk hari ini.", code="sudah_masuk") from None
    return presensi


def absen_pulang(*, petugas, waktu=None, ip=None):
    """Record today's Absen Pulang; only after Absen Masuk and only once."""
    _periksa_jaringan(ip)
    waktu = waktu or timezone.now()
    tz = zona_kantor()
    tanggal = timezone.localdate(waktu, tz)
    with transaction.atomic():
        presensi = Presensi.objects.select_for_update().filter(petugas=petugas, tanggal=tanggal).first()
        if presensi is None:
            raise ValidationError("Anda belum Absen Masuk hari ini. Klik Absen Masuk terlebih dahulu.", code="belum_masuk")
        if presensi.pulang:
            raise ValidationError(
                f"Anda sudah Absen Pulang hari ini pukul {_jam(presensi.pulang, tz)}.", code="sudah_pulang"
            )
        presensi.pulang = waktu
        presensi.ip_pulang = ip
        presensi.save(update_fields=["pulang", "ip_pulang"])
        RiwayatPresensi.objects.create(
            presensi=presensi, aksi=RiwayatPresensi.Aksi.PULANG, oleh=petugas, waktu=waktu, ip=ip
        )
    return presensi


def pulang_terlupa(petugas, *, waktu=None, tz=None):
    """The most recent earlier day on which the officer did not Absen Pulang (still open)."""
    tanggal = timezone.localdate(waktu or timezone.now(), tz or zona_kantor())
    return (
        Presensi.objects.filter(petugas=petugas, tanggal__lt=tanggal, pulang__isnull=True)
        .order_by("-tanggal")
        .first()
    )


def _hari_ini_dan_terlupa(petugas, *, tanggal):
    """presensi_hari_ini and pulang_terlupa in one query: today's row is the newest there is, the
    forgotten one the newest earlier day still open."""
    hari_ini = terlupa = None
    for p in (
        Presensi.objects.filter(Q(tanggal=tanggal) | Q(tanggal__lt=tanggal, pulang__isnull=True), petugas=petugas)
        .order_by("-tanggal")[:2]
    ):
        if p.tanggal == tanggal:
            hari_ini = p
        elif terlupa is None:
            terlupa = p
    return hari_ini, terlupa


def tutup_pulang_terlupa(*, presensi, oleh, jam_pulang, catatan):
    """An Admin closes a forgotten Absen Pulang at `jam_pulang` on that day, with a kept note."""
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError("Catatan wajib diisi saat menutup presensi.", code="catatan")
    tz = zona_kantor()
    pulang = datetime.datetime.combine(presensi.tanggal, jam_pulang, tzinfo=tz)
    with transaction.atomic():
        presensi = Presensi.objects.select_for_update().get(pk=presensi.pk)
        if presensi.pulang:
            raise ValidationError("Presensi ini sudah memiliki Absen Pulang.", code="sudah_pulang")
        if pulang <= presensi.masuk:
            raise ValidationError(
                f"Jam pulang harus setelah Absen Masuk ({_jam(presensi.masuk, tz)}).", code="jam"
            )
        sekarang = timezone.now()
        presensi.pulang = pulang
        presensi.ditutup_oleh = oleh
        presensi.ditutup_pada = sekarang
        presensi.catatan_penutupan = catatan
        presensi.save(update_fields=["pulang", "ditutup_oleh", "ditutup_pada", "catatan_penutupan"])
        RiwayatPresensi.objects.create(
            presensi=presensi, aksi=RiwayatPresensi.Aksi.DITUTUP, oleh=oleh, waktu=sekarang,
            catatan=f"Pulang dicatat {pulang.astimezone(tz):%H.%M}. {catatan}",
        )
    return presensi


def tugas_berikutnya(petugas, *, waktu=None, tz=None):
    """The officer's current or next duty (a shift that has not ended yet), or None."""
    waktu = waktu or timezone.now()
    tz = tz or zona_kantor()
    tanggal = timezone.localdate(waktu, tz)
    for jadwal in (
        JadwalPiket.objects.berlaku().filter(petugas=petugas, tanggal__gte=tanggal).select_related("shift")[:10]
    ):
        if jadwal.shift.rentang(jadwal.tanggal, tz)[1] > waktu:
            return jadwal
    return None


def petugas_piket(tanggal):
    """[(shift, [officers…]), …] on duty on `tanggal`, active shifts in order."""
    jadwal = JadwalPiket.objects.berlaku().filter(tanggal=tanggal).select_related("petugas")
    per_shift = {}
    for j in jadwal:
        per_shift.setdefault(j.shift_id, []).append(j.petugas)
    return [(s, per_shift.get(s.pk, [])) for s in Shift.objects.filter(aktif=True)]


def konteks_widget(petugas, *, waktu=None):
    """What the dashboard widget shows the officer: today, a forgotten Absen Pulang, the next duty."""
    waktu = waktu or timezone.now()
    tz = zona_kantor()
    tugas = tugas_berikutnya(petugas, waktu=waktu, tz=tz)
    berlangsung = False
    selesai = None
    if tugas:
        mulai, selesai = tugas.shift.rentang(tugas.tanggal, tz)
        berlangsung = mulai <= waktu < selesai
    hari_ini, terlupa = _hari_ini_dan_terlupa(petugas, tanggal=timezone.localdate(waktu, tz))
    return {
        "presensi": hari_ini,
        "terlupa": terlupa,
        "tugas": tugas,
        "tugas_berlangsung": berlangsung,
        # Absen Pulang before the shift is over asks first.
        "shift_selesai": selesai if berlangsung else None,
    }
