"""The test suite's SSO BPS: the real OpenID Provider in tests/oidc/ (npm package oidc-provider), run by Node.js.

`PenyediaOidc().mulai()` starts `node tests/oidc/penyedia.mjs` on 127.0.0.1 at a free port and
waits for it; `atur(...)` sets its accounts, clients, signing key, clock and the other-audience
switch (see the header of penyedia.mjs); `masuk_di_penyedia(...)` signs a person in on its own
login and consent pages with an HTTP session, as a browser would, up to the redirect back to the app.

Node and the package come from `scripts/pastikan-node.sh` (`make test` runs it; it runs `npm ci`
in tests/oidc). Without them the SSO tests are skipped on a developer's machine and fail in CI.
"""

import json
import os
import queue
import re
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import requests

FOLDER = Path(__file__).resolve().parent / "oidc"
JALUR_REALM = "/realms/pegawai-bps"
KLIEN_ID = "pst-frontoffice"
KLIEN_RAHASIA = "rahasia-klien-uji-0123456789"
KLIEN_LAIN = "aplikasi-lain"
SANDI_SSO = "sandi-sso-uji"


def siap():
    """Why the provider cannot run here, or None when it can."""
    if not shutil.which("node"):
        return "Node.js tidak ditemukan (pasang paket 'nodejs')"
    if not (FOLDER / "node_modules" / "oidc-provider").is_dir():
        return "paket oidc-provider belum dipasang (jalankan: npm ci --prefix tests/oidc)"
    return None


def akun(sub, *, email=None, email_verified=True, name=None, nip=None, preferred_username=None):
    """One SSO BPS account, with its password SANDI_SSO."""
    data = {
        "sub": sub, "sandi": SANDI_SSO, "email_verified": email_verified,
        "name": name or sub.replace(".", " ").title(), "preferred_username": preferred_username or sub,
    }
    if email is not None:
        data["email"] = email
    if nip is not None:
        data["nip"] = nip
    return data


class PenyediaOidc:
    def __init__(self):
        self.proses = None
        self.port = None
        self._keluaran = []

    @property
    def issuer(self):
        return f"http://127.0.0.1:{self.port}{JALUR_REALM}"

    def mulai(self, *, percobaan=3, batas_detik=60):
        """Starts the provider; a start that prints no port within `batas_detik` is killed and tried again."""
        for _ in range(percobaan):
            self.proses = subprocess.Popen(
                [shutil.which("node"), str(FOLDER / "penyedia.mjs"), "0"], cwd=FOLDER,
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            baris = queue.Queue()
            threading.Thread(target=lambda p=self.proses: baris.put(p.stdout.readline()), daemon=True).start()
            # Its warnings go on being written; read them so a full pipe never blocks it.
            threading.Thread(target=lambda p=self.proses: self._keluaran.extend(p.stderr), daemon=True).start()
            try:
                pertama = baris.get(timeout=batas_detik)
            except queue.Empty:
                self.proses.kill()
                self.proses.wait()
                continue
            if pertama:
                self.port = json.loads(pertama)["port"]
                return self
            self.proses.wait()
        raise RuntimeError(f"penyedia OIDC tidak mau jalan: {''.join(self._keluaran)[-2000:]}")

    def berhenti(self):
        if self.proses and self.proses.poll() is None:
            self.proses.terminate()
            self.proses.wait(timeout=10)

    def atur(self, **perubahan):
        """Changes the provider's set-up (penyedia.mjs, /_admin/atur); the provider is rebuilt with it."""
        jawaban = requests.post(f"http://127.0.0.1:{self.port}/_admin/atur", json=perubahan, timeout=10)
        jawaban.raise_for_status()
        return jawaban.json()

    def atur_klien(self, *situs):
        """Registers this app's client (and another application's) with the redirect URIs of `situs`."""
        def klien(client_id, rahasia):
            return {
                "client_id": client_id, "client_secret": rahasia, "client_name": "PST Front Office",
                "redirect_uris": [f"{s}/sso/kembali/" for s in situs],
                "post_logout_redirect_uris": [f"{s}/sso/keluar/selesai/" for s in situs],
            }
        return self.atur(klien=[klien(KLIEN_ID, KLIEN_RAHASIA), klien(KLIEN_LAIN, "rahasia-aplikasi-lain-0123456789")])

    def atur_ulang(self, *situs):
        """Back to a well-behaved provider with no accounts."""
        self.atur_klien(*situs)
        return self.atur(akun=[], kunciTanda="utama", kunciTerbit=["utama"], mundurDetik=0, audiensLain=None, tanpaKeluar=False)

    def masuk_di_penyedia(self, url_otorisasi, *, username, sandi=SANDI_SSO, sesi=None):
        """Signs in on the provider's pages and grants consent; returns the URL the provider sends
        the browser back to (the app's redirect URI with code and state)."""
        sesi = sesi or requests.Session()
        url = url_otorisasi
        for _ in range(10):
            jawaban = sesi.get(url, allow_redirects=False, timeout=10)
            if jawaban.is_redirect:
                lokasi = urljoin(url, jawaban.headers["Location"])
                if not lokasi.startswith(f"http://127.0.0.1:{self.port}/"):
                    return lokasi
                url = lokasi
                continue
            aksi = re.search(r'<form method="post" action="([^"]+)"', jawaban.text)
            if aksi is None:
                raise AssertionError(f"halaman penyedia tanpa formulir: {jawaban.text[:500]}")
            isian = {"username": username, "password": sandi} if 'name="username"' in jawaban.text else {}
            jawaban = sesi.post(urljoin(url, aksi.group(1)), data=isian, allow_redirects=False, timeout=10)
            url = urljoin(url, jawaban.headers["Location"])
        raise AssertionError("penyedia tidak mengembalikan ke aplikasi")


def parameter(url):
    """The query parameters of a URL, one value each."""
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def jalur_dan_query(url):
    bagian = urlsplit(url)
    return f"{bagian.path}?{bagian.query}" if bagian.query else bagian.path


def wajib_di_ci():
    return bool(os.environ.get("CI"))
