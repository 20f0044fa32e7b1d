"""Report figures cross-checked against an independent count in Python, in the office zone."""

import csv
import datetime
import io
import re
import random
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from laporan.data import Laporan
from laporan.periode import Periode
from layanan.models import Layanan, Status

WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture
def data_acak(buat_kunjungan, petugas, petugas2, kantor):
    """Services over three weeks around 2026-11-16 (a Monday), many near midnight WITA."""
    rnd = random.Random(7)
    for _ in range(60):
        hari = datetime.date(2026, 11, 8) + datetime.timedelta(days=rnd.randint(0, 20))
        jam = rnd.choice([0, 0, 7, 10, 15, 23, 23])
        waktu = datetime.datetime.combine(hari, datetime.time(jam, rnd.randint(0, 59)), tzinfo=WITA)
        kode = rnd.choice(["konsultasi", "permintaan-data", "perpustakaan"])
        oleh = rnd.choice([petugas, petugas2])
        kunjungan = buat_kunjungan(
            kode, oleh=oleh, waktu=waktu, sarana=rnd.choice(["langsung", "online"]), kanal_online="email",
            no_hp=f"62813{rnd.randint(0, 8):07d}",  # some visitors come back
        )
        layanan = kunjungan.layanan.get()
        nasib = rnd.random()
        if nasib < 0.5:
            layanan.ubah_status(Status.SELESAI, oleh=oleh)
            Layanan.objects.filter(pk=layanan.pk).update(selesai_pada=waktu + datetime.timedelta(hours=rnd.choice([1, 2, 5])))
        elif nasib < 0.6:
            layanan.ubah_status(Status.DIBATALKAN, oleh=oleh, catatan="batal")
    return list(Layanan.objects.select_related("kunjungan", "jenis", "petugas"))


def _dalam(layanan, periode):
    return periode.mulai <= layanan.dibuat.astimezone(WITA).date() <= periode.selesai


@pytest.mark.django_db
@pytest.mark.parametrize("periode", [
    Periode.dari("minggu", datetime.date(2026, 11, 18)),
    Periode.dari("hari", datetime.date(2026, 11, 16)),
    Periode.dari("bulan", datetime.date(2026, 11, 1)),
    Periode("rentang", datetime.date(2026, 11, 10), datetime.date(2026, 11, 20)),
])
def test_figures_equal_an_independent_count(data_acak, periode):
    from django.utils import timezone

    with timezone.override(WITA):
        laporan = Laporan(periode)
        ringkasan = laporan.ringkasan()
        per_jenis = {b["nama"]: b["jumlah"] for b in laporan.per_jenis()}
        per_petugas = {b["nama"]: b["jumlah"] for b in laporan.per_petugas()}
        per_status = {b["kode"]: b["jumlah"] for b in laporan.per_status()}
        per_sarana = {b["kode"]: b["jumlah"] for b in laporan.per_sarana()}
        tren = {b["tanggal"]: b["layanan"] for b in laporan.tren()}

    dalam = [l for l in data_acak if _dalam(l, periode)]
    assert ringkasan["layanan"] == len(dalam)
    assert ringkasan["kunjungan"] == len({l.kunjungan_id for l in dalam})
    assert ringkasan["pengunjung"] == len({l.kunjungan.pengunjung_id for l in dalam})
    assert ringkasan["selesai"] == sum(l.status == "selesai" for l in dalam)
    assert {k: v for k, v in per_jenis.items() if v} == dict(Counter(l.jenis.nama for l in dalam))
    assert per_petugas == dict(Counter(l.petugas.nama for l in dalam))
    assert {k: v for k, v in per_status.items() if v} == dict(Counter(l.status for l in dalam))
    assert {k: v for k, v in per_sarana.items() if v} == dict(Counter(l.kunjungan.sarana for l in dalam))
    assert {k: v for k, v in tren.items() if v} == dict(Counter(l.dibuat.astimezone(WITA).date() for l in dalam))
    tidak_batal = [l for l in dalam if l.status != "dibatalkan"]
    if tidak_batal:
        assert ringkasan["tingkat_penyelesaian"] == round(100 * ringkasan["selesai"] / len(tidak_batal), 1)


@pytest.mark.django_db
def test_a_service_at_2330_wita_on_sunday_belongs_to_that_week_not_the_next(buat_layanan):
    from django.utils import timezone

    # Sunday 22 Nov 23:30 WITA = 15:30 UTC the same day; Monday 23 Nov 00:15 WITA = 16:15 UTC Sunday.
    buat_layanan(waktu=datetime.datetime(2026, 11, 22, 23, 30, tzinfo=WITA))
    buat_layanan(waktu=datetime.datetime(2026, 11, 23, 0, 15, tzinfo=WITA))

    with timezone.override(WITA):
        minggu_ini = Laporan(Periode.dari("minggu", datetime.date(2026, 11, 22))).ringkasan()["layanan"]
        minggu_depan = Laporan(Periode.dari("minggu", datetime.date(2026, 11, 23))).ringkasan()["layanan"]

    assert (minggu_ini, minggu_depan) == (1, 1)


@pytest.mark.django_db
def test_year_trend_is_weekly_and_counts_every_service(buat_layanan):
    from django.utils import timezone

    for bulan in (1, 6, 12):
        buat_layanan(waktu=datetime.datetime(2026, bulan, 15, 9, 0, tzinfo=WITA))
    with timezone.override(WITA):
        tren = Laporan(Periode.dari("tahun", datetime.date(2026, 5, 5))).tren()
    assert all(b["tanggal"].weekday() == 0 for b in tren)
    assert sum(b["layanan"] for b in tren) == 3


@pytest.mark.django_db
def test_walk_in_consultation_time_standard(buat_layanan, petugas):
    from django.utils import timezone

    cepat = buat_layanan("konsultasi", waktu=datetime.datetime(2026, 11, 16, 9, 0, tzinfo=WITA))
    lambat = buat_layanan("konsultasi", waktu=datetime.datetime(2026, 11, 16, 9, 0, tzinfo=WITA))
    for layanan, jam in ((cepat, 2), (lambat, 4)):
        layanan.ubah_status(Status.SELESAI, oleh=petugas)
        Layanan.objects.filter(pk=layanan.pk).update(selesai_pada=layanan.dibuat + datetime.timedelta(hours=jam))

    with timezone.override(WITA):
        standar = Laporan(Periode.dari("hari", datetime.date(2026, 11, 16))).standar_waktu()[0]
    assert (standar["jumlah"], standar["tepat"], standar["persen"]) == (2, 1, 50.0)


def _periode_query():
    return {"periode": "minggu", "tanggal": "2026-11-18"}


@pytest.mark.django_db
def test_page_shows_the_same_figures_as_the_files(masuk, pimpinan, data_acak, kantor, unduh_lewat_worker):
    client = masuk(pimpinan)
    kantor.zona_waktu = "Asia/Makassar"
    kantor.save()

    halaman = client.get(reverse("laporan:index"), _periode_query())
    xlsx = unduh_lewat_worker(client, "laporan_xlsx", _periode_query())
    docx = client.get(reverse("laporan:unduh_docx"), _periode_query())
    berkas_csv = unduh_lewat_worker(client, "silastik_csv", _periode_query())

    ringkasan = halaman.context["ringkasan"]
    html = halaman.content.decode()
    assert halaman.status_code == 200 and f'data-angka="layanan">{ringkasan["layanan"]}<' in html
    # The counts are written without localization (laporan/index.html): the decimals still have the
    # decimal comma, in every table of the page.
    persen = str(ringkasan["tingkat_penyelesaian"]).replace(".", ",")
    assert "," in persen and f'data-angka="tingkat_penyelesaian">{persen}%<' in html
    teks = re.sub(r"<[^>]+>", " ", html.split('id="isi-laporan"')[1].split('id="data-grafik"')[0])
    assert re.search(r"\d,\d", teks) and not re.search(r"\d\.\d", teks)

    wb = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    assert wb.sheetnames[:3] == ["Ringkasan", "Per Jenis Layanan", "Per Sarana"]
    nilai = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(min_row=3, values_only=True)}
    assert nilai["Layanan"] == ringkasan["layanan"]
    assert nilai["Layanan selesai"] == ringkasan["selesai"]
    assert wb["Ringkasan"].freeze_panes == "A4"
    data = list(wb["Data Layanan"].iter_rows(min_row=2, values_only=True))
    assert len(data) == ringkasan["layanan"]
    assert isinstance(data[0][1], datetime.datetime)  # a real date, not text
    assert all(datetime.date(2026, 11, 16) <= r[1].date() <= datetime.date(2026, 11, 22) for r in data)

    doc = Document(io.BytesIO(b"".join(docx.streaming_content)))
    teks = "\n".join(p.text for p in doc.paragraphs)
    assert "Laporan Mingguan Pelayanan Statistik Terpadu" in teks
    assert "16 November 2026 – 22 November 2026" in teks
    sel_ringkasan = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    assert sel_ringkasan["Layanan"] == str(ringkasan["layanan"])
    assert len(doc.inline_shapes) >= 1  # the chart images

    baris = list(csv.reader(io.StringIO(b"".join(berkas_csv.streaming_content).decode("utf-8-sig"))))
    assert baris[0] == ["Tanggal", "Nama Pengunjung", "Instansi", "No. HP", "Email", "Jenis Layanan", "Sarana", "Status"]
    assert len(baris) - 1 == ringkasan["layanan"]


@pytest.mark.django_db
def test_every_figure_links_to_the_list_behind_it(masuk, pimpinan, data_acak):
    client = masuk(pimpinan)
    halaman = client.get(reverse("laporan:index"), _periode_query())
    jenis = next(b for b in halaman.context["per_jenis"] if b["jumlah"])

    daftar = client.get(jenis["tautan"])

    assert daftar.status_code == 200
    assert daftar.context["halaman"].paginator.count == jenis["jumlah"]


@pytest.mark.django_db
@pytest.mark.parametrize("nama", ["laporan:index", "laporan:unduh_docx"])
def test_reports_are_for_pimpinan_and_admin(client, masuk, petugas, pimpinan, admin_user, nama):
    assert client.get(reverse(nama)).status_code == 302
    assert masuk(petugas).get(reverse(nama)).status_code == 403
    assert masuk(pimpinan).get(reverse(nama)).status_code == 200
    assert masuk(admin_user).get(reverse(nama)).status_code == 200


@pytest.mark.django_db
def test_report_page_query_count_does_not_grow_with_data(masuk, pimpinan, buat_layanan, petugas2, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = masuk(pimpinan)
    buat_layanan()
    client.get(reverse("laporan:index"), {"periode": "tahun"})
    with CaptureQueriesContext(connection) as satu:
        client.get(reverse("laporan:index"), {"periode": "tahun"})
    for kode in ("permintaan-data", "perpustakaan", "pengaduan", "konsultasi"):
        buat_layanan(kode, oleh=petugas2)

    with django_assert_num_queries(len(satu)):
        client.get(reverse("laporan:index"), {"periode": "tahun"})


@pytest.mark.django_db
def test_bad_period_input_gets_a_message_and_a_default(masuk, pimpinan):
    response = masuk(pimpinan).get(reverse("laporan:index"), {"periode": "rentang", "dari": "2026-11-10", "sampai": "2026-11-01"})
    assert response.status_code == 200
    assert "Tanggal akhir harus sesudah tanggal awal." in response.content.decode()


def test_period_labels_and_navigation():
    minggu = Periode.dari("minggu", datetime.date(2026, 11, 18))
    assert (minggu.mulai, minggu.selesai) == (datetime.date(2026, 11, 16), datetime.date(2026, 11, 22))
    assert minggu.geser(-1).mulai == datetime.date(2026, 11, 9)
    assert Periode.dari("bulan", datetime.date(2026, 2, 10)).selesai == datetime.date(2026, 2, 28)
    assert Periode.dari("bulan", datetime.date(2026, 12, 31)).geser(1).mulai == datetime.date(2027, 1, 1)
    assert Periode.dari("tahun", datetime.date(2026, 7, 1)).label == "Tahun 2026"


@pytest.mark.django_db
def test_satisfaction_skd_queue_and_complaints_match_their_sources(buat_layanan, petugas, jenis, kantor):
    from django.utils import timezone

    from bukutamu import antrian as aturan_antrian
    from bukutamu.models import Antrian
    from layanan.pengaduan import catat_pengaduan
    from rating import ikm
    from rating.models import Penilaian, SurveiSKD

    hari = datetime.date(2026, 11, 17)
    jam9 = datetime.datetime.combine(hari, datetime.time(9), tzinfo=WITA)
    for nilai in (4, 3, 2):
        layanan = buat_layanan("permintaan-data", waktu=jam9)
        Penilaian.objects.create(layanan=layanan, diisi_pada=jam9, **{f"u{i}": nilai for i in range(1, 10)})
        SurveiSKD.objects.create(layanan=layanan, dibuat=jam9, pertama_dibuka=jam9 if nilai > 2 else None,
                                 diisi_pada=jam9 if nilai == 4 else None)
    for menit in (5, 25):
        a = aturan_antrian.ambil_nomor(jenis_layanan=jenis["konsultasi"], waktu=jam9)
        Antrian.objects.filter(pk=a.pk).update(dipanggil_pada=jam9 + datetime.timedelta(minutes=menit), status="dipanggil")
    aduan = catat_pengaduan(isi="AC mati", diterima_pada=jam9)
    type(aduan).objects.filter(pk=aduan.pk).update(dijawab_pada=jam9 + datetime.timedelta(hours=2))

    with timezone.override(WITA):
        laporan = Laporan(Periode.dari("minggu", hari), kantor=kantor)
        kepuasan = laporan.kepuasan()["keseluruhan"]
        skd = laporan.skd()
        antrian = laporan.ringkasan_antrian()
        standar = {b["nama"]: (b["jumlah"], b["tepat"]) for b in laporan.standar_waktu()}
        pengaduan = laporan.pengaduan()
        sendiri = ikm.hitung_ikm(dari=laporan.periode.mulai, sampai=laporan.periode.selesai)

    # By hand: NRR of every element = (4+3+2)/3 = 3; IKM = 3 × 25 = 75.00, grade C.
    assert (kepuasan.responden, kepuasan.ikm, kepuasan.mutu) == (3, sendiri.ikm, "C")
    assert str(kepuasan.ikm) == "75.00"
    assert (skd["permintaan_data"], skd["tautan_dibuat"], skd["dibuka"], skd["diisi"]) == (3, 3, 2, 1)
    assert skd["persen_diisi"] == 33.3
    assert (antrian["diambil"], antrian["dipanggil"], antrian["rerata_tunggu_menit"]) == (2, 2, 15.0)
    assert standar["Nomor antrian dipanggil ≤ 10 menit setelah diambil"] == (2, 1)
    assert (pengaduan["jumlah"], pengaduan["dijawab"], pengaduan["rerata_jawab_jam"]) == (1, 1, 2.0)


@pytest.mark.django_db
def test_attendance_summary_counts_roster_and_presensi_of_the_period(petugas, petugas2, admin_user, kantor):
    from presensi.models import JadwalPiket, Presensi, Shift

    shift = Shift.objects.order_by("jam_mulai").first()
    senin = datetime.date(2026, 11, 16)
    for hari, oleh in ((senin, petugas), (senin, petugas2), (senin + datetime.timedelta(days=1), petugas)):
        JadwalPiket.objects.create(tanggal=hari, shift=shift, petugas=oleh, dibuat_oleh=admin_user)
    batal = JadwalPiket.objects.create(tanggal=senin + datetime.timedelta(days=2), shift=shift, petugas=petugas2, dibuat_oleh=admin_user)
    JadwalPiket.objects.filter(pk=batal.pk).update(dibatalkan_pada=datetime.datetime(2026, 11, 15, tzinfo=WITA), dibatalkan_oleh=admin_user)
    jam8 = datetime.datetime.combine(senin, datetime.time(8), tzinfo=WITA)
    Presensi.objects.create(petugas=petugas, tanggal=senin, masuk=jam8, pulang=jam8 + datetime.timedelta(hours=4))
    Presensi.objects.create(petugas=petugas2, tanggal=senin, masuk=jam8)
    Presensi.objects.create(petugas=petugas, tanggal=senin - datetime.timedelta(days=1), masuk=jam8)  # the week before

    presensi = Laporan(Periode.dari("minggu", senin), kantor=kantor).presensi()

    assert {k: presensi[k] for k in ("tugas", "petugas_terjadwal", "hadir", "tanpa_pulang")} == {
        "tugas": 3, "petugas_terjadwal": 2, "hadir": 2, "tanpa_pulang": 1,
    }


@pytest.mark.django_db
def test_typed_text_that_looks_like_a_formula_stays_text_in_the_workbook(masuk, pimpinan, buat_layanan, unduh_lewat_worker):
    buat_layanan(nama="=HYPERLINK(\"http://x\",\"klik\")", keperluan="=1+1")

    xlsx = unduh_lewat_worker(masuk(pimpinan), "laporan_xlsx", {"periode": "hari"})

    baris = list(load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))["Data Layanan"].iter_rows(min_row=2))[0]
    assert baris[3].value.startswith("=HYPERLINK") and baris[3].data_type == "s"
    assert baris[10].value == "=1+1" and baris[10].data_type == "s"


def test_shared_list_writer_keeps_formulas_as_text_and_dates_as_dates():
    from pst_frontoffice.excel import buku_excel

    isi = buku_excel("Uji", ["Nama", "Tanggal"], [["=2*3", datetime.date(2026, 11, 22)]])

    ws = load_workbook(io.BytesIO(isi)).active
    assert (ws["A2"].value, ws["A2"].data_type) == ("=2*3", "s")
    assert ws["B2"].value == datetime.datetime(2026, 11, 22) and ws["B2"].number_format == "DD/MM/YYYY"
    assert ws.freeze_panes == "A2"


@pytest.mark.django_db
def test_silastik_xlsx_has_the_csv_rows_with_real_dates_and_phone_numbers_as_text(masuk, pimpinan, buat_layanan,
                                                                                  unduh_lewat_worker):
    buat_layanan(waktu=datetime.datetime(2026, 11, 17, 9, 0, tzinfo=WITA), no_hp="081234567890", nama="Siti")
    buat_layanan(waktu=datetime.datetime(2026, 11, 18, 23, 30, tzinfo=WITA), no_hp="6281200000001", nama="Budi")
    client = masuk(pimpinan)

    xlsx = unduh_lewat_worker(client, "silastik_xlsx", _periode_query())
    berkas_csv = unduh_lewat_worker(client, "silastik_csv", _periode_query())

    assert xlsx["Content-Disposition"] == 'attachment; filename="silastik-laporan-pst-20261116-20261122.xlsx"'
    ws = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    baris = list(ws.iter_rows(values_only=True))
    dari_csv = list(csv.reader(io.StringIO(b"".join(berkas_csv.streaming_content).decode("utf-8-sig"))))
    assert list(baris[0]) == dari_csv[0]
    assert len(baris) == len(dari_csv) == 3
    sel_hp = [ws.cell(row=i, column=4) for i in (2, 3)]
    assert all(sel.data_type == "s" and isinstance(sel.value, str) for sel in sel_hp)
    assert {sel.value for sel in sel_hp} == {r[3] for r in dari_csv[1:]}
    tanggal = [ws.cell(row=i, column=1).value for i in (2, 3)]
    assert all(isinstance(t, datetime.datetime) for t in tanggal)  # a real date cell, shown as DD/MM/YYYY
    assert [t.strftime("%d/%m/%Y") for t in tanggal] == [r[0] for r in dari_csv[1:]]
    assert tanggal[1].date() == datetime.date(2026, 11, 18)  # 23.30 WITA stays on its office day
