"""Service lists at 1366×768: one line per service, at least twelve on screen on every list,
columns sorted by a click (links that also work without JavaScript), filters that fold away."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from layanan.layanan import pengguna_sistem
from layanan.models import Layanan, Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
MINIMAL_BARIS = 12

# Rows of the list wholly inside the window, as the officer sees them without scrolling.
BARIS_TERLIHAT = """(sel) => Array.from(document.querySelectorAll(sel)).filter((r) => {
  const b = r.getBoundingClientRect();
  return b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight;
}).length"""

# Lists whose table is wider than its box (a column reachable only by scrolling sideways): how many pixels.
TABEL_MELEBAR = """() => Array.from(document.querySelectorAll('main .table-responsive'))
  .map((e) => e.scrollWidth - e.clientWidth).filter((lebih) => lebih > 0)"""

NAMA = [
    "Dewi Lestari", "Budi Santoso", "Sari Wulandari", "Andi Pratama", "Maya Sari", "Rudi Hartono",
    "Siti Nurhaliza Binti Abdullah Rahman Hakim", "Yusuf Maulana", "Ratna Handayani", "Fajar Nugroho",
    "Intan Permata", "Taufik Hidayat", "Eka Kurniawan", "Gilang Ramadhan", "Yuni Susanti", "Arif Setiawan",
    "Rizky Saputra", "Ahmad Fauzi",
]


@pytest.fixture
def banyak_layanan(buat_layanan, petugas, petugas2):
    """Eighteen open services of the officer (one with a long name and instansi), six of a colleague."""
    milik = []
    for i, nama in enumerate(NAMA):
        kode = ("permintaan-data", "konsultasi", "perpustakaan")[i % 3]
        milik.append(buat_layanan(kode, nama=nama, instansi="Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tanah Bumbu" if i == 6 else "Bappeda"))
    for i in range(6):
        buat_layanan("konsultasi", nama=f"Tamu Rekan {i}", oleh=petugas2)
    return milik


def _buka(page, url):
    page.goto(url)
    expect(page.locator("main table tbody tr").first).to_be_visible()


def test_every_service_list_shows_at_least_twelve_rows_at_1366x768(
    page, live_server, login_browser, petugas, banyak_layanan, buat_layanan, layar
):
    # Fourteen more came in online while nobody was on duty: the desk's own list.
    online = [buat_layanan("konsultasi", nama=f"Tamu Online {i}", sarana="online", kanal_online="mandiri") for i in range(14)]
    Layanan.objects.filter(pk__in=[l.pk for l in online]).update(petugas=pengguna_sistem())
    for i in range(8):  # with the six above, fourteen data requests for Cari Permintaan Data
        buat_layanan("permintaan-data", nama=f"Peminta Data {i}", keperluan="Data IPM dan kemiskinan per kecamatan, 2020 sampai 2025, per jenis kelamin")
    # The widest cells a row can hold: "Menunggu tanggapan pengunjung", a late data request ready for pick-up with SKD.
    lewat = timezone.now() - datetime.timedelta(days=20)
    for layanan in (banyak_layanan[6], online[0]):
        Layanan.objects.filter(pk=layanan.pk).update(status=Status.MENUNGGU)
    data_terbaru = Layanan.objects.filter(jenis__kode="permintaan-data").latest("dibuat")
    for layanan in (banyak_layanan[0], data_terbaru):
        Layanan.objects.filter(pk=layanan.pk).update(status=Status.SIAP_DIAMBIL, tenggat=lewat)
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    url = live_server.url
    terlihat, melebar = {}, {}
    for nama, jalur in (
        ("dashboard", "/dashboard/"), ("layanan saya", "/layanan/saya/?tampil=semua"), ("semua layanan", "/layanan/"),
        ("belum ditugaskan", "/layanan/belum-ditugaskan/"), ("cari permintaan data", "/permintaan-data/cari/"),
    ):
        _buka(page, url + jalur)
        assert page.evaluate("window.scrollY") == 0
        terlihat[nama] = page.evaluate(BARIS_TERLIHAT, "main table tbody tr")
        melebar[nama] = page.evaluate(TABEL_MELEBAR)
        layar(page, "daftar-" + nama.replace(" ", "-"))
    assert {n: j for n, j in terlihat.items() if j < MINIMAL_BARIS} == {}, terlihat
    # Every column in view, the Update button last: no list hides a column behind a sideways scroll.
    assert {n: m for n, m in melebar.items() if m} == {}, melebar


def test_rows_are_one_line_and_the_officer_column_only_where_it_varies(
    page, live_server, login_browser, petugas, banyak_layanan
):
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    _buka(page, f"{live_server.url}/layanan/")
    tinggi = page.evaluate("() => Array.from(document.querySelectorAll('main tbody tr')).map((r) => r.getBoundingClientRect().height)")
    assert max(tinggi) < 40  # one line each, the long name and instansi cut short
    expect(page.locator("main thead")).to_contain_text("Petugas")
    expect(page.locator("main tbody tr", has_text="Tamu Rekan 0")).to_contain_text("Ahmad Petugas")
    _buka(page, f"{live_server.url}/layanan/saya/")
    expect(page.locator("main thead")).not_to_contain_text("Petugas")  # always the same officer here


def test_a_column_header_sorts_the_list_and_again_the_other_way(
    page, live_server, login_browser, petugas, banyak_layanan, htmx_siap
):
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    _buka(page, f"{live_server.url}/layanan/saya/")
    nama = page.locator("#daftar-layanan-saya tbody tr td:nth-child(2) a")
    urut_naik = sorted(NAMA)

    htmx_siap(page, "#urut-pengunjung")
    page.get_by_role("link", name="Pengunjung", exact=True).click()
    expect(page).to_have_url(re.compile(r"urut=pengunjung$"))
    expect(nama.first).to_have_text(urut_naik[0])
    expect(page.locator("th[aria-sort=ascending]")).to_have_text("Pengunjung")
    expect(page.locator("#urut-pengunjung")).to_be_focused()  # the officer stays where they were

    htmx_siap(page, "#urut-pengunjung")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"urut=-pengunjung$"))
    expect(nama.first).to_have_text(urut_naik[-1])
    expect(page.locator("th[aria-sort=descending]")).to_have_text("Pengunjung")

    # A search keeps the order; the order holds across a reload (it is in the address).
    page.get_by_role("searchbox", name="Cari").fill("a")
    expect(page).to_have_url(re.compile(r"q=a"))
    expect(page).to_have_url(re.compile(r"urut=-pengunjung"))
    page.reload()
    expect(nama.first).to_have_text(urut_naik[-1])


def test_filters_fold_away_and_the_list_says_which_are_in_use(
    page, live_server, login_browser, petugas, banyak_layanan, layar, htmx_siap
):
    banyak_layanan[0].ubah_status(Status.SELESAI, oleh=petugas)
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    _buka(page, f"{live_server.url}/layanan/")
    status = page.get_by_label("Status", exact=True)
    expect(status).to_be_hidden()
    tabel = page.locator("#daftar-layanan table")
    assert tabel.bounding_box()["y"] < 200  # the rows start right under the title line

    page.get_by_text("Filter", exact=True).click()
    expect(status).to_be_visible()
    htmx_siap(page, "#form-filter")
    status.select_option(label="Selesai")
    expect(page.locator("#daftar-layanan tbody tr")).to_have_count(1)
    expect(page.locator(".filter-aktif")).to_contain_text("Status: Selesai")
    layar(page, "daftar-semua-layanan-filter-terbuka")
    page.get_by_text("Filter", exact=True).click()
    expect(status).to_be_hidden()
    expect(page.locator("#daftar-layanan tbody tr")).to_have_count(1)


def test_filter_panel_opened_before_htmx_listens_still_brings_its_fields(
    page, live_server, login_browser, petugas, buat_layanan, htmx_siap
):
    """The panel's fields are fetched when it opens; opened while htmx was still loading, they come
    once it has loaded (an officer on a slow connection clicks as soon as the button shows)."""
    buat_layanan()
    login_browser(petugas)
    diminta = []
    page.on("request", lambda r: diminta.append(r.url) if "panel=filter" in r.url else None)
    page.goto(f"{live_server.url}/layanan/")
    htmx_siap(page, "#panel-filter a[hx-get]")
    assert diminta == []  # folded, it asked for nothing

    ditahan = []
    page.route(re.compile(r"/htmx[^/]*\.js"), lambda route: ditahan.append(route))  # held back until the panel is open
    page.goto(f"{live_server.url}/layanan/", wait_until="commit")
    page.get_by_text("Filter", exact=True).click()
    expect(page.locator("#panel-filter")).to_have_attribute("open", "")
    expect(page.get_by_label("Status", exact=True)).to_have_count(0)
    while not ditahan:  # the browser asked for htmx while it drew the page
        page.wait_for_timeout(20)
    ditahan[0].continue_()

    status = page.get_by_label("Status", exact=True)
    expect(status).to_be_visible()
    assert len(diminta) == 1
    # Fetched fields are wired like the page's own: the date fields get their calendar (app.js).
    expect(page.get_by_label("Dari tanggal", exact=True)).to_have_class(re.compile(r"\bflatpickr-input\b"))
    status.select_option(label="Selesai")
    expect(page.locator(".filter-aktif")).to_contain_text("Status: Selesai")
    expect(page).to_have_url(re.compile(r"^(?!.*panel=).*/layanan/\?.*status=selesai"))  # the list's address, not the panel's


def test_back_from_a_service_found_by_search_shows_the_search_and_its_rows(
    page, live_server, login_browser, petugas, buat_layanan, htmx_siap
):
    """Search, open a row, press Back: the box still says what was searched and the rows match it.

    The search pushed its address (?q=), so the page that comes back is that search's page, box
    and rows alike (app.js's replay of typed text is not what brings them: without it this passes)."""
    buat_layanan(nama="Budi Santoso")
    buat_layanan(nama="Sari Wulandari")
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/")
    htmx_siap(page, "#form-filter")
    baris = page.locator("#daftar-layanan tbody tr")
    expect(baris).to_have_count(2)
    page.get_by_role("searchbox").fill("Santoso")
    expect(baris).to_have_count(1)
    expect(page).to_have_url(re.compile(r"q=Santoso"))

    baris.get_by_role("link", name="Budi Santoso").click()
    expect(page.get_by_role("heading", name="Budi Santoso")).to_be_visible()
    page.go_back()

    expect(page).to_have_url(re.compile(r"/layanan/\?.*q=Santoso"))
    expect(page.get_by_role("searchbox")).to_have_value("Santoso")
    expect(baris).to_have_count(1)
    expect(baris.first).to_contain_text("Budi Santoso")
