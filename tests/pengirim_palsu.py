"""Real servers standing in for a WhatsApp gateway and an SMTP server, on 127.0.0.1 at random ports.

`GraphApiPalsu` and `FonntePalsu` behave as the providers' published documentation describes (each
cites its pages): they refuse what the provider refuses, and send the webhooks it sends.

`GatewayPalsu` speaks both gateway dialects the app knows: Fonnte-style `POST /send` (form fields,
`Authorization: <token>`) and the Cloud API's `POST /<phone_number_id>/messages` (JSON, Bearer).
It honours `Idempotency-Key` the way idempotent APIs do: a repeat of a key it already delivered is
answered again but not delivered twice. `permintaan` logs every request received; `terkirim` the
messages delivered, once each.
"""

import hashlib
import hmac
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


class _ServerLokal:
    """An HTTP server on 127.0.0.1 at a random port, answering with the handler class `_handler()`
    returns; `permintaan` is for the subclass to log what it received."""

    def __init__(self):
        self.permintaan = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self.server.server_address
        return f"http://{host}:{port}"

    def mulai(self):
        self.thread.start()
        return self

    def berhenti(self):
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        raise NotImplementedError


def _jawab_json(handler, status, body, headers=None):
    """Answer `body` as JSON from a BaseHTTPRequestHandler, quietly if the client went away."""
    isi = json.dumps(body).encode()
    try:
        handler.send_response(status)
        for k, v in (headers or {}).items():
            handler.send_header(k, v)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(isi)))
        handler.end_headers()
        handler.wfile.write(isi)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client went away (a killed worker)


class GatewayPalsu(_ServerLokal):
    def __init__(self, *, token="token-benar-1234", tunda=0.0):
        self.token = token
        self.tunda = tunda  # seconds every request is held before it is answered
        self.terkirim = []
        self._naskah = []  # scripted answers: (status, body, headers, delay), used first
        self._kunci = {}
        self._kunci_kunci = threading.Lock()
        super().__init__()

    def jawab(self, status, body=None, *, headers=None, tunda=0.0):
        """Script the next answer (before the default behaviour)."""
        self._naskah.append((status, body if body is not None else {}, headers or {}, tunda))

    def _handler(self):
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                panjang = int(self.headers.get("Content-Length") or 0)
                mentah = self.rfile.read(panjang)
                if "json" in (self.headers.get("Content-Type") or ""):
                    data = json.loads(mentah)
                    target, teks = data.get("to"), (data.get("text") or {}).get("body")
                else:
                    data = {k: v[0] for k, v in urllib.parse.parse_qs(mentah.decode()).items()}
                    target, teks = data.get("target"), data.get("message")
                kunci = self.headers.get("Idempotency-Key", "")
                catatan = {
                    "jalur": self.path, "authorization": self.headers.get("Authorization", ""), "kunci": kunci,
                    "target": target, "pesan": teks, "waktu": time.time(),
                }
                with gateway._kunci_kunci:
                    gateway.permintaan.append(catatan)
                    naskah = gateway._naskah.pop(0) if gateway._naskah else None
                if naskah is not None:
                    status, body, headers, tunda = naskah
                    time.sleep(tunda)
                    return self._kirim(status, body, headers)
                time.sleep(gateway.tunda)
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                if token != gateway.token:
                    return self._kirim(401, {"status": False, "reason": "invalid token"})
                with gateway._kunci_kunci:
                    if kunci not in gateway._kunci:
                        gateway.terkirim.append(catatan)
                        gateway._kunci[kunci] = f"{len(gateway.terkirim)}"
                    nomor = gateway._kunci[kunci]
                if self.path.endswith("/messages"):
                    return self._kirim(200, {"messaging_product": "whatsapp", "messages": [{"id": f"wamid.{nomor}"}]})
                return self._kirim(200, {"status": True, "id": [nomor], "target": [target], "detail": "success! message in queue"})

            def _kirim(self, status, body, headers=None):
                _jawab_json(self, status, body, headers)

        return Handler


class _Kotak:
    def __init__(self):
        self.surat = []

    async def handle_DATA(self, server, session, envelope):
        self.surat.append(envelope)
        return "250 OK"


class SmtpPalsu:
    """aiosmtpd on 127.0.0.1; `surat` holds every envelope received (mail_from, rcpt_tos, content)."""

    def __init__(self):
        self.kotak = _Kotak()
        with socket.socket() as s:  # a free port: aiosmtpd's start-up check cannot use port 0
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.controller = Controller(self.kotak, hostname="127.0.0.1", port=self.port)

    @property
    def surat(self):
        return self.kotak.surat

    def mulai(self):
        self.controller.start()
        return self

    def berhenti(self):
        self.controller.stop()


# --- Providers as their documentation describes them ---------------------------------------------

class _ServerJson(_ServerLokal):
    """A provider whose every POST is answered by `self._tangani(path, headers, raw body)` →
    (status, JSON body)."""

    def __init__(self):
        self._kunci = threading.Lock()
        super().__init__()

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                panjang = int(self.headers.get("Content-Length") or 0)
                status, body = server._tangani(self.path, dict(self.headers), self.rfile.read(panjang))
                _jawab_json(self, status, body)

        return Handler


def _kirim_ke_aplikasi(url, badan, headers):
    """POST `badan` (bytes) to the app's webhook; returns the HTTP status."""
    permintaan = urllib.request.Request(url, data=badan, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(permintaan, timeout=30) as jawaban:
            return jawaban.status
    except urllib.error.HTTPError as e:
        return e.code


class GraphApiPalsu(_ServerJson):
    """The WhatsApp Cloud API as Meta documents it, for one business phone number.

    Sending (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages):
    `POST /<version>/<PHONE_NUMBER_ID>/messages`, `Authorization: Bearer <token>`, JSON
    `{"messaging_product": "whatsapp", "to", "type": "text", "text": {"body"}}` or `"type": "template",
    "template": {"name", "language": {"code"}, "components": [{"type": "body", "parameters":
    [{"type": "text", "text"}]}]}` (https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates).
    Success: 200 `{"messaging_product": "whatsapp", "contacts": [{"input", "wa_id"}], "messages": [{"id": "wamid…"}]}`.
    Errors (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes): 401 code 190 for a
    bad token; 400 code 132001 for a template name/language that does not exist, 132000 when the number of
    body parameters differs, 130429 when throttled (`batasi`).
    Free text to a number that has not written within 24 hours is accepted (200) and then reported
    "failed" with code 131047 in a status webhook, as Meta does ("Customer service windows",
    https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-messages#customer-service-windows).

    Webhooks (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components) are POSTed to
    `url_webhook` signed as Meta signs them: `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the body with
    the app secret>` (https://developers.facebook.com/docs/graph-api/webhooks/getting-started, "Validating
    payloads"). Receipts wait in `tertunda` until the test calls `kirim_laporan()`, so a test decides when.
    """

    def __init__(self, *, token="token-cloud-1234", phone_number_id="1098765432", app_secret="rahasia-aplikasi-meta",
                 templat=None):
        super().__init__()
        self.token, self.phone_number_id, self.app_secret = token, phone_number_id, app_secret
        self.templat = dict(templat or {})  # (name, language code) → number of body parameters
        self.terkirim = []  # accepted messages: {"id", "to", "type", "text" | "template"}
        self.tertunda = []  # status receipts to send: (wamid, status, error code or None, to)
        self.jendela = {}  # number → time of its last message to the business
        self.url_webhook = ""
        self._batas = 0
        self._id_kunci = {}

    def batasi(self, kali):
        """The next `kali` sends are refused as throttled (code 130429)."""
        self._batas = kali

    @staticmethod
    def _galat(status, kode, pesan):
        return status, {"error": {"message": pesan, "type": "OAuthException", "code": kode, "fbtrace_id": "AbCdEf123"}}

    def _tangani(self, jalur, headers, mentah):
        data = json.loads(mentah or b"{}")
        catatan = {"jalur": jalur, "authorization": headers.get("Authorization", ""), "badan": data,
                   "kunci": headers.get("Idempotency-Key", ""), "waktu": time.time()}
        with self._kunci:
            self.permintaan.append(catatan)
        if not jalur.endswith(f"/{self.phone_number_id}/messages"):
            return self._galat(400, 100, "Unsupported post request.")
        if headers.get("Authorization") != f"Bearer {self.token}":
            return self._galat(401, 190, "Error validating access token: Session has expired.")
        if data.get("messaging_product") != "whatsapp" or not data.get("to"):
            return self._galat(400, 100, "The parameter messaging_product is required.")
        with self._kunci:
            if self._batas:
                self._batas -= 1
                return self._galat(400, 130429, "Rate limit hit")
        ke = data["to"]
        if data.get("type") == "template":
            t = data.get("template") or {}
            kunci_templat = (t.get("name"), (t.get("language") or {}).get("code"))
            if kunci_templat not in self.templat:
                return self._galat(400, 132001, "Template name does not exist in the translation")
            parameter = [p for k in t.get("components", []) if k.get("type") == "body" for p in k.get("parameters", [])]
            if len(parameter) != self.templat[kunci_templat]:
                return self._galat(400, 132000, "Number of parameters does not match the expected number of params")
            if any(not (p.get("type") == "text" and str(p.get("text", "")).strip()) for p in parameter):
                return self._galat(400, 131008, "Required parameter is missing")
        elif data.get("type") != "text" or not (data.get("text") or {}).get("body"):
            return self._galat(400, 131051, "Unsupported message type")
        with self._kunci:
            kunci = catatan["kunci"]
            if kunci and kunci in self._id_kunci:
                wamid = self._id_kunci[kunci]
            else:
                wamid = f"wamid.HBgN{len(self.terkirim) + 1:04d}"
                self._id_kunci[kunci] = wamid
                self.terkirim.append({"id": wamid, "to": ke, "type": data["type"], "text": data.get("text"),
                                      "template": data.get("template")})
                terbuka = time.time() - self.jendela.get(ke, 0) < 24 * 3600
                if data["type"] == "text" and not terbuka:
                    self.tertunda.append((wamid, "failed", 131047, ke))
        return 200, {"messaging_product": "whatsapp", "contacts": [{"input": ke, "wa_id": ke}], "messages": [{"id": wamid}]}

    # -- webhooks ----------------------------------------------------------------------------------

    def tanda_tangan(self, badan, rahasia=None):
        return "sha256=" + hmac.new((rahasia or self.app_secret).encode(), badan, hashlib.sha256).hexdigest()

    def _amplop(self, nilai):
        return {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{
            "field": "messages",
            "value": {"messaging_product": "whatsapp",
                      "metadata": {"display_phone_number": "6281100000000", "phone_number_id": self.phone_number_id},
                      **nilai},
        }]}]}

    def muatan_status(self, wamid, status, *, kode=None, ke="", waktu=None):
        s = {"id": wamid, "status": status, "timestamp": str(int(waktu or time.time())), "recipient_id": ke}
        if kode is not None:
            s["errors"] = [{"code": kode, "title": "Galat", "message": "Galat", "error_data": {"details": "Galat"}}]
        return self._amplop({"statuses": [s]})

    def muatan_pesan(self, dari, teks, *, nama="Pengunjung", wamid=None, balasan_untuk=None, waktu=None):
        pesan = {"from": dari, "id": wamid or f"wamid.MASUK{int(time.time() * 1000)}",
                 "timestamp": str(int(waktu or time.time())), "type": "text", "text": {"body": teks}}
        if balasan_untuk:
            pesan["context"] = {"from": "6281100000000", "id": balasan_untuk}
        return self._amplop({"contacts": [{"profile": {"name": nama}, "wa_id": dari}], "messages": [pesan]})

    def kirim_webhook(self, muatan, *, rahasia=None, tanda=True):
        """POST a webhook to the app, signed (or not, or with another secret); returns the HTTP status."""
        badan = json.dumps(muatan).encode()
        headers = {"Content-Type": "application/json"}
        if tanda:
            headers["X-Hub-Signature-256"] = self.tanda_tangan(badan, rahasia)
        return _kirim_ke_aplikasi(self.url_webhook, badan, headers)

    def laporkan(self, wamid, status, *, kode=None):
        ke = next((m["to"] for m in self.terkirim if m["id"] == wamid), "")
        return self.kirim_webhook(self.muatan_status(wamid, status, kode=kode, ke=ke))

    def kirim_laporan(self):
        """Send the receipts Meta would send by itself (a free text outside the window: failed, 131047)."""
        with self._kunci:
            tertunda, self.tertunda = self.tertunda, []
        return [self.kirim_webhook(self.muatan_status(w, s, kode=k, ke=ke)) for w, s, k, ke in tertunda]

    def pengunjung_menulis(self, dari, teks, **kwargs):
        """The visitor writes to the business: the window opens, and the app gets the inbound webhook."""
        self.jendela[dari] = kwargs.get("waktu") or time.time()
        return self.kirim_webhook(self.muatan_pesan(dari, teks, **kwargs))


class FonntePalsu(_ServerJson):
    """Fonnte as its documentation describes it.

    Sending (https://docs.fonnte.com/api-send-message/): `POST /send`, header `Authorization: <token>`,
    form fields `target` and `message`; the answer is `{"status": true, "detail": "success! message in
    queue", "id": ["…"], "process": "pending", "target": ["…"]}` or `{"status": false, "reason": "…"}`
    ("invalid token", "target invalid", …).
    Message-status callback (https://docs.fonnte.com/webhook-update-message-status/): Fonnte POSTs
    `{"device", "id", "stateid", "status", "state"}` to the webhook address set on the device; it signs
    nothing.
    """

    def __init__(self, *, token="token-fonnte-5678", device="6281100000000"):
        super().__init__()
        self.token, self.device = token, device
        self.terkirim = []
        self.url_webhook = ""
        self._alasan = []

    def tolak(self, alasan):
        """The next send is refused with this `reason`."""
        self._alasan.append(alasan)

    def _tangani(self, jalur, headers, mentah):
        data = {k: v[0] for k, v in urllib.parse.parse_qs(mentah.decode()).items()}
        with self._kunci:
            self.permintaan.append({"jalur": jalur, "authorization": headers.get("Authorization", ""), **data})
            alasan = self._alasan.pop(0) if self._alasan else None
        if jalur != "/send":
            return 404, {"status": False, "reason": "not found"}
        if headers.get("Authorization") != self.token:
            return 200, {"status": False, "reason": "invalid token"}
        if alasan:
            return 200, {"status": False, "reason": alasan}
        if not (data.get("target") or "").isdigit():
            return 200, {"status": False, "reason": "target invalid"}
        with self._kunci:
            nomor = str(80367170 + len(self.terkirim))
            self.terkirim.append({"id": nomor, "target": data["target"], "message": data.get("message", "")})
        return 200, {"detail": "success! message in queue", "id": [nomor], "process": "pending", "status": True,
                     "target": [data["target"]]}

    def laporkan(self, id_pesan, *, status="sent", state="delivered", url=None):
        muatan = {"device": self.device, "id": id_pesan, "stateid": f"3EB0{id_pesan}", "status": status, "state": state}
        return _kirim_ke_aplikasi(url or self.url_webhook, json.dumps(muatan).encode(), {"Content-Type": "application/json"})
