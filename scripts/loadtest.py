"""make loadtest: 20 officers following the officers' user guide and 50 visitors, against gunicorn
with production settings and PostgreSQL on 127.0.0.1, for at most 60 seconds and a bounded number
of requests. Reports errors (must be 0) and p50/p95 per page; then, on its own throwaway cluster,
restarts the database mid-run and checks the clear error page and the recovery without restart.

    .venv/bin/python scripts/loadtest.py [--petugas 20] [--pengunjung 50] [--detik 60]
"""

import argparse
import json
import random
import re
import sys
import tempfile
import threading
import time
from collections import defaultdict, deque

from perkakas_uji import AKAR, Sesi, basis_data, env_aplikasi, gunicorn, manage, persentil

KATA_SANDI = "uji-beban-12345"  # buat_data_uji's officers
HASIL = defaultdict(list)  # page -> [ms]
GALAT = defaultdict(list)  # page -> [what went wrong]
KUNCI = threading.Lock()


def catat(halaman, status, ms, harap=(200,), isi=""):
    with KUNCI:
        HASIL[halaman].append(ms)
        if status not in harap:
            GALAT[halaman].append(f"HTTP {status}")


def petugas(port, nomor, batas_waktu, batas_putaran, rnd):
    """The officers' user guide: login, dashboard, Buku Tamu save, Layanan Saya, Update status."""
    sesi = Sesi(port)
    try:
        catat("login", 302, sesi.login(f"petugas{nomor:02d}@uji.example", KATA_SANDI), (302,))
        for putaran in range(batas_putaran):
            if time.monotonic() > batas_waktu:
                break
            status, _, ms = sesi.get("/dashboard/")
            catat("dashboard", status, ms)
            status, _, ms = sesi.get("/buku-tamu/")
            catat("buku tamu", status, ms)
            q = rnd.choice(["Siti", "Budi", "Santoso", "Bappeda", "0813"])
            status, _, ms = sesi.get(f"/buku-tamu/cari-pengunjung/?q={q}", {"HX-Request": "true"})
            catat("cari pengunjung", status, ms)
            no_hp = f"0857{nomor:02d}{putaran:03d}{rnd.randrange(1000):03d}"
            status, _, ms, _ = sesi.post("/buku-tamu/", {
                "nama": f"Tamu Beban {nomor}-{putaran}", "instansi": "Dinas Uji Beban", "jenis_instansi": "pemerintah",
                "no_hp": no_hp, "email": "", "jenis_layanan": [rnd.choice(JENIS)], "keperluan": "Data uji beban",
                "sarana": "langsung", "kanal_online": "", "nomor_surat_permintaan": "",
            })
            catat("simpan buku tamu", status, ms, (302,))
            status, isi, ms = sesi.get("/layanan/saya/")
            catat("layanan saya", status, ms)
            nomor_layanan = re.findall(r'href="/layanan/(\d+)/"', isi)
            if nomor_layanan:
                pk = rnd.choice(nomor_layanan[:10])
                status, _, ms = sesi.get(f"/layanan/{pk}/")
                catat("detail layanan", status, ms)
                status, _, ms, _ = sesi.post(f"/layanan/{pk}/update/", {"status": "selesai", "catatan": ""})
                # 400 only when another officer closed the same service a moment earlier.
                catat("update status", status, ms, (302, 400))
                if status == 302:
                    # The Rating button of the officers' user guide: the panel gives the link the visitor opens.
                    status, isi, ms = sesi.get(f"/layanan/{pk}/rating/")
                    catat("panel rating", status, ms)
                    token = re.search(r"/r/([A-Za-z0-9_-]+)/", isi)
                    if token:
                        with KUNCI:
                            TOKEN_RATING.append(token.group(1))
            time.sleep(rnd.uniform(0.2, 0.8))
    except Exception as e:  # noqa: BLE001 — a crashed simulated user is an error to report
        with KUNCI:
            GALAT["petugas"].append(repr(e))


TOKEN_RATING = deque()  # rating links the officers' Rating panels gave out, waiting for a visitor


def _beri_rating(port, rnd):
    """A visitor's phone opens a rating link, answers the nine elements and sends them.

    Returns False when no link is waiting yet. Each rating comes from its own phone (address):
    the per-address limit on sending is for one phone, not for the whole office.
    """
    with KUNCI:
        token = TOKEN_RATING.popleft() if TOKEN_RATING else None
    if token is None:
        return False
    sesi = Sesi(port, alamat=f"10.9.{rnd.randrange(256)}.{rnd.randrange(1, 255)}")
    status, isi, ms = sesi.get(f"/r/{token}/")
    catat("rating (buka)", status, ms)
    jawaban = {f"u{i}": rnd.choice([2, 3, 3, 4, 4]) for i in range(1, 10)}
    status, _, ms, lokasi = sesi.post(f"/r/{token}/", {**jawaban, "komentar": rnd.choice(["", "Pelayanan cepat."]),
                                                       "pengaduan": ""})
    catat("rating (kirim)", status, ms, (302,))
    if status == 302:
        status, _, ms = sesi.get(lokasi.replace(f"http://127.0.0.1:{port}", ""))
        catat("rating (terima kasih)", status, ms)
    return True


def pengunjung(port, nomor, batas_waktu, batas_permintaan, rnd):
    """A visitor: rates when an officer has given out a link, otherwise looks at the home page."""
    sesi = Sesi(port, alamat=f"10.8.{nomor // 250}.{nomor % 250 + 1}")
    try:
        for _ in range(batas_permintaan):
            if time.monotonic() > batas_waktu:
                break
            if not _beri_rating(port, rnd):
                status, _, ms = sesi.get("/")
                catat("beranda (pengunjung)", status, ms)
            time.sleep(rnd.uniform(0.5, 2.0))
    except Exception as e:  # noqa: BLE001
        with KUNCI:
            GALAT["pengunjung"].append(repr(e))


JENIS = []


def uji_gangguan(port, klaster):
    """Stop PostgreSQL under a running app: a clear error page; start it again: pages work."""
    print("Uji gangguan: PostgreSQL dihentikan lalu dinyalakan lagi (galat koneksi di log gunicorn memang diharapkan).")
    sesi = Sesi(port)
    sesi.login("petugas01@uji.example", KATA_SANDI)
    status_awal, _, _ = sesi.get("/dashboard/")
    klaster.berhenti()
    try:
        status_mati, isi_mati, _ = sesi.get("/dashboard/")
    finally:
        klaster.mulai()
    status_pulih = None
    for _ in range(3):
        status_pulih, _, _ = sesi.get("/dashboard/")
        if status_pulih == 200:
            break
    hasil = {
        "sebelum": status_awal,
        "basis_data_mati": status_mati,
        "halaman_galat_jelas": "Maaf, terjadi gangguan pada server" in isi_mati and "Traceback" not in isi_mati,
        "sesudah_hidup_lagi": status_pulih,
    }
    hasil["lulus"] = (status_awal == 200 and status_mati == 500 and hasil["halaman_galat_jelas"]
                      and status_pulih == 200)
    return hasil


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--petugas", type=int, default=20)
    ap.add_argument("--pengunjung", type=int, default=50)
    ap.add_argument("--detik", type=int, default=60)
    ap.add_argument("--putaran", type=int, default=40, help="putaran alur petugas paling banyak per petugas")
    ap.add_argument("--permintaan", type=int, default=60, help="permintaan paling banyak per pengunjung")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--port-db", type=int, default=55437)
    ap.add_argument("--json", default=str(AKAR / "docs" / "loadtest-hasil.json"))
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="pst-loadtest-") as folder, basis_data(args.port_db) as (url, klaster):
        print(f"Basis data: {url}")
        env_dev = env_aplikasi(url, folder, produksi=False)
        manage(env_dev, "migrate", "--noinput", tampil=False)
        manage(env_dev, "buat_data_uji", "--layanan", "2000", "--petugas", str(args.petugas))
        env = env_aplikasi(url, folder)
        manage(env, "collectstatic", "--noinput", tampil=False)
        with gunicorn(env, args.port, workers=3, threads=8):
            sesi = Sesi(args.port)
            sesi.login("petugas01@uji.example", KATA_SANDI)
            _, isi, _ = sesi.get("/buku-tamu/")
            JENIS.extend(re.findall(r'name="jenis_layanan" value="(\d+)"', isi))
            if not JENIS:
                raise SystemExit("Formulir Buku Tamu tidak berisi jenis layanan; tidak bisa menguji.")
            batas = time.monotonic() + args.detik
            rnd = random.Random(8)
            utas = [threading.Thread(target=petugas, args=(args.port, i, batas, args.putaran, random.Random(rnd.random())))
                    for i in range(1, args.petugas + 1)]
            utas += [threading.Thread(target=pengunjung, args=(args.port, i, batas, args.permintaan, random.Random(rnd.random())))
                     for i in range(args.pengunjung)]
            mulai = time.monotonic()
            for t in utas:
                t.start()
            for t in utas:
                t.join(timeout=args.detik + 60)
            lama = time.monotonic() - mulai
            gangguan = uji_gangguan(args.port, klaster) if klaster else None

    total = sum(len(v) for v in HASIL.values())
    galat = sum(len(v) for v in GALAT.values())
    print(f"\n{args.petugas} petugas + {args.pengunjung} pengunjung, {lama:.0f} detik, {total} permintaan "
          f"({total / lama:.0f}/detik), galat: {galat}")
    print(f"{'halaman':<22}{'jumlah':>8}{'galat':>7}{'p50 ms':>9}{'p95 ms':>9}")
    ringkas = {}
    for halaman, ms in sorted(HASIL.items()):
        ringkas[halaman] = {"jumlah": len(ms), "galat": len(GALAT.get(halaman, [])),
                            "p50_ms": round(persentil(ms, 50), 1), "p95_ms": round(persentil(ms, 95), 1)}
        r = ringkas[halaman]
        print(f"{halaman:<22}{r['jumlah']:>8}{r['galat']:>7}{r['p50_ms']:>9}{r['p95_ms']:>9}")
    for halaman, daftar in GALAT.items():
        print(f"  galat {halaman}: {sorted(set(daftar))[:5]}")
    if gangguan:
        print(f"Uji gangguan basis data: {'LULUS' if gangguan['lulus'] else 'GAGAL'} {gangguan}")
    with open(args.json, "w") as f:
        json.dump({"detik": round(lama, 1), "permintaan": total, "galat": galat, "halaman": ringkas,
                   "gangguan_basis_data": gangguan}, f, indent=2)
    print(f"Hasil: {args.json}")
    return 1 if galat or (gangguan and not gangguan["lulus"]) else 0


if __name__ == "__main__":
    sys.exit(main())
