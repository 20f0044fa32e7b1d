"""Focus rings are seen: at least 3:1 against the background around them (WCAG 2.2 SC 1.4.11 and
2.4.7), on light pages, on the blue bar, on coloured buttons, on the TV and on the phone pages.

Each page is walked with Tab; for every control that takes focus, the ring's colour is measured
against the colour behind it (the parent's background, its translucent layers composed)."""

import pytest
from playwright.sync_api import expect

from bukutamu import antrian as aturan
from layanan.models import Status
from rating import services as rating
from tests.jam_layanan import jam_layanan_hari_ini

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CINCIN = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // Focus on a date field's own calendar button (inside the browser's control): the browser draws
  // its own dark ring there, which no page style reaches.
  if (!el.matches(":focus")) return null;
  const rgba = (s) => { const m = s.match(/[\\d.]+/g) || [0, 0, 0, 0]; return [+m[0], +m[1], +m[2], m[3] === undefined ? 1 : +m[3]]; };
  const lapisan = [];
  for (let p = el.parentElement; p; p = p.parentElement) {
    const w = rgba(getComputedStyle(p).backgroundColor);
    if (w[3] > 0) lapisan.push(w);
    if (w[3] >= 1) break;
  }
  let latar = [255, 255, 255];
  for (const w of lapisan.reverse()) latar = latar.map((c, i) => c * (1 - w[3]) + w[i] * w[3]);
  const gaya = getComputedStyle(el);
  const cincin = rgba(gaya.outlineColor);
  const warna = cincin.slice(0, 3).map((c, i) => c * cincin[3] + latar[i] * (1 - cincin[3]));
  const lum = (rgb) => { const [r, g, b] = rgb.map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [a, b] = [lum(warna), lum(latar)].sort((x, y) => y - x);
  const nama = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + (el.getAttribute("aria-label") || el.textContent || el.name || "").trim().slice(0, 30);
  return {nama, gaya: gaya.outlineStyle, lebar: parseFloat(gaya.outlineWidth), rasio: Math.round((a + 0.05) / (b + 0.05) * 100) / 100};
}"""


def periksa_tab(page, halaman, langkah=40, minimal=3):
    """Tab through the page; every focused control's ring, with its problem if it has one."""
    page.locator("body").click(position={"x": 1, "y": 1})  # start from the top, by keyboard from here
    masalah, dilihat = [], 0
    for _ in range(langkah):
        page.keyboard.press("Tab")
        cincin = page.evaluate(CINCIN)
        if cincin is None:
            continue
        dilihat += 1
        if cincin["gaya"] == "none" or cincin["lebar"] < 2 or cincin["rasio"] < 3:
            masalah.append(f"{halaman}: {cincin}")
    assert dilihat >= minimal, halaman
    return masalah


def test_focus_rings_stand_out_on_officer_pages(page, live_server, login_browser, petugas, pimpinan, buat_layanan, kantor, layar):
    kantor.url_skd = "https://skd.bps.go.id/"
    kantor.save()
    layanan = buat_layanan("permintaan-data", nama="Dewi Lestari", no_hp="6281298765432", oleh=petugas)
    page.set_viewport_size({"width": 1366, "height": 768})
    login_browser(petugas)
    masalah = []
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/")
    masalah += periksa_tab(page, "detail layanan", 60)
    page.keyboard.press("Shift+Tab")
    layar(page, "tampilan-30-cincin-fokus")
    page.get_by_role("button", name="Rating", exact=True).click()
    expect(page.locator("#dialog-rating")).to_be_visible()
    masalah += [m for m in periksa_tab(page, "dialog rating", 12)]
    layar(page, "tampilan-31-cincin-fokus-dialog")
    page.keyboard.press("Escape")
    page.goto(f"{live_server.url}/buku-tamu/")
    masalah += periksa_tab(page, "buku tamu", 30)
    page.context.clear_cookies()
    login_browser(pimpinan)
    page.goto(f"{live_server.url}/laporan/?periode=minggu")
    masalah += periksa_tab(page, "laporan", 30)
    assert not masalah, "\n".join(masalah)


def test_focus_rings_stand_out_on_visitor_pages(page, live_server, petugas, jenis, buat_layanan, kantor, layar):
    masalah = []
    page.goto(f"{live_server.url}/login/")
    masalah += periksa_tab(page, "login", 8)
    jam_layanan_hari_ini(False)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/antrian/kios/")
    masalah += periksa_tab(page, "kios", 12)
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{live_server.url}/antrian/layar/")
    masalah += periksa_tab(page, "layar tv", 3, minimal=1)  # "Aktifkan suara" on the blue header
    layanan = buat_layanan("permintaan-data")
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    penilaian = rating.pastikan_penilaian(layanan, oleh=petugas)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/r/{penilaian.token}/")
    masalah += periksa_tab(page, "rating di ponsel", 12)
    layar(page, "tampilan-32-cincin-fokus-ponsel")
    tiket = aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    page.goto(f"{live_server.url}/lacak/antrian/{tiket.token}/")
    masalah += periksa_tab(page, "nomor antrian di ponsel", 3, minimal=1)
    assert not masalah, "\n".join(masalah)
