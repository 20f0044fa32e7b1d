"""Saves that happen once per form shown.

A form that creates a record carries a one-time key, `{% kunci_sekali "cakupan" %}`, issued when
the page is drawn (signed, so issuing writes nothing, even on public pages). Saving claims the key
with `with sekali(request.POST, "cakupan") as klaim:` around the create: the key is inserted into
`KunciSekali`, whose unique constraint on the key makes the claim, in the same transaction as the
record. A second submit of the same form — a double click, a resend after a timeout, the browser's
back and resubmit — finds the key taken and gets `SudahDisimpan` with where the first save led.
Two submits at the same moment are decided by the constraint on SQLite and PostgreSQL alike: the
second insert waits for the first transaction, then fails (or succeeds, if the first rolled back).
A save that fails rolls its claim back with it, so the form drawn again (same key) can be sent again.
"""

import contextlib
import datetime
import secrets

from django.core import signing
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.html import format_html

NAMA_ISIAN = "kunci_sekali"
SALT = "pst_frontoffice.sekali"
# A form left open longer than this gets a fresh key when it is sent (the page says to send again).
UMUR = datetime.timedelta(hours=24)
PESAN_SUDAH = "Data ini sudah tersimpan sebelumnya (tombol tertekan lebih dari sekali); tidak dicatat dua kali."
PESAN_TIDAK_SAH = (
    "Formulir ini sudah terlalu lama terbuka atau tidak lengkap, jadi belum disimpan. "
    "Isian Anda tetap di sini: periksa, lalu kirim sekali lagi."
)


class KunciSekali(models.Model):
    """A one-time form key that was used: the record it created is reached through `tujuan`."""

    kunci = models.CharField("kunci", max_length=64, unique=True)
    cakupan = models.CharField("formulir", max_length=40)
    tujuan = models.CharField("tujuan", max_length=500, blank=True)
    dibuat = models.DateTimeField("dibuat", default=timezone.now, db_index=True)

    class Meta:
        app_label = "pst_frontoffice"
        verbose_name = "kunci formulir sekali pakai"
        verbose_name_plural = "kunci formulir sekali pakai"

    def __str__(self):
        return f"{self.cakupan} {timezone.localtime(self.dibuat):%d-%m-%Y %H.%M}"


class KunciTidakSah(Exception):
    """The form carries no valid key (a page from before the key existed, tampered, or too old)."""


class SudahDisimpan(Exception):
    """This form was already saved; `tujuan` is where the first save led ("" if unknown)."""

    def __init__(self, tujuan=""):
        super().__init__(PESAN_SUDAH)
        self.tujuan = tujuan


def terbitkan(cakupan):
    """A fresh key for one form of kind `cakupan`."""
    return signing.dumps({"c": cakupan, "n": secrets.token_urlsafe(18)}, salt=SALT)


def _isi_kunci(nilai, cakupan):
    try:
        isi = signing.loads(nilai or "", salt=SALT, max_age=UMUR)
    except signing.BadSignature:
        return None
    if not isinstance(isi, dict) or isi.get("c") != cakupan or not isinstance(isi.get("n"), str):
        return None
    return isi["n"]


def kunci_untuk(request, cakupan):
    """The key for a form being drawn: the one it was sent with, if still valid and not used yet (a
    form shown again after an error or a question stays the same form), else a fresh one (an HTMX
    panel drawn again after its save is a new form: a note added, the next note is another)."""
    dikirim = request.POST.get(NAMA_ISIAN) if request is not None and request.method == "POST" else None
    kunci = _isi_kunci(dikirim, cakupan) if dikirim else None
    if kunci is None or KunciSekali.objects.filter(kunci=kunci).exists():
        return terbitkan(cakupan)
    return dikirim


def isian_tersembunyi(request, cakupan):
    return format_html('<input type="hidden" name="{}" value="{}">', NAMA_ISIAN, kunci_untuk(request, cakupan))


def sudah_disimpan(data, cakupan):
    """Where the first save of this form led when it was saved already (else None): checked before
    the form is validated again, since that first save may have changed what the check reads."""
    kunci = _isi_kunci(data.get(NAMA_ISIAN), cakupan)
    if kunci is None:
        return None
    return KunciSekali.objects.filter(kunci=kunci).values_list("tujuan", flat=True).first()


def _bersihkan():
    """Keys older than any valid form can no longer be claimed: their rows are dropped."""
    KunciSekali.objects.filter(dibuat__lt=timezone.now() - 2 * UMUR).delete()


@contextlib.contextmanager
def sekali(data, cakupan):
    """Claim the form's key around the create; set `klaim.tujuan` to where the new record is shown.

    Raises KunciTidakSah (nothing done) or SudahDisimpan (nothing done; the first save's `tujuan`).
    """
    kunci = _isi_kunci(data.get(NAMA_ISIAN), cakupan)
    if kunci is None:
        raise KunciTidakSah(PESAN_TIDAK_SAH)
    with transaction.atomic():
        try:
            with transaction.atomic():
                klaim = KunciSekali.objects.create(kunci=kunci, cakupan=cakupan)
        except IntegrityError:
            ada = KunciSekali.objects.filter(kunci=kunci).values_list("tujuan", flat=True).first()
            raise SudahDisimpan(ada or "") from None
        yield klaim
        if klaim.tujuan:
            KunciSekali.objects.filter(pk=klaim.pk).update(tujuan=klaim.tujuan[:500])
        transaction.on_commit(_bersihkan)
