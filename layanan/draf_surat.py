"""The .docx reply letter: the office's uploaded template (or the built-in one) with its
{{placeholders}} filled in. The placeholders are listed in docs/surat.md."""

import io
import logging
import re

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from pst_frontoffice.dokumen import isi_template as isi_dokumen
from pst_frontoffice.dokumen import simpan_docx

from .surat import tanggal_indonesia

logger = logging.getLogger(__name__)

KOSONG = "……"

# name → what it is; the table in docs/surat.md is written from this list.
PLACEHOLDER = {
    "kantor": "nama kantor",
    "alamat_kantor": "alamat kantor",
    "telepon_kantor": "telepon kantor",
    "email_kantor": "e-mail kantor",
    "situs_kantor": "situs web kantor",
    "nomor_surat": "nomor surat balasan",
    "kota": "kota pada tanggal surat",
    "tanggal_surat": "tanggal surat, mis. 22 November 2026",
    "tujuan": "tujuan surat (Yth.)",
    "instansi": "instansi pengunjung",
    "nama_pengunjung": "nama pengunjung",
    "perihal": "perihal surat",
    "nomor_surat_permintaan": "nomor surat permintaan",
    "tanggal_surat_permintaan": "tanggal surat permintaan",
    "daftar_data": "daftar data yang diminta, bernomor, satu baris per item",
    "format_data": "format data",
    "cara_penyampaian": "cara penyampaian",
    "penandatangan_jabatan": "jabatan penanda tangan",
    "penandatangan_nama": "nama penanda tangan",
    "petugas": "petugas yang menangani",
}
POLA = re.compile(r"\{\{\s*(" + "|".join(PLACEHOLDER) + r")\s*\}\}")


def data_surat(layanan, *, kantor, permintaan=None, nomor=None):
    """The values of the placeholders for one data-request service."""
    kunjungan = layanan.kunjungan
    item = list(permintaan.item.all()) if permintaan else []
    daftar = "\n".join(f"{i}. {x.uraian}" for i, x in enumerate(item, 1)) or kunjungan.keperluan
    tanggal_permintaan = permintaan.tanggal_surat_permintaan if permintaan else None
    nomor_permintaan = (permintaan.nomor_surat_permintaan if permintaan else "") or kunjungan.nomor_surat_permintaan
    instansi = kunjungan.instansi
    return {
        "kantor": kantor.nama_kantor,
        "alamat_kantor": kantor.alamat,
        "telepon_kantor": kantor.telepon or KOSONG,
        "email_kantor": kantor.email or KOSONG,
        "situs_kantor": kantor.situs or KOSONG,
        "nomor_surat": nomor.nomor if nomor else KOSONG,
        "kota": kantor.kota_surat or KOSONG,
        "tanggal_surat": tanggal_indonesia(nomor.tanggal) if nomor else KOSONG,
        "tujuan": nomor.tujuan if nomor else kunjungan.nama,
        "instansi": instansi or KOSONG,
        "nama_pengunjung": kunjungan.nama,
        "perihal": nomor.perihal if nomor else "Penyampaian Data",
        "nomor_surat_permintaan": nomor_permintaan or KOSONG,
        "tanggal_surat_permintaan": tanggal_indonesia(tanggal_permintaan) or KOSONG,
        "daftar_data": daftar,
        "format_data": (permintaan.get_format_data_display() if permintaan else "") or KOSONG,
        "cara_penyampaian": (permintaan.get_cara_penyampaian_display() if permintaan else "") or KOSONG,
        "penandatangan_jabatan": kantor.penandatangan_jabatan or KOSONG,
        "penandatangan_nama": kantor.penandatangan_nama or KOSONG,
        "petugas": layanan.petugas.nama,
    }


def isi_template(dokumen, data):
    return isi_dokumen(dokumen, data, POLA)


def template_bawaan():
    """The built-in reply-letter template, written with placeholders (Admins may start from it)."""
    d = Document()
    for bagian in d.sections:
        bagian.top_margin = bagian.bottom_margin = Cm(2)
        bagian.left_margin, bagian.right_margin = Cm(2.5), Cm(2)
    gaya = d.styles["Normal"]
    gaya.font.name = "Arial"
    gaya.font.size = Pt(11)
    gaya.paragraph_format.space_after = Pt(2)

    def p(teks="", *, tebal=False, rata=None, ukuran=None):
        par = d.add_paragraph()
        run = par.add_run(teks)
        run.bold = tebal
        if ukuran:
            run.font.size = Pt(ukuran)
        if rata:
            par.alignment = rata
        return par

    tengah, kanan = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    p("BADAN PUSAT STATISTIK", tebal=True, rata=tengah, ukuran=14)
    p("{{kantor}}", tebal=True, rata=tengah, ukuran=12)
    p("{{alamat_kantor}}", rata=tengah, ukuran=9)
    p("Telp. {{telepon_kantor}} · E-mail: {{email_kantor}} · {{situs_kantor}}", rata=tengah, ukuran=9)
    p("_" * 78, rata=tengah, ukuran=8)
    p("{{kota}}, {{tanggal_surat}}", rata=kanan)
    for label, isi in (("Nomor", "{{nomor_surat}}"), ("Lampiran", "1 (satu) berkas"), ("Hal", "{{perihal}}")):
        par = p(f"{label}\t: {isi}")
        par.paragraph_format.tab_stops.add_tab_stop(Cm(2.5))
    p()
    p("Yth. {{tujuan}}")
    p("{{instansi}}")
    p("di tempat")
    p()
    p(
        "Menindaklanjuti surat Saudara nomor {{nomor_surat_permintaan}} tanggal {{tanggal_surat_permintaan}} "
        "perihal permintaan data, bersama ini kami sampaikan data sebagai berikut:"
    ).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p("{{daftar_data}}").paragraph_format.left_indent = Cm(0.75)
    p()
    p(
        "Data disampaikan dalam format {{format_data}} melalui {{cara_penyampaian}}. Atas perhatian dan "
        "kerja sama Saudara, kami ucapkan terima kasih."
    ).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p()
    for teks in ("{{penandatangan_jabatan}},", "", "", "", "{{penandatangan_nama}}"):
        par = p(teks, tebal=teks.startswith("{{penandatangan_nama"))
        par.paragraph_format.left_indent = Cm(9)
    return d


PESAN_TEMPLATE_RUSAK = (
    "Template surat kantor tidak dapat dipakai, jadi draf ini dibuat dengan template bawaan. "
    "Minta Admin mengunggah ulang template .docx di Pengaturan Kantor."
)


def buat_draf(layanan, *, kantor, permintaan=None, nomor=None):
    """(the filled reply letter as a BytesIO holding a .docx, a note for the officer or None).

    A missing or broken office template never stops the officer: the letter falls back to the
    built-in template and the note says so.
    """
    data = data_surat(layanan, kantor=kantor, permintaan=permintaan, nomor=nomor)
    if kantor.template_surat_balasan:
        try:
            with kantor.template_surat_balasan.open("rb") as f:
                dokumen = Document(io.BytesIO(f.read()))
            return simpan_docx(isi_template(dokumen, data)), None
        except Exception:  # noqa: BLE001 (python-docx and lxml raise many kinds on a broken file)
            logger.warning("Template surat kantor tidak dapat dipakai; memakai template bawaan.", exc_info=True)
            return simpan_docx(isi_template(template_bawaan(), data)), PESAN_TEMPLATE_RUSAK
    return simpan_docx(isi_template(template_bawaan(), data)), None


def buat_draf_surat(layanan, *, kantor, permintaan=None, nomor=None):
    """The filled reply letter as a BytesIO holding a .docx."""
    return buat_draf(layanan, kantor=kantor, permintaan=permintaan, nomor=nomor)[0]


def template_bawaan_docx():
    return simpan_docx(template_bawaan())
