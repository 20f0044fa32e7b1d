"""The WhatsApp gateway's settings and its test message."""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from pst_frontoffice.aktivitas import catat
from pst_frontoffice.models import PengaturanKantor

from . import tasks
from .kirim.rahasia import enkripsi
from .models import KanalPesan, Peristiwa, PesanKeluar, StatusPesan
from .outbox import antrekan


def kirim_percobaan(*, nomor, oleh):
    """The settings page's "kirim percobaan": one test message to `nomor`, every press a new one."""
    kantor = PengaturanKantor.get()
    return antrekan(
        peristiwa=Peristiwa.PERCOBAAN, kanal=KanalPesan.WHATSAPP, penerima=nomor, oleh=oleh,
        isi=f"Pesan percobaan gateway WA dari PST {kantor.nama_kantor}, {timezone.localtime():%d-%m-%Y %H.%M}.",
        kunci=f"percobaan:{uuid.uuid4().hex}",
    )


def simpan_gateway(gateway, *, token_baru, oleh):
    """Save the gateway settings; a new token is encrypted and clears the "token ditolak" warning,
    and messages that failed on the old token are queued again."""
    with transaction.atomic():
        if token_baru:
            gateway.token_terenkripsi = enkripsi(token_baru)
            gateway.token_akhir = token_baru[-4:]
            gateway.token_ditolak = ""
            gateway.token_ditolak_pada = None
        gateway.save()
        # Who changed the gateway and whether the token changed; never the token itself.
        catat(oleh, "gateway_wa", gateway, f"{'Aktif' if gateway.aktif else 'Nonaktif'}, "
              f"{gateway.get_penyedia_display()}{', token baru' if token_baru else ''}.")
        if token_baru:
            # "Token gateway ditolak …", or "… tidak dapat dibaca" after a new SECRET_KEY.
            PesanKeluar.objects.filter(
                status=StatusPesan.GAGAL, kanal=KanalPesan.WHATSAPP, galat_terakhir__startswith="Token gateway ",
                diperbarui__gte=timezone.now() - datetime.timedelta(days=7),
            ).update(status=StatusPesan.ANTRI, percobaan=0, kirim_setelah=timezone.now(), diklaim_sampai=None)
            transaction.on_commit(tasks.jadwalkan)
    return gateway
