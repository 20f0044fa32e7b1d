"""The two WhatsApp gateways behind one call: `kirim(pengaturan, token, target, teks, kunci)`.

- Fonnte-style: `POST {url}/send`, header `Authorization: <token>`, form fields `target` and
  `message`; the answer is JSON `{"status": true, "id": [...]}` or `{"status": false, "reason": …}`.
- WhatsApp Business Cloud API: `POST {url}/{phone_number_id}/messages` with a Bearer token and a
  JSON text message; the answer carries `messages[0].id`.
Both get an `Idempotency-Key` header (the outbox row's key), which a gateway that honours it uses
to drop a repeat of a message whose answer was lost.
"""

import json
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

from .dasar import GagalSementara, GagalTetap, Hasil, TokenDitolak


def _retry_after(nilai):
    try:
        return max(0, int(nilai))
    except (TypeError, ValueError):
        return None


def _minta(url, *, data, headers):
    """POST and return (status, parsed JSON body); network faults become GagalSementara."""
    permintaan = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(permintaan, timeout=settings.PESAN_BATAS_WAKTU_DETIK) as jawaban:
            status, badan = jawaban.status, jawaban.read()
    except urllib.error.HTTPError as e:
        status, badan = e.code, e.read()
        if status == 429:
            raise GagalSementara(
                "Gateway membatasi jumlah kiriman (HTTP 429).", tunda_detik=_retry_after(e.headers.get("Retry-After"))
            ) from e
        if status in (401, 403):
            raise TokenDitolak(f"Token gateway ditolak (HTTP {status}); periksa token di Pengaturan Gateway WA.") from e
        if status >= 500:
            raise GagalSementara(f"Gateway sedang bermasalah (HTTP {status}).") from e
    except TimeoutError as e:
        raise GagalSementara("Gateway tidak menjawab (batas waktu habis).") from e
    except urllib.error.URLError as e:
        if isinstance(e.reason, TimeoutError):
            raise GagalSementara("Gateway tidak menjawab (batas waktu habis).") from e
        raise GagalSementara(f"Gateway tidak dapat dihubungi ({e.reason}).") from e
    except OSError as e:
        raise GagalSementara(f"Sambungan ke gateway terputus ({e}).") from e
    try:
        isi = json.loads(badan or b"{}")
    except ValueError:
        isi = {}
    return status, isi if isinstance(isi, dict) else {}


def _kirim_fonnte(pengaturan, token, target, teks, kunci):
    url = pengaturan.url_api.rstrip("/") + "/send"
    data = urllib.parse.urlencode({"target": target, "message": teks}).encode()
    headers = {"Authorization": token, "Idempotency-Key": kunci, "Content-Type": "application/x-www-form-urlencoded"}
    status, isi = _minta(url, data=data, headers=headers)
    if status >= 400 or isi.get("status") is False:
        alasan = str(isi.get("reason") or isi.get("detail") or f"HTTP {status}")
        if "token" in alasan.lower():
            raise TokenDitolak(f"Token gateway ditolak ({alasan}); periksa token di Pengaturan Gateway WA.")
        raise GagalTetap(f"Gateway menolak pesan: {alasan}.")
    ids = isi.get("id") or []
    return Hasil(id_penyedia=str(ids[0] if isinstance(ids, list) and ids else ids or ""))


def _kirim_cloud_api(pengaturan, token, target, teks, kunci):
    if not pengaturan.phone_number_id:
        raise GagalTetap("Phone number ID Cloud API belum diisi di Pengaturan Gateway WA.")
    url = f"{pengaturan.url_api.rstrip('/')}/{pengaturan.phone_number_id}/messages"
    data = json.dumps({
        "messaging_product": "whatsapp", "recipient_type": "individual", "to": target,
        "type": "text", "text": {"preview_url": True, "body": teks},
    }).encode()
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": kunci, "Content-Type": "application/json"}
    status, isi = _minta(url, data=data, headers=headers)
    if status >= 400:
        galat = isi.get("error") or {}
        raise GagalTetap(f"Cloud API menolak pesan: {galat.get('message') or f'HTTP {status}'}.")
    pesan = isi.get("messages") or [{}]
    return Hasil(id_penyedia=str(pesan[0].get("id", "")))


PENGIRIM = {"fonnte": _kirim_fonnte, "cloud_api": _kirim_cloud_api}


def kirim(pengaturan, *, token, target, teks, kunci):
    """Send one WhatsApp text through the configured provider."""
    return PENGIRIM[pengaturan.penyedia](pengaturan, token, target, teks, kunci)
