"""Data request fulfilled, as the officers' user guide describes it, in a real browser: number, draft letter,
signed file, tags, and finding the request again through the search."""

import io
import re

import pytest
from docx import Document
from playwright.sync_api import expect

from layanan.models import BerkasSurat, NomorSurat
from tests.berkas_uji import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def siap_diambil_lalu_ubah_pesan_wa(page):
    """On the detail page of Dewi Lestari's data request: Update to Siap Diambil, then edit the
    message of Kirim WA Pemberitahuan at once; the link carries the visitor's number and the text."""
    page.get_by_label("Status baru").select_option(label="Siap Diambil")
    page.get_by_role("button", name="Update", exact=True).click()
    kirim = page.get_by_role("link", name="Kirim WA Pemberitahuan", exact=True)
    expect(kirim).to_have_attribute("href", re.compile(r"^https://wa\.me/62\d+\?text=Yth\.%20Dewi%20Lestari"))
    page.get_by_text("Ubah pesan Kirim WA Pemberitahuan").click()
    page.locator("#teks-wa-pengunjung").fill("Data Ibu siap diambil besok pagi.")
    expect(kirim).to_have_attribute("href", re.compile(r"^https://wa\.me/62\d+\?text=Data%20Ibu%20siap%20diambil%20besok%20pagi\.$"))


def test_officer_fulfils_a_data_request_and_finds_it_again(page, live_server, login_browser, petugas, buat_layanan, layar):
    layanan = buat_layanan(
        "permintaan-data", nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat", jenis_instansi="pendidikan",
        keperluan="Data IPM kecamatan 2020–2025", nomor_surat_permintaan="012/FEB-ULM/XI/2026",
    )
    login_browser(petugas)
    page.locator(".nav-tabs").get_by_role("link", name="Layanan Saya", exact=True).click()
    page.locator("tr", has_text="Dewi Lestari").get_by_role("link", name="Update").click()
    expect(page).to_have_url(re.compile(rf"/layanan/{layanan.pk}/#update$"))

    # Generate Nomor Surat Balasan: the classification is suggested from the instansi type.
    expect(page.get_by_label("Klasifikasi")).to_have_value("HM.340")
    page.get_by_label("Tujuan (Yth.)").fill("Dekan Fakultas Ekonomi dan Bisnis ULM")
    page.get_by_role("button", name="Generate Nomor Surat Balasan").click()
    expect(page.locator("#nomor-surat-aktif")).to_be_visible()  # the panel is redrawn in place (HTMX)
    nomor = NomorSurat.objects.get()
    expect(page.locator("#nomor-surat-aktif")).to_have_text(nomor.nomor)
    assert re.fullmatch(r"B-001/63100/HM\.340/\d\d/\d{4}", nomor.nomor)

    # The data asked for, on its own page.
    page.get_by_role("link", name="Ubah Rincian").click()
    page.locator("#id_item-0-topik").fill("Indeks Pembangunan Manusia")
    page.locator("#id_item-0-periode").fill("2020–2025")
    page.locator("#id_item-0-tingkat_wilayah").select_option(label="Kecamatan")
    page.get_by_label("Format data").select_option(label="Softcopy Excel/CSV")
    page.get_by_label("Cara penyampaian").select_option(label="E-mail")
    layar(page, "surat-00-rincian-permintaan", full_page=True)
    page.get_by_role("button", name="Simpan Rincian").click()
    expect(page.get_by_text("Rincian permintaan data tersimpan.")).to_be_visible()

    # Buat Draf Surat downloads a .docx holding the number and the Indonesian date.
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Buat Draf Surat").click()
    isi = open(unduhan.value.path(), "rb").read()
    teks = "\n".join(p.text for p in Document(io.BytesIO(isi)).paragraphs)
    assert nomor.nomor in teks and "Indeks Pembangunan Manusia, 2020–2025, Kecamatan" in teks
    assert re.search(r"\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}", teks)

    # A renamed non-PDF is refused; the signed PDF is kept.
    page.get_by_label("Surat balasan bertanda tangan").set_input_files(
        {"name": "surat.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00 bukan pdf"}
    )
    page.get_by_role("button", name="Unggah Berkas").click()
    expect(page.locator("#surat").get_by_text(re.compile("bukan PDF atau DOCX yang sah"))).to_be_visible()  # beside the field
    page.get_by_label("Surat balasan bertanda tangan").set_input_files(
        {"name": "surat-balasan-ttd.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Unggah Berkas").click()
    expect(page.locator("#berkas-aktif")).to_contain_text("surat-balasan-ttd.pdf")
    assert BerkasSurat.objects.get().jenis == "pdf"

    # Tags, with suggestions from existing ones.
    page.get_by_label("Tambah tag").fill("IPM, kecamatan")
    page.get_by_role("button", name="Tambah Tag").click()
    expect(page.locator("#daftar-tag")).to_contain_text("#ipm")
    expect(page.locator("#daftar-tag")).to_contain_text("#kecamatan")
    layar(page, "surat-01-detail-permintaan-data", full_page=True)

    # Siap Diambil (HTMX update re-renders the panel): Kirim WA tells the visitor; the text is editable.
    siap_diambil_lalu_ubah_pesan_wa(page)

    # Find it again: Semua Layanan → Cari Permintaan Data, by tag.
    page.locator(".nav-tabs").get_by_role("link", name="Semua Layanan", exact=True).click()
    page.get_by_role("link", name="Cari Permintaan Data").click()
    expect(page.get_by_role("heading", name="Cari Permintaan Data")).to_be_visible()
    page.get_by_label("Tag").fill("ipm")
    page.get_by_role("button", name="Cari", exact=True).click()
    hasil = page.locator(".hasil-permintaan")
    expect(hasil).to_have_count(1)
    expect(hasil).to_contain_text("Dewi Lestari")
    expect(hasil).to_contain_text(nomor.nomor)
    expect(hasil).to_contain_text("surat-balasan-ttd.pdf")
    layar(page, "surat-02-cari-permintaan", full_page=True)

    # The letter register lists the number.
    page.get_by_role("link", name="Register Surat").click()
    expect(page.locator("#daftar-surat")).to_contain_text(nomor.nomor)
    page.get_by_label("Cari").fill("Dewi")
    expect(page).to_have_url(re.compile(r"q=Dewi"))
    expect(page.locator("#unduh-excel")).to_have_attribute("href", re.compile(r"q=Dewi"))
    with page.expect_download() as excel:
        page.get_by_role("link", name="Unduh Excel").click()
    assert excel.value.suggested_filename.startswith("register-surat-")
    layar(page, "surat-03-register", full_page=True)


def test_the_message_to_the_visitor_follows_an_edit_made_as_soon_as_the_panel_is_redrawn(
    page, live_server, login_browser, petugas, buat_layanan
):
    """Update to Siap Diambil redraws the letter panel (HTMX) with the message editor. An officer who
    edits the message at once gets a Kirim WA link with that text: what makes the link follow the
    editor is already on the page, nothing has to load after the redraw (here nothing could: a
    script asked for afterwards is refused, as on a slow network that never delivers it in time)."""
    layanan = buat_layanan("permintaan-data", nama="Dewi Lestari", jenis_instansi="pendidikan")
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{layanan.pk}/")
    dimuat_kemudian = []

    def tolak(route):
        dimuat_kemudian.append(route.request.url)
        route.abort()

    page.route(re.compile(r"\.js(\?|$)"), tolak)

    siap_diambil_lalu_ubah_pesan_wa(page)
    assert dimuat_kemudian == []
