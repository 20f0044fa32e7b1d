"""The province receives an office's daily summary: check everything, then store the day whole.

Checked in this order, each refusal logged (PenolakanKiriman) with the claimed office and the
address: HTTPS (plain HTTP only from this machine or with PROVINSI_IZINKAN_HTTP), the signature
headers' shape, a known and active office, the signature over the exact body with that office's
key, the timestamp within PROVINSI_JENDELA_DETIK, a nonce not seen before, the body's form and
definition version, and a day already over in the office's own zone.

A day is idempotent per office: sending it again replaces it (unless the stored one was computed
later, which a delayed retry cannot undo), and the office's month is summed again from its days.
"""

import datetime
import ipaddress
import json
import logging
import re
from collections import Counter
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from pst_frontoffice.aktivitas import ip_klien
from pst_frontoffice.models import ZonaWaktu
from pst_frontoffice.ratelimit import melebihi_batas
from ringkasan.hitung import UKURAN_BERJENIS, VERSI

from . import tandatangan
from .models import AlasanTolak, BulanKantor, Kantor, NonceKiriman, PenolakanKiriman, RingkasanKantor
from .rahasia import KunciTidakTerbaca, dekripsi

log = logging.getLogger(__name__)

FORMAT = 1
# A day of a busy office holds a few hundred figures; far more is not a summary.
MAKS_ANGKA = 20_000
MAKS_NILAI = 2**62
POLA_UKURAN = re.compile(r"^[a-z_]{1,40}$")
POLA_KODE_JENIS = re.compile(r"^[0-9A-Za-z_-]{1,40}$")
# The refusals that concern one day only (the office goes on with the next day); any other
# refusal concerns the office itself (its key, its clock, its version), and it waits.
STATUS = {
    AlasanTolak.TIDAK_LENGKAP: 400, AlasanTolak.BUKAN_HTTPS: 403, AlasanTolak.KANTOR_TIDAK_DIKENAL: 403,
    AlasanTolak.KANTOR_NONAKTIF: 403, AlasanTolak.TANDA_SALAH: 403, AlasanTolak.WAKTU: 403,
    AlasanTolak.PENGULANGAN: 409, AlasanTolak.VERSI: 409, AlasanTolak.ISI: 422, AlasanTolak.HARI_BELUM_LEWAT: 422,
}
# Refusals are logged until this many per address in ten minutes (the rest only answered), so a
# flood cannot fill the table; summaries that pass are never counted.
BATAS_TOLAK = 120
SIMPAN_PENOLAKAN_HARI = 90


class Ditolak(Exception):
    def __init__(self, alasan, rincian="", *, kode="", kantor=None):
        super().__init__(rincian or alasan.label)
        self.alasan, self.rincian, self.kode, self.kantor = alasan, rincian, kode, kantor

    @property
    def status(self):
        return STATUS[self.alasan]

    @property
    def teks(self):
        return f"{self.alasan.label}: {self.rincian}" if self.rincian else self.alasan.label


def _dari_mesin_ini(request):
    try:
        return ipaddress.ip_address(ip_klien(request) or "").is_loopback
    except ValueError:
        return False


def periksa(request, *, sekarang=None):
    """(kantor, amplop) of a request that passes every check; raises Ditolak otherwise."""
    sekarang = sekarang or timezone.now()
    if not (request.is_secure() or settings.PROVINSI_IZINKAN_HTTP or _dari_mesin_ini(request)):
        raise Ditolak(AlasanTolak.BUKAN_HTTPS, "kirim ke alamat https://")
    kode = request.headers.get(tandatangan.KEPALA_KANTOR, "")
    waktu = request.headers.get(tandatangan.KEPALA_WAKTU, "")
    nonce = request.headers.get(tandatangan.KEPALA_NONCE, "")
    tanda = request.headers.get(tandatangan.KEPALA_TANDA, "")
    if not tandatangan.bentuk_sah(kode=kode, waktu=waktu, nonce=nonce, tanda_diterima=tanda):
        raise Ditolak(AlasanTolak.TIDAK_LENGKAP, kode=kode[:40])
    kantor = Kantor.objects.filter(kode=kode).first()
    if kantor is None:
        raise Ditolak(AlasanTolak.KANTOR_TIDAK_DIKENAL, f"kode {kode}", kode=kode)
    if not kantor.aktif or not kantor.kunci_terenkripsi:
        raise Ditolak(AlasanTolak.KANTOR_NONAKTIF, kode=kode, kantor=kantor)
    try:
        kunci = dekripsi(kantor.kunci_terenkripsi)
    except KunciTidakTerbaca:
        raise Ditolak(AlasanTolak.TANDA_SALAH, "kunci kantor ini di provinsi tidak terbaca; buat kunci baru",
                      kode=kode, kantor=kantor) from None
    badan = request.body
    if not tandatangan.cocok(kunci, tanda, waktu=waktu, nonce=nonce, kode=kode, badan=badan):
        raise Ditolak(AlasanTolak.TANDA_SALAH, kode=kode, kantor=kantor)
    selisih = int(sekarang.timestamp()) - int(waktu)
    if abs(selisih) > settings.PROVINSI_JENDELA_DETIK:
        raise Ditolak(AlasanTolak.WAKTU, f"selisih {selisih} detik dengan jam provinsi (batas {settings.PROVINSI_JENDELA_DETIK})",
                      kode=kode, kantor=kantor)
    try:
        with transaction.atomic():
            NonceKiriman.objects.create(kantor=kantor, nonce=nonce, waktu=sekarang)
    except IntegrityError:
        raise Ditolak(AlasanTolak.PENGULANGAN, kode=kode, kantor=kantor) from None
    try:
        amplop = baca_amplop(badan, kode=kode, sekarang=sekarang)
    except Ditolak as e:
        e.kode, e.kantor = kode, kantor
        raise
    return kantor, amplop


def _isi(syarat, rincian):
    if not syarat:
        raise Ditolak(AlasanTolak.ISI, rincian)


def _bulat(n):
    return type(n) is int and 0 <= n < MAKS_NILAI


def baca_amplop(badan, *, kode, sekarang):
    """The summary's envelope, parsed and checked in full; raises Ditolak(ISI, VERSI or HARI_BELUM_LEWAT)."""
    try:
        amplop = json.loads(badan)
    except (ValueError, RecursionError):
        raise Ditolak(AlasanTolak.ISI, "bukan JSON") from None
    _isi(isinstance(amplop, dict) and amplop.get("format") == FORMAT, "format amplop tidak dikenal")
    _isi(amplop.get("kantor") == kode, "kode kantor di isi berbeda dengan kepala")
    data = amplop.get("ringkasan")
    _isi(isinstance(data, dict), "tanpa ringkasan")
    if data.get("versi") != VERSI:
        raise Ditolak(AlasanTolak.VERSI, f"versi {data.get('versi')!r}, provinsi memakai versi {VERSI}")
    try:
        tanggal = datetime.date.fromisoformat(data.get("tanggal"))
        dihitung_pada = datetime.datetime.fromisoformat(data.get("dihitung_pada"))
    except (TypeError, ValueError):
        raise Ditolak(AlasanTolak.ISI, "tanggal tidak sah") from None
    _isi(tanggal.year >= 2000 and timezone.is_aware(dihitung_pada), "tanggal tidak sah")
    _isi(data.get("zona_waktu") in ZonaWaktu.values, "zona waktu bukan WIB, WITA atau WIT")
    hari_ini_kantor = timezone.localtime(sekarang, ZoneInfo(data["zona_waktu"])).date()
    if tanggal >= hari_ini_kantor:
        raise Ditolak(AlasanTolak.HARI_BELUM_LEWAT, f"{tanggal:%d-%m-%Y} belum lewat di {data['zona_waktu']}")
    id_jenis = data.get("jenis_layanan")
    _isi(isinstance(id_jenis, dict) and all(
        isinstance(k, str) and k.isdigit() and isinstance(v, str) and POLA_KODE_JENIS.match(v) for k, v in id_jenis.items()
    ), "daftar jenis layanan tidak sah")
    angka = data.get("angka")
    _isi(isinstance(angka, dict) and all(isinstance(v, dict) for v in angka.values()), "angka tidak sah")
    _isi(sum(len(v) for v in angka.values()) <= MAKS_ANGKA, "terlalu banyak angka")
    for ukuran, isi in angka.items():
        _isi(POLA_UKURAN.match(ukuran) is not None, "nama ukuran tidak sah")
        _isi(all(isinstance(k, str) and len(k) <= 80 and _bulat(n) for k, n in isi.items()), f"angka {ukuran} tidak sah")
    jenis = amplop.get("jenis_layanan")
    _isi(isinstance(jenis, dict) and len(jenis) <= 500 and all(
        POLA_KODE_JENIS.match(k) and isinstance(v, dict) and isinstance(v.get("nama"), str) and len(v["nama"]) <= 100
        and isinstance(v.get("permintaan_data"), bool) and isinstance(v.get("aktif"), bool)
        for k, v in jenis.items()
    ), "rincian jenis layanan tidak sah")
    standar = amplop.get("standar")
    _isi(isinstance(standar, dict) and set(standar) == {"batas_tunggu_menit", "batas_konsultasi_langsung_jam", "batas_online_hari_kerja"}
         and all(type(v) is int and 0 <= v <= 10_000 for v in standar.values()), "standar waktu tidak sah")
    return {
        "tanggal": tanggal, "dihitung_pada": dihitung_pada, "zona_waktu": data["zona_waktu"], "versi": data["versi"],
        "angka": angka_datar(angka, id_jenis), "jenis_layanan": jenis, "standar": standar,
    }


def angka_datar(angka, id_jenis):
    """{"<ukuran>|<kunci>": nilai} with every kind of service named by its code instead of this office's id."""
    datar = Counter()
    for ukuran, isi in angka.items():
        for kunci, n in isi.items():
            if ukuran in UKURAN_BERJENIS:
                depan, garis, belakang = kunci.partition("|")
                kunci = id_jenis.get(depan, f"id-{depan}") + garis + belakang
            datar[f"{ukuran}|{kunci}"] += n
    return {k: n for k, n in datar.items() if n}


def _akhir_bulan(bulan):
    return (bulan + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)


def jumlahkan_bulan(kantor, bulan):
    """Sum the office's days of the month `bulan` (its first day) again, then the months of its year."""
    jumlah, hari = Counter(), 0
    for angka in RingkasanKantor.objects.filter(kantor=kantor, tanggal__range=(bulan, _akhir_bulan(bulan))).values_list("angka", flat=True):
        jumlah.update(angka)
        hari += 1
    BulanKantor.objects.update_or_create(kantor=kantor, bulan=bulan, tahunan=False, defaults={"hari": hari, "angka": dict(jumlah)})
    tahun = bulan.replace(month=1)
    jumlah, hari = Counter(), 0
    for angka, n in BulanKantor.objects.filter(kantor=kantor, tahunan=False, bulan__year=tahun.year).values_list("angka", "hari"):
        jumlah.update(angka)
        hari += n
    BulanKantor.objects.update_or_create(kantor=kantor, bulan=tahun, tahunan=True, defaults={"hari": hari, "angka": dict(jumlah)})


def simpan(kantor, amplop, *, sekarang=None):
    """Store one office day whole; "diterima", or "diabaikan" when the stored one was computed later."""
    sekarang = sekarang or timezone.now()
    t = amplop["tanggal"]
    angka = amplop["angka"]
    with transaction.atomic():
        kantor = Kantor.objects.select_for_update().get(pk=kantor.pk)  # one office's days are stored one at a time
        lama = RingkasanKantor.objects.filter(kantor=kantor, tanggal=t).first()
        if lama is not None and lama.dihitung_pada > amplop["dihitung_pada"]:
            return "diabaikan"
        baris = lama or RingkasanKantor(kantor=kantor, tanggal=t)
        if lama is not None:
            baris.dikirim_ulang += 1
        baris.versi, baris.zona_waktu, baris.dihitung_pada = amplop["versi"], amplop["zona_waktu"], amplop["dihitung_pada"]
        baris.diterima_pada, baris.angka = sekarang, angka
        baris.layanan, baris.kunjungan = angka.get("layanan_hari|", 0), angka.get("kunjungan|", 0)
        baris.save()
        jumlahkan_bulan(kantor, t.replace(day=1))
        if kantor.info_tanggal is None or t >= kantor.info_tanggal:
            kantor.zona_waktu, kantor.jenis_layanan, kantor.standar = amplop["zona_waktu"], amplop["jenis_layanan"], amplop["standar"]
            kantor.info_tanggal = kantor.ringkasan_terakhir = t
        kantor.diterima_terakhir = sekarang
        kantor.save(update_fields=["zona_waktu", "jenis_layanan", "standar", "info_tanggal", "ringkasan_terakhir", "diterima_terakhir"])
        # Nonces older than twice the window can no longer pass the time check: they need no keeping.
        NonceKiriman.objects.filter(waktu__lt=sekarang - datetime.timedelta(seconds=2 * settings.PROVINSI_JENDELA_DETIK)).delete()
    return "diterima"


def catat_penolakan(request, ditolak):
    """Log a refusal (table and log), unless this address has been refused too often lately."""
    log.warning("Ringkasan dari kantor %r ditolak: %s", ditolak.kode, ditolak.teks)
    if melebihi_batas(request, "provinsi-tolak", batas=BATAS_TOLAK, jendela=600):
        return
    PenolakanKiriman.objects.create(
        kode_kantor=ditolak.kode[:40], kantor=ditolak.kantor, alasan=ditolak.alasan, rincian=ditolak.rincian[:300],
        alamat=ip_klien(request),
    )
    # The log covers the last quarter; older refusals are of no further use.
    PenolakanKiriman.objects.filter(waktu__lt=timezone.now() - datetime.timedelta(days=SIMPAN_PENOLAKAN_HARI)).delete()
