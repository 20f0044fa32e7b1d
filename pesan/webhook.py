"""What the WhatsApp providers tell the app by themselves: delivery receipts and visitors' messages.

- WhatsApp Cloud API (Meta, "Webhooks" of the Cloud API:
  https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components and
  https://developers.facebook.com/docs/graph-api/webhooks/getting-started): every POST carries
  `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body, keyed with the app secret>`; the body is
  `{"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value":
  {"metadata": {"phone_number_id": …}, "statuses": [{"id", "status", "timestamp", "errors": [{"code",
  "title", "message"}]}], "contacts": [{"profile": {"name"}, "wa_id"}], "messages": [{"from", "id",
  "timestamp", "type", "text": {"body"}, "context": {"id"}}]}}]}]}`.
- Fonnte's message-status callback (https://docs.fonnte.com/webhook-update-message-status/): a JSON
  POST `{"device", "id" (the id /send answered), "stateid", "status", "state"}`, answered 200 or
  Fonnte calls again; it is not signed, so it is accepted only on an unguessable path
  (PengaturanGateway.rahasia_webhook).
A call that fails its check changes nothing; a replayed one changes nothing either (receipts only
move forward, incoming messages are stored once by their id).
"""

import datetime
import hashlib
import hmac
import logging

from django.core.exceptions import ValidationError
from django.utils import timezone

from pst_frontoffice.whatsapp import normalisasi_no_hp

from . import masuk, tanda_terima
from .models import StatusPesan

log = logging.getLogger(__name__)

STATUS_CLOUD = {"sent": StatusPesan.TERKIRIM, "delivered": StatusPesan.DITERIMA, "read": StatusPesan.DIBACA,
                "failed": StatusPesan.GAGAL}
STATUS_FONNTE = {"sent": StatusPesan.TERKIRIM, "delivered": StatusPesan.DITERIMA, "read": StatusPesan.DIBACA,
                 "played": StatusPesan.DIBACA}
GAGAL_FONNTE = {"failed", "invalid", "expired", "error"}


def tanda_tangan_sah(badan, tanda, rahasia):
    """Whether `tanda` (the X-Hub-Signature-256 header) is the app secret's HMAC-SHA256 of the raw `badan`."""
    if not (rahasia and tanda and tanda.startswith("sha256=")):
        return False
    harapan = hmac.new(rahasia.encode(), badan, hashlib.sha256).hexdigest()
    return hmac.compare_digest(harapan, tanda.removeprefix("sha256=").strip().lower())


def _waktu(nilai):
    try:
        return datetime.datetime.fromtimestamp(int(nilai), tz=datetime.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return timezone.now()


def _nomor(nilai):
    try:
        return normalisasi_no_hp(str(nilai or ""))
    except ValidationError:  # a foreign number the Indonesian rule refuses is kept as its digits
        return "".join(c for c in str(nilai or "") if c.isdigit())[:20]


def _isi_pesan(m):
    """The words of one incoming message, whatever its type (a short label for media)."""
    jenis = m.get("type", "")
    if jenis == "text":
        return (m.get("text") or {}).get("body", "")
    if jenis == "button":
        return (m.get("button") or {}).get("text", "")
    if jenis == "interactive":
        pilihan = m.get("interactive") or {}
        return (pilihan.get("button_reply") or pilihan.get("list_reply") or {}).get("title", "")
    label = {"image": "Gambar", "document": "Dokumen", "audio": "Pesan suara", "video": "Video",
             "sticker": "Stiker", "location": "Lokasi", "contacts": "Kontak", "reaction": "Reaksi"}.get(jenis, jenis)
    lampiran = m.get(jenis) if isinstance(m.get(jenis), dict) else {}
    keterangan = lampiran.get("caption") or lampiran.get("filename") or lampiran.get("emoji") or lampiran.get("name") or ""
    return f"[{label}] {keterangan}".strip()


def _daftar(nilai):
    return [x for x in nilai if isinstance(x, dict)] if isinstance(nilai, list) else []


def proses_cloud_api(data, *, phone_number_id):
    """Apply one verified Cloud API webhook; returns (receipts applied, messages stored)."""
    diterapkan = disimpan = 0
    if not isinstance(data, dict) or data.get("object") != "whatsapp_business_account":
        return diterapkan, disimpan
    for entri in _daftar(data.get("entry")):
        for perubahan in _daftar(entri.get("changes")):
            nilai = perubahan.get("value") if isinstance(perubahan.get("value"), dict) else {}
            if perubahan.get("field") != "messages":
                continue
            nomor_kami = str((nilai.get("metadata") or {}).get("phone_number_id", ""))
            if phone_number_id and nomor_kami != phone_number_id:
                log.info("Webhook untuk phone number ID lain (%s) diabaikan.", nomor_kami)
                continue
            for s in _daftar(nilai.get("statuses")):
                status = STATUS_CLOUD.get(s.get("status"))
                if status is None:
                    continue
                galat = _daftar(s.get("errors"))[:1]
                kode = galat[0].get("code") if galat and isinstance(galat[0].get("code"), int) else None
                keterangan = (galat[0].get("message") or galat[0].get("title") or "") if galat else ""
                diterapkan += tanda_terima.perbarui_status(
                    id_penyedia=str(s.get("id", "")), status=status, waktu=_waktu(s.get("timestamp")), kode=kode,
                    keterangan=keterangan,
                ) is not None
            nama = {str(k.get("wa_id")): (k.get("profile") or {}).get("name", "") for k in _daftar(nilai.get("contacts"))}
            for m in _daftar(nilai.get("messages")):
                if not m.get("id") or not m.get("from"):
                    continue
                disimpan += masuk.terima(
                    penyedia="cloud_api", id_penyedia=str(m["id"]), dari=_nomor(m["from"]), isi=_isi_pesan(m),
                    jenis=str(m.get("type", "")), waktu=_waktu(m.get("timestamp")),
                    nama_profil=nama.get(str(m["from"]), "") or "",
                    balasan_untuk=str((m.get("context") or {}).get("id", "")),
                ) is not None
    return diterapkan, disimpan


def proses_fonnte(data):
    """Apply one Fonnte status callback; True when it changed a message."""
    if not isinstance(data, dict):
        return False
    status_kirim = str(data.get("status", "")).lower()
    if status_kirim in GAGAL_FONNTE:
        status = StatusPesan.GAGAL
    else:
        status = STATUS_FONNTE.get(str(data.get("state", "")).lower()) or STATUS_FONNTE.get(status_kirim)
    if status is None:
        return False
    alasan = str(data.get("reason") or "")
    return tanda_terima.perbarui_status(
        id_penyedia=str(data.get("id", "")), status=status,
        keterangan=f"Fonnte melaporkan pesan gagal ({status_kirim}{': ' + alasan if alasan else ''}).",
    ) is not None
