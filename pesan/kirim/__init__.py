"""Sending one message over one channel: e-mail (SMTP) and the WhatsApp gateways.

Every backend answers the same way: `Hasil` on success, `GagalSementara` when trying again later
may work (timeout, 5xx, 429), `GagalTetap` when it will not (wrong token, a refused number).
"""

from .dasar import GagalSementara, GagalTetap, Hasil, TokenDitolak

__all__ = ["GagalSementara", "GagalTetap", "Hasil", "TokenDitolak"]
