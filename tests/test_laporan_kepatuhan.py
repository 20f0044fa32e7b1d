"""Time-standard compliance by due date: open services past due count as missed; auto-closed services
and 'terlambat, masih terbuka' are figures of their own, each linked to its list; every figure says
what it counts, on the page and in the files."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from laporan.data import Laporan
from laporan.definisi import DEFINISI
from laporan.periode import Periode
from layanan.layanan import tutup_konsultasi_online_diam
from layanan.models import Kanal, Layanan, Status
from layanan.pengaduan import catat_pengaduan
from rating.models import SurveiSKD

WITA = ZoneInfo("Asia/Makassar")
SENIN = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=WITA)  # an ordinary working week, no holiday
MINGGU = Periode.dari("minggu", datetime.date(2026, 11, 5))  # 2–8 Nov: online requests of Monday fall due Thursday
SEKARANG = datetime.datetime(2026, 11, 16, 10, 0, tzinfo=WITA)


@pytest.fixture
def minggu_9_dari_11(buat_layanan, petugas, time_machine):
    """A week with 9 online requests closed on time and 2 still open past their due date."""
    time_machine.move_to(SENIN, tick=False)
    tepat = [buat_layanan("permintaan-data", sarana="online", kanal_online="email") for _ in range(9)]
    terbuka = [buat_layanan("permintaan-data", sarana="online", kanal_online="email") for _ in range(2)]
    time_machine.move_to(SENIN + datetime.timedelta(days=1), tick=False)
    for layanan in tepat:
        layanan.ubah_status(Status.SELESAI, oleh=petugas)
    time_machine.move_to(SEKARANG, tick=False)
    return tepat, terbuka


def _laporan(periode=MINGGU):
    with timezone.override(WITA):
        return Laporan(periode)


@pytest.mark.django_db
def test_week_with_two_open_past_due_shows_9_of_11(minggu_9_dari_11):
    laporan = _laporan()
    with timezone.override(WITA):
        standar = laporan.standar_waktu()[1]
        ringkasan = laporan.ringkasan()

    assert (standar["tepat"], standar["jumlah"], standar["persen"]) == (9, 11, 81.8)
    assert standar["terlambat_terbuka"] == 2
    assert ringkasan["terlambat_terbuka"] == 2


@pytest.mark.django_db
def test_service_past_due_counts_in_the_period_it_fell_due(buat_layanan, time_machine):
    # Recorded Friday 6 Nov (online): due at the end of Wednesday 11 Nov, in the next week.
    time_machine.move_to(datetime.datetime(2026, 11, 6, 10, 0, tzinfo=WITA), tick=False)
    buat_layanan("konsultasi", sarana="online", kanal_online="email")
    time_machine.move_to(SEKARANG, tick=False)

    minggu_dicatat = _laporan().standar_waktu()[1]
    minggu_jatuh_tempo = _laporan(Periode.dari("minggu", datetime.date(2026, 11, 11))).standar_waktu()[1]

    assert (minggu_dicatat["jumlah"], minggu_dicatat["terlambat_terbuka"]) == (0, 0)
    assert (minggu_jatuh_tempo["jumlah"], minggu_jatuh_tempo["tepat"], minggu_jatuh_tempo["terlambat_terbuka"]) == (1, 0, 1)


@pytest.mark.django_db
def test_not_yet_due_and_cancelled_services_are_not_counted(buat_layanan, petugas, time_machine):
    time_machine.move_to(SENIN, tick=False)
    batal = buat_layanan("permintaan-data", sarana="online", kanal_online="email")
    batal.ubah_status(Status.DIBATALKAN, oleh=petugas, catatan="salah input")
    buat_layanan("permintaan-data", sarana="online", kanal_online="email")  # open, due Thursday
    time_machine.move_to(SENIN + datetime.timedelta(days=1), tick=False)  # Tuesday: not due yet

    standar = _laporan().standar_waktu()[1]

    assert (standar["jumlah"], standar["tepat"], standar["terlambat_terbuka"]) == (0, 0, 0)


@pytest.mark.django_db
def test_answer_in_time_meets_the_standard_and_auto_close_is_its_own_figure(buat_layanan, petugas, time_machine):
    time_machine.move_to(SENIN, tick=False)
    dijawab = buat_layanan("konsultasi", sarana="online", kanal_online="whatsapp")
    tidak_dijawab = buat_layanan("konsultasi", sarana="online", kanal_online="whatsapp")
    time_machine.move_to(SENIN + datetime.timedelta(days=1), tick=False)
    dijawab.ubah_status(Status.MENUNGGU, oleh=petugas, catatan="Sudah dijawab.")
    time_machine.move_to(SEKARANG, tick=False)
    assert tutup_konsultasi_online_diam(hari=3) == [dijawab]

    with timezone.override(WITA):
        laporan = _laporan()
        ringkasan = laporan.ringkasan()
        standar = laporan.standar_waktu()[1]

    assert (ringkasan["selesai"], ringkasan["ditutup_otomatis"], ringkasan["terlambat_terbuka"]) == (0, 1, 1)
    assert (standar["jumlah"], standar["tepat"], standar["terlambat_terbuka"]) == (2, 1, 1)
    tidak_dijawab.refresh_from_db()
    assert tidak_dijawab.status == Status.DITERIMA


@pytest.mark.django_db
def test_late_and_auto_closed_figures_link_to_their_lists(minggu_9_dari_11, buat_layanan, masuk, pimpinan, kantor):
    _, terbuka = minggu_9_dari_11
    buat_layanan("konsultasi")  # recorded now, not due in that week
    client = masuk(pimpinan)

    halaman = client.get(reverse("laporan:index"), MINGGU.query())
    html = halaman.content.decode()

    assert 'data-angka="terlambat_terbuka">2<' in html
    daftar = client.get(halaman.context["tautan"]["terlambat_terbuka"])
    assert {l.pk for l in daftar.context["halaman"].object_list} == {l.pk for l in terbuka}
    per_baris = client.get(halaman.context["standar_waktu"][1]["tautan"]["terlambat_terbuka"])
    assert per_baris.context["halaman"].paginator.count == 2
    assert DEFINISI["terlambat_terbuka"] in daftar.content.decode()


@pytest.mark.django_db
def test_every_figure_says_what_it_counts_on_the_page_and_in_the_files(minggu_9_dari_11, masuk, pimpinan, unduh_lewat_worker):
    client = masuk(pimpinan)
    html = client.get(reverse("laporan:index"), MINGGU.query()).content.decode()
    xlsx = unduh_lewat_worker(client, "laporan_xlsx", MINGGU.query())
    docx = client.get(reverse("laporan:unduh_docx"), MINGGU.query())

    for kunci in ("layanan", "terlambat_terbuka", "ditutup_otomatis", "standar_waktu", "skd", "pengaduan", "kepuasan"):
        assert DEFINISI[kunci] in html, kunci
    wb = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    ringkasan = {r[0]: (r[1], r[2]) for r in wb["Ringkasan"].iter_rows(min_row=4, values_only=True)}
    assert ringkasan["Terlambat, masih terbuka"] == (2, DEFINISI["terlambat_terbuka"])
    assert wb["Standar Waktu"]["A2"].value == f"Yang dihitung: {DEFINISI['standar_waktu']}"
    teks = "\n".join(p.text for p in Document(io.BytesIO(b"".join(docx.streaming_content))).paragraphs)
    assert f"Yang dihitung: {DEFINISI['skd']}" in teks
    assert f"Yang dihitung: {DEFINISI['pengaduan']}" in teks


@pytest.mark.django_db
def test_skd_is_the_fill_rate_of_the_periods_data_requests(buat_layanan, time_machine):
    time_machine.move_to(SENIN, tick=False)
    permintaan = [buat_layanan("permintaan-data") for _ in range(5)]
    for i, layanan in enumerate(permintaan[:4]):
        SurveiSKD.objects.create(layanan=layanan, diisi_pada=SENIN if i < 2 else None)
    # A link made this week for a data request of an earlier week is not this week's.
    time_machine.move_to(SENIN - datetime.timedelta(days=14), tick=False)
    lama = buat_layanan("permintaan-data")
    time_machine.move_to(SENIN, tick=False)
    SurveiSKD.objects.create(layanan=lama, diisi_pada=SENIN)

    skd = _laporan().skd()

    assert (skd["permintaan_data"], skd["tautan_dibuat"], skd["diisi"], skd["persen_diisi"]) == (5, 4, 2, 40.0)


@pytest.mark.django_db
def test_complaints_register_is_named_apart_from_pengaduan_services(buat_layanan, time_machine, masuk, pimpinan):
    time_machine.move_to(SENIN, tick=False)
    buat_layanan("pengaduan")  # the guest book also files it in the register
    for kanal in (Kanal.KOTAK_SARAN, Kanal.WHATSAPP, Kanal.WHATSAPP):
        catat_pengaduan(isi="AC mati", kanal=kanal)

    pengaduan = _laporan().pengaduan()
    html = masuk(pimpinan).get(reverse("laporan:index"), MINGGU.query()).content.decode()

    assert (pengaduan["jumlah"], pengaduan["layanan_pengaduan"]) == (4, 1)
    assert {b["kode"]: b["jumlah"] for b in pengaduan["per_kanal"]} == {"langsung": 1, "kotak_saran": 1, "whatsapp": 2}
    assert "Pengaduan di register (semua kanal)" in html
    assert "Layanan berjenis Pengaduan di Buku Tamu" in html
    assert "Pengaduan diterima" not in html


@pytest.mark.django_db
def test_list_filter_splits_finished_from_auto_closed(buat_layanan, petugas, masuk, time_machine):
    time_machine.move_to(SENIN, tick=False)
    otomatis = buat_layanan("konsultasi", sarana="online", kanal_online="whatsapp")
    otomatis.ubah_status(Status.MENUNGGU, oleh=petugas)
    manual = buat_layanan("konsultasi")
    manual.ubah_status(Status.SELESAI, oleh=petugas)
    time_machine.move_to(SEKARANG, tick=False)
    tutup_konsultasi_online_diam(hari=3)
    client = masuk(petugas)

    def daftar(otomatis_):
        r = client.get(reverse("layanan:semua"), {"status": "selesai", "otomatis": otomatis_})
        return {l.pk for l in r.context["halaman"].object_list}

    assert daftar("1") == {otomatis.pk}
    assert daftar("0") == {manual.pk}
    assert Layanan.objects.filter(ditutup_otomatis=True).count() == 1
