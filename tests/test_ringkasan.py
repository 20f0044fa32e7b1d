"""Daily summaries: every figure of every report read from the stored days equals the live computation,
for random data across day, week, month and year edges in office time, after late changes, a change
of the time standards and a change of the office's time zone; and a day's portable form."""

import datetime
import io
import json
import random
from collections import Counter
from dataclasses import asdict
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from bukutamu import antrian as aturan_antrian
from bukutamu.models import Antrian
from laporan.data import Laporan
from laporan.periode import Periode
from layanan.layanan import tutup_konsultasi_online_diam
from layanan.models import Kanal, Layanan, Status, syarat_kepatuhan
from layanan.pengaduan import catat_pengaduan
from rating.models import Penilaian, SurveiSKD
from rating.services import catat_skd_dibuka, tandai_skd_diisi
from ringkasan import harian
from ringkasan.hitung import ANGKA_KEPATUHAN, hitung, hitung_hari
from ringkasan.models import AngkaBulanan, AngkaHarian, BulanRingkasan, HariRingkasan

WITA = ZoneInfo("Asia/Makassar")
WIB = ZoneInfo("Asia/Jakarta")
D = datetime.date
# "Now" in the middle of February 2027: December and January are past, February is partly to come.
SEKARANG = datetime.datetime(2027, 2, 10, 11, 0, tzinfo=WITA)


def _waktu(rnd, hari):
    # Many events near midnight, where office days and UTC days differ.
    jam = rnd.choice([0, 0, 1, 8, 10, 14, 22, 23, 23])
    return datetime.datetime.combine(hari, datetime.time(jam, rnd.randint(0, 59)), tzinfo=WITA)


@pytest.fixture
def data_acak(buat_kunjungan, petugas, petugas2, jenis, kantor, time_machine):
    """Services, visits, ratings, SKD, queue numbers and complaints from 20 Dec 2026 to 10 Feb 2027."""
    kantor.zona_waktu = "Asia/Makassar"
    kantor.save()
    rnd = random.Random(24)
    # Recorded up to "now", in time order as at a real desk; due days and answers run past it.
    hari_hari = [D(2026, 12, 20) + datetime.timedelta(days=i) for i in range(52)]
    semua_waktu = sorted(w for w in (_waktu(rnd, rnd.choice(hari_hari)) for _ in range(130)) if w < SEKARANG)[:110]
    with timezone.override(WITA):
        for waktu in semua_waktu:
            time_machine.move_to(waktu, tick=False)
            kode = rnd.choice(["konsultasi", "konsultasi", "permintaan-data", "perpustakaan", "pengaduan"])
            oleh = rnd.choice([petugas, petugas2])
            online = rnd.random() < 0.5
            kunjungan = buat_kunjungan(
                kode, oleh=oleh, waktu=waktu, sarana="online" if online else "langsung",
                kanal_online=rnd.choice(["email", "whatsapp"]) if online else "",
                no_hp=f"62813{rnd.randint(0, 14):07d}",  # visitors come back, across weeks and the new year
                jenis_instansi=rnd.choice(["pemerintah", "pendidikan", "perorangan"]),
            )
            layanan = kunjungan.layanan.get()
            if kode == "pengaduan":
                layanan.ubah_status(Status.SELESAI, oleh=oleh)
                continue
            nasib = rnd.random()
            jeda = datetime.timedelta(hours=rnd.choice([1, 2, 5, 30, 80, 200]))
            # The clock only moves up to "now": what would happen later has not happened yet.
            if nasib < 0.45 and waktu + jeda < SEKARANG:
                time_machine.move_to(waktu + jeda, tick=False)
                layanan.ubah_status(Status.SELESAI, oleh=oleh)
            elif nasib < 0.55:
                layanan.ubah_status(Status.DIBATALKAN, oleh=oleh, catatan="batal")
            elif nasib < 0.75 and online and kode == "konsultasi" and waktu + jeda < SEKARANG:
                time_machine.move_to(waktu + jeda, tick=False)
                layanan.ubah_status(Status.MENUNGGU, oleh=oleh, catatan="dijawab")
            layanan.refresh_from_db()
            if layanan.status == Status.SELESAI and rnd.random() < 0.7 and layanan.selesai_pada < SEKARANG:
                diisi = layanan.selesai_pada + datetime.timedelta(hours=rnd.choice([1, 6, 20]))
                if diisi < SEKARANG:
                    Penilaian.objects.update_or_create(layanan=layanan, defaults={
                        "diisi_pada": diisi, **{f"u{n}": rnd.randint(1, 4) for n in range(1, 10)},
                        "jenis_kelamin": rnd.choice(["", "L", "P"]), "pendidikan": rnd.choice(["", "s1", "sma"]),
                    })
            if kode == "permintaan-data" and layanan.status != Status.DIBATALKAN and rnd.random() < 0.8:
                SurveiSKD.objects.update_or_create(layanan=layanan, defaults={
                    "pertama_dibuka": waktu if rnd.random() < 0.6 else None,
                    "diisi_pada": waktu if rnd.random() < 0.3 else None,
                })
        for _ in range(40):
            waktu = _waktu(rnd, rnd.choice(hari_hari))
            a = aturan_antrian.ambil_nomor(jenis_layanan=jenis["konsultasi"], waktu=waktu)
            if rnd.random() < 0.8:
                tunggu = datetime.timedelta(minutes=rnd.choice([2, 9, 10, 11, 30]), seconds=rnd.randint(0, 59))
                Antrian.objects.filter(pk=a.pk).update(dipanggil_pada=waktu + tunggu, status="dipanggil")
            else:
                Antrian.objects.filter(pk=a.pk).update(status=Antrian.Status.DILEWATI)
        for _ in range(20):
            waktu = _waktu(rnd, rnd.choice(hari_hari))
            kanal = rnd.choice(list(Kanal))
            aduan = catat_pengaduan(isi="AC mati", kanal=kanal, diterima_pada=waktu, nomor_tiket_lapor="LAP-1" if kanal == Kanal.LAPOR else "")
            if rnd.random() < 0.6:
                type(aduan).objects.filter(pk=aduan.pk).update(
                    dijawab_pada=waktu + datetime.timedelta(hours=rnd.randint(1, 50), minutes=rnd.randint(0, 59)),
                    status=rnd.choice(["ditindaklanjuti", "selesai"]),
                )
        time_machine.move_to(SEKARANG, tick=False)
        tutup_konsultasi_online_diam(hari=3)
    return rnd


PERIODE = [
    Periode.dari("hari", D(2026, 12, 31)),
    Periode.dari("hari", D(2027, 1, 1)),
    Periode.dari("minggu", D(2026, 12, 31)),  # Monday 28 December to Sunday 3 January
    Periode.dari("minggu", D(2027, 2, 10)),  # this week: past days, today and days to come
    Periode.dari("bulan", D(2026, 12, 1)),
    Periode.dari("bulan", D(2027, 1, 15)),
    Periode.dari("bulan", D(2027, 2, 15)),
    Periode.dari("tahun", D(2026, 6, 1)),
    Periode.dari("tahun", D(2027, 6, 1)),
    Periode("rentang", D(2026, 12, 24), D(2027, 1, 7)),
    Periode("rentang", D(2026, 11, 1), D(2027, 3, 31)),
]


def _semua_angka(laporan):
    """Every figure of every table of a report (what the page and the files show)."""
    kepuasan = laporan.kepuasan()
    return {
        "ringkasan": laporan.ringkasan(),
        "per_jenis": laporan.per_jenis(),
        "per_sarana": laporan.per_sarana(),
        "per_petugas": laporan.per_petugas(),
        "per_status": laporan.per_status(),
        "tren": laporan.tren(),
        "standar_waktu": laporan.standar_waktu(),
        "antrian": laporan.ringkasan_antrian(),
        "ikm": [asdict(h) for h in [kepuasan["keseluruhan"], *kepuasan["per_jenis"]]],
        "profil": kepuasan["profil"],
        "sampel": (kepuasan["populasi"], kepuasan["sampel_minimum"], kepuasan["teks_sampel"]),
        "skd": laporan.skd(),
        "pengaduan": laporan.pengaduan(),
    }


def _sama_dengan_langsung(periode, zona):
    with timezone.override(zona):
        dari_ringkasan = Laporan(periode, sumber="ringkasan")
        langsung = Laporan(periode, sumber="langsung")
        angka = _semua_angka(dari_ringkasan)
        assert angka == _semua_angka(langsung), periode
    return dari_ringkasan.angka


def _catch_up(zona=WITA):
    with timezone.override(zona):
        return harian.hitung_ulang()


@pytest.mark.django_db
def test_every_figure_from_the_summaries_equals_the_live_computation(data_acak):
    assert _catch_up() > 45
    assert Layanan.objects.count() == 110
    # December and January are complete: the catch-up summed them per month.
    assert set(BulanRingkasan.objects.values_list("bulan", flat=True)) == {D(2026, 12, 1), D(2027, 1, 1)}

    for periode in PERIODE:
        angka = _sama_dengan_langsung(periode, WITA)
        if periode.jenis in ("bulan", "tahun") and periode.mulai.year == 2026:
            assert angka.hari_tersimpan > 0 and angka.hari_langsung == 0  # read from the stored days


@pytest.mark.django_db
def test_time_standard_figures_of_a_day_count_the_services_each_condition_holds_for(data_acak, buat_layanan, petugas):
    """Each day's compliance figures are the services due that day for which each condition of
    `syarat_kepatuhan` holds, counted one by one: leaving the undecided services out of the
    query (the open backlog due in the days to come) leaves every figure as it was."""
    sekarang = timezone.now()
    # Online requests of this morning, due in three working days: open, answered, finished, cancelled.
    with timezone.override(WITA):
        pagi = [buat_layanan(kode, sarana="online", kanal_online="email") for kode in ("konsultasi", "permintaan-data") * 4]
    pagi[0].ubah_status(Status.MENUNGGU, oleh=petugas, catatan="dijawab")
    pagi[1].ubah_status(Status.SELESAI, oleh=petugas)
    pagi[2].ubah_status(Status.DIBATALKAN, oleh=petugas, catatan="batal")
    syarat = syarat_kepatuhan(sekarang)
    assert Layanan.objects.filter(tenggat__gt=sekarang).exclude(syarat["jatuh_tempo"]).exists()
    assert Layanan.objects.filter(tenggat__gt=sekarang).filter(syarat["jatuh_tempo"]).exists()  # finished early
    with timezone.override(WITA):
        hari = hitung(D(2026, 12, 20), D(2027, 3, 31), sekarang=sekarang)
        for angka in ANGKA_KEPATUHAN:
            tenggat = Layanan.objects.filter(syarat[angka], tenggat__isnull=False).values_list("tenggat", flat=True)
            satu_per_satu = Counter(timezone.localtime(t).date() for t in tenggat)
            dari_ringkasan = {t: c[("kepatuhan", f"semua|{angka}")] for t, c in hari.items() if c[("kepatuhan", f"semua|{angka}")]}
            assert dari_ringkasan == dict(satu_per_satu), angka
            assert satu_per_satu, angka


@pytest.mark.django_db
def test_figures_stay_equal_after_late_changes_to_past_days(data_acak, petugas, kantor, time_machine):
    _catch_up()
    with timezone.override(WITA):
        terbuka = Layanan.objects.filter(status__in=[Status.DITERIMA, Status.DIPROSES], dibuat__lt=datetime.datetime(2027, 1, 5, tzinfo=WITA)).first()
        terbuka.ubah_status(Status.SELESAI, oleh=petugas)  # finished late: its December days change
        nilai = Penilaian.objects.filter(diisi_pada__isnull=False).first()
        nilai.u1 = 1 if nilai.u1 != 1 else 4
        nilai.save()
        # The visitor opens and fills the SKD of a December service weeks later (counted on its
        # service's day, saved by an atomic UPDATE: no save signal).
        skd = SurveiSKD.objects.filter(
            pertama_dibuka__isnull=True, diisi_pada__isnull=True, layanan__dibuat__lt=datetime.datetime(2027, 1, 1, tzinfo=WITA),
        ).exclude(layanan__status=Status.DIBATALKAN).first()
        catat_skd_dibuka(skd)
        tandai_skd_diisi(skd)
        # New time standards move the due days of every open service (recomputed in bulk).
        kantor.batas_online_hari_kerja = 5
        kantor.save()
        assert HariRingkasan.objects.filter(kotor=True).exists()
        # The month sums of a month with a marked day stay in place but are not read.
        assert BulanRingkasan.objects.count() == 2

    for periode in PERIODE:
        _sama_dengan_langsung(periode, WITA)
    _catch_up()
    assert not HariRingkasan.objects.filter(kotor=True, tanggal__lt=D(2027, 2, 10)).exists()
    assert BulanRingkasan.objects.filter(bulan=D(2027, 1, 1)).exists()
    for periode in PERIODE:
        _sama_dengan_langsung(periode, WITA)


@pytest.mark.django_db
def test_a_new_office_time_zone_recuts_every_day(data_acak, kantor):
    _catch_up()
    kantor.zona_waktu = "Asia/Jakarta"
    kantor.save()

    # Stored days were cut at WITA midnight: until the catch-up they are computed live, in WIB.
    for periode in PERIODE:
        angka = _sama_dengan_langsung(periode, WIB)
        assert angka.hari_tersimpan == 0
    assert _catch_up(WIB) > 45
    assert set(HariRingkasan.objects.values_list("zona_waktu", flat=True)) == {"Asia/Jakarta"}
    for periode in PERIODE:
        _sama_dengan_langsung(periode, WIB)
    with timezone.override(WIB):
        assert Laporan(Periode.dari("bulan", D(2027, 1, 1))).angka.hari_tersimpan == 31


@pytest.mark.django_db
def test_a_day_alone_equals_the_same_day_within_a_range(data_acak):
    with timezone.override(WITA):
        rentang = hitung(D(2026, 12, 20), D(2027, 2, 9))
        for hari in (D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 4), D(2027, 2, 1)):
            assert hitung_hari(hari) == rentang[hari]
    assert sum(c[("pengunjung", "tahun")] for t, c in rentang.items() if t.year == 2027) <= 15


@pytest.mark.django_db
def test_a_stored_day_is_plain_data_without_personal_data(data_acak, petugas):
    _catch_up()
    with timezone.override(WITA):
        hari = max(t for t in AngkaHarian.objects.values_list("tanggal", flat=True) if t < D(2027, 2, 1))
        data = harian.sebagai_data(hari)
    teks = json.dumps(data)

    assert json.loads(teks) == data
    assert data["tanggal"] == hari.isoformat() and data["zona_waktu"] == "Asia/Makassar"
    assert set(data["angka"]) >= {"layanan", "kunjungan", "pengunjung"}
    assert "layanan_petugas" not in data["angka"] and "selesai_petugas" not in data["angka"]
    assert petugas.nama not in teks and "Pengunjung" not in teks and "@" not in teks
    assert all(isinstance(n, int) for ukuran in data["angka"].values() for n in ukuran.values())


@pytest.mark.django_db
def test_changes_to_today_mark_nothing_and_changes_to_past_days_mark_them(buat_layanan, petugas, kantor, time_machine):
    kantor.zona_waktu = "Asia/Makassar"
    kantor.save()
    with timezone.override(WITA):
        time_machine.move_to(datetime.datetime(2027, 1, 4, 9, 0, tzinfo=WITA), tick=False)
        lama = buat_layanan("konsultasi")
        time_machine.move_to(datetime.datetime(2027, 1, 6, 9, 0, tzinfo=WITA), tick=False)
        harian.hitung_ulang()
        assert not HariRingkasan.objects.filter(kotor=True).exists()

        buat_layanan("konsultasi").ubah_status(Status.SELESAI, oleh=petugas)
        assert not HariRingkasan.objects.filter(kotor=True).exists()
        assert not HariRingkasan.objects.filter(tanggal=D(2027, 1, 6)).exists()

        lama.ubah_status(Status.SELESAI, oleh=petugas)
        assert list(HariRingkasan.objects.filter(kotor=True).values_list("tanggal", flat=True)) == [D(2027, 1, 4)]


@pytest.mark.django_db
def test_nightly_command_computes_missing_and_marked_days_once(buat_layanan, kantor, time_machine):
    kantor.zona_waktu = "Asia/Makassar"
    kantor.save()
    time_machine.move_to(datetime.datetime(2027, 1, 2, 9, 0, tzinfo=WITA), tick=False)
    buat_layanan("konsultasi")
    time_machine.move_to(datetime.datetime(2027, 1, 5, 1, 0, tzinfo=WITA), tick=False)

    def jalankan(*args):
        keluaran = io.StringIO()
        call_command("hitung_ringkasan", *args, stdout=keluaran)
        return keluaran.getvalue()

    assert "3 hari ringkasan dihitung" in jalankan()  # 2, 3 and 4 January
    assert "0 hari ringkasan dihitung" in jalankan()
    assert "3 hari ringkasan dihitung" in jalankan("--semua")
    assert AngkaHarian.objects.get(tanggal=D(2027, 1, 2), ukuran="kunjungan").nilai == 1


@pytest.mark.django_db
def test_month_sums_are_read_only_while_every_day_of_the_month_is_current(data_acak):
    from django.db.models import F

    _catch_up()
    januari = Periode.dari("bulan", D(2027, 1, 1))
    with timezone.override(WITA):
        benar = Laporan(januari).ringkasan()["kunjungan"]
        # A planted difference in the month's sums shows that the report reads them…
        AngkaBulanan.objects.filter(bulan=D(2027, 1, 1), ukuran="kunjungan").update(nilai=F("nilai") + 1000)
        assert Laporan(januari).ringkasan()["kunjungan"] == benar + 1000
        # …and stops as soon as one day of the month is marked; the catch-up sums the month again.
        harian.tandai([D(2027, 1, 15)])
        assert Laporan(januari).ringkasan()["kunjungan"] == benar
        harian.hitung_ulang()
        assert Laporan(januari).ringkasan()["kunjungan"] == benar
        assert AngkaBulanan.objects.get(bulan=D(2027, 1, 1), ukuran="kunjungan").nilai == benar


@pytest.mark.django_db
def test_a_kind_of_service_changing_its_standard_marks_every_day_and_a_new_name_none(buat_layanan, jenis, kantor, time_machine):
    time_machine.move_to(datetime.datetime(2027, 1, 4, 9, 0, tzinfo=WITA), tick=False)
    buat_layanan("perpustakaan")
    time_machine.move_to(datetime.datetime(2027, 1, 8, 9, 0, tzinfo=WITA), tick=False)
    with timezone.override(WITA):
        harian.hitung_ulang()
        perpustakaan = jenis["perpustakaan"]
        perpustakaan.nama = "Perpustakaan Digital"
        perpustakaan.save()
        assert not HariRingkasan.objects.filter(kotor=True).exists()
        perpustakaan.adalah_permintaan_data = True
        perpustakaan.save()
        assert not HariRingkasan.objects.filter(kotor=False).exists()
