"""The province's receiving endpoint: a signed day is stored whole and replaces an earlier send; a forged
body, a wrong key, a replay, a timestamp outside the window, an unknown or inactive office, a future
day in the office's zone, another definition version and a body that is not a summary are each
refused with their reason and logged."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from provinsi import kantor as aturan_kantor
from provinsi import tandatangan
from provinsi.kiriman import badan
from provinsi.models import AlasanTolak, BulanKantor, Kantor, PenolakanKiriman, RingkasanKantor
from ringkasan.hitung import VERSI

WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")
SEKARANG = datetime.datetime(2027, 3, 10, 9, 0, tzinfo=WITA)
KEMARIN = datetime.date(2027, 3, 9)


def amplop(tanggal=KEMARIN, *, kode="6310", zona="Asia/Makassar", dihitung_pada=SEKARANG, layanan=3):
    return {
        "format": 1, "kantor": kode,
        "ringkasan": {
            "versi": VERSI, "tanggal": tanggal.isoformat(), "zona_waktu": zona, "dihitung_pada": dihitung_pada.isoformat(),
            "jenis_layanan": {"1": "konsultasi", "2": "permintaan-data"},
            "angka": {
                "layanan": {"1|selesai": layanan, "2|diterima": 1}, "layanan_hari": {"": layanan + 1},
                "kunjungan": {"": 2}, "skd": {"2|dibuat": 1}, "kepatuhan": {"semua|jatuh_tempo": 2, "semua|memenuhi": 1},
            },
        },
        "jenis_layanan": {
            "konsultasi": {"nama": "Konsultasi", "permintaan_data": False, "aktif": True},
            "permintaan-data": {"nama": "Permintaan Data", "permintaan_data": True, "aktif": True},
        },
        "standar": {"batas_tunggu_menit": 10, "batas_konsultasi_langsung_jam": 3, "batas_online_hari_kerja": 3},
    }


@pytest.fixture
def provinsi(settings, db, time_machine, batas_bersih):
    settings.MODE_PROVINSI = True
    time_machine.move_to(SEKARANG, tick=False)
    kantor, kunci = aturan_kantor.daftarkan(kode="6310", nama="BPS Kabupaten Tanah Bumbu")
    return kantor, kunci


def kirim(client, isi, kunci, *, waktu=None, nonce=None, kepala=None, **extra):
    b = isi if isinstance(isi, bytes) else badan(isi)
    h = kepala or tandatangan.kepala(kunci, b, waktu=waktu if waktu is not None else SEKARANG.timestamp(), nonce=nonce)
    return client.post(reverse("provinsi:terima"), data=b, content_type="application/json", headers=h, **extra)


def test_a_signed_day_is_stored_with_kinds_named_by_code(client, provinsi):
    kantor, kunci = provinsi
    r = kirim(client, amplop(), kunci)
    assert r.status_code == 200, r.content
    assert r.json() == {"status": "diterima", "tanggal": "2027-03-09"}
    hari = RingkasanKantor.objects.get(kantor=kantor, tanggal=KEMARIN)
    assert hari.angka["layanan|konsultasi|selesai"] == 3 and hari.angka["skd|permintaan-data|dibuat"] == 1
    assert (hari.layanan, hari.kunjungan, hari.dikirim_ulang) == (4, 2, 0)
    bulan = BulanKantor.objects.get(kantor=kantor, tahunan=False)
    assert (bulan.bulan, bulan.hari, bulan.angka) == (datetime.date(2027, 3, 1), 1, hari.angka)
    tahun = BulanKantor.objects.get(kantor=kantor, tahunan=True)
    assert (tahun.bulan, tahun.hari, tahun.angka) == (datetime.date(2027, 1, 1), 1, hari.angka)
    kantor.refresh_from_db()
    assert kantor.zona_waktu == "Asia/Makassar" and kantor.info_tanggal == KEMARIN
    assert kantor.jenis_layanan["permintaan-data"]["permintaan_data"] is True
    assert not PenolakanKiriman.objects.exists()


def test_a_resent_day_replaces_the_earlier_one_and_the_month_is_summed_again(client, provinsi):
    kantor, kunci = provinsi
    assert kirim(client, amplop(KEMARIN - datetime.timedelta(days=1), layanan=5), kunci).status_code == 200
    assert kirim(client, amplop(), kunci).status_code == 200
    assert kirim(client, amplop(dihitung_pada=SEKARANG + datetime.timedelta(minutes=1), layanan=7), kunci).status_code == 200
    assert RingkasanKantor.objects.count() == 2
    hari = RingkasanKantor.objects.get(tanggal=KEMARIN)
    assert hari.angka["layanan|konsultasi|selesai"] == 7 and hari.dikirim_ulang == 1
    assert BulanKantor.objects.get(kantor=kantor, tahunan=False).angka["layanan|konsultasi|selesai"] == 12
    assert BulanKantor.objects.get(kantor=kantor, tahunan=True).angka["layanan|konsultasi|selesai"] == 12


def test_a_version_computed_earlier_than_the_stored_one_does_not_replace_it(client, provinsi):
    _, kunci = provinsi
    kirim(client, amplop(layanan=7), kunci)
    r = kirim(client, amplop(dihitung_pada=SEKARANG - datetime.timedelta(hours=1), layanan=1), kunci)
    assert r.json()["status"] == "diabaikan"
    assert RingkasanKantor.objects.get().angka["layanan|konsultasi|selesai"] == 7


def _ditolak(r, alasan, status):
    assert r.status_code == status, r.content
    assert r.json()["kode"] == alasan
    assert PenolakanKiriman.objects.filter(alasan=alasan).exists()
    assert not RingkasanKantor.objects.exists()


def test_a_forged_body_is_refused_and_logged(client, provinsi):
    _, kunci = provinsi
    asli = badan(amplop())
    h = tandatangan.kepala(kunci, asli, waktu=SEKARANG.timestamp())
    palsu = asli.replace(b'"1|selesai":3', b'"1|selesai":300')
    _ditolak(kirim(client, palsu, kunci, kepala=h), AlasanTolak.TANDA_SALAH, 403)
    log = PenolakanKiriman.objects.get()
    assert (log.kode_kantor, log.alamat) == ("6310", "127.0.0.1") and log.kantor is not None


def test_a_wrong_key_is_refused_and_logged(client, provinsi):
    _ditolak(kirim(client, amplop(), tandatangan.buat_kunci("6310")), AlasanTolak.TANDA_SALAH, 403)


def test_an_old_key_stops_working_when_a_new_one_is_issued(client, provinsi):
    kantor, lama = provinsi
    baru = aturan_kantor.buat_kunci_baru(kantor)
    _ditolak(kirim(client, amplop(), lama), AlasanTolak.TANDA_SALAH, 403)
    assert kirim(client, amplop(), baru).status_code == 200


def test_a_replayed_request_is_refused_and_logged(client, provinsi):
    _, kunci = provinsi
    b = badan(amplop())
    h = tandatangan.kepala(kunci, b, waktu=SEKARANG.timestamp())
    assert kirim(client, b, kunci, kepala=h).status_code == 200
    r = kirim(client, b, kunci, kepala=h)
    assert r.status_code == 409 and r.json()["kode"] == AlasanTolak.PENGULANGAN
    assert RingkasanKantor.objects.get().dikirim_ulang == 0


@pytest.mark.parametrize("geser", [-301, 301])
def test_a_timestamp_outside_the_window_is_refused_and_logged(client, provinsi, geser):
    _, kunci = provinsi
    _ditolak(kirim(client, amplop(), kunci, waktu=SEKARANG.timestamp() + geser), AlasanTolak.WAKTU, 403)


def test_an_unknown_office_is_refused_and_logged(client, provinsi):
    kunci = tandatangan.buat_kunci("6311")
    _ditolak(kirim(client, amplop(kode="6311"), kunci), AlasanTolak.KANTOR_TIDAK_DIKENAL, 403)
    assert PenolakanKiriman.objects.get().kode_kantor == "6311"


def test_an_inactive_office_is_refused(client, provinsi):
    kantor, kunci = provinsi
    aturan_kantor.atur_aktif(kantor, aktif=False)
    _ditolak(kirim(client, amplop(), kunci), AlasanTolak.KANTOR_NONAKTIF, 403)


def test_a_day_not_over_in_the_offices_zone_is_refused(client, provinsi, time_machine):
    _, kunci = provinsi
    # 23.30 WITA on the 9th is already the 10th in WIT: the 9th is over there, the 10th is not.
    time_machine.move_to(datetime.datetime(2027, 3, 9, 23, 30, tzinfo=WITA), tick=False)
    jam = datetime.datetime(2027, 3, 9, 23, 30, tzinfo=WITA).timestamp()
    assert kirim(client, amplop(zona="Asia/Jayapura"), kunci, waktu=jam).status_code == 200
    _ditolak_hari = kirim(client, amplop(KEMARIN + datetime.timedelta(days=1), zona="Asia/Jayapura"), kunci, waktu=jam)
    assert _ditolak_hari.status_code == 422 and _ditolak_hari.json()["kode"] == AlasanTolak.HARI_BELUM_LEWAT
    r = kirim(client, amplop(zona="Asia/Makassar"), kunci, waktu=jam)
    assert r.status_code == 422 and r.json()["kode"] == AlasanTolak.HARI_BELUM_LEWAT


def test_another_definition_version_is_refused(client, provinsi):
    _, kunci = provinsi
    isi = amplop()
    isi["ringkasan"]["versi"] = VERSI + 1
    _ditolak(kirim(client, isi, kunci), AlasanTolak.VERSI, 409)


@pytest.mark.parametrize("rusak", [
    b"bukan json", b"[]", b'{"format": 2}',
    lambda a: a["ringkasan"]["angka"]["layanan"].update({"1|selesai": -1}),
    lambda a: a["ringkasan"]["angka"]["layanan"].update({"1|selesai": True}),
    lambda a: a["ringkasan"].update({"zona_waktu": "Europe/Berlin"}),
    lambda a: a.update({"kantor": "6311"}),
    lambda a: a["standar"].pop("batas_tunggu_menit"),
])
def test_a_body_that_is_not_a_summary_is_refused(client, provinsi, rusak):
    _, kunci = provinsi
    if isinstance(rusak, bytes):
        b = rusak
    else:
        isi = amplop()
        rusak(isi)
        b = badan(isi)
    _ditolak(kirim(client, b, kunci), AlasanTolak.ISI, 422)


def test_headers_missing_are_refused(client, provinsi):
    r = client.post(reverse("provinsi:terima"), data=badan(amplop()), content_type="application/json")
    _ditolak(r, AlasanTolak.TIDAK_LENGKAP, 400)


def test_plain_http_from_another_machine_is_refused(client, provinsi, settings):
    _, kunci = provinsi
    _ditolak(kirim(client, amplop(), kunci, REMOTE_ADDR="10.1.2.3"), AlasanTolak.BUKAN_HTTPS, 403)
    settings.PROVINSI_IZINKAN_HTTP = True
    assert kirim(client, amplop(), kunci, REMOTE_ADDR="10.1.2.3").status_code == 200


def test_https_from_another_machine_is_accepted(client, provinsi):
    _, kunci = provinsi
    assert kirim(client, amplop(), kunci, REMOTE_ADDR="10.1.2.3", secure=True).status_code == 200


def test_refusals_beyond_the_limit_are_answered_but_not_logged(client, provinsi, monkeypatch, satu_jendela):
    monkeypatch.setattr("provinsi.penerimaan.BATAS_TOLAK", 3)
    for _ in range(5):
        client.post(reverse("provinsi:terima"), data=b"{}", content_type="application/json")
    assert PenolakanKiriman.objects.count() == 3


def test_an_office_instance_has_no_receiving_endpoint(client, provinsi, settings):
    settings.MODE_PROVINSI = False
    _, kunci = provinsi
    assert kirim(client, amplop(), kunci).status_code == 404
    assert Kantor.objects.count() == 1 and not RingkasanKantor.objects.exists()


def test_the_endpoint_takes_only_post(client, provinsi):
    assert client.get(reverse("provinsi:terima")).status_code == 405


def test_refusals_older_than_a_quarter_are_forgotten(client, provinsi, time_machine):
    client.post(reverse("provinsi:terima"), data=b"{}", content_type="application/json")
    time_machine.move_to(SEKARANG + datetime.timedelta(days=91), tick=False)
    client.post(reverse("provinsi:terima"), data=b"{}", content_type="application/json")
    assert PenolakanKiriman.objects.count() == 1
