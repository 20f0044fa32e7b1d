"""make bench (and make bench-bobot): the weight of the visitor's pages in bytes as served (the
HTML compressed by the app for a browser that accepts gzip), with every file each page loads. Phone pages must stay under 30 KB; the kiosk, ticket and TV
pages are recorded for reading.

    .venv/bin/python scripts/bobot_halaman.py [--tanpa-dokumen]

Runs on a throwaway SQLite database with the development settings (no server needed) and writes
docs/bobot-halaman.json and the table between the markers in docs/kinerja.md.
"""

import argparse
import datetime
import json
import os
import sys
import tempfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
PENANDA_MULAI = "<!-- bobot:mulai -->"
PENANDA_AKHIR = "<!-- bobot:akhir -->"


def siapkan_django(folder):
    os.environ.pop("DJANGO_PRODUCTION", None)
    os.environ.update(DATABASE_URL=f"sqlite:///{folder}/bobot.sqlite3", DJANGO_SETTINGS_MODULE="pst_frontoffice.settings",
                      MEDIA_ROOT=f"{folder}/media", LOG_LEVEL="WARNING")
    sys.path[:0] = [str(AKAR)]
    import django

    django.setup()


def ukur():
    # After django.setup(): the app's modules need the settings above.
    from django.core import signing
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from bukutamu import antrian
    from bukutamu import pendaftaran as aturan_pendaftaran
    from bukutamu.forms.pendaftaran import PendaftaranMandiriForm
    from bukutamu.kunjungan import catat_kunjungan
    from bukutamu.models import Antrian, JenisLayanan
    from bukutamu.views.pendaftaran import SALT as SALT_PENDAFTARAN
    from layanan.models import Status
    from layanan.surat import beri_nomor_surat
    from pst_frontoffice.models import Peran, User
    from pst_frontoffice.skm import FIELD_UNSUR
    from rating import services
    from scripts.bobot import BATAS_PONSEL, TERIMA_GZIP, bobot_respons

    call_command("migrate", verbosity=0)
    petugas = User.objects.create_user(email="petugas@bobot.example", password="bobot-12345", nama="Rina Petugas",
                                       peran=Peran.PETUGAS)
    kunjungan = catat_kunjungan(
        petugas=petugas, jenis_layanan=[JenisLayanan.objects.get(kode="permintaan-data")], waktu=timezone.now(),
        nama="Dewi Lestari", instansi="Bappeda", jenis_instansi="pemerintah", no_hp="6281298765432", email="",
        keperluan="Data penduduk per kecamatan", sarana="langsung", kanal_online="", nomor_surat_permintaan="",
    )
    layanan = kunjungan.layanan.get()
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    penilaian = services.pastikan_penilaian(layanan, oleh=petugas)
    skd = services.pastikan_skd(layanan, oleh=petugas)
    tiket = antrian.ambil_nomor(jenis_layanan=JenisLayanan.objects.get(kode="konsultasi"), sumber=Antrian.Sumber.KIOS)
    beri_nomor_surat(layanan=layanan, klasifikasi="HM.340", tujuan="Kepala Bappeda", perihal="Penyampaian Data", oleh=petugas)

    # Self-registration at fixed moments (the page depends on service hours, not on when the bench runs).
    isian = {
        "nama": "Siti Pendaftar", "instansi": "Universitas Lambung Mangkurat", "jenis_instansi": "pendidikan",
        "no_hp": "0812 3456 7890", "email": "siti@example.org", "nomor_surat_permintaan": "B-12/ULM/2026",
        "jenis_layanan": [j.pk for j in JenisLayanan.objects.filter(kode__in=["permintaan-data", "konsultasi"])],
        "keperluan": "Data kemiskinan per kecamatan 2020-2025", "sarana": "langsung", "setuju": "on",
    }
    zona = timezone.get_current_timezone()
    rabu, sabtu = (datetime.datetime(2026, 12, d, 10, tzinfo=zona) for d in (2, 5))  # within and outside hours

    def daftar(waktu, **lain):
        form = PendaftaranMandiriForm({**isian, **lain})
        assert form.is_valid(), form.errors
        return aturan_pendaftaran.daftar_mandiri(data=form.cleaned_data, waktu=waktu)

    def tautan(url, pendaftaran):
        return f"{reverse(url)}?t={signing.dumps(pendaftaran.pk, salt=SALT_PENDAFTARAN)}"

    dapat_nomor = daftar(rabu)
    janji = daftar(sabtu)
    online = daftar(sabtu, sarana="online")

    client = Client(**TERIMA_GZIP)  # as a phone's browser asks: the app compresses the HTML
    halaman = [
        ("Rating (formulir)", "ponsel", lambda: client.get(reverse("rating:isi", args=[penilaian.token]))),
        ("Rating (isian belum lengkap)", "ponsel",
         lambda: client.post(reverse("rating:isi", args=[penilaian.token]), {"komentar": "Baik."})),
        ("Konfirmasi SKD", "ponsel", lambda: client.get(reverse("rating:skd_selesai", args=[skd.token]))),
        ("Tautan tidak dikenal", "ponsel", lambda: client.get(reverse("rating:isi", args=["tidak-ada"]))),
        ("Terima kasih (dengan SKD)", "ponsel", lambda: (
            services.simpan_penilaian(token=penilaian.token, jawaban={f: 4 for f in FIELD_UNSUR}),
            client.get(reverse("rating:terima_kasih", args=[penilaian.token])),
        )[1]),
        ("Daftar Mandiri (formulir)", "ponsel", lambda: client.get(reverse("bukutamu:daftar"))),
        ("Daftar Mandiri (isian belum lengkap)", "ponsel",
         lambda: client.post(reverse("bukutamu:daftar"), {"sarana": "langsung"})),
        ("Nomor antrian (lacak antrian)", "ponsel",
         lambda: client.get(reverse("layanan:lacak_antrian", args=[dapat_nomor.antrian.token]))),
        ("Janji temu", "ponsel", lambda: client.get(tautan("bukutamu:daftar_janji", janji))),
        ("Permintaan online terkirim", "ponsel", lambda: client.get(tautan("bukutamu:daftar_terkirim", online))),
        ("Lacak layanan (selesai, nomor surat)", "ponsel",
         lambda: client.get(reverse("layanan:lacak", args=[layanan.token_lacak]))),
        ("Lacak: tautan tidak berlaku", "ponsel", lambda: client.get(reverse("layanan:lacak", args=["tidak-ada"]))),
        ("Kios", "info", lambda: client.get(reverse("antrian:kios"))),
        ("Tiket", "info", lambda: client.get(reverse("antrian:tiket", args=[tiket.pk]) + "?kios=1")),
        ("Layar TV", "info", lambda: client.get(reverse("antrian:layar"))),
    ]
    hasil, catatan = {}, []
    for label, jenis, ambil in halaman:
        b = bobot_respons(ambil())
        b.pop("teks")
        hasil[label] = {"jenis": jenis, **b}
        if jenis == "ponsel" and b["total"] >= BATAS_PONSEL:
            catatan.append(f"GAGAL {label}: {b['total']} byte (target < {BATAS_PONSEL})")
    return hasil, catatan


def angka(x):
    return f"{x:,}".replace(",", ".")


def tabel_markdown(hasil, catatan, waktu):
    baris = [f"Diukur {waktu}: byte terkirim. HTML sebagaimana dikirim aplikasi ke peramban yang menerima gzip "
             "(dikompres aplikasi, dengan byte acak penangkal BREACH, jadi berbeda beberapa puluh byte tiap kali), "
             "ditambah setiap berkas yang dimuat halaman setelah gzip (level 6).", "",
             "| halaman | HTML | berkas | total | target |", "|---|---|---|---|---|"]
    for label, h in hasil.items():
        berkas = ", ".join(f"{Path(u).name} {angka(n)}" for u, n in h["berkas"].items())
        target = "< 30.000" if h["jenis"] == "ponsel" else "–"
        baris.append(f"| {label} | {angka(h['html'])} | {berkas} | **{angka(h['total'])}** | {target} |")
    baris += ["", "Target: " + ("semua terpenuhi." if not catatan else ""), *[f"- {c}" for c in catatan]]
    return "\n".join(baris)


def tulis_kinerja(teks):
    berkas = AKAR / "docs" / "kinerja.md"
    isi = berkas.read_text()
    if PENANDA_MULAI not in isi:
        print("Penanda tabel bobot tidak ada di docs/kinerja.md; tabel hanya dicetak.")
        return
    awal, _, sisa = isi.partition(PENANDA_MULAI)
    _, _, akhir = sisa.partition(PENANDA_AKHIR)
    berkas.write_text(f"{awal}{PENANDA_MULAI}\n{teks}\n{PENANDA_AKHIR}{akhir}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", default=str(AKAR / "docs" / "bobot-halaman.json"))
    ap.add_argument("--tanpa-dokumen", action="store_true")
    args = ap.parse_args()
    waktu = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H.%M UTC")
    with tempfile.TemporaryDirectory(prefix="pst-bobot-") as folder:
        siapkan_django(folder)
        hasil, catatan = ukur()
    Path(args.json).write_text(json.dumps({"waktu": waktu, "hasil": hasil, "catatan_target": catatan}, indent=2) + "\n")
    teks = tabel_markdown(hasil, catatan, waktu)
    if not args.tanpa_dokumen:
        tulis_kinerja(teks)
    print(teks)
    return 1 if catatan else 0


if __name__ == "__main__":
    sys.exit(main())
