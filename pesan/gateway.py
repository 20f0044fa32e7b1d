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


def simpan_gateway(gateway, *, token_baru, oleh, app_secret_baru=""):
    """Save the gateway settings; a new token is encrypted and clears the "token ditolak" warning,
    and messages that failed on the old token are queued again. A new app secret is encrypted too."""
    with transaction.atomic():
        if app_secret_baru:
            gateway.app_secret_terenkripsi = enkripsi(app_secret_baru)
            gateway.app_secret_akhir = app_secret_baru[-4:]
        if token_baru:
            gateway.token_terenkripsi = enkripsi(token_baru)
            gateway.token_akhir = token_baru[-4:]
            gateway.token_ditolak = ""
            gateway.token_ditolak_pada = None
        gateway.save()
        # Who changed the gateway and whether the token changed; never the token itself.
        catat(oleh, "gateway_wa", gateway, f"{'Aktif' if gateway.aktif else 'Nonaktif'}, "
              f"{gateway.get_penyedia_display()}{', token baru' if token_baru else ''}"
              f"{', app secret baru' if app_secret_baru else ''}.")
        if token_baru:
            # "Token gateway ditolak …", "… tidak dapat dibaca" after a new SECRET_KEY, or Meta's
            # "Token akses Cloud API …" (pesan/kirim/galat_meta.py): every such reason starts so.
            PesanKeluar.objects.filter(
                status=StatusPesan.GAGAL, kanal=KanalPesan.WHATSAPP, galat_terakhir__startswith="Token ",
                diperbarui__gte=timezone.now() - datetime.timedelta(days=7),
            ).update(status=StatusPesan.ANTRI, percobaan=0, kirim_setelah=timezone.now(), diklaim_sampai=None)
            transaction.on_commit(tasks.jadwalkan)
    return gateway
