"""The officer's desk at 1366×768: actions on screen without scrolling, errors where the action
is, feedback while waiting, and messages that leave or stay as they should."""

import re

import pytest
from playwright.sync_api import expect

from layanan.models import NomorSurat
from layanan.views.layanan import BARIS_DASHBOARD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}

# What the officer sees while the request is on its way (recorded as it leaves the browser).
SAAT_DIKIRIM = """() => document.body.addEventListener("htmx:beforeSend", (e) => {
  const tombol = e.detail.elt.querySelector("button[type=submit]") || e.detail.elt;
  window.__saatDikirim = {
    tombolNonaktif: tombol.disabled,
    bilahJalan: document.getElementById("kemajuan").classList.contains("htmx-request"),
  };
}, {once: true})"""


@pytest.fixture
def permintaan_data(buat_layanan, kantor):
    kantor.url_drive = "https://drive.google.com/drive/folders/kumpulan-data"
    kantor.save()
    return buat_layanan(
        "permintaan-data", nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat", jenis_instansi="pendidikan",
        keperluan="Data IPM kecamatan 2020–2025", no_hp="6281298765432",
    )


def di_layar(page, locator):
    """The element's box lies wholly inside the viewport, without scrolling."""
    kotak = locator.bounding_box()
    tinggi = page.viewport_size["height"]
    lebar = page.viewport_size["width"]
    return kotak is not None and kotak["y"] >= 0 and kotak["y"] + kotak["height"] <= tinggi and kotak["x"] + kotak["width"] <= lebar


def test_detail_actions_are_on_screen_at_1366x768(page, live_server, login_browser, petugas, permintaan_data, layar):
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{permintaan_data.pk}/")
    assert page.evaluate("window.scrollY") == 0
    aksi = {
        "Update": page.get_by_role("button", name="Update", exact=True),
        "Generate Nomor Surat Balasan": page.get_by_role("button", name="Generate Nomor Surat Balasan"),
        "Rating": page.get_by_role("button", name="Rating", exact=True),
        "Kirim Notifikasi ke Grup WA": page.get_by_role("link", name="Kirim Notifikasi ke Grup WA"),
        "Drive Kumpulan Data": page.get_by_role("link", name="Drive Kumpulan Data"),
    }
    layar(page, "meja-01-detail-1366")
    assert [nama for nama, tombol in aksi.items() if not di_layar(page, tombol)] == []


def test_generate_nomor_error_shows_beside_the_field_and_keeps_what_was_typed(
    page, live_server, login_browser, petugas, permintaan_data, layar
):
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{permintaan_data.pk}/")
    page.get_by_label("Perihal").fill("Penyampaian Data IPM Kecamatan")
    page.get_by_label("Tujuan (Yth.)").fill("")
    page.get_by_role("button", name="Generate Nomor Surat Balasan").click()

    tujuan = page.get_by_label("Tujuan (Yth.)")
    expect(tujuan).to_have_class(re.compile(r"\bis-invalid\b"))
    galat = page.locator("#surat .invalid-feedback", has_text="wajib diisi")
    expect(galat).to_be_visible()
    assert di_layar(page, galat)  # the error is where the officer is looking
    expect(page.get_by_label("Perihal")).to_have_value("Penyampaian Data IPM Kecamatan")  # kept, not reset
    expect(page).to_have_url(re.compile(rf"/layanan/{permintaan_data.pk}/$"))  # no reload to #surat
    expect(page.locator("#pesan .alert-danger")).to_contain_text("Nomor surat belum dibuat")
    assert NomorSurat.objects.count() == 0
    layar(page, "meja-02-galat-nomor")

    # Corrected, the number is given in place; the form's button was busy while waiting.
    tujuan.fill("Dekan Fakultas Ekonomi dan Bisnis ULM")
    page.evaluate(SAAT_DIKIRIM)
    page.get_by_role("button", name="Generate Nomor Surat Balasan").click()
    expect(page.locator("#nomor-surat-aktif")).to_have_text(re.compile(r"^B-001/"))
    assert page.evaluate("window.__saatDikirim") == {"tombolNonaktif": True, "bilahJalan": True}
    assert page.locator("#nomor-surat-aktif").text_content() == NomorSurat.objects.get().nomor


def test_success_toasts_dismiss_themselves_and_errors_stay(page, live_server, login_browser, petugas, permintaan_data, layar):
    page.set_viewport_size(LAPTOP)
    # The page's timers run on a clock the test moves forward: the toast's seconds pass at once,
    # however busy the machine is.
    page.clock.install()
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{permintaan_data.pk}/")

    # An error (empty tag) stays until closed.
    page.get_by_role("button", name="Tambah Tag").click()
    galat = page.locator("#pesan .alert-danger")
    expect(galat).to_contain_text("Tag belum ditambahkan")
    expect(page.locator("#galat-tag")).to_be_visible()

    # A success replaces the old message (one area, nothing piles up) and leaves by itself.
    page.get_by_label("Tambah tag").fill("ipm, kecamatan")
    page.get_by_role("button", name="Tambah Tag").click()
    sukses = page.locator("#pesan .alert-success")
    expect(sukses).to_contain_text("Tag ditambahkan")
    expect(page.locator("#pesan .alert")).to_have_count(1)
    layar(page, "meja-03-toast-sukses")
    page.clock.fast_forward(6_000)  # past the toast's 5 seconds (LAMA_PESAN_MS in app.js)
    expect(sukses).to_have_count(0)

    # An error stays past the toast's time, until the officer closes it.
    page.get_by_role("button", name="Tambah Tag").click()
    expect(galat).to_be_visible()
    page.clock.fast_forward(60_000)
    expect(galat).to_be_visible()
    galat.get_by_role("button", name="Tutup pesan").click()
    expect(page.locator("#pesan .alert")).to_have_count(0)


def test_rating_panel_shows_both_codes_full_screen_to_the_visitor(
    page, live_server, login_browser, petugas, permintaan_data, kantor, layar
):
    kantor.url_skd = "https://skd.bps.go.id/"
    kantor.save()
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{permintaan_data.pk}/")
    page.get_by_role("button", name="Rating", exact=True).click()
    tunjukkan = page.get_by_role("button", name="Tunjukkan ke pengunjung")
    tunjukkan.click()
    qr = page.locator("#qr-pengunjung .qr-kode")
    expect(qr).to_have_count(2)
    rating, skd = qr.nth(0).bounding_box(), qr.nth(1).bounding_box()
    assert abs(rating["y"] - skd["y"]) < 40 and skd["x"] > rating["x"] + rating["width"]  # side by side
    assert min(rating["width"], skd["width"]) >= 300  # readable by a phone camera across the desk
    assert di_layar(page, qr.nth(0)) and di_layar(page, qr.nth(1))
    expect(page.get_by_role("button", name="Tutup", exact=True)).to_be_focused()
    layar(page, "meja-04-tunjukkan-ke-pengunjung")
    page.keyboard.press("Escape")
    expect(page.locator("#qr-pengunjung")).not_to_have_class(re.compile("tampil-penuh"))
    expect(tunjukkan).to_be_focused()


# Whether a select shows its chosen option in full: the text plus the arrow fits its width.
PILIHAN_TERPOTONG = """() => Array.from(document.querySelectorAll("form[role=search] select")).filter((s) => {
  const gaya = getComputedStyle(s);
  const c = document.createElement("canvas").getContext("2d");
  c.font = `${gaya.fontWeight} ${gaya.fontSize} ${gaya.fontFamily}`;
  const teks = c.measureText(s.options[s.selectedIndex].text).width;
  return teks + parseFloat(gaya.paddingLeft) + parseFloat(gaya.paddingRight) > s.clientWidth;
}).map((s) => s.name)"""


def test_semua_layanan_filters_read_in_full_at_1366(page, live_server, login_browser, petugas, buat_layanan, layar):
    buat_layanan()
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/")
    page.get_by_text("Filter", exact=True).click()  # the filters fold away until asked for
    expect(page.get_by_label("Status", exact=True)).to_be_visible()
    assert page.evaluate(PILIHAN_TERPOTONG) == []
    layar(page, "meja-05-semua-layanan-filter")


def test_tab_switch_focuses_the_heading_and_names_the_tab_in_the_title(
    page, live_server, login_browser, petugas, buat_layanan, layar
):
    for nama in ("Dewi Lestari", "Budi Santoso", "Sari Wulandari", "Andi Pratama", "Maya Sari", "Rudi Hartono"):
        buat_layanan(nama=nama)
    for i in range(BARIS_DASHBOARD - 5):
        buat_layanan(nama=f"Tamu {i}")
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)

    # The dashboard shows fifteen and leads to all of them.
    expect(page.locator("#tab-area tbody tr")).to_have_count(BARIS_DASHBOARD)
    layar(page, "meja-06-dashboard", full_page=True)
    page.get_by_role("link", name=f"Lihat semua {BARIS_DASHBOARD + 1} Layanan Saya yang belum selesai").click()
    expect(page.locator("#daftar-layanan-saya tbody tr")).to_have_count(BARIS_DASHBOARD + 1)
    page.goto(f"{live_server.url}/dashboard/")
    page.locator(".nav-tabs").get_by_role("link", name="Layanan Saya").click()
    judul = page.get_by_role("heading", name="Layanan Saya", level=1)
    expect(judul).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Layanan Saya · "))
    page.locator(".nav-tabs").get_by_role("link", name="Buku Tamu").click()
    expect(page.get_by_role("heading", name="Buku Tamu", level=1)).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Buku Tamu · "))

    # Layanan Saya has the search of Semua Layanan; typing keeps the field and its focus.
    page.locator(".nav-tabs").get_by_role("link", name="Layanan Saya").click()
    # The heading takes focus once htmx has settled the new tab, so its search listens by then.
    expect(judul).to_be_focused()
    cari = page.get_by_role("searchbox", name="Cari")
    cari.fill("Dewi")
    expect(page.locator("#daftar-layanan-saya tbody tr")).to_have_count(1)
    expect(page.locator("#daftar-layanan-saya")).to_contain_text("Dewi Lestari")
    expect(cari).to_be_focused()

    # A skip link is the first stop of the keyboard.
    page.goto(f"{live_server.url}/dashboard/")
    page.keyboard.press("Tab")
    lompat = page.get_by_role("link", name="Lewati ke konten utama")
    expect(lompat).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#konten")).to_be_focused()


def test_polling_does_not_run_the_progress_bar_but_a_tab_click_does(page, live_server, login_browser, petugas):
    login_browser(petugas)
    page.goto(f"{live_server.url}/antrian/")
    page.evaluate("""() => { window.__bilah = 0;
      new MutationObserver(() => { if (document.getElementById("kemajuan").classList.contains("htmx-request")) window.__bilah += 1; })
        .observe(document.getElementById("kemajuan"), {attributes: true}); }""")
    with page.expect_response(re.compile(r"/antrian/$")):  # the queue list polls every 5 s
        pass
    assert page.evaluate("window.__bilah") == 0
    page.locator(".nav-tabs").get_by_role("link", name="Layanan Saya").click()
    expect(page.get_by_role("heading", name="Layanan Saya", level=1)).to_be_focused()
    assert page.evaluate("window.__bilah") >= 1
    expect(page.locator("#kemajuan")).not_to_have_class(re.compile("htmx-request"))


def test_petugas_panel_fetches_its_form_when_opened_and_saves_a_co_handler(
    page, live_server, login_browser, petugas, petugas2, buat_layanan, htmx_siap, layar
):
    layanan = buat_layanan("konsultasi", nama="Rudi Hartono")
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    diminta = []
    page.on("request", lambda r: diminta.append(r.url) if "/petugas/" in r.url else None)
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/")
    panel = page.locator("#petugas-pendamping")
    htmx_siap(page, "#petugas-pendamping a[hx-get]")
    assert diminta == []  # closed, it asked for nothing
    panel.get_by_text("Petugas dan pendamping").click()

    # Opened, the panel brings its form (not built with the page).
    pendamping = panel.get_by_label(petugas2.nama)
    expect(pendamping).to_be_visible()
    expect(panel.locator("select[name=petugas]")).to_have_value(str(petugas.pk))
    layar(page, "petugas-pendamping-terbuka")
    pendamping.check()
    panel.get_by_role("button", name="Simpan Petugas").click()

    expect(page.locator("#pesan")).to_contain_text("Petugas layanan diperbarui.")
    expect(page.locator("#kelola")).to_contain_text(f"{petugas.nama} bersama {petugas2.nama}")
    assert list(layanan.pendamping.all()) == [petugas2]
