"""Real servers standing in for a WhatsApp gateway and an SMTP server, on 127.0.0.1 at random ports.

`GatewayPalsu` speaks both gateway dialects the app knows: Fonnte-style `POST /send` (form fields,
`Authorization: <token>`) and the Cloud API's `POST /<phone_number_id>/messages` (JSON, Bearer).
It honours `Idempotency-Key` the way idempotent APIs do: a repeat of a key it already delivered is
answered again but not delivered twice. `permintaan` logs every request received; `terkirim` the
messages delivered, once each.
"""

import json
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


class GatewayPalsu:
    def __init__(self, *, token="token-benar-1234", tunda=0.0):
        self.token = token
        self.tunda = tunda  # seconds every request is held before it is answered
        self.permintaan = []
        self.terkirim = []
        self._naskah = []  # scripted answers: (status, body, headers, delay), used first
        self._kunci = {}
        self._kunci_kunci = threading.Lock()
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
                isi = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(isi)))
                    self.end_headers()
                    self.wfile.write(isi)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client went away (a killed worker)

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
