"""make bench: every page that matters, side by side in one run, at several data sizes on
PostgreSQL, as ratios to the bare logged-in page of the same server and run.

    .venv/bin/python scripts/bench.py --ukuran 100000,1000000 [--ulang 30]

For each size: a new database, `buat_data_uji`, VACUUM ANALYZE, then
- over HTTP, gunicorn with production settings (1 worker, 1 thread), each page requested in
  interleaved rounds as a browser does (cookies, Accept-Encoding: gzip): median, p95, queries;
- in-process (scripts/bench_rincian.py): where each page's time goes (SQL, ORM compilation,
  templates, the rest);
- the yearly Excel made as the worker makes it: seconds, size, peak memory;
and once, the middleware stack against a minimal one on a bare page (scripts/bench_middleware.py).
Writes docs/bench-hasil.json and the tables between the markers in docs/kinerja.md.
"""

import argparse
import datetime
import html
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_middleware import gagal as gagal_middleware
from bench_middleware import tabel as tabel_middleware
from perkakas_uji import AKAR, PY, Sesi, basis_data, env_aplikasi, gunicorn, manage, persentil

KATA_SANDI = "uji-beban-12345"
PENANDA_MULAI = "<!-- bench:mulai -->"
PENANDA_AKHIR = "<!-- bench:akhir -->"
PEMBANDING = "Halaman polos dengan login (pembanding)"

# (label, who, path, kind). Targets by kind: "petugas" ≤ 3×, "laporan" ≤ 10× the bare logged-in page;
# "info" rows are there for reading the others.
HALAMAN = [
    (PEMBANDING, "petugas", "/_bench/polos-login/", "polos"),
    ("Halaman polos tanpa login (info)", None, "/_bench/polos/", "info"),
    ("Dashboard", "petugas", "/dashboard/", "petugas"),
    ("Layanan Saya", "petugas", "/layanan/saya/", "petugas"),
    ("Semua Layanan", "petugas", "/layanan/", "petugas"),
    ("Semua Layanan, cari teks", "petugas", "/layanan/?q=Santoso", "petugas"),
    ("Detail layanan", "petugas", "/layanan/{layanan}/", "petugas"),
    ("Cari pengunjung (autocomplete)", "petugas", "/buku-tamu/cari-pengunjung/?q=siti%20lub", "info"),
    ("Halaman rating pengunjung (publik)", None, "/r/{token}/", "info"),
    ("IKM", "pimpinan", "/ikm/", "laporan"),
    ("Laporan mingguan", "pimpinan", "/laporan/?periode=minggu", "laporan"),
    ("Laporan bulanan", "pimpinan", "/laporan/?periode=bulan", "laporan"),
    ("Laporan tahunan", "pimpinan", "/laporan/?periode=tahun", "laporan"),
]
BATAS_RASIO = {"petugas": 3, "laporan": 10}
BATAS_EXCEL_DETIK = 60


def layanan_detail(sesi):
    """The officer's newest data request: the detail page with every panel (letters, uploads), the
    same kind at every size, so that its queries compare."""
    _, semua, _ = sesi.get("/layanan/")
    nama = html.unescape(re.search(r'<span title="([^"]+)">', semua).group(1))  # the navbar's own name
    jenis = re.search(r'<option value="(\d+)">Permintaan Data</option>', semua).group(1)
    petugas = re.search(rf'<option value="(\d+)">{re.escape(html.escape(nama))}</option>', semua).group(1)
    _, isi, _ = sesi.get(f"/layanan/?jenis={jenis}&petugas={petugas}")
    return re.findall(r'href="/layanan/(\d+)/"', isi)[0]


def ukur(port, sesi_per_peran, isian, ulang):
    """Round-robin over the pages (so no page profits from a warm moment), after a warm-up."""
    hasil = {label: {"ms": [], "query": set(), "status": set(), "baris": set(), "byte": set()} for label, *_ in HALAMAN}
    anonim = Sesi(port, gzip=True)
    for putaran in range(ulang + 3):
        for label, peran, path, _ in HALAMAN:
            sesi = sesi_per_peran[peran] if peran else anonim
            header = {"HX-Request": "true"} if "cari-pengunjung" in path else None
            status, isi, ms = sesi.get(path.format(**isian), header)
            if putaran < 3:
                continue
            h = hasil[label]
            h["ms"].append(ms)
            h["status"].add(status)
            h["baris"].add(len(re.findall(r"<tr[\s>]", isi)) - isi.count("<thead"))  # table rows shown
            h["query"].add(sesi.header_terakhir.get("x-jumlah-query"))
            h["byte"].add(sesi.byte_terakhir)
    return hasil


def token_rating(sesi):
    """A rating link as the Rating panel gives it (to the handling officer or an Admin: `sesi` is the
    Admin's), for a finished service not yet rated."""
    _, isi, _ = sesi.get("/layanan/?status=selesai")
    for pk in re.findall(r'href="/layanan/(\d+)/"', isi):
        sesi.post(f"/layanan/{pk}/rating/tautan/", {})  # the panel's button that makes the link
        _, panel, _ = sesi.get(f"/layanan/{pk}/rating/")
        token = re.search(r"/r/([A-Za-z0-9_-]+)/", panel)
        if token:
            _, halaman, _ = sesi.get(f"/r/{token.group(1)}/")
            if 'name="u1"' in halaman:
                return token.group(1)
    raise SystemExit("Tidak ada layanan selesai yang belum dinilai; halaman rating tidak bisa diukur.")


def _rincian(env, *args):
    keluaran = subprocess.run([PY, str(AKAR / "scripts" / "bench_rincian.py"), *args], cwd=AKAR, env=env,
                              capture_output=True, text=True)
    if keluaran.returncode:
        raise SystemExit(f"bench_rincian.py {' '.join(args[:2])} gagal:\n{keluaran.stderr[-3000:]}")
    return json.loads(keluaran.stdout.strip().splitlines()[-1])


def jalankan_ukuran(ukuran, url_dasar, port, folder, ulang, middleware):
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
        sesi = {"petugas": Sesi(port, gzip=True), "pimpinan": Sesi(port, gzip=True)}
        sesi["petugas"].login("petugas01@uji.example", KATA_SANDI)
        sesi["pimpinan"].login("pimpinan@uji.example", KATA_SANDI)
        admin = Sesi(port)
        admin.login("admin@uji.example", KATA_SANDI)
        isian = {"layanan": layanan_detail(sesi["petugas"]), "token": token_rating(admin)}
        mentah = ukur(port, sesi, isian, ulang)
    polos = persentil(mentah[PEMBANDING]["ms"], 50)
    baris = {}
    for label, _, path, jenis_halaman in HALAMAN:
        m = mentah[label]
        median = persentil(m["ms"], 50)
        baris[label] = {
            "path": path.format(**isian), "jenis": jenis_halaman, "median_ms": round(median, 2),
            "p95_ms": round(persentil(m["ms"], 95), 2), "query": sorted(int(q) for q in m["query"] if q),
            "status": sorted(m["status"]), "rasio_polos": round(median / polos, 2), "baris": max(m["baris"]),
            "byte_terkirim": max(m["byte"]),
        }
    env_proses = env_aplikasi(url, folder)
    jalur = [f"{peran}:{path.format(**isian)}" for label, peran, path, jenis in HALAMAN
             if jenis in ("petugas", "laporan", "polos")]
    rincian = _rincian(env_proses, "--ulang", "10", "halaman", *jalur)
    excel = _rincian(env_proses, "excel")
    hasil = {"ukuran": ukuran, "detik_membuat_data": round(waktu_buat, 1), "halaman": baris,
             "rincian": {label: rincian[f"{peran}:{path.format(**isian)}"] for label, peran, path, jenis in HALAMAN
                         if f"{peran}:{path.format(**isian)}" in rincian},
             "excel_tahunan": excel}
    if middleware:
        with tempfile.NamedTemporaryFile(suffix=".json") as berkas:
            subprocess.run([PY, str(AKAR / "scripts" / "bench_middleware.py"), "--json", berkas.name], cwd=AKAR,
                           env={**env_dev, "DATABASE_URL": url}, check=False, capture_output=True)
            hasil["middleware"] = json.loads(Path(berkas.name).read_text() or "{}")
    return hasil


def nilai_target(hasil):
    """The performance targets (docs/kinerja.md), checked on what was measured."""
    catatan = []
    kecil, besar = hasil[0], hasil[-1]
    for label, _, _, jenis in HALAMAN:
        # The fewest queries a request of the page made: now and then one request also reads the
        # office settings again (PENGATURAN_KANTOR_CEK_DETIK), which is not the page's doing.
        query = [min(h["halaman"][label]["query"] or [0]) for h in hasil]
        if len(set(query)) > 1:
            catatan.append(f"GAGAL {label}: jumlah query berbeda antar-ukuran {query}")
        for h in hasil:
            s = h["halaman"][label]
            if any(st >= 400 for st in s["status"]):
                catatan.append(f"GAGAL {label} ({h['ukuran']}): status {s['status']}")
            batas = BATAS_RASIO.get(jenis)
            if batas and s["rasio_polos"] > batas:
                catatan.append(f"GAGAL {label} ({h['ukuran']}): {s['rasio_polos']}× halaman polos dengan login "
                               f"(target ≤ {batas}×)")
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
    for h in hasil:
        x = h["excel_tahunan"]
        if x["status"] != "siap" or x["detik"] > BATAS_EXCEL_DETIK:
            catatan.append(f"GAGAL Excel tahunan ({h['ukuran']}): {x['status']}, {x['detik']} detik (target ≤ {BATAS_EXCEL_DETIK})")
        if h.get("middleware"):
            catatan += gagal_middleware(h["middleware"])
    return catatan


def _ribuan(n):
    return f"{n:,}".replace(",", ".")


def angka(x):
    return f"{x:,.1f}".replace(",", "·").replace(".", ",").replace("·", ".")


def tabel_markdown(hasil, catatan, info):
    ukuran = [h["ukuran"] for h in hasil]
    kepala = "| halaman | " + " | ".join(f"{u:,} layanan: median / p95 ms (× polos login) · query · baris".replace(",", ".")
                                         for u in ukuran) + " |"
    baris = [kepala, "|---|" + "---|" * len(ukuran)]
    for label, *_ in HALAMAN:
        sel = []
        for h in hasil:
            s = h["halaman"][label]
            q = str(min(s["query"])) if s["query"] else "–"
            b = f" · {s['baris']} baris" if s.get("baris") else ""
            sel.append(f"{angka(s['median_ms'])} / {angka(s['p95_ms'])} ({angka(s['rasio_polos'])}×) · {q}{b}")
        baris.append(f"| {label} | " + " | ".join(sel) + " |")
    teks = [f"Diukur {info['waktu']} pada {info['mesin']}; {info['ulang']} permintaan per halaman per ukuran "
            "bergiliran, gunicorn 1 worker 1 thread, PostgreSQL di 127.0.0.1, pengaturan produksi, klien mengirim "
            "`Accept-Encoding: gzip` seperti peramban.", "", *baris, ""]
    for h in hasil:
        teks += [f"**Ke mana waktu pergi, di proses yang sama ({_ribuan(h['ukuran'])} layanan)**: median 10 permintaan "
                 "lewat klien uji Django (semua middleware, tanpa jaringan), dibagi menurut waktu eksklusif: SQL (kirim "
                 "query dan terima barisnya), kompilasi ORM (queryset → SQL), template (termasuk crispy), lain-lain "
                 "(view, pembuatan objek model, middleware).", "",
                 "| halaman | total ms | SQL ms · query | kompilasi ORM ms | template ms | lain ms |", "|---|---|---|---|---|---|"]
        for label, r in h["rincian"].items():
            teks.append(f"| {label} | {angka(r['median_ms'])} | {angka(r['sql_ms'])} · {r['query']} | "
                        f"{angka(r['orm_ms'])} | {angka(r['template_ms'])} | {angka(r['lain_ms'])} |")
        x = h["excel_tahunan"]
        teks += ["", f"Excel tahunan {x['tahun']} ({_ribuan(x['baris'])} layanan) dibuat seperti oleh worker: "
                 f"{angka(x['detik'])} detik (CPU {angka(x['cpu_detik'])} detik), {angka(x['mb'])} MB, memori puncak "
                 f"proses {angka(x['rss_puncak_mb'])} MB (setelah Django dimuat {angka(x['rss_awal_mb'])} MB).", ""]
    for h in hasil:
        if h.get("middleware"):
            teks += [tabel_middleware(h["middleware"]), ""]
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
    ap.add_argument("--ukuran", default="100000,1000000", help="jumlah layanan, dipisah koma")
    ap.add_argument("--ulang", type=int, default=30)
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--port-db", type=int, default=55438)
    ap.add_argument("--json", default=str(AKAR / "docs" / "bench-hasil.json"))
    ap.add_argument("--tanpa-dokumen", action="store_true")
    args = ap.parse_args()
    daftar = [int(x) for x in args.ukuran.replace(".", "").split(",") if x.strip()]

    hasil = []
    info = {"waktu": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H.%M UTC"),
            "mesin": f"{platform.machine()}, {os.cpu_count()} CPU (dipakai bersama proses lain, beban rata-rata "
                     f"{os.getloadavg()[0]:.1f} saat mulai)", "ulang": args.ulang}
    catatan = []
    teks = ""
    with tempfile.TemporaryDirectory(prefix="pst-bench-") as folder, basis_data(args.port_db) as (url, _):
        env = env_aplikasi(url, folder)
        manage(env, "collectstatic", "--noinput", tampil=False)
        for i, ukuran in enumerate(daftar):
            print(f"== {ukuran} layanan")
            hasil.append(jalankan_ukuran(ukuran, url, args.port, folder, args.ulang, middleware=i == 0))
            for label, s in hasil[-1]["halaman"].items():
                print(f"  {label:<40} median {s['median_ms']:>8} ms  p95 {s['p95_ms']:>8} ms  "
                      f"{s['rasio_polos']:>5}×  query {s['query']}  status {s['status']}")
            print(f"  Excel tahunan: {hasil[-1]['excel_tahunan']}")
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
