"""What every sending backend returns or raises."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Hasil:
    """A message the provider accepted, with the provider's own id of it (may be empty)."""

    id_penyedia: str = ""


class GagalSementara(Exception):
    """Try again later; `tunda_detik` is the wait the provider asked for (429 Retry-After), if any."""

    def __init__(self, alasan, *, tunda_detik=None):
        super().__init__(alasan)
        self.alasan = alasan
        self.tunda_detik = tunda_detik


class GagalTetap(Exception):
    """Trying again will not help (a refused number, a bad request)."""

    def __init__(self, alasan):
        super().__init__(alasan)
        self.alasan = alasan


class TokenDitolak(GagalTetap):
    """The gateway refused the token: every message waits until an Admin fixes it."""
