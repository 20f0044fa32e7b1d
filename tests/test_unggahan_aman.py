"""Uploads are checked by parsing: a reply letter must be a real PDF or DOCX, the office's letter
template must fill like a letter, and the WhatsApp templates take only their documented placeholders."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from pypdf import PdfWriter

from layanan.models import BerkasSurat
from pst_frontoffice.models import PengaturanKantor
from pst_frontoffice.unggahan import BATAS_ISI_DOCX, periksa_berkas
from pst_frontoffice.whatsapp import pesan_wa, validasi_template_wa_grup, validasi_template_wa_pengunjung
from tests.conftest import kunci

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def pdf_asli():
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    keluaran = io.BytesIO()
    w.write(keluaran)
    return keluaran.getvalue()


def docx_asli():
    keluaran = io.BytesIO()
    d = Document()
    d.add_paragraph("Nomor: {{nomor_surat}}")
    d.save(keluaran)
    return keluaran.getvalue()


def zip_dengan(bagian, metode=zipfile.ZIP_DEFLATED):
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", metode) as z:
        for nama, isi in bagian.items():
            z.writestr(nama, isi)
    return keluaran.getvalue()


def unggahan(isi, nama):
    return SimpleUploadedFile(nama, isi)


def test_real_pdf_and_docx_are_accepted():
    assert periksa_berkas(unggahan(pdf_asli(), "surat.pdf")) == "pdf"
    assert periksa_berkas(unggahan(docx_asli(), "surat.docx")) == "docx"


@pytest.mark.parametrize(
    "isi",
    [
        b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>",
        b"%PDF-1.7\n" + b"%" * 2000 + b"\n<html><script>alert(1)</script></html>\n%%EOF",
        b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    ],
    ids=["polyglot", "polyglot-html-after-1kb", "no-pages"],
)
def test_a_pdf_header_without_a_pdf_behind_it_is_refused(isi):
    with pytest.raises(ValidationError, match="bukan PDF atau DOCX yang sah"):
        periksa_berkas(unggahan(isi, "surat.pdf"))


def test_a_real_pdf_that_starts_like_a_web_page_is_refused():
    isi = pdf_asli().replace(b"\n", b"\n%<html><script>alert(1)</script>\n", 1)

    with pytest.raises(ValidationError):
        periksa_berkas(unggahan(isi, "surat.pdf"))


@pytest.mark.parametrize(
    "bagian",
    [
        {"word/document.xml": "<html><body><script>alert(1)</script></body></html>"},
        {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<html><body>hai</body></html>"},
        {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": f'<w:document xmlns:w="{W}"><w:body>'},
    ],
    ids=["only-html-document-xml", "html-document-xml", "malformed-xml"],
)
def test_a_zip_without_a_well_formed_word_document_is_refused(bagian):
    with pytest.raises(ValidationError, match="bukan PDF atau DOCX yang sah"):
        periksa_berkas(unggahan(zip_dengan(bagian), "surat.docx"))


def test_a_zip_bomb_is_refused_before_unpacking():
    besar = f'<w:document xmlns:w="{W}"><w:body>'.encode() + b" " * (BATAS_ISI_DOCX + 1) + b"</w:body></w:document>"
    isi = zip_dengan({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": besar})
    assert len(isi) < 200_000  # small on disk, over the limit once unpacked

    with pytest.raises(ValidationError, match="bukan DOCX yang sah"):
        periksa_berkas(unggahan(isi, "surat.docx"), izinkan=("docx",))


def test_a_zip_lying_about_its_unpacked_size_is_refused():
    isi = bytearray(zip_dengan({
        "[Content_Types].xml": CONTENT_TYPES,
        "word/document.xml": f'<w:document xmlns:w="{W}"><w:body>'.encode() + b" " * 500_000 + b"</w:body></w:document>",
    }))
    # Declare 100 bytes for document.xml in both its local header and the central directory.
    awal = 0
    while (awal := isi.find(b"word/document.xml", awal + 1)) != -1:
        for tanda, posisi in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            kepala = isi.rfind(tanda, 0, awal)
            if kepala != -1 and awal - kepala in (30, 46):
                isi[kepala + posisi:kepala + posisi + 4] = (100).to_bytes(4, "little")

    with pytest.raises(ValidationError):
        periksa_berkas(unggahan(bytes(isi), "surat.docx"))


@pytest.mark.django_db
def test_reply_letter_upload_refuses_the_polyglot_with_a_message(masuk, petugas, buat_layanan):
    layanan = buat_layanan("permintaan-data", oleh=petugas)
    polyglot = unggahan(b"%PDF-1.4\n<html><script>alert(1)</script></html>", "surat.pdf")

    r = masuk(petugas).post(reverse("layanan:unggah_berkas", args=[layanan.pk]), {**kunci("berkas_surat"), "berkas": polyglot}, follow=True)

    assert r.status_code == 400  # the page comes back with the error beside the upload field
    assert "bukan PDF atau DOCX yang sah" in r.content.decode()
    assert not BerkasSurat.objects.filter(layanan=layanan).exists()


@pytest.mark.django_db
def test_a_thousand_character_file_name_gets_an_indonesian_message(masuk, petugas, buat_layanan, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    layanan = buat_layanan("permintaan-data", oleh=petugas)
    berkas = unggahan(pdf_asli(), "a" * 996 + ".pdf")

    r = masuk(petugas).post(reverse("layanan:unggah_berkas", args=[layanan.pk]), {**kunci("berkas_surat"), "berkas": berkas}, follow=True)

    assert r.status_code == 200
    html = r.content.decode()
    assert "Bad Request" not in html
    disimpan = BerkasSurat.objects.get(layanan=layanan)
    assert disimpan.nama_asli.endswith(".pdf") and len(disimpan.nama_asli) <= 255
    assert f"Berkas {disimpan.nama_asli} tersimpan." in html


@pytest.mark.django_db
def test_a_thousand_character_template_name_is_accepted_in_the_settings_form(client, admin_user, kantor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(admin_user)
    url = reverse("admin:pst_frontoffice_pengaturankantor_change", args=[kantor.pk])
    form = client.get(url).context["adminform"].form
    isian = {k: v for k, v in form.initial.items() if v is not None and k != "template_surat_balasan"}
    isian["template_surat_balasan"] = SimpleUploadedFile("t" * 995 + ".docx", docx_asli())

    r = client.post(url, isian)

    assert r.status_code == 302, r.content.decode()[:2000]
    assert PengaturanKantor.objects.get(pk=kantor.pk).template_surat_balasan.name.startswith("template-surat/")


# The office's .docx letter template.


@pytest.mark.django_db
def test_a_template_with_malformed_xml_is_refused_on_upload(kantor):
    rusak = zip_dengan({
        "[Content_Types].xml": CONTENT_TYPES,
        "word/document.xml": f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{{{{nomor_surat}}}}</w:t></w:r></w:p></w:body></w:document>',
    })
    kantor.template_surat_balasan = SimpleUploadedFile("template.docx", rusak)

    with pytest.raises(ValidationError) as galat:
        kantor.full_clean()

    assert "Template surat tidak dapat dipakai" in str(galat.value.message_dict["template_surat_balasan"])


@pytest.mark.django_db
def test_a_real_template_is_accepted_on_upload(kantor):
    kantor.template_surat_balasan = SimpleUploadedFile("template.docx", docx_asli())

    kantor.full_clean()


@pytest.mark.django_db
def test_a_broken_stored_template_falls_back_to_the_built_in_one_and_says_so(
    masuk, petugas, buat_layanan, kantor, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    # Stored before the upload check existed (or damaged on disk since): well-formed zip, bad XML.
    kantor.template_surat_balasan.save("lama.docx", ContentFile(zip_dengan({
        "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<w:document><w:body>",
    })))
    layanan = buat_layanan("permintaan-data", oleh=petugas)
    client = masuk(petugas)

    draf = client.get(reverse("layanan:draf_surat", args=[layanan.pk]))

    assert draf.status_code == 200
    teks = "\n".join(p.text for p in Document(io.BytesIO(b"".join(draf.streaming_content))).paragraphs)
    assert "BADAN PUSAT STATISTIK" in teks and PengaturanKantor.get().nama_kantor in teks
    halaman = client.get(reverse("layanan:detail", args=[layanan.pk])).content.decode()
    assert "dibuat dengan template bawaan" in halaman


@pytest.mark.django_db
def test_settings_form_refuses_a_broken_template(client, admin_user, kantor):
    client.force_login(admin_user)
    url = reverse("admin:pst_frontoffice_pengaturankantor_change", args=[kantor.pk])
    halaman = client.get(url)
    form = halaman.context["adminform"].form
    isian = {k: v for k, v in form.initial.items() if v is not None and k != "template_surat_balasan"}
    isian["template_surat_balasan"] = SimpleUploadedFile("t.docx", zip_dengan({"word/document.xml": "<html/>"}))

    r = client.post(url, isian)

    assert r.status_code == 200
    assert "bukan DOCX yang sah" in r.content.decode()


# WhatsApp templates.


@pytest.mark.parametrize(
    "template",
    ["Halo {nama.__class__}", "Halo {nama[0]}", "Halo {nama:>3000}", "Halo {nama!r}", "Halo {0}", "Halo {}",
     "Halo {rahasia}", "Halo {nama", "Halo nama}"],
)
def test_wa_template_refuses_anything_but_documented_placeholders(template):
    with pytest.raises(ValidationError):
        validasi_template_wa_grup(template)
    with pytest.raises(ValidationError):
        validasi_template_wa_pengunjung(template)


def test_wa_template_accepts_documented_placeholders_and_literal_braces():
    validasi_template_wa_grup("Halo {nama} dari {instansi}: {tautan} {{bukan isian}}")
    validasi_template_wa_pengunjung("Yth. {nama}, status {status}, surat {nomor_surat}")


def test_wa_message_fills_only_plain_names_at_render_time():
    teks = pesan_wa("{nama} {nama.__class__} {nama:>3000} {nama[0]} {lain} {{x}} {", nama="Ani")

    assert teks == "Ani {nama.__class__} {nama:>3000} {nama[0]} {lain} {x} {"


def test_empty_wa_template_uses_the_built_in_wording():
    assert pesan_wa("", cadangan="Halo {nama}", nama="Ani") == "Halo Ani"


@pytest.mark.django_db
def test_settings_form_refuses_attribute_access_in_a_wa_template(client, admin_user, kantor):
    client.force_login(admin_user)
    url = reverse("admin:pst_frontoffice_pengaturankantor_change", args=[kantor.pk])
    form = client.get(url).context["adminform"].form
    isian = {k: v for k, v in form.initial.items() if v is not None and k != "template_surat_balasan"}
    isian["template_wa_grup"] = "Halo {nama.__class__}"

    r = client.post(url, isian)

    assert r.status_code == 200
    assert "Isian tidak dikenal: {nama.__class__}" in r.content.decode()
    assert PengaturanKantor.objects.get(pk=kantor.pk).template_wa_grup != "Halo {nama.__class__}"
