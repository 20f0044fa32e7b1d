"""axe-core on every page a person uses: no critical and no serious violation (WCAG 2 A/AA and
axe's best practices).

axe-core is the npm package's `axe.min.js`, kept under `tests/axe/` with its licence (MPL-2.0);
it is evaluated through the browser's DevTools protocol, so the app never serves it and the
Content Security Policy stays as strict as in production.
"""

import pathlib

import pytest
from playwright.sync_api import expect

from bukutamu import antrian as aturan
from layanan.models import Status
from rating import services as rating
from rating.models import FIELD_UNSUR
from tests.browser.conftest import tunggu_tenang
from tests.browser.test_antrian import jam_layanan_hari_ini
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
    expect(page.locator("#panel-rating .qr-kode").first).to_be_visible()
    periksa("panel rating")
    page.get_by_role("button", name="Tunjukkan ke pengunjung").click()
    periksa("tunjukkan ke pengunjung")
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


def test_head_and_admin_pages_have_no_serious_violations(
    periksa, page, live_server, login_browser, pimpinan, admin_user, layanan_data
):
    url = live_server.url
    login_browser(pimpinan)
    periksa("laporan", f"{url}/laporan/")
    page.get_by_role("button", name="Unduh Excel").click()
    expect(page.locator("#unduhan-laporan progress")).to_be_visible()
    periksa("laporan, Excel sedang dibuat")
    periksa("unduhan", f"{url}/unduhan/{Unduhan.objects.get().pk}/")
    periksa("ikm", f"{url}/ikm/")
    periksa("rekap presensi", f"{url}/presensi/rekap/")
    page.context.clear_cookies()
    login_browser(admin_user)
    periksa("admin", f"{url}/admin/")
    periksa("admin layanan", f"{url}/admin/layanan/layanan/")
    # A change form without date fields: Django's own date shortcuts label "Hari ini" as
    # "Today (…)" (label-content-name-mismatch), which is Django's to fix, not ours.
    periksa("admin ubah jenis layanan", f"{url}/admin/bukutamu/jenislayanan/{layanan_data.jenis_id}/change/")
    periksa("presensi terlupa", f"{url}/presensi/terlupa/")


def test_public_pages_have_no_serious_violations(periksa, page, live_server, petugas, jenis, layanan_data):
    url = live_server.url
    periksa("login", f"{url}/login/")
    page.get_by_role("button", name="Login").click()
    expect(page.locator(".is-invalid, .alert-danger").first).to_be_visible()
    periksa("login, isian salah")
    periksa("halaman tidak ditemukan", f"{url}/tidak-ada/", status=404)
    jam_layanan_hari_ini(True)
    periksa("kios", f"{url}/antrian/kios/")
    antrian = aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    periksa("tiket", f"{url}/antrian/tiket/{antrian.pk}/")
    periksa("layar tv", f"{url}/antrian/layar/")

    layanan_data.ubah_status(Status.SELESAI, oleh=petugas)
    penilaian = rating.pastikan_penilaian(layanan_data, oleh=petugas)
    skd = rating.pastikan_skd(layanan_data, oleh=petugas)
    page.set_viewport_size({"width": 390, "height": 844})
    periksa("rating", f"{url}/r/{penilaian.token}/")
    periksa("skd", f"{url}/s/{skd.token}/selesai/")
    rating.simpan_penilaian(token=penilaian.token, jawaban={f: 4 for f in FIELD_UNSUR})
    periksa("terima kasih", f"{url}/r/{penilaian.token}/terima-kasih/")
