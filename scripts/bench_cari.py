#!/usr/bin/env python
"""Search from anywhere at the scale of a busy office: 100,000 services on PostgreSQL.

    bash scripts/dengan-postgres.sh .venv/bin/python scripts/bench_cari.py [--layanan 100000] [--ulang 30]

Makes the data with `buat_data_uji` (plus reply-letter numbers for the finished data requests and
tags on half of them, which that command does not write), then asks the search what an officer
types: a service number, part of a name, a phone as read out, part of an e-mail, part of a letter
number, a tag, and something nobody matches. Each is timed through the whole Django stack in this
process (the test client: middleware, session, view, template), for the navbar box's list (HTMX)
and for the results page; median and p95 over `--ulang` requests and the queries per request;
and, apart from the load of the machine, the search's own queries as PostgreSQL executes them
(EXPLAIN ANALYZE).

Writes docs/bench-cari.json and the table between the bench-cari markers in docs/kinerja.md.
"""

import argparse
import json
import os
import pathlib
import random
import statistics
import sys
import tempfile
import time

AKAR = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pst_frontoffice.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/pst-bench-cari.sqlite3")

MULAI, SELESAI = "<!-- bench-cari:mulai -->", "<!-- bench-cari:selesai -->"
TARGET_MS = 100
KATA_TAG = [
    "ipm", "kemiskinan", "penduduk", "pdrb", "inflasi", "padi", "jagung", "sawit", "karet", "pengangguran",
    "pendidikan", "kesehatan", "perumahan", "upah", "ekspor", "impor", "pariwisata", "hotel", "transportasi",
    "kecamatan", "desa", "kabupaten", "gini", "ipg", "idg", "sakernas", "susenas", "podes", "st2023", "se2026",
]


def siapkan(jumlah):
    import django
    from django.core.management import call_command

    django.setup()
    from layanan.models import Layanan

    call_command("migrate", verbosity=0)
    if Layanan.objects.count() < jumlah:
        call_command("buat_data_uji", layanan=jumlah, pengunjung=jumlah * 3 // 7, tahun=5, penilaian=0.3, petugas=20)
    tambah_surat_dan_tag()
    from django.db import connection

    if connection.vendor == "postgresql":
        # Freshly written tables: vacuum now, so that autovacuum does not start in the middle of the run.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def tambah_surat_dan_tag():
    """Reply-letter numbers for finished data requests, and one to three tags on half of them (once)."""
    from django.db import transaction
    from django.utils import timezone

    from layanan.models import Layanan, NomorSurat, PermintaanData, Status, Tag

    if NomorSurat.objects.exists():
        return
    rnd = random.Random(8)
    selesai = list(
        Layanan.objects.filter(jenis__adalah_permintaan_data=True, status=Status.SELESAI)
        .order_by("dibuat", "pk").values_list("pk", "dibuat", "petugas_id")
    )
    urut_tahun = {}
    nomor = []
    for pk, dibuat, petugas in selesai:
        lokal = timezone.localtime(dibuat)
        urut = urut_tahun[lokal.year] = urut_tahun.get(lokal.year, 0) + 1
        klasifikasi = rnd.choice(["HM.310", "HM.320", "HM.330", "HM.340", "VS.620"])
        nomor.append(NomorSurat(
            tahun=lokal.year, urut=urut, nomor=f"B-{urut:03}/63100/{klasifikasi}/{lokal.month:02}/{lokal.year}",
            klasifikasi=klasifikasi, tanggal=lokal.date(), layanan_id=pk, tujuan="Pimpinan", perihal="Penyampaian Data",
            dibuat_oleh_id=petugas, dibuat=dibuat,
        ))
    with transaction.atomic():
        NomorSurat.objects.bulk_create(nomor, batch_size=5000)
        tag = Tag.objects.bulk_create([Tag(nama=k) for k in KATA_TAG] + [Tag(nama=f"{a} {b}") for a in KATA_TAG[:10] for b in KATA_TAG[20:]])
        dengan_tag = [pk for pk, _, _ in selesai if rnd.random() < 0.5]
        PermintaanData.objects.bulk_create([PermintaanData(layanan_id=pk) for pk in dengan_tag], batch_size=5000)
        Lewat = PermintaanData.tags.through
        baris = []
        for permintaan in PermintaanData.objects.values_list("pk", flat=True):
            for t in rnd.sample(tag, rnd.randint(1, 3)):
                baris.append(Lewat(permintaandata_id=permintaan, tag_id=t.pk))
        Lewat.objects.bulk_create(baris, batch_size=10000)


def pertanyaan():
    """What officers type, taken from the data made above."""
    from bukutamu.models import Pengunjung
    from layanan.models import Layanan, NomorSurat

    tengah = Layanan.objects.order_by("pk").values_list("pk", flat=True)[Layanan.objects.count() // 2]
    dengan_hp = Pengunjung.objects.exclude(no_hp="").order_by("pk").values_list("no_hp", flat=True)
    dengan_email = Pengunjung.objects.exclude(email="").order_by("pk").values_list("email", flat=True)
    hp = dengan_hp[dengan_hp.count() // 2]
    email = dengan_email[dengan_email.count() // 3]
    surat = NomorSurat.objects.order_by("pk").values_list("nomor", flat=True)[NomorSurat.objects.count() // 3]
    return [
        ("Nomor layanan", f"#{tengah}"),
        ("Sebagian nama", "siti lub"),
        ("No. HP seperti dibacakan", "0" + hp.removeprefix("62")),
        ("Sebagian email", email.split("@")[0]),
        ("Sebagian nomor surat", surat.split("/")[0] + "/"),
        ("Tag", "ipm"),
        ("Tidak ada yang cocok", "qwxyz"),
    ]


def ukur(ulang):
    """Round-robin over the searches and both answers (the box's list, the page), after a warm-up,
    so that every row meets the same moments of a shared machine."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    petugas = get_user_model().objects.filter(email__startswith="petugas01@").first()
    client = Client()
    client.force_login(petugas)
    cara = (("kotak", {"HX-Request": "true", "HX-Target": "hasil-cari-cepat"}), ("halaman", {}))
    daftar = pertanyaan()
    ukuran = {(label, c): {"ms": [], "db": [], "query": 0, "hasil": None} for label, _ in daftar for c, _ in cara}
    for putaran in range(ulang + 2):
        for label, q in daftar:
            for c, header in cara:
                with CaptureQueriesContext(connection) as cq:
                    t = time.perf_counter()
                    r = client.get("/cari/", {"q": q}, headers=header, HTTP_HOST="127.0.0.1")
                    ms = (time.perf_counter() - t) * 1000
                assert r.status_code == 200, (q, r.status_code)
                if putaran < 2:
                    continue  # warm-up
                u = ukuran[(label, c)]
                u["ms"].append(ms)
                u["db"].append(sum(float(x["time"]) for x in cq.captured_queries) * 1000)
                u["query"] = len(cq)
                if c == "kotak":
                    u["hasil"] = r.content.decode().count('role="option"')
    hasil = []
    for label, q in daftar:
        baris = {"label": label, "q": q}
        for c, _ in cara:
            u = ukuran[(label, c)]
            ms = sorted(u["ms"])
            baris[c] = {
                "median_ms": round(statistics.median(ms), 1),
                "p95_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.95))], 1),
                "db_median_ms": round(statistics.median(u["db"]), 1),
                "query": u["query"],
                "hasil": u["hasil"],
            }
        hasil.append(baris)
    return hasil


def waktu_eksekusi(ulang):
    """The search's own queries as PostgreSQL runs them (EXPLAIN ANALYZE's execution time, summed
    per search): what the indexes cost, apart from the CPU the machine lends the Python process."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from layanan.cari import BATAS_CEPAT, cari

    if connection.vendor != "postgresql":
        return {}
    hasil = {}
    for label, q in pertanyaan():
        with CaptureQueriesContext(connection) as cq:
            cari(q, batas=BATAS_CEPAT)
        ms = []
        for _ in range(ulang):
            total = 0.0
            for query in cq.captured_queries:
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query["sql"])
                    total += cursor.fetchone()[0][0]["Execution Time"]
            ms.append(total)
        hasil[label] = round(statistics.median(ms), 2)
    return hasil


def angka(n):
    return f"{n:,}".replace(",", ".")


def tulis_kinerja(teks):
    berkas = AKAR / "docs" / "kinerja.md"
    isi = berkas.read_text()
    blok = f"{MULAI}\n{teks}\n{SELESAI}"
    if MULAI in isi:
        awal, sisa = isi.split(MULAI, 1)
        isi = awal + blok + sisa.split(SELESAI, 1)[1]
    else:
        isi += f"\n## Pencarian dari mana saja\n\n{blok}\n"
    berkas.write_text(isi)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--layanan", type=int, default=100000)
    parser.add_argument("--ulang", type=int, default=30)
    parser.add_argument("--tanpa-dokumen", action="store_true", help="jangan tulis docs/")
    args = parser.parse_args()
    siapkan(args.layanan)
    from django.db import connection

    from bukutamu.models import Pengunjung
    from layanan.models import Layanan, NomorSurat, Tag

    hasil = ukur(args.ulang)
    eksekusi = waktu_eksekusi(min(args.ulang, 10))
    for b in hasil:
        b["eksekusi_ms"] = eksekusi.get(b["label"])
    ringkas = {
        "basis_data": connection.vendor, "layanan": Layanan.objects.count(), "pengunjung": Pengunjung.objects.count(),
        "nomor_surat": NomorSurat.objects.count(), "tag": Tag.objects.count(), "pertanyaan": hasil,
    }
    terburuk = max(b[c]["p95_ms"] for b in hasil for c in ("kotak", "halaman"))
    beban = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    baris = [
        f"Diukur {time.strftime('%Y-%m-%d')} di mesin pengembang (2 inti dipakai bersama; beban rata-rata {beban} "
        f"saat selesai), {connection.vendor}, "
        f"{angka(ringkas['layanan'])} layanan, {angka(ringkas['pengunjung'])} pengunjung, "
        f"{angka(ringkas['nomor_surat'])} nomor surat, {angka(ringkas['tag'])} tag; klien uji Django di proses yang sama "
        f"(middleware, sesi, view, template), {args.ulang} kali per pertanyaan. Target: di bawah {TARGET_MS} ms.",
        "",
        "| yang diketik | kotak navbar: median | p95 | query | opsi | halaman hasil: median | p95 | query "
        "| eksekusi query cari di PostgreSQL |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for b in hasil:
        k, h = b["kotak"], b["halaman"]
        eksekusi = f"{b['eksekusi_ms']} ms" if b["eksekusi_ms"] is not None else "–"
        baris.append(f"| {b['label']} (`{b['q']}`) | {k['median_ms']} ms | {k['p95_ms']} ms | {k['query']} | {k['hasil']} "
                     f"| {h['median_ms']} ms | {h['p95_ms']} ms | {h['query']} | {eksekusi} |")
    baris += [
        "",
        f"Terlama (p95): {terburuk} ms{' — di bawah target' if terburuk < TARGET_MS else ' — MELEBIHI target'}. "
        "Kolom terakhir: waktu eksekusi query pencarian itu sendiri di PostgreSQL (EXPLAIN ANALYZE, median), "
        "tanpa sesi, middleware dan template; ia menunjukkan apakah indeks terpakai, terlepas dari beban mesin.",
    ]
    teks = "\n".join(baris)
    print(teks)
    if not args.tanpa_dokumen:
        (AKAR / "docs" / "bench-cari.json").write_text(json.dumps(ringkas, indent=2, ensure_ascii=False))
        tulis_kinerja(teks)
    if connection.vendor != "postgresql":
        print("Catatan: bukan PostgreSQL; angka ini tidak dipakai untuk target (jalankan lewat scripts/dengan-postgres.sh).")


if __name__ == "__main__":
    main()
