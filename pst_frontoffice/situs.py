"""The app's public address (PengaturanKantor.url_publik): what it may look like, and links on it.

It is the one address every link the app hands out begins with, whatever process makes the link:
an officer's request, the worker, cron (tutup_otomatis), demo data; and the entrance poster's QR code.
"""

import re

from django.core.exceptions import ValidationError

BANTUAN_URL_PUBLIK = (
    "Alamat PST Front Office yang dibuka pengunjung dari internet, mis. https://pst.bps6310.go.id. Awal setiap "
    "tautan di pesan otomatis (e-mail, WhatsApp) dan di kode QR poster pendaftaran. Pesan otomatis tidak dikirim "
    "selama alamat ini kosong."
)
_POLA = re.compile(r"https?://[^/\s?#]+(/[^\s?#]*)?")


def validasi_url_publik(nilai):
    """http(s)://host[:port][/prefix], without a query or fragment (a trailing slash is ignored)."""
    if not _POLA.fullmatch(nilai or ""):
        raise ValidationError(
            "Tulis alamat lengkap tanpa ? atau #, diawali https:// atau http://, mis. https://pst.bps6310.go.id."
        )


def tautan(kantor, jalur):
    """`jalur` (e.g. /r/abc/) as an absolute link on the office's public address; '' while it is not set."""
    return kantor.url_publik.rstrip("/") + jalur if kantor.url_publik else ""
