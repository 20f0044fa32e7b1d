"""Messages from visitors: each attached to the visitor's open online service, or kept for an officer.

An incoming message never creates a service, a visitor or a reply by itself. From a number with an
open online service it lands on that service's timeline as the visitor answering (the auto-close of
a silent consultation waits on the visitor's side); from any other number it is listed on the
Pesan Masuk page until an officer marks it handled.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from layanan.layanan import catat_tanggapan_pengunjung, pengguna_sistem
from pst_frontoffice.whatsapp import format_no_hp

from .models import PesanKeluar, PesanMasuk
from .penerima import layanan_untuk_nomor


def _layanan_dibalas(balasan_untuk, nomor):
    """The open service of the outbox message this one replies to (WhatsApp's "context"), if any."""
    if not balasan_untuk:
        return None
    asal = PesanKeluar.objects.select_related("layanan").filter(id_penyedia=balasan_untuk, penerima=nomor).first()
    if asal is not None and asal.layanan is not None and asal.layanan.terbuka:
        return asal.layanan
    return None


def terima(*, penyedia, id_penyedia, dari, isi, jenis="text", waktu=None, nama_profil="", balasan_untuk=""):
    """Store one incoming message once (a repeated delivery returns None) and attach it where it belongs."""
    waktu = waktu or timezone.now()
    with transaction.atomic():
        layanan = _layanan_dibalas(balasan_untuk, dari) or layanan_untuk_nomor(dari)
        try:
            with transaction.atomic():
                pesan = PesanMasuk.objects.create(
                    penyedia=penyedia, id_penyedia=id_penyedia[:200], dari=dari[:20], isi=isi, jenis=jenis[:20],
                    waktu=waktu, nama_profil=nama_profil[:150], layanan=layanan,
                )
        except IntegrityError:
            return None
        if layanan is not None:
            # The visitor's side of the conversation: restarts the auto-close's silence clock.
            catat_tanggapan_pengunjung(
                layanan=layanan, oleh=pengguna_sistem(), waktu=waktu,
                catatan=f"WhatsApp dari pengunjung ({format_no_hp(dari)}): {isi}",
            )
    return pesan


def tandai_ditangani(pesan, *, oleh):
    """An officer has dealt with a message that reached no service; False when someone already had."""
    return bool(PesanMasuk.objects.filter(pk=pesan.pk, ditangani_pada__isnull=True).update(
        ditangani_oleh=oleh, ditangani_pada=timezone.now()
    ))
