"""End to end: two offices and one province, three real instances on 127.0.0.1 with their own databases.

Each office runs its web server and its worker (`manage.py db_worker`), the province its web server
(PST_MODE=provinsi). The province Admin registers the offices over HTTP; each office installs its key.
1. The summaries of every past day flow to the province.
2. The province stops; the world moves "three days" on (every instance's clock +3 days through
   tests/jam_geser.py); the offices record three more days and a late edit to a day already sent,
   and their workers find the province gone. The province starts again: every missing day and the
   edited day arrive, without anyone pressing anything.
3. The province's figures of each office equal that office's own report for the same period, sheet
   by sheet of the Excel files, and the province total is their sum (the IKM from the summed answers).
4. A forged, a replayed and a wrongly keyed summary are each refused and logged.
Waits are for states, with deadlines.
"""

import datetime
import http.cookiejar
import io
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from provinsi import tandatangan
from pst_frontoffice import sekali
from pst_frontoffice.skm import FIELD_UNSUR
from rating import ikm
from ringkasan.hitung import VERSI

ROOT = Path(__file__).resolve().parent.parent
TIGA_HARI = 3 * 86400
SANDI = "kata-sandi-e2e-1"
# The offices retry after a failure within two seconds here (an hour at most in production).
ENV_KANTOR = {"PROVINSI_JEDA_AWAL_DETIK": "1", "PROVINSI_JEDA_MAKS_DETIK": "2"}


def _tunggu(syarat, *, detik, pesan=""):
    batas = time.monotonic() + detik
    while time.monotonic() < batas:
        hasil = syarat()
        if hasil:
            return hasil
        time.sleep(0.2)
    raise AssertionError(f"Tidak tercapai dalam {detik} detik: {pesan() if callable(pesan) else pesan}")


def _port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Instansi:
    """One instance: its SQLite file, its settings (environment), its processes and its clock offset."""

    def __init__(self, nama, folder, templat, **env):
        self.nama, self.folder = nama, folder
        self.db = folder / f"{nama}.sqlite3"
        shutil.copy(templat, self.db)
        self.port = _port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "DATABASE_URL": f"sqlite:///{self.db}", "PYTHONUNBUFFERED": "1", "SECRET_KEY": f"e2e-{nama}-" + "x" * 40,
                    "MEDIA_ROOT": str(folder / f"{nama}-media"), **env}
        self.env.pop("DJANGO_SETTINGS_MODULE", None)
        self.geser = 0
        self.proses = []

    def _perintah(self, *argumen):
        return [sys.executable, "tests/jam_geser.py", str(self.geser), *argumen]

    def jalankan(self, *argumen, **env):
        hasil = subprocess.run(self._perintah(*argumen), cwd=ROOT, env={**self.env, **env}, capture_output=True, text=True, timeout=300)
        assert hasil.returncode == 0, hasil.stdout + hasil.stderr
        return hasil.stdout

    def _mulai(self, nama, *argumen):
        log = open(self.folder / f"{self.nama}-{nama}-{len(self.proses)}.log", "wb")
        self.proses.append((subprocess.Popen(self._perintah(*argumen), cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT), log))

    def mulai_server(self):
        self._mulai("server", "manage.py", "runserver", "--noreload", "--nothreading", f"127.0.0.1:{self.port}")
        _tunggu(self._sehat, detik=90, pesan=lambda: self.log())

    def mulai_worker(self):
        self._mulai("worker", "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.3")

    def _sehat(self):
        try:
            with urllib.request.urlopen(f"{self.url}/sehat/", timeout=2) as r:
                return r.status == 200
        except OSError:
            return False

    def hentikan(self):
        for p, log in self.proses:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait(10)
            log.close()
        self.proses = []

    def log(self):
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(self.folder.glob(f"{self.nama}-*.log")))

    def sql(self, query, *param):
        with sqlite3.connect(self.db, timeout=20) as c:
            return c.execute(query, param).fetchall()


class Peramban:
    """A logged-in HTTP client (cookies, CSRF token and one-time form key from each form)."""

    def __init__(self, url, email):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.kirim("/login/", {"username": email, "password": SANDI})

    def buka(self, jalur, data=None):
        with self.opener.open(self.url + jalur, data=data, timeout=60) as r:
            return r.read()

    def kirim(self, jalur, isian):
        halaman = self.buka(jalur).decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', halaman).group(1)
        isian = {**isian, "csrfmiddlewaretoken": token}
        # A form that creates a record carries a one-time key (pst_frontoffice.sekali): sent as the page drew it.
        if kunci := re.search(rf'name="{sekali.NAMA_ISIAN}" value="([^"]+)"', halaman):
            isian[sekali.NAMA_ISIAN] = kunci.group(1)
        return self.buka(jalur, urllib.parse.urlencode(isian).encode()).decode()

    def unduh_lewat_worker(self, jenis, periode):
        """A report file as the report page gets it: asked for (POST), made by the office's worker, its
        page followed until it is ready, then downloaded."""
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', self.buka(f"/laporan/?{periode}")).group(1).decode()
        isian = {**dict(urllib.parse.parse_qsl(periode)), "jenis": jenis, "csrfmiddlewaretoken": token}
        with self.opener.open(self.url + "/unduhan/", data=urllib.parse.urlencode(isian).encode(), timeout=60) as r:
            halaman = urllib.parse.urlsplit(r.geturl()).path  # redirected to the file's page
        _tunggu(lambda: b'data-status="siap"' in self.buka(halaman), detik=120, pesan=lambda: self.buka(halaman).decode())
        return self.buka(f"{halaman}berkas/")


def _lembar(isi):
    """{sheet: rows from its header row on} of an .xlsx file."""
    wb = load_workbook(io.BytesIO(isi), read_only=True)
    return {ws.title: [tuple(r) for r in ws.iter_rows(min_row=3, values_only=True)] for ws in wb.worksheets}


def _jumlah_jawaban(lembar):
    """The summed answers per element, read back from a file's NRR (3 decimals) × respondents: exact below 1,000 respondents."""
    n = next(r[1] for r in lembar["Kepuasan (IKM)"][1:] if r[0] == "Keseluruhan")
    nrr = [r[1] for r in lembar["NRR per Unsur"][1:len(FIELD_UNSUR) + 1]]
    return n, [round(Decimal(str(x)) * n) if x is not None else 0 for x in nrr]


@pytest.fixture
def dunia(tmp_path):
    templat = tmp_path / "templat.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{templat}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=600)
    provinsi = Instansi("provinsi", tmp_path, templat, PST_MODE="provinsi", TIME_ZONE="Asia/Makassar")
    kantor = [
        Instansi("kantor1", tmp_path, templat, PROVINSI_URL=provinsi.url, TIME_ZONE="Asia/Makassar", **ENV_KANTOR),
        Instansi("kantor2", tmp_path, templat, PROVINSI_URL=provinsi.url, TIME_ZONE="Asia/Jakarta", **ENV_KANTOR),
    ]
    try:
        yield provinsi, kantor
    finally:
        for i in (provinsi, *kantor):
            i.hentikan()


def _semua_terkirim(k, *, kemarin, hari_diubah=None):
    baris = k.sql("select tanggal, status, kali_terkirim from provinsi_kirimanharian")
    # At or past yesterday: an office day may end while the test runs (the suite runs at 23.50 too).
    if not baris or any(s != "terkirim" for _, s, _ in baris) or max(t for t, _, _ in baris) < kemarin:
        return False
    return hari_diubah is None or dict((t, n) for t, _, n in baris)[hari_diubah] >= 2


def _hari_di_provinsi(provinsi):
    return dict(provinsi.sql("select k.kode, count(*) from provinsi_ringkasankantor r join provinsi_kantor k on k.id = r.kantor_id group by k.kode"))


def _hari_terkirim(kantor, data):
    return {kode: k.sql("select count(*) from provinsi_kirimanharian where status = 'terkirim'")[0][0] for k, (kode, *_) in zip(kantor, data)}


def test_summaries_flow_survive_a_three_day_outage_and_equal_each_offices_own_report(dunia):
    provinsi, kantor = dunia
    skrip_provinsi = (
        "from pst_frontoffice.models import PengaturanKantor, Peran, User\n"
        "k = PengaturanKantor.get(); k.nama_kantor = 'BPS Provinsi Kalimantan Selatan'; k.zona_waktu = 'Asia/Makassar'; k.save()\n"
        f"User.objects.create_user(email='admin@e2e.example', password='{SANDI}', nama='Admin Provinsi', peran=Peran.ADMIN)\n"
        f"User.objects.create_user(email='pimpinan@e2e.example', password='{SANDI}', nama='Kepala Provinsi', peran=Peran.PIMPINAN)\n"
    )
    provinsi.jalankan("manage.py", "shell", "-c", skrip_provinsi)
    provinsi.mulai_server()
    admin = Peramban(provinsi.url, "admin@e2e.example")
    kunci = {}
    for kode, nama in (("6310", "BPS Kabupaten Tanah Bumbu"), ("3374", "BPS Kota Semarang"), ("9901", "Kantor Uji Serangan")):
        halaman = admin.kirim("/provinsi/kelola/kantor/", {"kode": kode, "nama": nama})
        kunci[kode] = re.search(r'id="kunci-kantor"[^>]*value="([^"]+)"', halaman).group(1)

    # 1. Each office records eight days, installs its key; its worker sends every past day.
    data = [("6310", "BPS Kabupaten Tanah Bumbu", "Asia/Makassar", 1), ("3374", "BPS Kota Semarang", "Asia/Jakarta", 2)]
    hari_ini = {}
    for k, (kode, nama, zona, seed) in zip(kantor, data):
        keluar = k.jalankan("tests/isi_kantor_e2e.py", E2E_KANTOR=nama, E2E_ZONA=zona, E2E_SEED=str(seed),
                            E2E_HARI=",".join(str(-i) for i in range(8, 0, -1)), E2E_KUNCI=kunci[kode])
        hari_ini[k.nama] = datetime.date.fromisoformat(keluar.split("SIAP ")[1].strip())
        k.mulai_worker()
    for k in kantor:
        kemarin = (hari_ini[k.nama] - datetime.timedelta(days=1)).isoformat()
        _tunggu(lambda k=k, kemarin=kemarin: _semua_terkirim(k, kemarin=kemarin), detik=180,
                pesan=lambda k=k: (k.sql("select tanggal, status, alasan from provinsi_kirimanharian"), k.log()))
    assert _hari_di_provinsi(provinsi) == _hari_terkirim(kantor, data)
    assert all(n >= 8 for n in _hari_di_provinsi(provinsi).values())

    # 2. The province stops; three days pass; the offices work on and edit an old day.
    provinsi.hentikan()
    diubah = {}
    for k, (kode, nama, zona, seed) in zip(kantor, data):
        k.hentikan()
        k.geser = TIGA_HARI
        keluar = k.jalankan("tests/isi_kantor_e2e.py", E2E_KANTOR=nama, E2E_ZONA=zona, E2E_SEED=str(seed + 10),
                            E2E_HARI="-3,-2,-1", E2E_UBAH_LAMA="1")
        diubah[k.nama] = keluar.split("DIUBAH ")[1].split()[0]
        hari_ini[k.nama] = datetime.date.fromisoformat(keluar.split("SIAP ")[1].strip())
        k.mulai_worker()
        k.mulai_server()
    for k in kantor:  # their workers find the province gone, and keep trying
        _tunggu(lambda k=k: k.sql("select gagal_berturut from provinsi_sambunganprovinsi")[0][0] >= 2, detik=120, pesan=k.log)
        assert "tidak dapat dihubungi" in k.sql("select galat_terakhir from provinsi_sambunganprovinsi")[0][0]
    provinsi.geser = TIGA_HARI
    provinsi.mulai_server()
    for k in kantor:
        kemarin = (hari_ini[k.nama] - datetime.timedelta(days=1)).isoformat()
        _tunggu(lambda k=k, kemarin=kemarin: _semua_terkirim(k, kemarin=kemarin, hari_diubah=diubah[k.nama]), detik=180,
                pesan=lambda k=k: (k.sql("select tanggal, status, kali_terkirim, alasan from provinsi_kirimanharian"), k.log()))
    assert _hari_di_provinsi(provinsi) == _hari_terkirim(kantor, data)
    assert all(n >= 11 for n in _hari_di_provinsi(provinsi).values())
    ulang = provinsi.sql("select k.kode, r.tanggal from provinsi_ringkasankantor r join provinsi_kantor k on k.id = r.kantor_id where r.dikirim_ulang > 0")
    assert {(kode, diubah[k.nama]) for k, (kode, *_) in zip(kantor, data)} <= set(ulang)

    # 3. The same period in each office's own report file and in the province's files.
    mulai = min(hari_ini.values()) - datetime.timedelta(days=11)
    selesai = min(hari_ini.values()) - datetime.timedelta(days=1)
    periode = urllib.parse.urlencode({"periode": "rentang", "dari": mulai.isoformat(), "sampai": selesai.isoformat()})
    pimpinan = Peramban(provinsi.url, "pimpinan@e2e.example")
    laporan_kantor = {}
    for k, (kode, *_) in zip(kantor, data):
        sendiri = _lembar(Peramban(k.url, "pimpinan@e2e.example").unduh_lewat_worker("laporan_xlsx", periode))
        di_provinsi = _lembar(pimpinan.buka(f"/provinsi/unduh/rekap.xlsx?{periode}&kantor={kode}"))
        laporan_kantor[kode] = sendiri
        for lembar, baris in di_provinsi.items():
            harapan = sendiri[lembar]
            if lembar == "Ringkasan":  # different people do not add up over a free range: the province leaves it out
                baris, harapan = [b for b in baris if b[0] != "Pengunjung (orang)"], [b for b in harapan if b[0] != "Pengunjung (orang)"]
            if lembar == "Per Jenis Layanan":
                baris, harapan = sorted(baris, key=str), sorted(harapan, key=str)
            assert baris == harapan, (kode, lembar)
        assert sendiri["Ringkasan"][1][1] > 0  # the visits: the files hold data, not zeros
    total = _lembar(pimpinan.buka(f"/provinsi/unduh/rekap.xlsx?{periode}"))
    per_kantor = {b[0]: b for b in total["Per Kantor"][1:]}
    for kolom in range(2, 6):  # days received, visits, services, finished
        assert per_kantor[None][kolom] == per_kantor["6310"][kolom] + per_kantor["3374"][kolom]
    assert per_kantor["6310"][2] >= 10 and per_kantor["3374"][2] >= 10  # every day of the period, from each office's first
    for baris_total, baris_1, baris_2 in zip(total["Ringkasan"][1:], laporan_kantor["6310"]["Ringkasan"][1:], laporan_kantor["3374"]["Ringkasan"][1:]):
        if baris_total[0] not in ("Pengunjung (orang)", "Tingkat penyelesaian (%)"):
            assert baris_total[1] == baris_1[1] + baris_2[1], baris_total[0]
    n1, j1 = _jumlah_jawaban(laporan_kantor["6310"])
    n2, j2 = _jumlah_jawaban(laporan_kantor["3374"])
    harapan = ikm.hasil_dari_jumlah({"responden": n1 + n2, **{f"jumlah_{f}": a + b for f, a, b in zip(FIELD_UNSUR, j1, j2)}})
    keseluruhan = next(r for r in total["Kepuasan (IKM)"][1:] if r[0] == "Keseluruhan")
    assert (keseluruhan[1], Decimal(str(keseluruhan[2]))) == (n1 + n2, harapan.ikm)

    # 4. A forged, a replayed and a wrongly keyed summary: each refused and logged.
    sekarang = time.time() + TIGA_HARI
    kemarin = (datetime.datetime.fromtimestamp(sekarang, datetime.UTC) - datetime.timedelta(days=2)).date()
    isi = {
        "format": 1, "kantor": "9901",
        "ringkasan": {"versi": VERSI, "tanggal": kemarin.isoformat(), "zona_waktu": "Asia/Makassar",
                      "dihitung_pada": datetime.datetime.now(datetime.UTC).isoformat(), "jenis_layanan": {"1": "konsultasi"},
                      "angka": {"layanan": {"1|selesai": 5}, "layanan_hari": {"": 5}}},
        "jenis_layanan": {"konsultasi": {"nama": "Konsultasi", "permintaan_data": False, "aktif": True}},
        "standar": {"batas_tunggu_menit": 10, "batas_konsultasi_langsung_jam": 3, "batas_online_hari_kerja": 3},
    }
    badan = json.dumps(isi).encode()

    def kirim(b, kepala):
        permintaan = urllib.request.Request(f"{provinsi.url}/provinsi/api/ringkasan/", data=b, method="POST",
                                            headers={"Content-Type": "application/json", **kepala})
        try:
            with urllib.request.urlopen(permintaan, timeout=30) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    sah = tandatangan.kepala(kunci["9901"], badan, waktu=sekarang)
    assert kirim(badan, sah) == (200, {"status": "diterima", "tanggal": kemarin.isoformat()})
    assert kirim(badan, sah)[0] == 409  # the same request again
    palsu = badan.replace(b'"1|selesai": 5', b'"1|selesai": 500')
    assert kirim(palsu, tandatangan.kepala(kunci["9901"], badan, waktu=sekarang))[0] == 403
    assert kirim(badan, tandatangan.kepala(tandatangan.buat_kunci("9901"), badan, waktu=sekarang))[0] == 403
    log = provinsi.sql("select alasan from provinsi_penolakankiriman where kode_kantor = '9901' order by id")
    assert [a for (a,) in log] == ["pengulangan", "tanda_salah", "tanda_salah"]
    assert provinsi.sql("select angka from provinsi_ringkasankantor r join provinsi_kantor k on k.id = r.kantor_id where k.kode = '9901'") == [
        ('{"layanan|konsultasi|selesai": 5, "layanan_hari|": 5}',)
    ]
