"""Fill one office instance for the province end-to-end test (run through tests/jam_geser.py in that office's settings).

Environment: E2E_KANTOR (name), E2E_ZONA (office zone), E2E_SEED, E2E_HARI (days back from the
office's today, comma-separated, e.g. "-8,-7,…,-1"), E2E_KUNCI (the province's key; optional),
E2E_UBAH_LAMA=1 (also finish the oldest open service now: a late edit to a day already sent).
Writes services of every kind and status, ratings, SKD, queue numbers and complaints on those days.
"""

import datetime
import functools
import os
import random
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pst_frontoffice.settings")

import django  # noqa: E402

django.setup()

import time_machine  # noqa: E402
from django.utils import timezone  # noqa: E402

from bukutamu import antrian as aturan_antrian  # noqa: E402
from bukutamu.kunjungan import catat_kunjungan  # noqa: E402
from bukutamu.models import Antrian, JenisLayanan  # noqa: E402
from bukutamu.pengunjung import Keputusan, PerluKeputusan  # noqa: E402
from layanan.models import Kanal, Layanan, Pengaduan, Status  # noqa: E402
from layanan.pengaduan import catat_pengaduan  # noqa: E402
from provinsi import sambungan  # noqa: E402
from pst_frontoffice.models import PengaturanKantor, Peran, User  # noqa: E402
from rating.models import Penilaian, SurveiSKD  # noqa: E402

zona = ZoneInfo(os.environ["E2E_ZONA"])
kantor = PengaturanKantor.get()
kantor.nama_kantor, kantor.zona_waktu = os.environ["E2E_KANTOR"], os.environ["E2E_ZONA"]
kantor.save()
rnd = random.Random(int(os.environ["E2E_SEED"]))
petugas, _ = User.objects.get_or_create(email="petugas@e2e.example", defaults={"nama": "Petugas E2E", "peran": Peran.PETUGAS})
if not User.objects.filter(email="pimpinan@e2e.example").exists():
    User.objects.create_user(email="pimpinan@e2e.example", password="kata-sandi-e2e-1", nama="Pimpinan E2E", peran=Peran.PIMPINAN)
jenis = {j.kode: j for j in JenisLayanan.objects.all()}
sekarang = timezone.now()
hari_ini = timezone.localtime(sekarang, zona).date()
nomor = iter(range(rnd.randint(0, 500) * 1000, 10**9))

with timezone.override(zona):
    for geser in (int(x) for x in os.environ.get("E2E_HARI", "").split(",") if x):
        hari = hari_ini + datetime.timedelta(days=geser)
        for i in range(rnd.randint(3, 6)):
            waktu = datetime.datetime.combine(hari, datetime.time(rnd.randint(8, 14), rnd.randint(0, 59)), tzinfo=zona)
            kode = rnd.choice(["konsultasi", "konsultasi", "permintaan-data", "perpustakaan", "pengaduan"])
            online = rnd.random() < 0.4
            n = next(nomor)
            with time_machine.travel(waktu, tick=False):
                simpan = functools.partial(
                    catat_kunjungan,
                    petugas=petugas, nama=f"Pengunjung {n}", instansi="Bappeda", jenis_instansi=rnd.choice(["pemerintah", "pendidikan", "perorangan"]),
                    no_hp=f"62813{rnd.randint(0, 30):07d}", email="", jenis_layanan=[jenis[kode]], keperluan="Data penduduk",
                    sarana="online" if online else "langsung", kanal_online=rnd.choice(["email", "whatsapp"]) if online else "",
                    nomor_surat_permintaan="", waktu=waktu,
                )
                try:
                    kunjungan = simpan()
                except PerluKeputusan as e:
                    # A returning phone with another name and kind: the officer updates the record;
                    # the visit keeps what was typed (its kind is what the summaries count).
                    kunjungan = simpan(keputusan=Keputusan.PERBARUI, sidik=e.perbandingan.sidik)
            layanan = kunjungan.layanan.get()
            nasib = rnd.random()
            if i == 0:
                continue  # stays open: a late edit may finish it
            selesai = waktu + datetime.timedelta(hours=rnd.choice([1, 2, 5]))
            if nasib < 0.55:
                with time_machine.travel(selesai, tick=False):
                    layanan.ubah_status(Status.SELESAI, oleh=petugas)
                if rnd.random() < 0.75:
                    Penilaian.objects.update_or_create(layanan=layanan, defaults={
                        "diisi_pada": selesai + datetime.timedelta(minutes=30), **{f"u{k}": rnd.randint(1, 4) for k in range(1, 10)},
                        "jenis_kelamin": rnd.choice(["", "L", "P"]), "pendidikan": rnd.choice(["", "s1", "sma"]),
                    })
            elif nasib < 0.65:
                with time_machine.travel(selesai, tick=False):
                    layanan.ubah_status(Status.DIBATALKAN, oleh=petugas, catatan="batal")
            if kode == "permintaan-data" and rnd.random() < 0.8:
                SurveiSKD.objects.update_or_create(layanan=layanan, defaults={
                    "pertama_dibuka": waktu if rnd.random() < 0.7 else None, "diisi_pada": waktu if rnd.random() < 0.4 else None,
                })
        for _ in range(3):
            waktu = datetime.datetime.combine(hari, datetime.time(rnd.randint(8, 14), rnd.randint(0, 59)), tzinfo=zona)
            a = aturan_antrian.ambil_nomor(jenis_layanan=jenis["konsultasi"], waktu=waktu)
            if rnd.random() < 0.8:
                Antrian.objects.filter(pk=a.pk).update(dipanggil_pada=waktu + datetime.timedelta(minutes=rnd.choice([3, 9, 12, 30])), status="dipanggil")
        waktu = datetime.datetime.combine(hari, datetime.time(rnd.randint(8, 14), 5), tzinfo=zona)
        kanal = rnd.choice([Kanal.LANGSUNG, Kanal.EMAIL, Kanal.WHATSAPP])
        aduan = catat_pengaduan(isi="AC mati", kanal=kanal, diterima_pada=waktu)
        if rnd.random() < 0.5:
            Pengaduan.objects.filter(pk=aduan.pk).update(dijawab_pada=waktu + datetime.timedelta(hours=3), status="selesai")
    if os.environ.get("E2E_UBAH_LAMA"):
        lama = Layanan.objects.filter(status=Status.DITERIMA).order_by("dibuat").first()
        lama.ubah_status(Status.DIBATALKAN, oleh=petugas, catatan="diubah belakangan")
        print(f"DIUBAH {timezone.localtime(lama.dibuat, zona).date().isoformat()}")
    if os.environ.get("E2E_KUNCI"):
        sambungan.pasang_kunci(kunci=os.environ["E2E_KUNCI"], oleh=None)
print("SIAP", hari_ini.isoformat())
