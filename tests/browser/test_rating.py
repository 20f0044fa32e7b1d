"""Rating through the QR code on a phone, the officer seeing it, and SKD Diisi in green."""

import re

import pytest
from playwright.sync_api import expect

from layanan.models import Status
from rating.models import Penilaian, SurveiSKD
from tests.qr import dekode_png

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HIJAU_BOOTSTRAP = "rgb(25, 135, 84)"  # .text-bg-success


def test_visitor_rates_on_a_phone_and_the_officer_sees_it_and_marks_skd(
    page, konteks_baru, live_server, login_browser, petugas, buat_layanan, layar
):
    layanan = buat_layanan("permintaan-data", nama="Dewi Lestari", no_hp="6281298765432")
    layanan.ubah_status(Status.SELESAI, oleh=petugas)

    # Officer: Rating on the service opens the panel (HTMX) with the QR code and Kirim WA.
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/")
    expect(page.locator("#status-rating")).to_have_text("belum dinilai")
    page.get_by_role("button", name="Rating", exact=True).click()
    qr = page.locator("#panel-rating .qr-kode").first
    expect(qr).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/layanan/{layanan.pk}/$"))  # panel opened in place
    penilaian = Penilaian.objects.get(layanan=layanan)
    url_rating = f"{live_server.url}/r/{penilaian.token}/"
    expect(page.get_by_role("link", name="Kirim WA", exact=True)).to_have_attribute(
        "href", re.compile(r"^https://wa\.me/6281298765432\?text=.*" + re.escape(penilaian.token))
    )
    kotak = qr.bounding_box()
    assert kotak["width"] >= 240  # big enough for a phone camera a metre from the monitor
    assert dekode_png(qr.screenshot()) == url_rating
    skd_qr = page.locator("#panel-rating .qr-kode").nth(1)
    assert dekode_png(skd_qr.screenshot()) == f"{live_server.url}/s/{SurveiSKD.objects.get(layanan=layanan).token}/"
    layar(page, "rating-01-panel", full_page=True)

    # Visitor: the link on their own phone, 390×844, no account.
    ponsel = konteks_baru(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    hp = ponsel.new_page()
    hp.goto(url_rating)
    expect(hp.get_by_role("heading", name="Penilaian layanan")).to_be_visible()
    assert hp.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    layar(hp, "rating-02-ponsel-kosong")
    jawaban = {1: "Sangat sesuai", 2: "Mudah", 3: "Cepat", 4: "Gratis", 5: "Sangat sesuai",
               6: "Sangat kompeten", 7: "Sangat sopan dan ramah", 8: "Dikelola dengan baik", 9: "Baik"}
    for nomor, teks in jawaban.items():
        pilihan = hp.locator("fieldset").nth(nomor - 1).locator(
            "label", has_text=re.compile(rf"^\s*\d\s+{re.escape(teks)}\s*$")
        )
        tinggi = pilihan.bounding_box()["height"]
        assert tinggi >= 44  # a comfortable tap target
        pilihan.tap()
    expect(hp.locator("#u9-3")).to_be_checked()
    hp.get_by_label("Saran atau komentar").fill("Petugas sangat membantu.")
    hp.get_by_label("Pengaduan").fill("Parkir motor sempit.")
    layar(hp, "rating-03-ponsel-terisi", full_page=True)
    hp.get_by_role("button", name="Kirim Penilaian").tap()
    expect(hp.get_by_role("heading", name="Terima kasih!")).to_be_visible()
    expect(hp.get_by_text("lapor.go.id")).to_be_visible()
    layar(hp, "rating-04-ponsel-terima-kasih", full_page=True)
    ponsel.close()

    penilaian.refresh_from_db()
    assert penilaian.jawaban == [4, 3, 3, 4, 4, 4, 4, 4, 3] and penilaian.pengaduan == "Parkir motor sempit."

    # Officer: the rating shows on the service; SKD Diisi turns green.
    page.reload()
    expect(page.locator("#status-rating")).to_have_text(re.compile(r"Nilai 3,67"))
    expect(page.locator("#status-skd")).to_have_text("SKD Belum")
    page.get_by_role("button", name="Rating", exact=True).click()
    page.get_by_role("button", name="SKD Diisi").click()
    lencana = page.locator("#status-skd-panel .badge")
    expect(lencana).to_have_text(re.compile("SKD Diisi"))
    expect(lencana).to_have_css("background-color", HIJAU_BOOTSTRAP)
    expect(page.locator("#status-skd")).to_have_text(re.compile("SKD Diisi"))  # the card's badge follows
    expect(page.locator("#status-skd")).to_have_css("background-color", HIJAU_BOOTSTRAP)
    layar(page, "rating-05-skd-diisi", full_page=True)

    page.goto(f"{live_server.url}/layanan/saya/?tampil=semua")
    baris = page.locator("tr", has_text="Dewi Lestari")
    expect(baris.get_by_text("Nilai 3,67")).to_be_visible()
    expect(baris.get_by_text("SKD Diisi")).to_have_css("background-color", HIJAU_BOOTSTRAP)
    layar(page, "rating-06-layanan-saya", full_page=True)


def test_pimpinan_reads_the_ikm_page(page, live_server, login_browser, pimpinan, petugas, buat_layanan, layar):
    from pst_frontoffice.skm import FIELD_UNSUR
    from rating import services

    for i, kode in enumerate(("konsultasi", "permintaan-data", "permintaan-data")):
        p = services.pastikan_penilaian(buat_layanan(kode), oleh=petugas)
        services.simpan_penilaian(token=p.token, jawaban={f: 4 - (i + n) % 2 for n, f in enumerate(FIELD_UNSUR)},
                                  pengaduan="Antrian terlalu lama." if i == 1 else "")
    login_browser(pimpinan)
    page.get_by_role("link", name="IKM").click()
    expect(page.get_by_role("heading", name="Indeks Kepuasan Masyarakat (IKM)")).to_be_visible()
    expect(page.locator("#ikm-keseluruhan")).to_contain_text("3 responden")
    expect(page.get_by_text("Antrian terlalu lama.")).to_be_visible()
    layar(page, "rating-07-ikm", full_page=True)
