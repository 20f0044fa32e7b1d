"""axe-core on every page a person uses: no critical and no serious violation (WCAG 2 A/AA and
axe's best practices).

axe-core is the npm package's `axe.min.js`, kept under `tests/axe/` with its licence (MPL-2.0);
it is evaluated through the browser's DevTools protocol, so the app never serves it and the
Content Security Policy stays as strict as in production.
"""

import datetime
import pathlib
import re

import pytest
from playwright.sync_api import expect

from bukutamu import antrian as aturan
from layanan.models import Status
from provinsi.models import KirimanHarian, StatusKiriman
from rating import services as rating
from rating.models import FIELD_UNSUR
from sso.masuk import catat_permintaan
from tests.browser.conftest import tunggu_tenang
from tests.jam_layanan import jam_layanan_hari_ini
from tests.browser.test_provinsi import isi_provinsi
from unduhan.models import Unduhan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (pathlib.Path(__file__).resolve().parent.parent / "axe" / "axe.min.js").read_text()
DAMPAK_DILARANG = {"critical", "serious"}


def pelanggaran(page):
    """Critical and serious violations on the page as it is now, one readable line each."""
    if not page.evaluate("() => !!window.axe"):
        page.evaluate(AXE)
    # Colours are measured at rest, not halfway through a button's 0.15 s transition.
    page.evaluate("() => document.getAnimations().forEach((a) => a.finish())")
    hasil = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + " | ".join(_simpul(n) for n in v["nodes"][:8])
        for v in hasil["violations"]
        if v["impact"] in DAMPAK_DILARANG
    ]


def _simpul(node):
    """Where a violation is, with the measured contrast when that is the problem."""
    rasio = next((c["data"].get("contrastRatio") for c in node["any"] if isinstance(c.get("data"), dict)), None)
    return f"{node['target'][-1]}" + (f" {rasio}:1" if rasio else "")


@pytest.fixture
def periksa(page, layar):
    """Open a URL (or check the page as it is), collect the violations under the page's name."""
    temuan = {}

    def buka(nama, url=None, status=200):
        if url:
            respons = page.goto(url)
            assert respons.status == status, f"{nama}: {url} menjawab {respons.status}"
        tunggu_tenang(page)
        temuan[nama] = pelanggaran(page)
        return page

    yield buka
    assert temuan  # the test did look at pages
    laporan = [f"{nama}: {baris}" for nama, daftar in temuan.items() for baris in daftar]
    assert not laporan, "Pelanggaran axe-core:\n" + "\n".join(laporan)


@pytest.fixture
def layanan_data(buat_layanan, petugas, kantor):
    kantor.url_skd = "https://skd.bps.go.id/"
    kantor.save()
    layanan = buat_layanan("permintaan-data", nama="Dewi Lestari", no_hp="6281298765432", oleh=petugas)
    return layanan


def test_officer_pages_have_no_serious_violations(
    periksa, page, live_server, login_browser, petugas, layanan_data, buat_layanan
):
    for nama in ("Budi Santoso", "Sari Wulandari", "Andi Pratama", "Maya Sari", "Rudi Hartono", "Dewi Anggraini"):
        buat_layanan(nama=nama, oleh=petugas)  # more than the dashboard shows
    url = live_server.url
    login_browser(petugas)
    periksa("beranda", f"{url}/")
    periksa("dashboard", f"{url}/dashboard/")
    page.get_by_role("button", name="Absen Masuk").click()
    expect(page.locator("#pesan .alert-success")).to_be_visible()
    periksa("dashboard dengan pesan")
    periksa("buku tamu", f"{url}/buku-tamu/")
    page.get_by_role("combobox", name="Nama").fill("Dewi")
    expect(page.get_by_role("listbox").get_by_role("option").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    periksa("buku tamu, saran terbuka")
    page.get_by_role("button", name="Simpan Buku Tamu").click()
    expect(page.locator("#pesan .alert-danger")).to_be_visible()
    periksa("buku tamu, isian salah")
    periksa("antrian petugas", f"{url}/antrian/")
    periksa("layanan saya", f"{url}/layanan/saya/")
    periksa("semua layanan", f"{url}/layanan/")
    periksa("detail layanan", f"{url}/layanan/{layanan_data.pk}/")
    page.get_by_label("Tujuan (Yth.)").fill("")
    page.get_by_role("button", name="Generate Nomor Surat Balasan").click()
    expect(page.locator("#surat .invalid-feedback")).to_be_visible()
    periksa("detail layanan, isian salah")
    page.get_by_role("button", name="Rating", exact=True).click()
    expect(page.locator("#dialog-rating .qr-kode").first).to_be_visible()
    periksa("dialog rating terbuka")
    page.get_by_role("button", name="Tunjukkan ke pengunjung").click()
    expect(page.locator("#qr-pengunjung.tampil-penuh")).to_be_visible()
    periksa("tunjukkan ke pengunjung (layar penuh)")
    page.keyboard.press("Escape")
    periksa("halaman rating", f"{url}/layanan/{layanan_data.pk}/rating/")
    periksa("rincian permintaan", f"{url}/layanan/{layanan_data.pk}/permintaan-data/")
    periksa("cari permintaan", f"{url}/permintaan-data/cari/")
    periksa("register surat", f"{url}/surat/")
    periksa("loker", f"{url}/loker/")
    periksa("pengaduan", f"{url}/pengaduan/")
    periksa("catat pengaduan", f"{url}/pengaduan/baru/")
    periksa("loker belum kembali", f"{url}/loker/belum-kembali/")
    periksa("jadwal piket", f"{url}/presensi/jadwal/")
    periksa("ganti kata sandi", f"{url}/akun/kata-sandi/")
    periksa("pesan masuk", f"{url}/pesan-masuk/")


def test_head_and_admin_pages_have_no_serious_violations(
    periksa, page, live_server, login_browser, pimpinan, admin_user, layanan_data
):
    url = live_server.url
    login_browser(pimpinan)
    periksa("laporan", f"{url}/laporan/")
    page.get_by_role("switch", name="Tampilkan definisi").check()
    expect(page.locator(".definisi").first).to_be_visible()
    periksa("laporan, definisi terbuka")
    page.get_by_role("button", name="Unduh Excel").click()
    expect(page.locator("#unduhan-laporan progress")).to_be_visible()
    periksa("laporan, Excel sedang dibuat")
    periksa("unduhan", f"{url}/unduhan/{Unduhan.objects.get().pk}/")
    periksa("rincian angka laporan", f"{url}/laporan/rincian/?angka=layanan")
    periksa("ikm", f"{url}/ikm/")
    periksa("rekap presensi", f"{url}/presensi/rekap/")
    page.context.clear_cookies()
    login_browser(admin_user)
    periksa("admin", f"{url}/admin/")
    periksa("admin layanan", f"{url}/admin/layanan/layanan/")
    periksa("admin ubah jenis layanan", f"{url}/admin/bukutamu/jenislayanan/{layanan_data.jenis_id}/change/")
    # A form with a date field: the "Hari ini" shortcut's name is Indonesian too (our catalog).
    periksa("admin tambah cuti bersama", f"{url}/admin/pst_frontoffice/cutibersama/add/")
    expect(page.get_by_role("button", name=re.compile(r"^Hari ini \("))).to_be_visible()
    periksa("presensi terlupa", f"{url}/presensi/terlupa/")
    periksa("outbox", f"{url}/outbox/")
    periksa("pengaturan gateway wa", f"{url}/outbox/gateway/")
    periksa("template whatsapp", f"{url}/outbox/template/")
    catat_permintaan(issuer="https://sso.example/realms/pegawai-bps", klaim_nip="nip", klaim={
        "sub": "budi", "email": "budi@bps.go.id", "email_verified": True, "name": "Budi", "nip": "199001012015011002",
    })
    periksa("permintaan masuk sso", f"{url}/sso/permintaan/")


def test_province_roll_up_pages_have_no_serious_violations(
    periksa, page, live_server, login_browser, pimpinan, admin_user, settings, kantor
):
    url = live_server.url
    KirimanHarian.objects.create(tanggal=datetime.date(2026, 11, 30), status=StatusKiriman.DITOLAK, alasan="Ditolak provinsi: contoh")
    KirimanHarian.objects.create(tanggal=datetime.date(2026, 12, 1), status=StatusKiriman.TERKIRIM)
    login_browser(admin_user)
    periksa("kiriman provinsi (kantor)", f"{url}/provinsi/kiriman/")
    page.context.clear_cookies()
    isi_provinsi(settings, kantor)
    login_browser(pimpinan)
    periksa("rekap provinsi", f"{url}/provinsi/?periode=bulan")
    periksa("rincian kantor provinsi", f"{url}/provinsi/kantor/6310/?periode=bulan")
    page.context.clear_cookies()
    login_browser(admin_user)
    periksa("kantor provinsi", f"{url}/provinsi/kelola/kantor/")
    periksa("kiriman ditolak provinsi", f"{url}/provinsi/kelola/penolakan/")


def test_public_pages_have_no_serious_violations(periksa, page, live_server, petugas, jenis, layanan_data):
    url = live_server.url
    periksa("login", f"{url}/login/")
    page.get_by_role("button", name="Login").click()
    expect(page.locator(".is-invalid, .alert-danger").first).to_be_visible()
    periksa("login, isian salah")
    periksa("halaman tidak ditemukan", f"{url}/tidak-ada/", status=404)
    jam_layanan_hari_ini(False)
    periksa("kios di luar jam layanan", f"{url}/antrian/kios/")
    jam_layanan_hari_ini(True)
    periksa("kios", f"{url}/antrian/kios/")
    periksa("layar tv, belum ada panggilan", f"{url}/antrian/layar/")
    antrian = aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    periksa("tiket", f"{url}/antrian/tiket/{antrian.pk}/")
    periksa("layar tv", f"{url}/antrian/layar/")
    page.set_viewport_size({"width": 390, "height": 844})
    periksa("nomor antrian di ponsel", f"{url}/lacak/antrian/{antrian.token}/")

    layanan_data.ubah_status(Status.SELESAI, oleh=petugas)
    penilaian = rating.pastikan_penilaian(layanan_data, oleh=petugas)
    skd = rating.pastikan_skd(layanan_data, oleh=petugas)
    page.set_viewport_size({"width": 390, "height": 844})
    periksa("rating", f"{url}/r/{penilaian.token}/")
    periksa("skd", f"{url}/s/{skd.token}/selesai/")
    rating.simpan_penilaian(token=penilaian.token, jawaban={f: 4 for f in FIELD_UNSUR})
    periksa("terima kasih", f"{url}/r/{penilaian.token}/terima-kasih/")


def test_desk_lists_search_bell_and_undo_have_no_serious_violations(
    periksa, page, live_server, login_browser, petugas, petugas2, layanan_data, buat_layanan
):
    """The dense lists and their folded filters, the search, the bell, the shortcuts, Urungkan and Tugaskan."""
    for nama in ("Budi Santoso", "Sari Wulandari"):
        buat_layanan(nama=nama, oleh=petugas2).alihkan(petugas, oleh=petugas2)
    url = live_server.url
    login_browser(petugas)
    periksa("semua layanan, urut pengunjung", f"{url}/layanan/?urut=-pengunjung")
    page.get_by_text("Filter", exact=True).click()
    expect(page.get_by_label("Status", exact=True)).to_be_visible()
    periksa("semua layanan, filter terbuka")
    periksa("layanan saya, baru ditugaskan", f"{url}/layanan/saya/?baru=1")
    periksa("layanan saya, tenggat hari ini", f"{url}/layanan/saya/?tenggat=hari-ini&urut=tenggat")
    periksa("belum ditugaskan", f"{url}/layanan/belum-ditugaskan/")
    periksa("pemberitahuan", f"{url}/pemberitahuan/")
    page.goto(f"{url}/dashboard/")
    page.locator("#tombol-lonceng").click()
    expect(page.locator("#lonceng .dropdown-menu")).to_be_visible()
    periksa("lonceng terbuka")
    page.keyboard.press("Escape")
    page.locator("main").click()
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Pintasan keyboard")).to_be_visible()
    periksa("pintasan keyboard")
    page.keyboard.press("Escape")
    page.keyboard.press("/")
    page.keyboard.type("Dewi")
    expect(page.get_by_role("listbox", name="Hasil pencarian")).to_be_visible()
    page.keyboard.press("ArrowDown")
    periksa("cari, daftar terbuka")
    periksa("halaman cari", f"{url}/cari/?q=Dewi")
    periksa("halaman cari, kosong", f"{url}/cari/?q=tidak-ada-orang")
    periksa("detail layanan dengan catatan", f"{url}/layanan/{layanan_data.pk}/")
    page.get_by_label("Catatan baru").fill("Bu Dewi menelepon.")
    page.get_by_role("button", name="Tambah Catatan").click()
    expect(page.locator("#daftar-catatan-internal")).to_contain_text("Bu Dewi menelepon")
    page.get_by_label("Status baru").select_option(label="Diproses")
    page.get_by_role("button", name="Update", exact=True).click()
    expect(page.locator("#pesan").get_by_role("button", name="Urungkan")).to_be_visible()
    periksa("pesan dengan urungkan")
    page.goto(f"{url}/layanan/")
    page.get_by_label("Pilih semua layanan di halaman ini").check()
    page.locator("#form-tugaskan").get_by_label("tugaskan ke").select_option(label="Ahmad Petugas")
    periksa("semua layanan, baris dipilih")
    page.locator("#form-tugaskan").get_by_role("button", name="Tugaskan…").click()
    expect(page.get_by_role("heading", name=re.compile("Tugaskan"))).to_be_visible()
    periksa("konfirmasi tugaskan")
