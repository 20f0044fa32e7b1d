"""The navbar's bell: each count equals the list it opens; "newly assigned" clears once seen."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from layanan import mandiri
from layanan.layanan import catat_tanggapan_pengunjung, pengguna_sistem
from layanan.models import Layanan, Status, TandaBaca
from layanan.pemberitahuan import baru_ditugaskan, ditanggapi, jatuh_tempo
from presensi.models import JadwalPiket, Shift
from tests.conftest import kunci

WITA = ZoneInfo("Asia/Makassar")
RABU_10 = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=WITA)  # an ordinary working Wednesday
LONCENG = {"HX-Request": "true", "HX-Target": "lonceng"}

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rabu(time_machine, kantor, jenis):
    cache.clear()  # self-registration's rate limits
    time_machine.move_to(RABU_10, tick=False)
    yield
    cache.clear()


def angka_lonceng(client):
    """The bell's counts as the officer reads them, by line."""
    html = client.get(reverse("layanan:pemberitahuan"), headers=LONCENG).content.decode()
    return {k: int(n) for k, n in re.findall(r'data-pemberitahuan="(\w+)">\s*<span>[^<]*</span> <span class="badge[^"]*">(\d+)</span>', html)}


def daftar_di(client, url):
    """How many rows the list behind a bell line shows."""
    response = client.get(url)
    assert response.status_code == 200
    konteks = response.context
    if "halaman" in konteks:
        return len(konteks["halaman"].object_list)
    if "mandiri_belum_dicatat" in konteks:
        return len(konteks["mandiri_belum_dicatat"])
    return len(konteks["daftar"])


@pytest.fixture
def meja(client, buat_layanan, petugas, petugas2, admin_user, jenis):
    """Rina's desk on Wednesday 10.00: some of everything the bell counts, and what it must not."""
    jam = datetime.timedelta(hours=1)
    # Given to Rina by others: counted while open.
    for oleh in (petugas2, admin_user):
        buat_layanan(oleh=petugas2).alihkan(petugas, oleh=oleh)
    ditutup = buat_layanan(oleh=petugas2)
    ditutup.alihkan(petugas, oleh=petugas2)
    ditutup.ubah_status(Status.SELESAI, oleh=petugas)
    # Rina's own: one late (walk-in consultation, 3 hours), one due at 13.00 today, one due in days.
    buat_layanan(waktu=RABU_10 - 4 * jam)
    buat_layanan(waktu=RABU_10)
    buat_layanan("permintaan-data", waktu=RABU_10)
    # Co-handled and late: hers too. Late but waiting on the visitor: not hers to chase.
    bersama = buat_layanan(oleh=petugas2, waktu=RABU_10 - 5 * jam)
    bersama.atur_pendamping([petugas], oleh=petugas2)
    menunggu = buat_layanan(sarana="online", kanal_online="email", waktu=RABU_10 - datetime.timedelta(days=9))
    menunggu.ubah_status(Status.MENUNGGU, oleh=petugas)
    # The visitor wrote back on WhatsApp (attached by the system): waiting on Rina again.
    catat_tanggapan_pengunjung(layanan=menunggu, oleh=pengguna_sistem(), catatan="Terima kasih, mohon datanya.")
    # Two online requests nobody was on duty for; one of them Rina takes herself (not "given").
    kosong = [buat_layanan(sarana="online", kanal_online="mandiri", oleh=petugas2) for _ in range(3)]
    Layanan.objects.filter(pk__in=[l.pk for l in kosong]).update(petugas=pengguna_sistem())
    mandiri.ambil(layanan_id=kosong[0].pk, petugas=petugas)
    # One walk-in registered on the phone and waiting for the Buku Tamu.
    client.post(reverse("bukutamu:daftar"), {
        "nama": "Siti Pendaftar", "instansi": "", "jenis_instansi": "perorangan", "no_hp": "0812 3456 7890", "email": "",
        "jenis_layanan": [jenis["konsultasi"].pk], "nomor_surat_permintaan": "", "keperluan": "Data kemiskinan",
        "sarana": "langsung", "setuju": "on", "situs_web": "", **kunci("daftar_mandiri"),
    })


def test_each_count_is_the_list_it_opens(masuk, petugas, meja):
    client = masuk(petugas)
    angka = angka_lonceng(client)
    # Due: the two given to her (walk-ins, due 13.00), her late one, her one due 13.00, the co-handled late one.
    assert angka == {"baru": 2, "tenggat": 5, "tanggapan": 1, "online": 2, "mandiri": 1}
    html = client.get(reverse("layanan:pemberitahuan"), headers=LONCENG).content.decode()
    tautan = dict(re.findall(r'href="([^"]+)" data-pemberitahuan="(\w+)"', html))
    per_kunci = {k: u.replace("&amp;", "&") for u, k in tautan.items()}
    # The newly assigned list last: opening it clears its count.
    for kunci in ("tenggat", "tanggapan", "online", "mandiri", "baru"):
        assert daftar_di(client, per_kunci[kunci]) == angka[kunci], kunci
    assert angka_lonceng(client)["baru"] == 0


def test_newly_assigned_clears_once_seen_and_counts_what_comes_after(masuk, petugas, petugas2, buat_layanan, meja, time_machine):
    client = masuk(petugas)
    client.get(reverse("layanan:saya"), {"baru": "1"})
    assert TandaBaca.objects.get(user=petugas).penugasan_dilihat == RABU_10
    assert baru_ditugaskan(petugas).count() == 0

    time_machine.move_to(RABU_10 + datetime.timedelta(minutes=5), tick=False)
    buat_layanan(oleh=petugas2).alihkan(petugas, oleh=petugas2)
    assert angka_lonceng(client)["baru"] == 1
    halaman = client.get(reverse("layanan:saya"), {"baru": "1"})
    assert "Baru ditugaskan kepada Anda" in halaman.content.decode()
    assert len(halaman.context["halaman"].object_list) == 1
    assert angka_lonceng(client)["baru"] == 0


def test_a_visitor_answer_rings_until_the_officer_acts_on_it(masuk, petugas, petugas2, buat_layanan):
    layanan = buat_layanan(sarana="online", kanal_online="wa")
    layanan.ubah_status(Status.MENUNGGU, oleh=petugas)
    assert ditanggapi(petugas).count() == 0
    catat_tanggapan_pengunjung(layanan=layanan, oleh=pengguna_sistem(), catatan="Baik, saya tunggu.")
    assert list(ditanggapi(petugas)) == [layanan]
    assert ditanggapi(petugas2).count() == 0  # not hers
    halaman = masuk(petugas).get(reverse("layanan:saya"), {"ditanggapi": "1"}).content.decode()
    assert 'id="judul-ditanggapi"' in halaman
    layanan.ubah_status(Status.DIPROSES, oleh=petugas)  # her next step
    assert ditanggapi(petugas).count() == 0


def test_an_answer_the_officer_recorded_herself_does_not_ring(petugas, petugas2, buat_layanan):
    layanan = buat_layanan(sarana="online", kanal_online="email")
    catat_tanggapan_pengunjung(layanan=layanan, oleh=petugas, catatan="Pengunjung menelepon.")
    assert ditanggapi(petugas).count() == 0
    catat_tanggapan_pengunjung(layanan=layanan, oleh=petugas2, catatan="Pengunjung menelepon lagi.")
    assert ditanggapi(petugas).count() == 1


def test_each_officer_has_their_own_seen_state(masuk, petugas, petugas2, buat_layanan, meja):
    buat_layanan(oleh=petugas).alihkan(petugas2, oleh=petugas)
    masuk(petugas).get(reverse("layanan:saya"), {"baru": "1"})
    assert baru_ditugaskan(petugas2).count() == 1
    assert baru_ditugaskan(petugas).count() == 0


def test_a_service_taken_or_recorded_by_oneself_is_not_newly_assigned(buat_layanan, petugas, petugas2):
    sendiri = buat_layanan(oleh=petugas)
    assert sendiri.ditugaskan_pada is None
    kembali = buat_layanan(oleh=petugas2)
    kembali.alihkan(petugas, oleh=petugas2)
    kembali.alihkan(petugas2, oleh=petugas2)  # taken back by themselves
    assert kembali.ditugaskan_pada is None
    assert baru_ditugaskan(petugas2).count() == 0


def test_an_online_request_given_by_the_roster_rings_the_officers_bell(client, jenis, petugas2):
    pagi = Shift.objects.create(nama="Piket Uji", jam_mulai=datetime.time(8), jam_selesai=datetime.time(12))
    JadwalPiket.objects.create(tanggal=RABU_10.date(), shift=pagi, petugas=petugas2)
    client.post(reverse("bukutamu:daftar"), {
        "nama": "Siti Online", "instansi": "", "jenis_instansi": "perorangan", "no_hp": "0812 3456 7891", "email": "",
        "jenis_layanan": [jenis["konsultasi"].pk], "nomor_surat_permintaan": "", "keperluan": "Data",
        "sarana": "online", "setuju": "on", "situs_web": "", **kunci("daftar_mandiri"),
    })
    assert list(baru_ditugaskan(petugas2).values_list("kunjungan__nama", flat=True)) == ["Siti Online"]


def test_due_today_ends_at_midnight_office_time(buat_layanan, petugas, time_machine):
    layanan = buat_layanan("permintaan-data", waktu=RABU_10)
    Layanan.objects.filter(pk=layanan.pk).update(tenggat=datetime.datetime(2026, 12, 2, 23, 59, tzinfo=WITA))
    assert jatuh_tempo(petugas).count() == 1
    Layanan.objects.filter(pk=layanan.pk).update(tenggat=datetime.datetime(2026, 12, 3, 0, 1, tzinfo=WITA))
    assert jatuh_tempo(petugas).count() == 0


def test_the_bell_is_the_desks_own(masuk, client, pimpinan, petugas):
    assert masuk(pimpinan).get(reverse("layanan:pemberitahuan")).status_code == 403
    assert 'id="lonceng"' not in masuk(pimpinan).get(reverse("laporan:index")).content.decode()
    html = masuk(petugas).get(reverse("layanan:dashboard")).content.decode()
    assert 'id="lonceng"' in html and 'hx-trigger="load, every 60s, segarkan"' in html


def test_without_javascript_the_bell_is_a_page_of_counts(masuk, petugas, meja):
    response = masuk(petugas).get(reverse("layanan:pemberitahuan"))
    html = response.content.decode()
    assert "<html" in html and 'id="daftar-pemberitahuan"' in html
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.parametrize("headers", [{}, LONCENG])
def test_bell_query_count_does_not_grow(masuk, petugas, petugas2, buat_layanan, django_assert_num_queries, headers):
    client = masuk(petugas)
    buat_layanan(oleh=petugas2).alihkan(petugas, oleh=petugas2)
    client.get(reverse("layanan:pemberitahuan"), headers=headers)
    with CaptureQueriesContext(connection) as satu:
        client.get(reverse("layanan:pemberitahuan"), headers=headers)
    for _ in range(4):
        buat_layanan(oleh=petugas2).alihkan(petugas, oleh=petugas2)
    with django_assert_num_queries(len(satu)):
        client.get(reverse("layanan:pemberitahuan"), headers=headers)


@pytest.mark.parametrize("param", [{"tenggat": "hari-ini"}, {"baru": "1"}])
def test_the_bells_lists_keep_their_query_count(
    masuk, petugas, petugas2, buat_layanan, django_assert_num_queries, time_machine, param
):
    client = masuk(petugas)
    detik = iter(range(1, 100))

    def tambah():
        time_machine.move_to(RABU_10 + datetime.timedelta(seconds=next(detik)), tick=False)
        buat_layanan(oleh=petugas2).alihkan(petugas, oleh=petugas2)

    tambah()
    client.get(reverse("layanan:saya"), param)
    tambah()  # the newly assigned list shows it once: one more to read
    with CaptureQueriesContext(connection) as satu:
        client.get(reverse("layanan:saya"), param)
    for _ in range(5):
        tambah()
    with django_assert_num_queries(len(satu)):
        response = client.get(reverse("layanan:saya"), param)
    assert len(response.context["halaman"].object_list) == (5 if "baru" in param else 7)  # due 13.00 today
