"""Queueing outgoing messages: who gets what for which event, checked before anything is sent.

A message is a PesanKeluar row written in the caller's transaction; the worker is asked to look
once that transaction commits, so an officer's request never waits for SMTP or a gateway.
"""

import contextlib
import contextvars

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from layanan.layanan import pengguna_sistem, teks_notifikasi_grup
from layanan.permintaan import KETERANGAN_WA, teks_wa_pengunjung
from pst_frontoffice.models import PengaturanKantor
from pst_frontoffice.situs import tautan
from pst_frontoffice.whatsapp import format_no_hp, normalisasi_no_hp

from . import tasks
from .models import KanalPesan, PengaturanGateway, Peristiwa, PesanKeluar, StatusPesan
from .penerima import kontak
from .teks import dengan_lacak, rapikan, teks_email


# Demo data and other bulk set-ups run the same rules as the desk, but must never reach a real inbox.
_tanpa_pesan = contextvars.ContextVar("tanpa_pesan", default=False)


@contextlib.contextmanager
def tanpa_pesan():
    """Within the block nothing is queued (siapkan_demo: 66 demo visitors must not get e-mails)."""
    token = _tanpa_pesan.set(True)
    try:
        yield
    finally:
        _tanpa_pesan.reset(token)


def url_mutlak(jalur, *, kantor=None):
    """`jalur` on the office's public address (Pengaturan kantor), whatever process queues the message;
    '' while the address is not set (then no message is queued, see ke_pengunjung)."""
    return tautan(kantor or PengaturanKantor.get(), jalur)


def pengiriman_aktif(*, kantor=None):
    """Automatic messages go out only once the public address is set: every link in them needs it."""
    return bool((kantor or PengaturanKantor.get()).url_publik)


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


def antrekan(
    *, peristiwa, kanal, penerima, isi, layanan=None, subjek="", lampiran=None, oleh=None, kunci=None, isian=None,
    wajib_templat=False,
):
    """Queue one message; the same event to the same recipient is queued once (returns None then).

    An address or number that cannot be right is not queued: the service's timeline says why.
    `isian`: the event's placeholders and their values, for a WhatsApp Cloud API template.
    """
    if _tanpa_pesan.get():
        return None
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
                lampiran=lampiran, oleh=oleh, kunci=kunci[:200], isian=isian or {}, wajib_templat=wajib_templat,
            )
    except IntegrityError:
        return None  # already queued (or sent) for this event and recipient
    transaction.on_commit(tasks.jadwalkan)
    return pesan


def isian_pengunjung(layanan, *, kantor, nama):
    """The placeholders every visitor message knows (pesan.models.templat.ISIAN_UMUM)."""
    return {
        "nama": nama, "kantor": kantor.nama_kantor, "jenis": layanan.jenis.nama, "nomor": f"#{layanan.pk}",
        "url_lacak": url_mutlak(reverse("layanan:lacak", args=[layanan.token_lacak]), kantor=kantor),
    }


def ke_pengunjung(layanan, *, peristiwa, teks, subjek, oleh=None, lampiran=None, kunci_tambahan="", isian=None):
    """Queue `teks` to the visitor by e-mail (when they gave one and an SMTP server is set) and by the
    WhatsApp gateway (when on), each with the link to their status page. Without either, or while the
    public address is not set, nothing is queued: the officer's buttons remain."""
    kantor = PengaturanKantor.get()
    if _tanpa_pesan.get() or not pengiriman_aktif(kantor=kantor):
        return []
    tujuan = kontak(layanan)
    isian = {**isian_pengunjung(layanan, kantor=kantor, nama=tujuan.nama), **(isian or {})}
    teks = rapikan(dengan_lacak(teks, isian["url_lacak"]))
    dibuat = []
    akhiran = f":{kunci_tambahan}" if kunci_tambahan else ""
    if tujuan.email and settings.SMTP_AKTIF:
        dibuat.append(antrekan(
            peristiwa=peristiwa, kanal=KanalPesan.EMAIL, penerima=tujuan.email, isi=teks_email(teks), subjek=subjek,
            layanan=layanan, lampiran=lampiran, oleh=oleh, isian=isian,
            kunci=f"{peristiwa}:{layanan.pk}:email:{tujuan.email.strip().lower()}{akhiran}",
        ))
    if tujuan.no_hp and lampiran is None and PengaturanGateway.get().siap:
        dibuat.append(antrekan(
            peristiwa=peristiwa, kanal=KanalPesan.WHATSAPP, penerima=tujuan.no_hp, isi=teks, layanan=layanan,
            oleh=oleh, isian=isian,
        ))
    return [p for p in dibuat if p is not None]


def siap_diambil(layanan, *, oleh):
    """The visitor's "Siap Diambil" notice (the same words as the officer's WhatsApp button)."""
    kantor = PengaturanKantor.get()
    nomor = layanan.nomor_surat.filter(dibatalkan=False).first()
    teks = teks_wa_pengunjung(layanan, kantor=kantor, nomor=nomor)
    return ke_pengunjung(
        layanan, peristiwa=Peristiwa.SIAP_DIAMBIL, teks=teks, oleh=oleh,
        subjek=f"Permintaan data Anda siap diambil — PST {kantor.nama_kantor}",
        isian={
            "status": layanan.get_status_display(), "keterangan": KETERANGAN_WA.get(layanan.status, ""),
            "nomor_surat": nomor.nomor if nomor else "",
        },
    )


def surat_balasan(layanan, *, berkas, oleh):
    """E-mail the uploaded reply letter to the visitor; False when they gave no e-mail address."""
    kantor = PengaturanKantor.get()
    tujuan = kontak(layanan)
    if not (tujuan.email and settings.SMTP_AKTIF):
        return False
    teks = (
        f"Yth. {tujuan.nama},\n\nbersama ini kami kirimkan surat balasan atas permintaan data "
        f"Anda di PST {kantor.nama_kantor} (terlampir).\n\nTerima kasih telah menggunakan layanan PST."
    )
    return bool(ke_pengunjung(
        layanan, peristiwa=Peristiwa.SURAT_BALASAN, teks=teks, oleh=oleh, lampiran=berkas,
        subjek=f"Surat balasan permintaan data — PST {kantor.nama_kantor}", kunci_tambahan=f"berkas{berkas.pk}",
    ))


def ke_grup(layanan, *, oleh):
    """Kirim Notifikasi ke Grup WA through the gateway, to the configured group id (once per service)."""
    gateway = PengaturanGateway.get()
    kantor = PengaturanKantor.get()
    if not (gateway.siap and gateway.grup_id):
        raise ValidationError("Gateway WA belum aktif atau ID grup belum diisi.")
    if not pengiriman_aktif(kantor=kantor):
        raise ValidationError("Alamat publik aplikasi belum diisi di Pengaturan kantor.")
    jalur = layanan.get_absolute_url()
    teks = teks_notifikasi_grup(layanan, kantor=kantor).replace(jalur, url_mutlak(jalur, kantor=kantor))
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
