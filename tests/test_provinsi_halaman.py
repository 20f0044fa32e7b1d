"""A province instance's pages per role: the roll-up, one office, the files, the offices and their keys,
the refusals; and only these pages (with login and admin) answer there."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from provinsi import kantor as aturan_kantor
from provinsi import penerimaan
from provinsi.kiriman import badan
from provinsi.models import AlasanTolak, Kantor, PenolakanKiriman
from provinsi.rahasia import dekripsi

from .conftest import KATA_SANDI
from .conftest import kunci as kunci_formulir
from .test_provinsi_penerimaan import amplop

WITA = ZoneInfo("Asia/Makassar")
SEKARANG = datetime.datetime(2027, 3, 10, 9, 0, tzinfo=WITA)
MARET = {"periode": "bulan", "tanggal": "2027-03-01"}


@pytest.fixture
def mode_provinsi(settings, time_machine, kantor):
    settings.MODE_PROVINSI = True
    settings.LOGIN_REDIRECT_URL = "provinsi:index"
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "provinsi.middleware.HanyaProvinsiMiddleware"]
    time_machine.move_to(SEKARANG, tick=False)
    kantor.nama_kantor = "BPS Provinsi Kalimantan Selatan"
    kantor.zona_waktu = "Asia/Makassar"
    kantor.save()


def _kirim_hari(kantor, hari, layanan):
    for i, t in enumerate(hari):
        isi = penerimaan.baca_amplop(badan(amplop(t, kode=kantor.kode, layanan=layanan + i)), kode=kantor.kode, sekarang=SEKARANG)
        penerimaan.simpan(kantor, isi)


@pytest.fixture
def dua_kantor(mode_provinsi, db):
    satu, _ = aturan_kantor.daftarkan(kode="6310", nama="BPS Kabupaten Tanah Bumbu")
    dua, _ = aturan_kantor.daftarkan(kode="6302", nama="BPS Kabupaten Kotabaru")
    _kirim_hari(satu, [datetime.date(2027, 3, d) for d in range(1, 10)], 3)
    _kirim_hari(dua, [datetime.date(2027, 3, d) for d in range(1, 5)], 1)  # silent since 4 March
    return satu, dua


def test_the_roll_up_shows_every_office_side_by_side_with_the_total(masuk, pimpinan, dua_kantor):
    r = masuk(pimpinan).get(reverse("provinsi:index"), MARET)
    assert r.status_code == 200
    teks = r.content.decode()
    assert 'data-kantor="6310"' in teks and 'data-kantor="6302"' in teks
    layanan = {b.kantor.kode: b.angka.ringkasan()["layanan"] for b in r.context["baris"] and [x["b"] for x in r.context["baris"]]}
    # 6310: 9 days of (3+i)+1 services, 6302: 4 days of (1+i)+1.
    assert layanan == {"6310": sum(3 + i + 1 for i in range(9)), "6302": sum(1 + i + 1 for i in range(4))}
    assert r.context["total"]["layanan"] == sum(layanan.values())
    assert r.context["hari_diterima"] == 13
    assert 'id="kantor-diam"' in teks and "BPS Kabupaten Kotabaru" in teks.split('id="kantor-diam"')[1].split("</div>")[0]
    assert "5 hari tertinggal" in teks


def test_the_admin_sees_the_roll_up_too_and_an_officer_is_refused(client, masuk, admin_user, petugas, dua_kantor):
    assert client.get(reverse("provinsi:index")).status_code == 302
    assert masuk(admin_user).get(reverse("provinsi:index")).status_code == 200
    assert masuk(petugas).get(reverse("provinsi:index")).status_code == 403


@pytest.mark.parametrize("jumlah", [1, 6])
def test_the_roll_up_takes_the_same_queries_for_any_number_of_offices(masuk, pimpinan, mode_provinsi, django_assert_max_num_queries, jumlah):
    for i in range(jumlah):
        k, _ = aturan_kantor.daftarkan(kode=f"63{i:02d}", nama=f"BPS Kabupaten {i}")
        _kirim_hari(k, [datetime.date(2027, 2, 27), datetime.date(2027, 3, 2)], i)
    client = masuk(pimpinan)
    client.get(reverse("provinsi:index"), MARET)
    with django_assert_max_num_queries(9):
        assert client.get(reverse("provinsi:index"), {"periode": "tahun", "tanggal": "2027-01-01"}).status_code == 200


def test_one_offices_figures_and_days(masuk, pimpinan, dua_kantor):
    r = masuk(pimpinan).get(reverse("provinsi:rinci", args=["6302"]), MARET)
    assert r.status_code == 200
    teks = r.content.decode()
    assert "BPS Kabupaten Kotabaru" in teks and teks.count("<tr><td>") >= 4
    assert r.context["ringkasan"]["layanan"] == 14
    assert masuk(pimpinan).get(reverse("provinsi:rinci", args=["9999"])).status_code == 404


def test_the_excel_file_holds_what_the_page_shows(masuk, pimpinan, dua_kantor):
    client = masuk(pimpinan)
    halaman = client.get(reverse("provinsi:index"), MARET).context
    r = client.get(reverse("provinsi:unduh_xlsx"), MARET)
    assert r.status_code == 200 and r["Content-Disposition"].endswith('rekap-pst-provinsi-20270301-20270331.xlsx"')
    wb = load_workbook(io.BytesIO(b"".join(r.streaming_content)), read_only=True)
    assert wb.sheetnames[:3] == ["Per Kantor", "Ringkasan", "Per Jenis Layanan"]
    baris = list(wb["Per Kantor"].iter_rows(min_row=4, values_only=True))
    assert [b[1] for b in baris] == ["BPS Kabupaten Kotabaru", "BPS Kabupaten Tanah Bumbu", "Total provinsi"]
    assert baris[-1][4] == halaman["total"]["layanan"]
    r = client.get(reverse("provinsi:unduh_xlsx"), {**MARET, "kantor": "6310"})
    wb = load_workbook(io.BytesIO(b"".join(r.streaming_content)), read_only=True)
    assert "Per Kantor" not in wb.sheetnames and "Tanah Bumbu" in wb["Ringkasan"]["A1"].value


def test_the_word_file_has_the_offices_and_the_total(masuk, pimpinan, dua_kantor):
    r = masuk(pimpinan).get(reverse("provinsi:unduh_docx"), MARET)
    assert r.status_code == 200
    doc = Document(io.BytesIO(b"".join(r.streaming_content)))
    teks = "\n".join(p.text for p in doc.paragraphs)
    assert "BPS PROVINSI KALIMANTAN SELATAN" in teks and "1. Per Kantor" in teks
    sel = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Total provinsi" in sel and "BPS Kabupaten Kotabaru" in sel


def test_the_admin_registers_an_office_and_sees_its_key_once(masuk, admin_user, mode_provinsi):
    r = masuk(admin_user).post(reverse("provinsi:kantor"), {"kode": "6310", "nama": "BPS Kabupaten Tanah Bumbu", **kunci_formulir("kantor_provinsi")})
    assert r.status_code == 200 and r["Cache-Control"] == "no-store"
    kunci = r.context["kunci"]
    assert kunci.startswith("6310.") and kunci in r.content.decode()
    k = Kantor.objects.get(kode="6310")
    assert dekripsi(k.kunci_terenkripsi) == kunci and kunci not in k.kunci_terenkripsi
    assert kunci not in masuk(admin_user).get(reverse("provinsi:kantor")).content.decode()
    r = masuk(admin_user).post(reverse("provinsi:kantor"), {"kode": "6310", "nama": "Lagi", **kunci_formulir("kantor_provinsi")})
    assert r.status_code == 400 and r.context["form"].errors["kode"]
    assert r.context["form"]["nama"].value() == "Lagi"  # what was typed stays


def test_a_new_key_replaces_the_old_one_and_an_office_can_be_stopped(masuk, admin_user, dua_kantor):
    satu, _ = dua_kantor
    lama = satu.kunci_terenkripsi
    r = masuk(admin_user).post(reverse("provinsi:kantor_kunci", args=["6310"]))
    assert r.status_code == 200 and "Kunci lama sudah tidak berlaku" in r.content.decode()
    satu.refresh_from_db()
    assert satu.kunci_terenkripsi != lama and dekripsi(satu.kunci_terenkripsi) == r.context["kunci"]
    masuk(admin_user).post(reverse("provinsi:kantor_aktif", args=["6310"]), {"aktif": "0"})
    satu.refresh_from_db()
    assert not satu.aktif


def test_the_pimpinan_cannot_manage_offices(masuk, pimpinan, dua_kantor):
    client = masuk(pimpinan)
    assert client.get(reverse("provinsi:kantor")).status_code == 403
    assert client.post(reverse("provinsi:kantor"), {"kode": "6399", "nama": "X"}).status_code == 403
    assert client.post(reverse("provinsi:kantor_kunci", args=["6310"])).status_code == 403
    assert client.get(reverse("provinsi:penolakan")).status_code == 403
    assert not Kantor.objects.filter(kode="6399").exists()


def test_the_admin_reads_the_refusals(masuk, admin_user, dua_kantor):
    PenolakanKiriman.objects.create(kode_kantor="6399", alasan=AlasanTolak.KANTOR_TIDAK_DIKENAL, alamat="10.0.0.9")
    r = masuk(admin_user).get(reverse("provinsi:penolakan"))
    assert r.status_code == 200 and 'data-alasan="kantor_tidak_dikenal"' in r.content.decode() and "10.0.0.9" in r.content.decode()


@pytest.mark.parametrize("nama, kwargs", [
    ("layanan:dashboard", {}), ("bukutamu:buku_tamu", {}), ("laporan:index", {}), ("rating:ikm", {}),
    ("antrian:kios", {}), ("bukutamu:daftar", {}), ("pesan:outbox", {}),
])
def test_a_province_instance_answers_no_desk_or_visitor_page(client, masuk, admin_user, mode_provinsi, nama, kwargs):
    assert client.get(reverse(nama, kwargs=kwargs)).status_code == 404
    assert masuk(admin_user).get(reverse(nama, kwargs=kwargs)).status_code == 404


def test_a_province_instance_has_no_office_sending_page(masuk, admin_user, mode_provinsi):
    assert masuk(admin_user).get(reverse("provinsi:kiriman")).status_code == 404


def test_a_province_instance_sends_home_and_login_to_the_roll_up(client, pimpinan, mode_provinsi):
    assert client.get("/").url == reverse("provinsi:index")
    r = client.post(reverse("login"), {"username": pimpinan.email, "password": KATA_SANDI})
    assert r.status_code == 302 and r.url == reverse("provinsi:index")
    teks = client.get(reverse("provinsi:index")).content.decode()
    assert "Rekap Provinsi" in teks and "Buku Tamu" not in teks and "Outbox" not in teks
    # No search or bell over the desk's services, whose pages a province answers with 404.
    assert reverse("layanan:cari") not in teks and reverse("layanan:pemberitahuan") not in teks
    assert client.get(reverse("sehat")).status_code == 200


def test_a_province_admin_gets_no_search_or_bell_either(masuk, admin_user, mode_provinsi):
    teks = masuk(admin_user).get(reverse("provinsi:index")).content.decode()
    assert "Rekap Provinsi" in teks
    assert reverse("layanan:cari") not in teks and reverse("layanan:pemberitahuan") not in teks
    assert masuk(admin_user).get(reverse("layanan:pemberitahuan")).status_code == 404


def test_registering_an_office_twice_by_a_double_click_says_the_first_press_saved_it(masuk, admin_user, mode_provinsi):
    client = masuk(admin_user)
    data = {"kode": "6310", "nama": "BPS Kabupaten Tanah Bumbu", **kunci_formulir("kantor_provinsi")}

    pertama = client.post(reverse("provinsi:kantor"), data)
    kedua = client.post(reverse("provinsi:kantor"), data, follow=True)

    assert pertama.status_code == 200 and pertama.context["kunci"]
    html = kedua.content.decode()
    assert "sudah tersimpan sebelumnya" in html and "Kunci Baru" in html
    assert Kantor.objects.filter(kode="6310").count() == 1
