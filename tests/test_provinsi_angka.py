"""The province's figures of an office equal that office's own report, figure by figure, on random data;
the province total is the sum of its offices, with the IKM from the summed answers."""

import datetime
from dataclasses import asdict

import pytest
from django.utils import timezone

from laporan.data import Laporan
from laporan.periode import Periode
from provinsi import kantor as aturan_kantor
from provinsi import kiriman, penerimaan
from provinsi.angka import AngkaKantor
from provinsi.rekap import Rekap, bulan_penuh, tahun_penuh
from pst_frontoffice.skm import FIELD_UNSUR
from rating import ikm
from ringkasan import harian

from .test_ringkasan import WITA, data_acak  # noqa: F401  (the fixture)

D = datetime.date
# Periods of days already over on 10 February 2027 (the province receives a day after it ends).
PERIODE = [
    Periode.dari("hari", D(2026, 12, 31)),
    Periode.dari("minggu", D(2026, 12, 31)),
    Periode.dari("bulan", D(2026, 12, 1)),
    Periode.dari("bulan", D(2027, 1, 15)),
    Periode.dari("tahun", D(2026, 6, 1)),
    Periode("rentang", D(2026, 12, 24), D(2027, 1, 7)),
    Periode("rentang", D(2026, 11, 1), D(2027, 2, 9)),
]


def _tanpa(d, *kunci):
    return {k: v for k, v in d.items() if k not in kunci}


def angka_laporan(lap):
    """The office report's figures the province shows (no lists behind them, no officers)."""
    k = lap.kepuasan()
    ikm_ = lambda h: _tanpa(asdict(h), "kunci")  # noqa: E731
    return {
        "ringkasan": lap.ringkasan(),
        "per_jenis": {b["nama"]: (b["jumlah"], b["selesai"], b["persen_selesai"]) for b in lap.per_jenis()},
        "per_sarana": [_tanpa(b, "tautan") for b in lap.per_sarana()],
        "per_status": [_tanpa(b, "tautan") for b in lap.per_status()],
        "standar_waktu": [_tanpa(b, "tautan") for b in lap.standar_waktu()],
        "antrian": _tanpa(lap.ringkasan_antrian(), "tautan"),
        "ikm": [ikm_(h) for h in [k["keseluruhan"], *k["per_jenis"]]],
        "profil": [{**t, "baris": [_tanpa(b, "tautan") for b in t["baris"]]} for t in k["profil"]],
        "sampel": (k["populasi"], k["sampel_minimum"], k["sampel_cukup"], k["teks_sampel"]),
        "skd": _tanpa(lap.skd(), "tautan"),
        "pengaduan": {**_tanpa(lap.pengaduan(), "tautan"), "per_kanal": [_tanpa(b, "tautan") for b in lap.pengaduan()["per_kanal"]]},
        "tren": lap.tren(),
    }


def angka_provinsi(a: AngkaKantor, tren):
    k = a.kepuasan()
    ikm_ = lambda h: _tanpa(asdict(h), "kunci")  # noqa: E731
    return {
        "ringkasan": a.ringkasan(),
        "per_jenis": {b["nama"]: (b["jumlah"], b["selesai"], b["persen_selesai"]) for b in a.per_jenis()},
        "per_sarana": a.per_sarana(),
        "per_status": a.per_status(),
        "standar_waktu": a.standar_waktu(),
        "antrian": a.antrian(),
        "ikm": [ikm_(h) for h in [k["keseluruhan"], *k["per_jenis"]]],
        "profil": k["profil"],
        "sampel": (k["populasi"], k["sampel_minimum"], k["sampel_cukup"], k["teks_sampel"]),
        "skd": a.skd(),
        "pengaduan": a.pengaduan(),
        "tren": tren,
    }


def kirim_langsung(kantor, hari, kode):
    """What the office's sender and the province's endpoint do with each stored day, without the network between."""
    for t in hari:
        isi = kiriman.amplop(t, kode=kode)
        amplop = penerimaan.baca_amplop(kiriman.badan(isi), kode=kode, sekarang=timezone.now())
        assert penerimaan.simpan(kantor, amplop) == "diterima"


@pytest.fixture
def provinsi(data_acak):  # noqa: F811
    with timezone.override(WITA):
        harian.hitung_ulang()
        hari = sorted(harian.HariRingkasan.objects.values_list("tanggal", flat=True))
        satu, _ = aturan_kantor.daftarkan(kode="6310", nama="BPS Kabupaten Tanah Bumbu")
        kirim_langsung(satu, hari, "6310")
        # A second office that sent only the days of January: the total is not twice the first.
        dua, _ = aturan_kantor.daftarkan(kode="6302", nama="BPS Kabupaten Kotabaru")
        kirim_langsung(dua, [t for t in hari if t.month == 1], "6302")
    satu.refresh_from_db()
    dua.refresh_from_db()
    return satu, dua


def test_the_provinces_figures_of_an_office_equal_its_own_report(provinsi):
    satu, _ = provinsi
    for periode in PERIODE:
        with timezone.override(WITA):
            laporan = angka_laporan(Laporan(periode))
            rekap = Rekap(periode, kantor=satu)
            (baris,) = rekap.per_kantor
            di_provinsi = angka_provinsi(baris.angka, rekap.tren())
        if periode.jenis == "rentang":
            laporan["ringkasan"]["pengunjung"] = None  # different people do not add up over a free range
        assert di_provinsi == laporan, periode


def test_the_province_total_sums_the_offices_and_takes_the_ikm_from_the_summed_answers(provinsi, django_assert_max_num_queries):
    for periode in (PERIODE[3], PERIODE[4], PERIODE[6]):
        _total_sama(periode)
    # A year reads month sums (one query), edge days (one), the offices (one).
    with django_assert_max_num_queries(3):
        Rekap(Periode.dari("tahun", D(2026, 1, 1))).total.ringkasan()


def _total_sama(periode):
    with timezone.override(WITA):
        rekap = Rekap(periode)
        satu, dua = (b.angka for b in rekap.per_kantor)
        total = rekap.total
    for kunci, n in total.ringkasan().items():
        if kunci != "tingkat_penyelesaian" and n is not None:
            assert n == satu.ringkasan()[kunci] + dua.ringkasan()[kunci], kunci
    for a, b, t in zip(satu.standar_waktu(), dua.standar_waktu(), total.standar_waktu()):
        assert (t["jumlah"], t["tepat"], t["terlambat"]) == (a["jumlah"] + b["jumlah"], a["tepat"] + b["tepat"], a["terlambat"] + b["terlambat"])
    skd = total.skd()
    assert skd["diisi"] == satu.skd()["diisi"] + dua.skd()["diisi"]
    jumlah = {"responden": 0, **{f"jumlah_{f}": 0 for f in FIELD_UNSUR}}
    for a in (satu, dua):
        jumlah["responden"] += sum(a.per_kunci("skm_responden").values())
        for kunci, n in a.per_kunci("skm_jumlah").items():
            jumlah[f"jumlah_{kunci.split('|')[1]}"] += n
    harapan = ikm.hasil_dari_jumlah(jumlah, label="Keseluruhan")
    assert total.kepuasan()["keseluruhan"].ikm == harapan.ikm
    assert total.kepuasan()["keseluruhan"].responden == satu.kepuasan()["keseluruhan"].responden + dua.kepuasan()["keseluruhan"].responden


def test_whole_years_and_months_inside_a_period():
    assert tahun_penuh(D(2021, 12, 6), D(2026, 12, 6)) == [D(2022, 1, 1), D(2023, 1, 1), D(2024, 1, 1), D(2025, 1, 1)]
    assert tahun_penuh(D(2026, 1, 1), D(2026, 12, 31)) == [D(2026, 1, 1)]
    assert tahun_penuh(D(2026, 1, 2), D(2026, 12, 31)) == []
    assert bulan_penuh(D(2026, 12, 15), D(2027, 3, 3)) == [D(2027, 1, 1), D(2027, 2, 1)]
    assert bulan_penuh(D(2026, 12, 1), D(2026, 12, 31)) == [D(2026, 12, 1)]
    assert bulan_penuh(D(2026, 12, 2), D(2026, 12, 31)) == []
