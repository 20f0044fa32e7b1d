"""Every figure of a report opens the list it counts, and the list holds as many rows as the figure;
"Selesai" is one definition in every table, file and the dashboard (auto-closed services apart)."""

import datetime
import io
import re
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from bukutamu import antrian as aturan_antrian
from bukutamu.models import Antrian
from laporan.definisi import RINCIAN
from laporan.periode import Periode
from layanan.layanan import tutup_konsultasi_online_diam
from layanan.models import Kanal, Layanan, Status
from layanan.pengaduan import catat_pengaduan
from presensi.models import JadwalPiket, Presensi, Shift
from rating.models import Penilaian, SurveiSKD

WITA = ZoneInfo("Asia/Makassar")
SENIN = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=WITA)  # an ordinary working week, no holiday
MINGGU = Periode.dari("minggu", SENIN.date())
SEKARANG = datetime.datetime(2026, 11, 16, 10, 0, tzinfo=WITA)


@pytest.fixture
def minggu_lengkap(buat_layanan, petugas, petugas2, admin_user, jenis, kantor, time_machine):
    """A week with every kind of figure: finished, auto-closed, cancelled, open, late, ratings, SKD,
    queue numbers, complaints, roster and attendance."""
    kantor.zona_waktu = "Asia/Makassar"
    kantor.save()
    time_machine.move_to(SENIN, tick=False)
    selesai = [buat_layanan("permintaan-data", sarana="online", kanal_online="email") for _ in range(3)]
    otomatis = buat_layanan("konsultasi", sarana="online", kanal_online="whatsapp")
    terlambat = buat_layanan("konsultasi", sarana="online", kanal_online="whatsapp", oleh=petugas2)
    batal = buat_layanan("perpustakaan")
    langsung_cepat = buat_layanan("konsultasi")
    langsung_lambat = buat_layanan("konsultasi", oleh=petugas2)
    buat_layanan("pengaduan")
    otomatis.ubah_status(Status.MENUNGGU, oleh=petugas, catatan="Dijawab.")
    batal.ubah_status(Status.DIBATALKAN, oleh=petugas, catatan="salah input")
    time_machine.move_to(SENIN + datetime.timedelta(hours=1), tick=False)
    langsung_cepat.ubah_status(Status.SELESAI, oleh=petugas)
    time_machine.move_to(SENIN + datetime.timedelta(hours=5), tick=False)
    langsung_lambat.ubah_status(Status.SELESAI, oleh=petugas2)
    time_machine.move_to(SENIN + datetime.timedelta(days=1), tick=False)
    for layanan in selesai:
        layanan.ubah_status(Status.SELESAI, oleh=petugas)
    time_machine.move_to(SENIN + datetime.timedelta(days=6), tick=False)
    assert tutup_konsultasi_online_diam(hari=3) == [otomatis]

    for i, layanan in enumerate(selesai):
        # Finishing made the rating link (and the SKD link of a data request); the visitor fills them.
        Penilaian.objects.update_or_create(layanan=layanan, defaults={
            "diisi_pada": SENIN + datetime.timedelta(days=1), "jenis_kelamin": "P" if i else "",
            **{f"u{n}": 3 + (i % 2) for n in range(1, 10)},
        })
        SurveiSKD.objects.update_or_create(layanan=layanan, defaults={
            "pertama_dibuka": SENIN if i < 2 else None, "diisi_pada": SENIN if i < 1 else None,
        })
    for menit in (5, 25, None):
        a = aturan_antrian.ambil_nomor(jenis_layanan=jenis["konsultasi"], waktu=SENIN)
        if menit:
            Antrian.objects.filter(pk=a.pk).update(dipanggil_pada=SENIN + datetime.timedelta(minutes=menit), status="dipanggil")
        else:
            Antrian.objects.filter(pk=a.pk).update(status=Antrian.Status.DILEWATI)
    aduan = catat_pengaduan(isi="AC mati", kanal=Kanal.WHATSAPP, diterima_pada=SENIN)
    type(aduan).objects.filter(pk=aduan.pk).update(dijawab_pada=SENIN + datetime.timedelta(hours=2))
    shift = Shift.objects.order_by("jam_mulai").first()
    for oleh in (petugas, petugas2):
        JadwalPiket.objects.create(tanggal=SENIN.date(), shift=shift, petugas=oleh, dibuat_oleh=admin_user)
    Presensi.objects.create(petugas=petugas, tanggal=SENIN.date(), masuk=SENIN)
    time_machine.move_to(SEKARANG, tick=False)
    return {"selesai": selesai, "otomatis": otomatis, "terlambat": terlambat}


def _tautan_angka(html):
    """(address, figure) of every number on the page that links to its list."""
    return [
        (unescape(href), int(nilai))
        for href, nilai in re.findall(r'href="([^"]*/laporan/rincian/[^"]*)"[^>]*data-nilai="(\d+)"', html)
    ]


@pytest.mark.django_db
def test_every_figure_opens_a_list_with_the_same_count(minggu_lengkap, masuk, pimpinan):
    client = masuk(pimpinan)
    html = client.get(reverse("laporan:index"), MINGGU.query()).content.decode()
    tautan = _tautan_angka(html)

    dibuka = set()
    for alamat, nilai in tautan:
        daftar = client.get(alamat)
        assert daftar.status_code == 200, alamat
        assert daftar.context["halaman"].paginator.count == nilai, alamat
        assert f'data-jumlah="{nilai}"' in daftar.content.decode()
        dibuka.add(re.search(r"angka=(\w+)", alamat).group(1))

    # Every kind of list is reached from the page, and the week has rows for most of them.
    assert dibuka == set(RINCIAN)
    assert sum(nilai for _, nilai in tautan) > 60


@pytest.mark.django_db
def test_time_standard_figures_each_open_their_services(minggu_lengkap, masuk, pimpinan):
    client = masuk(pimpinan)
    halaman = client.get(reverse("laporan:index"), MINGGU.query())
    konsultasi, hari_kerja, antrian = halaman.context["standar_waktu"]

    def isi(alamat):
        return {l.pk for l in client.get(alamat).context["halaman"].object_list}

    assert (konsultasi["jumlah"], konsultasi["tepat"], konsultasi["terlambat"]) == (2, 1, 1)
    assert (hari_kerja["jumlah"], hari_kerja["tepat"], hari_kerja["terlambat"], hari_kerja["terlambat_terbuka"]) == (5, 4, 1, 1)
    assert isi(hari_kerja["tautan"]["terlambat"]) == {minggu_lengkap["terlambat"].pk}
    assert isi(hari_kerja["tautan"]["memenuhi"]) == {l.pk for l in minggu_lengkap["selesai"]} | {minggu_lengkap["otomatis"].pk}
    assert (antrian["jumlah"], antrian["tepat"], antrian["terlambat"]) == (2, 1, 1)


@pytest.mark.django_db
def test_list_of_an_unknown_figure_or_dimension_is_not_found(masuk, pimpinan):
    client = masuk(pimpinan)
    assert client.get(reverse("laporan:rincian"), {"angka": "rahasia"}).status_code == 404
    assert client.get(reverse("laporan:rincian"), {"angka": "layanan", "jenis": "x"}).status_code == 404
    assert client.get(reverse("laporan:rincian"), {"angka": "layanan", "status": "hilang"}).status_code == 404


@pytest.mark.django_db
def test_lists_are_for_pimpinan_and_admin(client, masuk, petugas, pimpinan, admin_user):
    alamat = reverse("laporan:rincian") + "?angka=layanan"
    assert client.get(alamat).status_code == 302
    assert masuk(petugas).get(alamat).status_code == 403
    assert masuk(pimpinan).get(alamat).status_code == 200
    assert masuk(admin_user).get(alamat).status_code == 200


@pytest.mark.django_db
def test_list_query_count_does_not_grow_with_rows(minggu_lengkap, buat_layanan, masuk, pimpinan, django_assert_max_num_queries):
    client = masuk(pimpinan)
    alamat = reverse("laporan:rincian") + "?" + "&".join(f"{k}={v}" for k, v in MINGGU.query().items())
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for angka in ("layanan", "kunjungan", "responden", "pengunjung"):
        with CaptureQueriesContext(connection) as sedikit:
            client.get(f"{alamat}&angka={angka}")
        for _ in range(5):
            buat_layanan("permintaan-data", waktu=SENIN)
        with django_assert_max_num_queries(len(sedikit)):
            client.get(f"{alamat}&angka={angka}")


@pytest.mark.django_db
def test_auto_closed_services_are_not_selesai_in_any_table(minggu_lengkap, masuk, pimpinan, petugas, unduh_lewat_worker):
    client = masuk(pimpinan)
    halaman = client.get(reverse("laporan:index"), MINGGU.query())
    k = halaman.context
    # Officer-finished: 3 data requests and 2 walk-in consultations; 1 auto-closed beside them.
    assert (k["ringkasan"]["selesai"], k["ringkasan"]["ditutup_otomatis"]) == (5, 1)
    per_jenis = {b["nama"]: b["selesai"] for b in k["per_jenis"]}
    assert per_jenis["Konsultasi"] == 2
    assert sum(per_jenis.values()) == 5
    assert sum(b["selesai"] for b in k["per_petugas"]) == 5
    per_status = {b["kode"]: b["jumlah"] for b in k["per_status"]}
    assert (per_status["selesai"], per_status["ditutup_otomatis"]) == (5, 1)
    assert sum(per_status.values()) == k["ringkasan"]["layanan"]

    xlsx = load_workbook(io.BytesIO(b"".join(unduh_lewat_worker(client, "laporan_xlsx", MINGGU.query()).streaming_content)))
    nilai = {r[0]: r[1] for r in xlsx["Ringkasan"].iter_rows(values_only=True) if r and r[0]}
    assert (nilai["Layanan selesai"], nilai["Ditutup otomatis"]) == (5, 1)
    assert sum(r[2] for r in xlsx["Per Jenis Layanan"].iter_rows(values_only=True) if isinstance(r[2], int)) == 5
    assert sum(r[2] for r in xlsx["Per Petugas"].iter_rows(values_only=True) if isinstance(r[2], int)) == 5
    status = {r[0]: r[1] for r in xlsx["Status"].iter_rows(values_only=True) if r and isinstance(r[1], int)}
    assert (status["Selesai"], status["Ditutup otomatis"]) == (5, 1)
    data = [r for r in xlsx["Data Layanan"].iter_rows(min_row=2, values_only=True)]
    assert sum(r[12] == "Selesai" for r in data) == 5
    assert sum(r[12] == "Ditutup otomatis" for r in data) == 1

    doc = Document(io.BytesIO(b"".join(client.get(reverse("laporan:unduh_docx"), MINGGU.query()).streaming_content)))
    tabel = {t.rows[0].cells[0].text: t for t in doc.tables[1:]}
    assert {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}["Layanan selesai"] == "5"
    assert sum(int(r.cells[2].text) for r in tabel["Jenis layanan"].rows[1:]) == 5
    assert sum(int(r.cells[2].text) for r in tabel["Petugas"].rows[1:]) == 5
    status_docx = {r.cells[0].text: r.cells[1].text for r in tabel["Status"].rows[1:]}
    assert (status_docx["Selesai"], status_docx["Ditutup otomatis"]) == ("5", "1")


@pytest.mark.django_db
def test_dashboard_selesai_hari_ini_leaves_out_auto_closed(buat_layanan, masuk, petugas, time_machine):
    time_machine.move_to(SENIN, tick=False)
    otomatis = buat_layanan("konsultasi", sarana="online", kanal_online="whatsapp")
    otomatis.ubah_status(Status.MENUNGGU, oleh=petugas)
    time_machine.move_to(SENIN + datetime.timedelta(days=4), tick=False)
    tutup_konsultasi_online_diam(hari=3)
    buat_layanan("konsultasi").ubah_status(Status.SELESAI, oleh=petugas)

    ringkasan = masuk(petugas).get(reverse("layanan:dashboard")).context["ringkasan"]

    assert Layanan.objects.filter(status=Status.SELESAI).count() == 2
    assert ringkasan["selesai_hari_ini"] == 1
