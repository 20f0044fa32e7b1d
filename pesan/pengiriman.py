"""Sending the outbox: claim a due message, hand it to its channel, record the attempt.

Run by the worker (pesan/tasks.py), never in an officer's request. A message is claimed by an
atomic update (PostgreSQL also skips rows another worker has locked), so two workers never send
the same row; a worker killed mid-message loses its hold after PESAN_SEWA_DETIK and the message is
taken again, with the same idempotency key.
"""

import datetime
import logging

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Min
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from layanan.layanan import pengguna_sistem
from pst_frontoffice.models import PengaturanKantor
from pst_frontoffice.whatsapp import format_no_hp

from .kirim import GagalSementara, GagalTetap, TokenDitolak, email, whatsapp
from .kirim.rahasia import TokenTidakTerbaca, dekripsi
from .models import KanalPesan, PengaturanGateway, PesanKeluar, StatusPesan

log = logging.getLogger(__name__)


def klaim_berikutnya(*, sekarang=None):
    """Take the next due message for this worker, or None when nothing is due."""
    sekarang = sekarang or timezone.now()
    sewa = sekarang + datetime.timedelta(seconds=settings.PESAN_SEWA_DETIK)
    with transaction.atomic():
        kandidat = PesanKeluar.objects.jatuh_tempo(sekarang).order_by("kirim_setelah", "pk")
        if connection.features.has_select_for_update_skip_locked:
            kandidat = kandidat.select_for_update(skip_locked=True)
        for pk in kandidat.values_list("pk", flat=True)[:5]:
            # The same conditions again in the UPDATE: on SQLite this one statement is the claim.
            diklaim = PesanKeluar.objects.jatuh_tempo(sekarang).filter(pk=pk).update(
                diklaim_sampai=sewa, percobaan=F("percobaan") + 1
            )
            if diklaim:
                return PesanKeluar.objects.select_related("layanan", "lampiran").get(pk=pk)
    return None


def _lampiran(pesan):
    berkas = pesan.lampiran
    if berkas is None:
        return None
    with berkas.berkas.open("rb") as f:
        isi = f.read()
    tipe = "application/pdf" if berkas.jenis == "pdf" else (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    return (berkas.nama_unduhan, isi, tipe)


def _kirim(pesan):
    """Hand the message to its channel; returns Hasil or raises one of the kirim exceptions."""
    if pesan.kanal == KanalPesan.EMAIL:
        try:
            lampiran = _lampiran(pesan)
        except OSError as e:
            raise GagalTetap("Berkas surat balasan tidak ditemukan di penyimpanan.") from e
        return email.kirim(
            penerima=pesan.penerima, subjek=pesan.subjek, teks=pesan.isi,
            nama_pengirim=f"PST {PengaturanKantor.get().nama_kantor}", kunci=pesan.kunci, lampiran=lampiran,
        )
    gateway = PengaturanGateway.get()
    if not gateway.siap:
        raise GagalTetap("Gateway WA tidak aktif atau belum ada token.")
    try:
        token = dekripsi(gateway.token_terenkripsi)
    except TokenTidakTerbaca as e:
        raise TokenDitolak(str(e)) from e
    return whatsapp.kirim(gateway, token=token, target=pesan.penerima, teks=pesan.isi, kunci=pesan.kunci)


def _jeda(pesan, galat):
    if galat.tunda_detik is not None:
        return datetime.timedelta(seconds=galat.tunda_detik)
    return datetime.timedelta(seconds=settings.PESAN_JEDA_AWAL_DETIK * 2 ** max(0, pesan.percobaan - 1))


def _catat_di_layanan(pesan, keterangan):
    if pesan.layanan_id:
        tujuan = format_no_hp(pesan.penerima) if pesan.kanal == KanalPesan.WHATSAPP else pesan.penerima
        pesan.layanan.catat_riwayat(
            f"{pesan.get_kanal_display()} ke {tujuan} ({pesan.get_peristiwa_display()}), "
            f"percobaan {pesan.percobaan}: {keterangan}",
            oleh=pengguna_sistem(),
        )


def kirim_satu(pesan, *, sekarang=None):
    """One attempt at a claimed message; the outcome is saved on the row and on the service's timeline."""
    try:
        hasil = _kirim(pesan)
    except TokenDitolak as e:
        _token_ditolak(e.alasan)
        return _gagal(pesan, e.alasan)
    except GagalTetap as e:
        return _gagal(pesan, e.alasan)
    except GagalSementara as e:
        if pesan.percobaan >= settings.PESAN_MAKS_PERCOBAAN:
            return _gagal(pesan, f"{e.alasan} Sudah dicoba {pesan.percobaan} kali.")
        berikutnya = (sekarang or timezone.now()) + _jeda(pesan, e)
        with transaction.atomic():
            PesanKeluar.objects.filter(pk=pesan.pk).update(
                galat_terakhir=e.alasan, kirim_setelah=berikutnya, diklaim_sampai=None, diperbarui=timezone.now()
            )
            _catat_di_layanan(
                pesan, f"belum terkirim ({e.alasan}); dicoba lagi {timezone.localtime(berikutnya):%d-%m-%Y %H.%M.%S}."
            )
        return False
    with transaction.atomic():
        PesanKeluar.objects.filter(pk=pesan.pk).update(
            status=StatusPesan.TERKIRIM, id_penyedia=hasil.id_penyedia[:200], terkirim_pada=timezone.now(),
            diklaim_sampai=None, galat_terakhir="", diperbarui=timezone.now(),
        )
        _catat_di_layanan(pesan, "terkirim.")
    return True


def _gagal(pesan, alasan):
    with transaction.atomic():
        PesanKeluar.objects.filter(pk=pesan.pk).update(
            status=StatusPesan.GAGAL, galat_terakhir=alasan, diklaim_sampai=None, diperbarui=timezone.now()
        )
        _catat_di_layanan(pesan, f"gagal — {alasan}")
    log.warning("Pesan keluar #%s gagal: %s", pesan.pk, alasan)
    return False


def _token_ditolak(alasan):
    PengaturanGateway.objects.filter(pk=1).update(token_ditolak=alasan, token_ditolak_pada=timezone.now())


def kirim_jatuh_tempo(*, batas=500):
    """Send due messages one by one until none is left (or `batas` attempts); returns how many went out."""
    terkirim = 0
    for _ in range(batas):
        pesan = klaim_berikutnya()
        if pesan is None:
            break
        terkirim += bool(kirim_satu(pesan))
    return terkirim


def jatuh_tempo_berikutnya():
    """When the earliest queued message may be tried (its retry time, or when a worker's hold runs out)."""
    return PesanKeluar.objects.filter(status=StatusPesan.ANTRI).aggregate(
        t=Min(Greatest("kirim_setelah", Coalesce("diklaim_sampai", "kirim_setelah")))
    )["t"]
