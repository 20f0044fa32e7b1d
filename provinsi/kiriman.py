"""An office sends each office day's summary to the province: oldest first, retried for ever, resent when it changes.

Run by the background worker (provinsi/tasks.py), never in a request. One round:
1. brings the stored summaries current (`ringkasan.harian.hitung_ulang`, the nightly catch-up: a
   late edit marked its day, which is computed again here);
2. lines up every stored day whose summary was computed since it was last sent (`selaraskan`);
3. sends the waiting days oldest first, each signed (provinsi/tandatangan.py). A day whose figures
   equal what the province accepted is not sent again.

When the province cannot be reached (or refuses the office itself: its key, its clock, its
version) the round stops and nothing is tried before a wait that doubles up to
PROVINSI_JEDA_MAKS_DETIK; an outage of any length therefore ends with every day sent, oldest first.
A refusal of one day (its content) marks that day and the round goes on with the next.
"""

import datetime
import hashlib
import json
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Min, Q
from django.utils import timezone

from bukutamu.models import JenisLayanan
from pst_frontoffice.kalender import awal_hari, hari_ini
from pst_frontoffice.models import PengaturanKantor
from ringkasan import harian
from ringkasan.hitung import VERSI
from ringkasan.models import HariRingkasan

from . import tandatangan
from .models import KirimanHarian, SambunganProvinsi, StatusKiriman
from .rahasia import KunciTidakTerbaca, dekripsi

JALUR = "/provinsi/api/ringkasan/"
FORMAT = 1
# Days sent in one round; the worker takes the next round at once, so messages are not held up.
BATAS_PER_PUTARAN = 100
# How long one sender holds the connection (renewed with each day); a killed one's hold runs out.
SEWA = datetime.timedelta(minutes=5)
# The daily round: after the office's midnight, once the day before is over.
JAM_HARIAN = datetime.timedelta(minutes=30)
BELUM = (StatusKiriman.MENUNGGU, StatusKiriman.DITOLAK)


class GagalSementara(Exception):
    """The province could not be reached or answered with an error of its own: try again later."""

    def __init__(self, alasan, *, tunda_detik=None):
        super().__init__(alasan)
        self.alasan, self.tunda_detik = alasan, tunda_detik


class DitolakKantor(Exception):
    """The province refused the office itself (key, clock, version): every day waits."""

    def __init__(self, alasan):
        super().__init__(alasan)
        self.alasan = alasan


class DitolakHari(DitolakKantor):
    """The province refused this day's content: the next days go on."""


def tersambung():
    """An office with a province address (a province instance sends nothing)."""
    return bool(settings.PROVINSI_URL) and not settings.MODE_PROVINSI


def kunci_terpasang(sambungan=None):
    """The key the province issued, or None when none is set or it can no longer be read."""
    sambungan = sambungan or SambunganProvinsi.get()
    if not sambungan.kunci_terenkripsi:
        return None
    try:
        return dekripsi(sambungan.kunci_terenkripsi)
    except KunciTidakTerbaca:
        return None


def jeda(percobaan):
    """The wait after the n-th failure in a row: doubling from PROVINSI_JEDA_AWAL_DETIK, at most PROVINSI_JEDA_MAKS_DETIK."""
    detik = settings.PROVINSI_JEDA_AWAL_DETIK * 2 ** min(max(0, percobaan - 1), 30)
    return datetime.timedelta(seconds=min(detik, settings.PROVINSI_JEDA_MAKS_DETIK))


# --- the envelope ---------------------------------------------------------------------------
def _info_kantor():
    """What the province needs to read the figures as this office's reports do: its kinds and time standards."""
    kantor = PengaturanKantor.get()
    return {
        "jenis_layanan": {
            j.kode: {"nama": j.nama, "permintaan_data": j.adalah_permintaan_data, "aktif": j.aktif}
            for j in JenisLayanan.objects.all()
        },
        "standar": {
            "batas_tunggu_menit": kantor.batas_tunggu_menit,
            "batas_konsultasi_langsung_jam": kantor.batas_konsultasi_langsung_jam,
            "batas_online_hari_kerja": kantor.batas_online_hari_kerja,
        },
    }


def amplop(tanggal, *, kode, info=None):
    """The envelope of one stored day (no personal data: ringkasan's portable form), or None while it is not stored current."""
    data = harian.sebagai_data(tanggal)
    if data is None:
        return None
    return {"format": FORMAT, "kantor": kode, "ringkasan": data, **(info or _info_kantor())}


def badan(isi):
    """The exact bytes sent and signed."""
    return json.dumps(isi, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sidik(isi):
    """SHA-256 of the envelope without the moment it was computed: equal figures give an equal print."""
    salinan = {**isi, "ringkasan": {k: v for k, v in isi["ringkasan"].items() if k != "dihitung_pada"}}
    return hashlib.sha256(badan(salinan)).hexdigest()


# --- HTTP -----------------------------------------------------------------------------------
class _TanpaPengalihan(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        # A redirected POST would arrive as a GET without its body: say where it went instead.
        raise DitolakKantor(f"Provinsi mengalihkan ke {newurl} (HTTP {code}); periksa PROVINSI_URL.")


def _pembuka():
    konteks = ssl.create_default_context(cafile=settings.PROVINSI_CA_BERKAS or None)
    return urllib.request.build_opener(urllib.request.HTTPSHandler(context=konteks), _TanpaPengalihan())


def _retry_after(nilai):
    try:
        return max(0, int(nilai))
    except (TypeError, ValueError):
        return None


def kirim_badan(url, kunci, isi_badan):
    """POST one signed body; the province's JSON answer, or one of the exceptions above."""
    permintaan = urllib.request.Request(
        url + JALUR, data=isi_badan, method="POST",
        headers={"Content-Type": "application/json", "User-Agent": "PST-FrontOffice", **tandatangan.kepala(kunci, isi_badan)},
    )
    try:
        with _pembuka().open(permintaan, timeout=settings.PROVINSI_BATAS_WAKTU_DETIK) as jawaban:
            status, teks = jawaban.status, jawaban.read()
    except urllib.error.HTTPError as e:
        status, teks = e.code, e.read()
        headers = e.headers
    except (TimeoutError, urllib.error.URLError, OSError) as e:
        alasan = getattr(e, "reason", e)
        raise GagalSementara(f"Provinsi tidak dapat dihubungi ({alasan}).") from e
    else:
        headers = {}
    try:
        isi = json.loads(teks or b"{}")
    except ValueError:
        isi = {}
    isi = isi if isinstance(isi, dict) else {}
    if status < 300:
        return isi
    alasan = str(isi.get("alasan") or f"HTTP {status}")[:250]
    if status == 429:
        raise GagalSementara("Provinsi membatasi kiriman (HTTP 429).", tunda_detik=_retry_after(headers.get("Retry-After")))
    if status >= 500:
        raise GagalSementara(f"Provinsi sedang bermasalah (HTTP {status}).")
    if status == 422:
        raise DitolakHari(f"Ditolak provinsi: {alasan}")
    raise DitolakKantor(f"Ditolak provinsi: {alasan}")


# --- a round --------------------------------------------------------------------------------
def selaraskan(*, sekarang=None):
    """Line up every stored current day not sent in its latest computation; returns how many are waiting."""
    sekarang = sekarang or timezone.now()
    hari = dict(
        HariRingkasan.objects.filter(kotor=False, zona_waktu=timezone.get_current_timezone_name(), versi=VERSI)
        .values_list("tanggal", "dihitung_pada")
    )
    ada = dict(KirimanHarian.objects.values_list("tanggal", "dihitung_pada"))
    KirimanHarian.objects.bulk_create(
        [KirimanHarian(tanggal=t, dihitung_pada=d, kirim_setelah=sekarang) for t, d in sorted(hari.items()) if t not in ada],
        batch_size=500,
    )
    berubah = [t for t, d in hari.items() if t in ada and ada[t] != d]
    ubah = list(KirimanHarian.objects.filter(tanggal__in=berubah)) if berubah else []
    for k in ubah:
        k.dihitung_pada, k.status, k.percobaan, k.kirim_setelah = hari[k.tanggal], StatusKiriman.MENUNGGU, 0, sekarang
    KirimanHarian.objects.bulk_update(ubah, ["dihitung_pada", "status", "percobaan", "kirim_setelah"], batch_size=500)
    return KirimanHarian.objects.filter(status__in=BELUM).count()


@dataclass
class Putaran:
    terkirim: int = 0
    sama: int = 0  # recomputed with the same figures: not sent again
    ditolak: int = 0
    gagal: str = ""


def _klaim(sekarang):
    SambunganProvinsi.get()
    return SambunganProvinsi.objects.filter(pk=1).filter(
        Q(diklaim_sampai__isnull=True) | Q(diklaim_sampai__lt=sekarang)
    ).update(diklaim_sampai=sekarang + SEWA)


def _gagal_kantor(sambungan, k, alasan, *, status, sekarang, tunda=None):
    n = sambungan.gagal_berturut + 1
    sampai = sekarang + (datetime.timedelta(seconds=tunda) if tunda is not None else jeda(n))
    SambunganProvinsi.objects.filter(pk=1).update(gagal_berturut=n, jeda_sampai=sampai, galat_terakhir=alasan[:300], galat_pada=sekarang)
    KirimanHarian.objects.filter(pk=k.pk).update(status=status, percobaan=k.percobaan + 1, alasan=alasan[:300])


def kirim_jatuh_tempo(*, batas=BATAS_PER_PUTARAN):
    """One round (see the module's docstring); None without a province address or key, or while another sender holds it."""
    if not settings.PROVINSI_URL:
        return None
    sambungan = SambunganProvinsi.get()
    kunci = kunci_terpasang(sambungan)
    if kunci is None:
        return None
    sekarang = timezone.now()
    if not _klaim(sekarang):
        return None
    putaran = Putaran()
    try:
        tujuan = f"{settings.PROVINSI_URL}|{tandatangan.kode_dari_kunci(kunci)}"
        if sambungan.tujuan != tujuan:
            # Another province or another office code: none of the days is there yet.
            KirimanHarian.objects.update(status=StatusKiriman.MENUNGGU, percobaan=0, kirim_setelah=sekarang, sidik_terkirim="")
            SambunganProvinsi.objects.filter(pk=1).update(tujuan=tujuan, jeda_sampai=None, gagal_berturut=0)
            sambungan.refresh_from_db()
        try:
            harian.hitung_ulang()
        except DatabaseError as e:
            # The nightly command may be storing the same days right now: the next round will.
            putaran.gagal = f"Ringkasan harian belum dapat dihitung ({e})."
        selaraskan(sekarang=sekarang)
        if sambungan.jeda_sampai and sambungan.jeda_sampai > sekarang:
            return putaran
        antre = list(KirimanHarian.objects.filter(status__in=BELUM, kirim_setelah__lte=sekarang).order_by("tanggal")[:batas])
        info = _info_kantor() if antre else None
        kode = tandatangan.kode_dari_kunci(kunci)
        for k in antre:
            sekarang = timezone.now()
            SambunganProvinsi.objects.filter(pk=1).update(diklaim_sampai=sekarang + SEWA)
            isi = amplop(k.tanggal, kode=kode, info=info)
            if isi is None:
                continue  # marked again meanwhile: the next round sends its new figures
            s = sidik(isi)
            if s == k.sidik_terkirim:
                KirimanHarian.objects.filter(pk=k.pk).update(status=StatusKiriman.TERKIRIM, percobaan=0, alasan="")
                putaran.sama += 1
                continue
            try:
                jawaban = kirim_badan(settings.PROVINSI_URL, kunci, badan(isi))
            except DitolakHari as e:
                KirimanHarian.objects.filter(pk=k.pk).update(
                    status=StatusKiriman.DITOLAK, percobaan=k.percobaan + 1, alasan=e.alasan[:300],
                    kirim_setelah=sekarang + jeda(k.percobaan + 1),
                )
                putaran.ditolak += 1
                continue
            except DitolakKantor as e:
                _gagal_kantor(sambungan, k, e.alasan, status=StatusKiriman.DITOLAK, sekarang=sekarang)
                putaran.ditolak += 1
                putaran.gagal = e.alasan
                break
            except GagalSementara as e:
                _gagal_kantor(sambungan, k, e.alasan, status=k.status, sekarang=sekarang, tunda=e.tunda_detik)
                putaran.gagal = e.alasan
                break
            catatan = "Provinsi sudah memegang hasil hitung yang lebih baru." if jawaban.get("status") == "diabaikan" else ""
            KirimanHarian.objects.filter(pk=k.pk).update(
                status=StatusKiriman.TERKIRIM, sidik_terkirim=s, terkirim_pada=sekarang, percobaan=0, alasan=catatan,
                kali_terkirim=k.kali_terkirim + 1,
            )
            SambunganProvinsi.objects.filter(pk=1).update(
                gagal_berturut=0, jeda_sampai=None, galat_terakhir="", terakhir_terkirim=sekarang
            )
            sambungan.gagal_berturut = 0
            putaran.terkirim += 1
    finally:
        SambunganProvinsi.objects.filter(pk=1).update(diklaim_sampai=None)
    return putaran


def berikutnya():
    """When the next round should run: a day still due now, the end of a wait, or the daily round after midnight."""
    sambungan = SambunganProvinsi.get()
    harian_berikut = awal_hari(hari_ini() + datetime.timedelta(days=1)) + JAM_HARIAN
    belum = KirimanHarian.objects.filter(status__in=BELUM).aggregate(t=Min("kirim_setelah"))["t"]
    kapan = min(t for t in (harian_berikut, belum) if t is not None)
    if sambungan.jeda_sampai and sambungan.jeda_sampai > kapan:
        kapan = sambungan.jeda_sampai
    return kapan
