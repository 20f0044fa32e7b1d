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

from .kirim import GagalSementara, GagalTetap, Templat, TokenDitolak, email, whatsapp
from .kirim.galat_meta import DiLuarJendela
from .kirim.rahasia import TokenTidakTerbaca, dekripsi
from .models import KanalPesan, PengaturanGateway, Penyedia, PesanKeluar, PesanMasuk, StatusPesan, TemplatWA
from .teks import html_email

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


def templat_untuk(pesan, *, gateway):
    """The approved template a WhatsApp message must go as, or None for free text.

    Only the Cloud API knows templates. Free text goes inside the 24-hour window (the visitor wrote
    to the office within the last 24 hours, known from their own messages); outside it the event's
    template is used, its body parameters filled from the message's placeholders (an empty value
    becomes "-": Meta refuses an empty parameter). An event without a template still goes as free
    text, and Meta's answer decides (refused outside the window with 131047, whose reason says to set
    the template); a message that must be a template and has none fails here.
    """
    if gateway.penyedia != Penyedia.CLOUD_API or pesan.penerima.endswith("@g.us"):
        return None
    if not pesan.wajib_templat and PesanMasuk.objects.jendela_terbuka(pesan.penerima):
        return None
    aturan = TemplatWA.objects.filter(peristiwa=pesan.peristiwa).exclude(nama="").first()
    if aturan is None:
        if pesan.wajib_templat:
            raise GagalTetap(f"Template WhatsApp untuk {pesan.get_peristiwa_display()} belum diatur.")
        return None
    isian = pesan.isian or {}
    return Templat(
        nama=aturan.nama, bahasa=aturan.bahasa,
        parameter=tuple(str(isian.get(nama) or "-") for nama in aturan.daftar_parameter),
    )


def _kirim(pesan):
    """Hand the message to its channel; returns (Hasil, template name or "") or raises a kirim exception."""
    if pesan.kanal == KanalPesan.EMAIL:
        try:
            lampiran = _lampiran(pesan)
        except OSError as e:
            raise GagalTetap("Berkas surat balasan tidak ditemukan di penyimpanan.") from e
        nama_kantor = PengaturanKantor.get().nama_kantor
        hasil = email.kirim(
            penerima=pesan.penerima, subjek=pesan.subjek, teks=pesan.isi, nama_pengirim=f"PST {nama_kantor}",
            kunci=pesan.kunci, lampiran=lampiran, html=html_email(pesan.isi, nama_kantor=nama_kantor),
        )
        return hasil, ""
    gateway = PengaturanGateway.get()
    if not gateway.siap:
        raise GagalTetap("Gateway WA tidak aktif atau belum ada token.")
    try:
        token = dekripsi(gateway.token_terenkripsi)
    except TokenTidakTerbaca as e:
        raise TokenDitolak(str(e)) from e
    templat = templat_untuk(pesan, gateway=gateway)
    # A template send is another message than the free text before it: its own idempotency key.
    kunci = f"{pesan.kunci}:templat" if templat else pesan.kunci
    hasil = whatsapp.kirim(gateway, token=token, target=pesan.penerima, teks=pesan.isi, kunci=kunci, templat=templat)
    return hasil, templat.nama if templat else ""


def _jeda(pesan, galat):
    if galat.tunda_detik is not None:
        return datetime.timedelta(seconds=galat.tunda_detik)
    return datetime.timedelta(seconds=settings.PESAN_JEDA_AWAL_DETIK * 2 ** max(0, pesan.percobaan - 1))


def catat_di_layanan(pesan, keterangan, *, percobaan=True):
    """One line on the service's timeline about this message (nothing for a message without a service)."""
    if pesan.layanan_id:
        tujuan = format_no_hp(pesan.penerima) if pesan.kanal == KanalPesan.WHATSAPP else pesan.penerima
        nomor = f", percobaan {pesan.percobaan}" if percobaan else ""
        pesan.layanan.catat_riwayat(
            f"{pesan.get_kanal_display()} ke {tujuan} ({pesan.get_peristiwa_display()}){nomor}: {keterangan}",
            oleh=pengguna_sistem(),
        )


def kirim_satu(pesan, *, sekarang=None):
    """One attempt at a claimed message; the outcome is saved on the row and on the service's timeline."""
    try:
        hasil, templat = _kirim(pesan)
    except DiLuarJendela as e:
        if alihkan_ke_templat(pesan, alasan=e.alasan):
            return False
        return _gagal(pesan, e.alasan)
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
            catat_di_layanan(
                pesan, f"belum terkirim ({e.alasan}); dicoba lagi {timezone.localtime(berikutnya):%d-%m-%Y %H.%M.%S}."
            )
        return False
    with transaction.atomic():
        PesanKeluar.objects.filter(pk=pesan.pk).update(
            status=StatusPesan.TERKIRIM, id_penyedia=hasil.id_penyedia[:200], terkirim_pada=timezone.now(),
            diklaim_sampai=None, galat_terakhir="", diperbarui=timezone.now(), templat=templat,
        )
        catat_di_layanan(pesan, f"terkirim (template {templat})." if templat else "terkirim.")
    return True


def _gagal(pesan, alasan):
    with transaction.atomic():
        PesanKeluar.objects.filter(pk=pesan.pk).update(
            status=StatusPesan.GAGAL, galat_terakhir=alasan, diklaim_sampai=None, diperbarui=timezone.now()
        )
        catat_di_layanan(pesan, f"gagal — {alasan}")
    log.warning("Pesan keluar #%s gagal: %s", pesan.pk, alasan)
    return False


def alihkan_ke_templat(pesan, *, alasan):
    """Meta refused free text outside the 24-hour window: queue the same row again as the event's
    template, at once. False when the message already was a template or the event has none."""
    if pesan.wajib_templat or not TemplatWA.objects.filter(peristiwa=pesan.peristiwa).exclude(nama="").exists():
        return False
    with transaction.atomic():
        diubah = PesanKeluar.objects.filter(pk=pesan.pk, wajib_templat=False).exclude(
            status__in=[StatusPesan.DITERIMA, StatusPesan.DIBACA]
        ).update(
            status=StatusPesan.ANTRI, wajib_templat=True, kirim_setelah=timezone.now(), diklaim_sampai=None,
            id_penyedia="", galat_terakhir=alasan, diperbarui=timezone.now(),
        )
        if diubah:
            catat_di_layanan(pesan, "di luar jendela 24 jam; dikirim ulang sebagai template WhatsApp.")
    return bool(diubah)


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
