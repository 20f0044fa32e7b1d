"""Presensi in a real browser: Absen Masuk then Absen Pulang on the dashboard; the roster; the public page."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from presensi.bawaan import pastikan_shift_bawaan
from presensi.models import JadwalPiket, Presensi, Shift
from presensi.services import zona_kantor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shift(db):
    # Transactional tests flush the data migration's shifts.
    pastikan_shift_bawaan(Shift)
    return {s.nama: s for s in Shift.objects.all()}


def hari_ini_kantor():
    return datetime.datetime.now(zona_kantor()).date()


def test_officer_does_absen_masuk_then_absen_pulang_on_the_dashboard(page, login_browser, petugas, jenis, shift, layar):
    JadwalPiket.objects.create(tanggal=hari_ini_kantor() + datetime.timedelta(days=1), shift=shift["Pagi"], petugas=petugas)
    login_browser(petugas)
    widget = page.locator("#widget-presensi")
    expect(widget.get_by_text("Ambil foto bukti dukung di aplikasi")).to_be_visible()
    expect(widget.get_by_text("Shift Pagi")).to_be_visible()
    expect(widget.get_by_role("button", name="Absen Pulang")).to_be_disabled()

    widget.get_by_role("button", name="Absen Masuk").click()

    widget = page.locator("#widget-presensi")
    expect(page.locator("#pesan").get_by_text(re.compile(r"Absen Masuk tercatat pukul \d\d\.\d\d WITA"))).to_be_visible()
    expect(widget.locator("[data-presensi=masuk]")).to_contain_text("WITA")
    expect(widget.get_by_role("button", name="Absen Masuk")).to_be_disabled()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))  # swapped by HTMX, no reload
    layar(page, "presensi-01-absen-masuk", full_page=True)

    widget.get_by_role("button", name="Absen Pulang").click()

    expect(page.locator("#pesan").get_by_text("Absen Pulang tercatat")).to_be_visible()
    expect(page.locator("[data-presensi=pulang]")).to_contain_text("WITA")
    expect(page.locator("#widget-presensi").get_by_role("button", name="Absen Pulang")).to_be_disabled()
    layar(page, "presensi-02-absen-pulang", full_page=True)
    presensi = Presensi.objects.get(petugas=petugas)
    assert presensi.masuk and presensi.pulang and presensi.tanggal == hari_ini_kantor()


def test_absen_pulang_before_the_shift_ends_asks_first(page, login_browser, petugas, jenis, shift, time_machine, layar):
    sekarang = datetime.datetime.combine(hari_ini_kantor(), datetime.time(10, 0), tzinfo=zona_kantor())
    time_machine.move_to(sekarang, tick=True)
    JadwalPiket.objects.create(tanggal=sekarang.date(), shift=shift["Pagi"], petugas=petugas)
    login_browser(petugas)
    widget = page.locator("#widget-presensi")
    masuk, pulang = widget.get_by_role("button", name="Absen Masuk"), widget.get_by_role("button", name="Absen Pulang")
    # Disabled looks disabled: a different background from the enabled button, dashed border.
    assert pulang.evaluate("b => getComputedStyle(b).borderStyle") == "dashed"
    assert masuk.evaluate("b => getComputedStyle(b).backgroundColor") != pulang.evaluate("b => getComputedStyle(b).backgroundColor")
    masuk.click()
    expect(masuk).to_be_disabled()
    layar(page, "presensi-08-sebelum-pulang")

    dialog = []
    page.once("dialog", lambda d: (dialog.append(d.message), d.dismiss()))
    pulang.click()
    assert dialog == ["Shift Pagi baru selesai pukul 12.00 WITA. Absen Pulang sekarang?"]
    assert Presensi.objects.get(petugas=petugas).pulang is None  # "Batal" keeps the officer in

    page.once("dialog", lambda d: d.accept())
    pulang.click()
    expect(page.locator("#pesan").get_by_text("Absen Pulang tercatat")).to_be_visible()
    assert Presensi.objects.get(petugas=petugas).pulang is not None


def test_admin_plans_the_roster_and_the_public_page_shows_it(page, live_server, login_browser, admin_user, petugas, shift, layar):
    login_browser(admin_user)
    page.goto(f"{live_server.url}/presensi/jadwal/")
    form = page.locator("#form-tambah-jadwal")
    form.get_by_label("Tanggal").fill(hari_ini_kantor().isoformat())
    form.get_by_label("Shift").select_option(label="Pagi")
    form.get_by_label("Petugas").select_option(label="Rina Petugas")
    form.get_by_role("button", name="Tambah Jadwal").click()

    expect(page.get_by_text("Rina Petugas dijadwalkan pada shift Pagi")).to_be_visible()
    expect(page.locator("table.jadwal-bulan").get_by_text("Rina Petugas")).to_be_visible()
    layar(page, "presensi-03-jadwal-bulan", full_page=True)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/")
    piket = page.locator("#piket-hari-ini")
    expect(piket.get_by_text("Rina Petugas")).to_be_visible()
    expect(page.locator("#jam-layanan")).to_contain_text("08.00–15.30")
    layar(page, "presensi-04-beranda-publik", full_page=True)


def test_admin_closes_a_forgotten_pulang_and_pimpinan_reads_the_recap(page, live_server, login_browser, admin_user, pimpinan, petugas, shift, layar):
    from presensi import services

    kemarin = datetime.datetime.now(zona_kantor()).replace(hour=7, minute=40) - datetime.timedelta(days=1)
    JadwalPiket.objects.create(tanggal=kemarin.date(), shift=shift["Pagi"], petugas=petugas)
    lupa = services.absen_masuk(petugas=petugas, waktu=kemarin)
    login_browser(admin_user)
    page.goto(f"{live_server.url}/presensi/terlupa/")
    page.get_by_label("Jam pulang").fill("12:05")
    page.get_by_label("Catatan").fill("Lupa absen pulang, dikonfirmasi koordinator")
    layar(page, "presensi-05-terlupa", full_page=True)
    page.get_by_role("button", name="Tutup Presensi").click()

    expect(page.get_by_text("Tidak ada presensi yang terlupa.")).to_be_visible()
    lupa.refresh_from_db()
    assert lupa.ditutup_oleh == admin_user and lupa.pulang is not None

    page.context.clear_cookies()
    login_browser(pimpinan)
    page.goto(f"{live_server.url}/presensi/rekap/?bulan={kemarin:%Y-%m}")
    baris = page.locator("#tabel-rekap tbody tr", has_text="Rina Petugas")
    expect(baris.locator("td")).to_have_text(["Rina Petugas rina@example.com", "1", "1", "1", "1", "4,4"])
    layar(page, "presensi-06-rekap", full_page=True)


def test_admin_imports_a_roster_file_with_a_bad_row_then_a_good_one(page, live_server, login_browser, admin_user, petugas, shift, layar, tmp_path):
    from openpyxl import Workbook

    def xlsx(nama, *baris):
        wb = Workbook()
        wb.active.append(["Tanggal", "Shift", "Email Petugas", "Nama Petugas"])
        for b in baris:
            wb.active.append(list(b))
        path = tmp_path / nama
        wb.save(path)
        return path

    bulan = hari_ini_kantor().replace(day=1)
    login_browser(admin_user)
    page.goto(f"{live_server.url}/presensi/jadwal/?bulan={bulan:%Y-%m}")
    form = page.locator("#form-impor-jadwal")
    form.get_by_label("Berkas Excel (.xlsx)").set_input_files(
        xlsx("buruk.xlsx", (bulan, "Pagi", "rina@example.com"), (bulan, "Malam", "tidak.ada@example.com"))
    )
    form.get_by_role("button", name="Impor Jadwal").click()

    galat = page.locator("#kesalahan-impor")
    expect(galat).to_contain_text("Tidak ada jadwal yang diimpor.")
    expect(galat).to_contain_text("Baris 3: shift “Malam” tidak dikenal")
    expect(galat).to_contain_text("email petugas tidak dikenal (tidak.ada@example.com)")
    layar(page, "presensi-07-impor-gagal")
    assert not JadwalPiket.objects.exists()

    form = page.locator("#form-impor-jadwal")
    form.get_by_label("Berkas Excel (.xlsx)").set_input_files(xlsx("baik.xlsx", (bulan, "Pagi", "rina@example.com")))
    form.get_by_role("button", name="Impor Jadwal").click()

    expect(page.get_by_text("Impor selesai: 1 jadwal ditambahkan.")).to_be_visible()
    expect(page.locator("table.jadwal-bulan").get_by_text("Rina Petugas")).to_be_visible()
