"""Request bodies are capped before anything reads them, for anonymous requests too.

Reading a POST's parameters parses the body, and a multipart body's files are written to a
temporary folder: a 300 MB body sent to a public page went to /tmp before the CSRF check refused
it. Now the declared size is checked first (Django reads no more than it declares): pages that
take an upload allow BATAS_KIRIMAN_UNGGAHAN_BAIT, every other page the size of its form fields,
and more gets the Indonesian 413 page without a byte of the body read.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.urls import reverse

from layanan.models import BerkasSurat
from tests.berkas_uji import PDF
from tests.conftest import kunci

pytestmark = pytest.mark.django_db

DITERIMA = []  # bytes that reached Django's upload handlers during a test


class Pencatat(FileUploadHandler):
    """Counts what Django's multipart parser hands the upload handlers (it writes nothing itself)."""

    def receive_data_chunk(self, raw_data, start):
        DITERIMA.append(len(raw_data))
        return raw_data

    def file_complete(self, file_size):
        return None


@pytest.fixture(autouse=True)
def pencatat(settings):
    DITERIMA.clear()
    settings.FILE_UPLOAD_HANDLERS = ["tests.test_batas_kiriman.Pencatat", *settings.FILE_UPLOAD_HANDLERS]
    settings.BATAS_KIRIMAN_BAIT = 1024 * 1024
    settings.BATAS_KIRIMAN_UNGGAHAN_BAIT = 3 * 1024 * 1024


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _multipart(client, url, ukuran, **extra):
    return client.post(url, {"nama": "Budi", "berkas": SimpleUploadedFile("besar.pdf", PDF + b"0" * ukuran)}, **extra)


def test_an_anonymous_body_over_the_cap_is_refused_before_it_is_read(client, kantor):
    jawaban = _multipart(client, reverse("bukutamu:daftar"), 2_000_000)

    assert jawaban.status_code == 413
    assert "terlalu besar" in jawaban.content.decode()
    assert DITERIMA == []


def test_a_300_mb_declared_body_is_refused_without_reading_it(client, kantor):
    # Only the header says 300 MB: had anything tried to read that much, the test client would fail.
    jawaban = client.post(reverse("bukutamu:daftar"), "x", content_type="application/octet-stream",
                          CONTENT_LENGTH=str(300 * 1024 * 1024))

    assert jawaban.status_code == 413


def test_a_page_without_uploads_keeps_the_small_cap_for_officers_too(masuk, petugas):
    jawaban = _multipart(masuk(petugas), reverse("bukutamu:buku_tamu"), 2_000_000)

    assert jawaban.status_code == 413 and DITERIMA == []


def test_an_upload_page_takes_a_file_below_its_cap_and_explains_the_files_own_limit(masuk, petugas, buat_layanan, media, settings):
    settings.BATAS_KIRIMAN_UNGGAHAN_BAIT = 12 * 1024 * 1024
    permintaan = buat_layanan("permintaan-data")
    url = reverse("layanan:unggah_berkas", args=[permintaan.pk])

    kecil = masuk(petugas).post(url, {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("surat.pdf", PDF)})
    besar = masuk(petugas).post(url, {**kunci("berkas_surat"), "berkas": SimpleUploadedFile("surat.pdf", PDF + b"0" * (10 * 1024 * 1024))})

    assert kecil.status_code == 302 and BerkasSurat.objects.count() == 1
    # Over the file's own 10 MB but within the request's cap: the form says so beside the field.
    assert besar.status_code == 400 and "terlalu besar" in besar.content.decode() and "10 MB" in besar.content.decode()


def test_an_upload_page_refuses_a_body_over_its_cap(masuk, petugas, buat_layanan):
    permintaan = buat_layanan("permintaan-data")

    jawaban = _multipart(masuk(petugas), reverse("layanan:unggah_berkas", args=[permintaan.pk]), 4_000_000)

    assert jawaban.status_code == 413 and DITERIMA == []
    assert "3 MB" in jawaban.content.decode()


def test_an_htmx_upload_over_the_cap_shows_the_message_in_the_message_area(masuk, petugas, buat_layanan):
    permintaan = buat_layanan("permintaan-data")

    jawaban = _multipart(masuk(petugas), reverse("layanan:unggah_berkas", args=[permintaan.pk]), 4_000_000,
                         HTTP_HX_REQUEST="true")

    assert jawaban.status_code == 413
    assert jawaban["HX-Retarget"] == "#pesan" and jawaban["HX-Reswap"] == "outerHTML"
    html = jawaban.content.decode()
    assert 'id="pesan"' in html and "terlalu besar" in html and "<html" not in html
