"""Queueing outgoing messages: who gets what for which event, checked before anything is sent.

A message is a PesanKeluar row written in the caller's transaction; the worker is asked to look
once that transaction commits, so an officer's request never waits for SMTP or a gateway.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from layanan.layanan import pengguna_sistem, teks_notifikasi_grup
from layanan.permintaan import teks_wa_pengunjung
from pst_frontoffice.aktivitas import url_permintaan
from pst_frontoffice.models import PengaturanKantor
from pst_frontoffice.whatsapp import format_no_hp, normalisasi_no_hp

from . import tasks
from .models import KanalPesan, PengaturanGateway, Peristiwa, PesanKeluar, StatusPesan


def url_mutlak(jalur):
    """An absolute link for a message: URL_SITUS, else the address of the request being served."""
    if settings.URL_SITUS:
        return settings.URL_SITUS + jalur
    return url_permintaan(jalur)


def _penerima_sah(kanal, nilai):
    """The recipient in the form the channel needs; ValidationError when it cannot be right."""
    if kanal == KanalPesan.EMAIL:
        nilai = (nilai or "").strip()
        validate_email(nilai)
        return nilai
    if nilai.endswith("@g.us"):
        return nilai
    nomor = normalisasi_no_hp(nilai)
    if not nomor:
        raise ValidationError("No. HP kosong.")
    return nomor


def antrekan(*, peristiwa, kanal, penerima, isi, layanan=None, subjek="", lampiran=None, oleh=None, kunci=None):
    """Queue one message; the same event to the same recipient is queued once (returns None then).

    An address or number that cannot be right is not queued: the service's timeline says why.
    """
    try:
        penerima = _penerima_sah(kanal, penerima)
    except ValidationError as e:
        if layanan is not None:
            layanan.catat_riwayat(
                f"{KanalPesan(kanal).label} ({Peristiwa(peristiwa).label}) tidak dikirim: "
                f"{'alamat e-mail' if kanal == KanalPesan.EMAIL else 'No. HP'} {penerima!r} tidak valid "
                f"({' '.join(e.messages)}). Perbaiki data pengunjung.",
                oleh=oleh or pengguna_sistem(),
            )
        return None
    kunci = kunci or f"{peristiwa}:{layanan.pk if layanan else '-'}:{kanal}:{penerima}"
    try:
        with transaction.atomic():
            pesan = PesanKeluar.objects.create(
                peristiwa=peristiwa, kanal=kanal, penerima=penerima, isi=isi, subjek=subjek[:200], layanan=layanan,
                lampiran=lampiran, oleh=oleh, kunci=kunci[:200],
            )
    except IntegrityError:
        return None  # already queued (or sent) for this event and recipient
    transaction.on_commit(tasks.jadwalkan)
    return pesan


def ke_pengunjung(layanan, *, peristiwa, teks, subjek, oleh=None, lampiran=None, kunci_tambahan=""):
    """Queue `teks` to the visitor by e-mail (when they gave one and an SMTP server is set) and by the
    WhatsApp gateway (when on). Without either nothing is queued: the officer's buttons remain."""
    pengunjung = layanan.kunjungan.pengunjung
    dibuat = []
    akhiran = f":{kunci_tambahan}" if kunci_tambahan else ""
    if pengunjung.email and settings.SMTP_AKTIF:
        dibuat.append(antrekan(
            peristiwa=peristiwa, kanal=KanalPesan.EMAIL, penerima=pengunjung.email, isi=teks, subjek=subjek,
            layanan=layanan, lampiran=lampiran, oleh=oleh,
            kunci=f"{peristiwa}:{layanan.pk}:email:{pengunjung.email.strip().lower()}{akhiran}",
        ))
    if pengunjung.no_hp and lampiran is None and PengaturanGateway.get().siap:
        dibuat.append(antrekan(
            peristiwa=peristiwa, kanal=KanalPesan.WHATSAPP, penerima=pengunjung.no_hp, isi=teks, layanan=layanan,
            oleh=oleh,
        ))
    return [p for p in dibuat if p is not None]


def siap_diambil(layanan, *, oleh):
    """The visitor's "Siap Diambil" notice (the same words as the officer's WhatsApp button)."""
    kantor = PengaturanKantor.get()
    teks = teks_wa_pengunjung(layanan, kantor=kantor, nomor=layanan.nomor_surat.filter(dibatalkan=False).first())
    return ke_pengunjung(
        layanan, peristiwa=Peristiwa.SIAP_DIAMBIL, teks=teks, oleh=oleh,
        subjek=f"Permintaan data Anda siap diambil — PST {kantor.nama_kantor}",
    )


def surat_balasan(layanan, *, berkas, oleh):
    """E-mail the uploaded reply letter to the visitor; False when they gave no e-mail address."""
    kantor = PengaturanKantor.get()
    if not (layanan.kunjungan.pengunjung.email and settings.SMTP_AKTIF):
        return False
    teks = (
        f"Yth. {layanan.kunjungan.pengunjung.nama},\n\nbersama ini kami kirimkan surat balasan atas permintaan data "
        f"Anda di PST {kantor.nama_kantor} (terlampir).\n\nTerima kasih telah menggunakan layanan PST."
    )
    return bool(ke_pengunjung(
        layanan, peristiwa=Peristiwa.SURAT_BALASAN, teks=teks, oleh=oleh, lampiran=berkas,
        subjek=f"Surat balasan permintaan data — PST {kantor.nama_kantor}", kunci_tambahan=f"berkas{berkas.pk}",
    ))


def ke_grup(layanan, *, oleh):
    """Kirim Notifikasi ke Grup WA through the gateway, to the configured group id (once per service)."""
    gateway = PengaturanGateway.get()
    if not (gateway.siap and gateway.grup_id):
        raise ValidationError("Gateway WA belum aktif atau ID grup belum diisi.")
    jalur = layanan.get_absolute_url()
    teks = teks_notifikasi_grup(layanan, kantor=PengaturanKantor.get()).replace(jalur, url_mutlak(jalur))
    return antrekan(
        peristiwa=Peristiwa.GRUP, kanal=KanalPesan.WHATSAPP, penerima=gateway.grup_id, isi=teks, layanan=layanan,
        oleh=oleh,
    )


def kirim_ulang(pesan, *, oleh):
    """Queue a failed message again (same row and key, attempts counted afresh)."""
    with transaction.atomic():
        diubah = PesanKeluar.objects.filter(pk=pesan.pk, status=StatusPesan.GAGAL).update(
            status=StatusPesan.ANTRI, percobaan=0, kirim_setelah=timezone.now(), diklaim_sampai=None,
            diperbarui=timezone.now(),
        )
        if diubah and pesan.layanan_id:
            tujuan = format_no_hp(pesan.penerima) if pesan.kanal == KanalPesan.WHATSAPP else pesan.penerima
            pesan.layanan.catat_riwayat(
                f"{pesan.get_kanal_display()} ke {tujuan} ({pesan.get_peristiwa_display()}) diantrekan ulang.", oleh=oleh
            )
        if diubah:
            transaction.on_commit(tasks.jadwalkan)
    return bool(diubah)
