"""A data request from Diterima to Selesai with a reply-letter number and the signed file, by the
keyboard alone: every key is counted (the target is 60 or fewer), and after each HTMX action the
focus is in the part that changed, ready for the next step, never on <body>."""

import re

import pytest
from playwright.sync_api import expect

from layanan.models import BerkasSurat, NomorSurat, Status
from tests.berkas_uji import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
TARGET_TOMBOL = 60


class Papan:
    """page.keyboard, counting every key pressed."""

    def __init__(self, page):
        self.page = page
        self.jumlah = 0

    def tekan(self, *kunci):
        for k in kunci:
            self.page.keyboard.press(k)
            self.jumlah += 1

    def ketik(self, teks):
        self.page.keyboard.type(teks)
        self.jumlah += len(teks)


def fokus_di(page, selector):
    """The focused element lies inside `selector` (and is not <body>)."""
    return page.evaluate(
        "(sel) => { const a = document.activeElement; const b = document.querySelector(sel);"
        " return !!(a && a !== document.body && b && b.contains(a)); }",
        selector,
    )


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_data_request_to_selesai_with_number_and_upload_in_60_keys_or_fewer(
    page, live_server, login_browser, petugas, buat_layanan, tmp_path, htmx_siap, layar
):
    layanan = buat_layanan(
        "permintaan-data", nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat", jenis_instansi="pendidikan",
        keperluan="Data IPM kecamatan 2020–2025",
    )
    surat = tmp_path / "surat-balasan.pdf"
    surat.write_bytes(PDF)
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    htmx_siap(page, "#cari-global")
    papan = Papan(page)
    # The operating system's file dialog, answered as the officer would. Listened to from the start,
    # so the browser already hands its file choosers to the test when the key is pressed.
    page.on("filechooser", lambda pilihan: pilihan.set_files(str(surat)))

    # Find the service from anywhere: "/", its number, choose it.
    papan.tekan("/")
    papan.ketik(f"#{layanan.pk}")
    expect(page.get_by_role("option", name=re.compile(rf"Permintaan Data #{layanan.pk}"))).to_be_visible()
    papan.tekan("ArrowDown", "Enter")
    expect(page).to_have_url(re.compile(rf"/layanan/{layanan.pk}/$"))
    htmx_siap(page, "#form-update")

    # Update → Diproses: "u" lands in Status baru (Diproses comes first), then the Update button.
    papan.tekan("u")
    status = page.get_by_label("Status baru")
    expect(status).to_be_focused()
    expect(status).to_have_value("diproses")
    papan.tekan("Tab", "Tab")
    expect(page.get_by_role("button", name="Update", exact=True)).to_be_focused()
    papan.tekan("Enter")
    expect(page.locator("#pesan")).to_contain_text("menjadi Diproses")
    expect(page.locator(".keadaan-layanan")).to_be_focused()  # the new status is read out, in the part that changed
    assert fokus_di(page, "#kelola")

    # Generate Nomor Surat Balasan: "g" goes to the button of the prefilled form.
    papan.tekan("g")
    expect(page.get_by_role("button", name="Generate Nomor Surat Balasan")).to_be_focused()
    papan.tekan("Enter")
    expect(page.locator("#nomor-surat-aktif")).to_have_text(re.compile(r"^B-001/"))
    berkas = page.locator("#id_berkas")
    expect(berkas).to_be_focused()  # the next step of the guide: upload the signed letter
    assert fokus_di(page, "#surat")

    # Upload: the file field opens the chooser, Tab to Unggah Berkas.
    papan.tekan("Space")
    page.wait_for_function("() => document.getElementById('id_berkas').files.length === 1")
    papan.tekan("Tab")
    expect(page.get_by_role("button", name="Unggah Berkas")).to_be_focused()
    papan.tekan("Enter")
    expect(page.locator("#berkas-aktif")).to_contain_text("surat-balasan.pdf")
    expect(page.locator("#berkas-aktif")).to_be_focused()  # the file just uploaded
    assert fokus_di(page, "#surat")

    # Update → Selesai.
    papan.tekan("u")
    expect(page.get_by_label("Status baru")).to_be_focused()
    papan.tekan("ArrowDown")
    expect(page.get_by_label("Status baru")).to_have_value("selesai")
    papan.tekan("Tab", "Tab", "Enter")
    expect(page.locator("#pesan")).to_contain_text("menjadi Selesai")
    expect(page.locator(".keadaan-layanan")).to_be_focused()
    assert fokus_di(page, "#kelola")
    layar(page, "keyboard-selesai")

    layanan.refresh_from_db()
    assert layanan.status == Status.SELESAI
    assert NomorSurat.objects.filter(layanan=layanan, dibatalkan=False).count() == 1
    assert BerkasSurat.objects.filter(layanan=layanan).count() == 1
    print(f"\nDiterima → Selesai dengan nomor surat dan unggahan: {papan.jumlah} tombol (target ≤ {TARGET_TOMBOL})")
    assert papan.jumlah <= TARGET_TOMBOL, f"{papan.jumlah} tombol"

    # Closing (the guide's Rating, after the count): its dialog opens with the focus in it.
    page.get_by_role("button", name="Rating", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.locator("#panel-rating .qr-kode").first).to_be_visible()
    page.wait_for_function("() => document.activeElement !== document.body")
    assert fokus_di(page, "#dialog-rating")


def test_shortcuts_are_listed_under_question_mark_and_not_taken_from_a_field(
    page, live_server, login_browser, petugas, buat_layanan, htmx_siap
):
    buat_layanan(nama="Dewi Lestari")
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    htmx_siap(page, ".nav-tabs a")
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Pintasan keyboard")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Buku Tamu baru")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    page.keyboard.press("4")
    expect(page.get_by_role("heading", name="Layanan Saya", level=1)).to_be_focused()
    page.keyboard.press("n")
    expect(page.locator("#id_nama")).to_be_focused()
    page.keyboard.type("Budi 4 n u ?")  # typed into Nama: no shortcut fires
    expect(page.locator("#id_nama")).to_have_value("Budi 4 n u ?")
    expect(page.get_by_role("heading", name="Buku Tamu", level=1)).to_be_visible()
    expect(dialog).to_be_hidden()
