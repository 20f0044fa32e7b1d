"""Delivery receipts: a provider's word that a message was sent, delivered, read or failed.

A receipt only moves a message forward (URUTAN_STATUS): a late "delivered" after "read", a repeat of
a receipt, or a replayed webhook changes nothing. "Failed" counts only for a message the provider had
taken and not yet delivered. Each change is one line on the service's timeline, so the Outbox and the
timeline both show the latest state.
"""

import logging

from django.db import transaction
from django.utils import timezone

from . import tasks
from .kirim.galat_meta import JENDELA, alasan_galat, jenis_galat
from .models import URUTAN_STATUS, KanalPesan, PesanKeluar, StatusPesan
from .pengiriman import alihkan_ke_templat, catat_di_layanan

log = logging.getLogger(__name__)

KETERANGAN = {
    StatusPesan.TERKIRIM: "terkirim.",
    StatusPesan.DITERIMA: "diterima di HP pengunjung.",
    StatusPesan.DIBACA: "dibaca pengunjung.",
}
_WAKTU = {StatusPesan.TERKIRIM: "terkirim_pada", StatusPesan.DITERIMA: "diterima_pada", StatusPesan.DIBACA: "dibaca_pada"}


def perbarui_status(*, id_penyedia, status, waktu=None, kode=None, keterangan=""):
    """Apply one receipt to the WhatsApp message with the provider's id `id_penyedia`.

    `status` is a StatusPesan; for GAGAL, `kode` (a Cloud API error code) or `keterangan` says why.
    Returns the message when it changed, else None (unknown id, or nothing new).
    """
    if not id_penyedia:
        return None
    # The worker saves the provider's id as soon as the provider answers; a receipt for an id that
    # is not (yet) ours is logged and dropped rather than guessed at.
    pesan = (
        PesanKeluar.objects.select_related("layanan").filter(kanal=KanalPesan.WHATSAPP, id_penyedia=id_penyedia).first()
    )
    if pesan is None:
        log.info("Tanda terima untuk pesan tak dikenal %s diabaikan.", id_penyedia)
        return None
    waktu = waktu or timezone.now()
    if status == StatusPesan.GAGAL:
        return _gagal(pesan, waktu=waktu, kode=kode, keterangan=keterangan)
    lebih_awal = [s for s, urut in URUTAN_STATUS.items() if urut < URUTAN_STATUS[status]]
    with transaction.atomic():
        diubah = PesanKeluar.objects.filter(pk=pesan.pk, id_penyedia=id_penyedia, status__in=lebih_awal).update(
            status=status, diperbarui=timezone.now(), **{_WAKTU[status]: waktu}
        )
        if diubah:
            catat_di_layanan(pesan, KETERANGAN[status], percobaan=False)
    return pesan if diubah else None


def _gagal(pesan, *, waktu, kode, keterangan):
    alasan = alasan_galat(kode, keterangan) if kode is not None else (keterangan or "Penyedia melaporkan pesan gagal.")
    if kode is not None and jenis_galat(kode) == JENDELA and pesan.status == StatusPesan.TERKIRIM:
        if alihkan_ke_templat(pesan, alasan=alasan):
            transaction.on_commit(tasks.jadwalkan)
            return pesan
    with transaction.atomic():
        diubah = PesanKeluar.objects.filter(pk=pesan.pk, id_penyedia=pesan.id_penyedia, status=StatusPesan.TERKIRIM).update(
            status=StatusPesan.GAGAL, galat_terakhir=alasan, diperbarui=timezone.now()
        )
        if diubah:
            catat_di_layanan(pesan, f"gagal — {alasan}", percobaan=False)
    return pesan if diubah else None
