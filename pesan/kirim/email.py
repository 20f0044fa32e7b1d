"""E-mail over SMTP (the `default` mailer built from EMAIL_* in settings), the sender named after the office."""

import smtplib
from email.utils import formataddr, make_msgid

from django.conf import settings
from django.core.mail import EmailMessage

from .dasar import GagalSementara, GagalTetap, Hasil


def kirim(*, penerima, subjek, teks, nama_pengirim, kunci, lampiran=None):
    """Send one e-mail; `lampiran` is (file name, bytes, content type) or None."""
    if not settings.SMTP_AKTIF:
        raise GagalTetap("Server e-mail (EMAIL_HOST) belum diatur.")
    id_pesan = make_msgid(domain="pst-frontoffice")
    pesan = EmailMessage(
        subject=subjek, body=teks, to=[penerima],
        from_email=formataddr((nama_pengirim, settings.EMAIL_PENGIRIM)),
        headers={"Message-ID": id_pesan, "X-Idempotency-Key": kunci},
    )
    if lampiran:
        pesan.attach(*lampiran)
    try:
        pesan.send()
    except smtplib.SMTPRecipientsRefused as e:
        raise GagalTetap(f"Server e-mail menolak alamat {penerima}.") from e
    except smtplib.SMTPAuthenticationError as e:
        raise GagalTetap("Server e-mail menolak nama pengguna/kata sandi (EMAIL_HOST_USER).") from e
    except (smtplib.SMTPException, OSError) as e:
        raise GagalSementara(f"Server e-mail tidak dapat dihubungi ({e}).") from e
    return Hasil(id_penyedia=id_pesan)
