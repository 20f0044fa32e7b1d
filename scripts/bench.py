"""make bench: latency and queries per page at several data sizes, on PostgreSQL, against gunicorn
with production settings; each page is compared with a bare Django page of the same server and run.

    .venv/bin/python scripts/bench.py --ukuran 1000,100000,1000000 [--ulang 30]

Writes docs/bench-hasil.json and the table between the markers in docs/kinerja.md.
"""

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perkakas_uji import AKAR, Sesi, basis_data, env_aplikasi, gunicorn, manage, persentil

KATA_SANDI = "uji-beban-12345"
PENANDA_MULAI = "<!-- bench:mulai -->"
PENANDA_AKHIR = "<!-- bench:akhir -->"

# (label, who, path, kind). kind "petugas" pages carry the officer-page targets; "info" rows are
# measured for reading the others (the bare page behind the login), with no target of their own.
HALAMAN = [
    ("Halaman polos (pembanding)", None, "/_bench/polos/", "polos"),
    ("Halaman polos dengan login (info)", "petugas", "/_bench/polos-login/", "info"),
    ("Login", None, "/login/", "publik"),
    ("Halaman rating pengunjung (publik)", None, "/r/{token}/", "publik"),
    ("Dashboard", "petugas", "/dashboard/", "petugas"),
    ("Layanan Saya", "petugas", "/layanan/saya/", "petugas"),
    # The same tab with closed services too: 25 rows at every size, where the open-only default
    # has as many rows as the generated office has open services (a handful at 1 thousand).
    ("Layanan Saya (semua)", "petugas", "/layanan/saya/?tampil=semua", "petugas"),
    ("Semua Layanan", "petugas", "/layanan/", "petugas"),
    ("Semua Layanan (disaring)", "petugas", "/layanan/?status=selesai&jenis={jenis}&q=Santoso", "petugas"),
    ("Cari pengunjung (autocomplete)", "petugas", "/buku-tamu/cari-pengunjung/?q=siti%20lub", "autocomplete"),
    ("Laporan bulanan", "pimpinan", "/laporan/?periode=bulan", "laporan"),
    ("Laporan tahunan", "pimpinan", "/laporan/?periode=tahun", "laporan"),
]


def ukur(port, sesi_per_peran, jenis, token, ulang):
    """Round-robin over the pages (so no page profits from a warm moment), after a warm-up."""
    hasil = {label: {"ms": [], "query": set(), "status": set(), "baris": set()} for label, *_ in HALAMAN}
    anonim = Sesi(port)
    for putaran in range(ulang + 3):
        for label, peran, path, _ in HALAMAN:
            sesi = sesi_per_peran[peran] if peran else anonim
            header = {"HX-Request": "true"} if "cari-pengunjung" in path else None
            status, isi, ms = sesi.get(path.format(jenis=jenis, token=token), header)
            if putaran < 3:
                continue
            h = hasil[label]
            h["ms"].append(ms)
            h["status"].add(status)
            h["baris"].add(len(re.findall(r"<tr[\s>]", isi)) - isi.count("<thead"))  # table rows shown
            h["query"].add(sesi.header_terakhir.get("x-jumlah-query"))
    return hasil


def token_rating(sesi):
    """A rating link as the officer's Rating panel gives it, for a finished service not yet rated."""
    _, isi, _ = sesi.get("/layanan/?status=selesai")
    for pk in re.findall(r'href="/layanan/(\d+)/"', isi):
        _, panel, _ = sesi.get(f"/layanan/{pk}/rating/")
        token = re.search(r"/r/([A-Za-z0-9_-]+)/", panel)
        if token:
            _, halaman, _ = sesi.get(f"/r/{token.group(1)}/")
            if 'name="u1"' in halaman:
                return token.group(1)
    raise SystemExit("Tidak ada layanan selesai yang belum dinilai; halaman rating tidak bisa diukur.")


def jalankan_ukuran(ukuran, url_dasar, port, folder, ulang):
    nama_db = f"pst_bench_{ukuran}"
    url = url_dasar.rsplit("/", 1)[0] + "/" + nama_db
    host_port = re.search(r"@([^/]+)/", url_dasar).group(1)
    h, p = host_port.split(":") if ":" in host_port else (host_port, "5432")
    pengguna = re.search(r"//([^@:]+)", url_dasar).group(1)
    for perintah in (["dropdb", "--if-exists"], ["createdb"]):
        subprocess.run([*perintah, "-h", h, "-p", p, "-U", pengguna, nama_db], check=True)
    env_dev = env_aplikasi(url, folder, produksi=False)
    manage(env_dev, "migrate", "--noinput", tampil=False)
    mulai = time.monotonic()
    manage(env_dev, "buat_data_uji", "--layanan", str(ukuran), "--petugas", "20", "--batch", "50000")
    waktu_buat = time.monotonic() - mulai
    subprocess.run(["psql", "-h", h, "-p", p, "-U", pengguna, "-qc", "VACUUM ANALYZE", nama_db], check=True)
    env = env_aplikasi(url, folder)
    env["BENCH_HITUNG_QUERY"] = "1"
    # One worker, one thread: latency of one request at a time, not throughput.
    with gunicorn(env, port, workers=1, threads=1):
        sesi = {"petugas": Sesi(port), "pimpinan": Sesi(port)}
        sesi["petugas"].login("petugas01@uji.example", KATA_SANDI)
        sesi["pimpinan"].login("pimpinan@uji.example", KATA_SANDI)
        _, isi, _ = sesi["petugas"].get("/buku-tamu/")
        jenis = re.findall(r'name="jenis_layanan" value="(\d+)"', isi)[1]
        token = token_rating(sesi["petugas"])
        mentah = ukur(port, sesi, jenis, token, ulang)
    polos = persentil(mentah["Halaman polos (pembanding)"]["ms"], 50)
    baris = {}
    for label, _, path, jenis_halaman in HALAMAN:
        m = mentah[label]
        median = persentil(m["ms"], 50)
        baris[label] = {
            "path": path, "jenis": jenis_halaman, "median_ms": round(median, 2),
            "p95_ms": round(persentil(m["ms"], 95), 2), "query": sorted(int(q) for q in m["query"] if q),
            "status": sorted(m["status"]), "rasio_polos": round(median / polos, 2), "baris": max(m["baris"]),
        }
    return {"ukuran": ukuran, "detik_membuat_data": round(waktu_buat, 1), "halaman": baris}


def nilai_target(hasil):
    """The performance targets (docs/kinerja.md), checked on what was measured."""
    catatan = []
    kecil, besar = hasil[0], hasil[-1]
    for label, _, _, jenis in HALAMAN:
        query = [tuple(h["halaman"][label]["query"]) for h in hasil]
        if len(set(query)) > 1:
            catatan.append(f"GAGAL {label}: jumlah query berbeda antar-ukuran {query}")
        for h in hasil:
            s = h["halaman"][label]
            if any(st >= 400 for st in s["status"]):
                catatan.append(f"GAGAL {label} ({h['ukuran']}): status {s['status']}")
            if jenis == "petugas" and s["rasio_polos"] > 3:
                catatan.append(f"GAGAL {label} ({h['ukuran']}): {s['rasio_polos']}× halaman polos (target ≤ 3×)")
        if jenis == "petugas" and len(hasil) > 1:
            a, b = kecil["halaman"][label], besar["halaman"][label]
            rasio = b["median_ms"] / a["median_ms"]
            if rasio > 1.5 and a.get("baris") != b.get("baris"):
                # Growth is judged on the same page; a page with more rows is more work, not slower.
                catatan.append(f"TIDAK SEBANDING {label}: {rasio:.2f}× di {besar['ukuran']} daripada {kecil['ukuran']}, "
                               f"tetapi {b.get('baris')} baris tabel dibanding {a.get('baris')}")
            elif rasio > 1.5:
                catatan.append(f"GAGAL {label}: {rasio:.2f}× lebih lambat di {besar['ukuran']} daripada {kecil['ukuran']} (target ≤ 1,5×)")
    auto = besar["halaman"]["Cari pengunjung (autocomplete)"]["median_ms"]
    if besar["ukuran"] >= 1_000_000 and auto >= 30:
        catatan.append(f"GAGAL autocomplete: median {auto} ms pada {besar['ukuran']} pengunjung (target < 30 ms)")
    return catatan


def angka(x):
    return f"{x:,.1f}".replace(",", "·").replace(".", ",").replace("·", ".")


def tabel_markdown(hasil, catatan, info):
    ukuran = [h["ukuran"] for h in hasil]
    kepala = "| halaman | " + " | ".join(f"{u:,} layanan: median / p95 ms (× polos) · query · baris".replace(",", ".") for u in ukuran) + " |"
    garis = "|---|" + "---|" * len(ukuran)
    baris = [kepala, garis]
    for label, *_ in HALAMAN:
        sel = []
        for h in hasil:
            s = h["halaman"][label]
            q = "/".join(str(x) for x in s["query"]) or "–"
            b = f" · {s['baris']} baris" if s.get("baris") else ""
            sel.append(f"{angka(s['median_ms'])} / {angka(s['p95_ms'])} ({angka(s['rasio_polos'])}×) · {q}{b}")
        baris.append(f"| {label} | " + " | ".join(sel) + " |")
    teks = [f"Diukur {info['waktu']} pada {info['mesin']}; {info['ulang']} permintaan per halaman per ukuran, "
            "gunicorn 1 worker 1 thread, PostgreSQL di 127.0.0.1, pengaturan produksi.", "", *baris, ""]
    teks.append("Target: " + ("semua terpenuhi." if not any(c.startswith("GAGAL") for c in catatan) else ""))
    teks += [f"- {c}" for c in catatan]
    return "\n".join(teks)


def tulis_kinerja(teks):
    readme = AKAR / "docs" / "kinerja.md"
    isi = readme.read_text()
    if PENANDA_MULAI not in isi:
        print("Penanda tabel kinerja tidak ada di docs/kinerja.md; tabel hanya dicetak.")
        return
    awal, _, sisa = isi.partition(PENANDA_MULAI)
    _, _, akhir = sisa.partition(PENANDA_AKHIR)
    readme.write_text(f"{awal}{PENANDA_MULAI}\n{teks}\n{PENANDA_AKHIR}{akhir}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ukuran", default="1000,100000,1000000", help="jumlah layanan, dipisah koma")
    ap.add_argument("--ulang", type=int, default=30)
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--port-db", type=int, default=55438)
    ap.add_argument("--json", default=str(AKAR / "docs" / "bench-hasil.json"))
    ap.add_argument("--tanpa-dokumen", action="store_true")
    args = ap.parse_args()
    daftar = [int(x) for x in args.ukuran.replace(".", "").split(",") if x.strip()]

    hasil = []
    info = {"waktu": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H.%M UTC"),
            "mesin": f"{platform.machine()}, {os.cpu_count()} CPU (dipakai bersama proses lain)", "ulang": args.ulang}
    catatan = []
    with tempfile.TemporaryDirectory(prefix="pst-bench-") as folder, basis_data(args.port_db) as (url, _):
        env = env_aplikasi(url, folder)
        manage(env, "collectstatic", "--noinput", tampil=False)
        for ukuran in daftar:
            print(f"== {ukuran} layanan")
            hasil.append(jalankan_ukuran(ukuran, url, args.port, folder, args.ulang))
            for label, s in hasil[-1]["halaman"].items():
                print(f"  {label:<32} median {s['median_ms']:>8} ms  p95 {s['p95_ms']:>8} ms  "
                      f"{s['rasio_polos']:>5}×  query {s['query']}  status {s['status']}")
            # Written after every size: a long run stopped half-way keeps what it measured.
            catatan = nilai_target(hasil)
            Path(args.json).write_text(json.dumps({"info": info, "hasil": hasil, "catatan_target": catatan}, indent=2))
            teks = tabel_markdown(hasil, catatan, info)
            if not args.tanpa_dokumen:
                tulis_kinerja(teks)
    print(teks)
    return 1 if any(c.startswith("GAGAL") for c in catatan) else 0


if __name__ == "__main__":
    sys.exit(main())
