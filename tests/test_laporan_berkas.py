"""The report files read on their own: Word on A4, the IKM with two decimals and its NRR per element,
the sample stated in words, and every sheet printing one page wide."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from docx import Document
from docx.shared import Cm
from openpyxl import load_workbook

from laporan.periode import Periode
from rating.models import Penilaian

WITA = ZoneInfo("Asia/Makassar")
SENIN = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=WITA)
MINGGU = Periode.dari("minggu", SENIN.date())


@pytest.fixture
def ikm_88_38(buat_layanan, kantor):
    """11 ratings with 53 answers of 4 and 46 of 3: IKM 88,38 (grade A; with a 0,111 weight it would be 88,30, B)."""
    kantor.zona_waktu = "Asia/Makassar"
    kantor.nama_kantor = "BPS Kabupaten Tanah Bumbu"
    kantor.save()
    sisa_empat = 53
    for _ in range(11):
        layanan = buat_layanan("konsultasi", waktu=SENIN)
        jawaban = {}
        for n in range(1, 10):
            jawaban[f"u{n}"] = 4 if sisa_empat > 0 else 3
            sisa_empat -= 1
        Penilaian.objects.create(layanan=layanan, diisi_pada=SENIN + datetime.timedelta(hours=1), **jawaban)


def _xlsx(response):
    isi = b"".join(response.streaming_content) if response.streaming else response.content
    return load_workbook(io.BytesIO(isi))


def _docx(response):
    return Document(io.BytesIO(b"".join(response.streaming_content)))


@pytest.mark.django_db
def test_word_report_is_on_a4(ikm_88_38, masuk, pimpinan):
    doc = _docx(masuk(pimpinan).get(reverse("laporan:unduh_docx"), MINGGU.query()))

    bagian = doc.sections[0]
    assert abs(bagian.page_width - Cm(21)) < Cm(0.01) and abs(bagian.page_height - Cm(29.7)) < Cm(0.01)


@pytest.mark.django_db
def test_ikm_has_two_decimals_and_nrr_per_element_in_both_files(ikm_88_38, masuk, pimpinan, unduh_lewat_worker):
    client = masuk(pimpinan)
    assert str(client.get(reverse("laporan:index"), MINGGU.query()).context["kepuasan"]["keseluruhan"].ikm) == "88.38"

    doc = _docx(client.get(reverse("laporan:unduh_docx"), MINGGU.query()))
    tabel = {t.rows[0].cells[0].text: t for t in doc.tables}
    ikm = {r.cells[0].text: [c.text for c in r.cells] for r in tabel["Kelompok"].rows}
    assert ikm["Keseluruhan"][1:] == ["11", "88,38", "A (Sangat Baik)"]
    nrr = {r.cells[0].text: [c.text for c in r.cells] for r in tabel["Unsur"].rows}
    # U1: 6 of 11 answered 4 → 39/11; U9: 5 of 11 → 38/11.
    assert nrr["U1 Persyaratan"][1:] == ["3,545", "1/9", "0,3939"]
    assert nrr["U9 Sarana dan Prasarana"][1] == "3,455"
    assert nrr["IKM = (Σ NRR × 1/9) × 25"][3] == "88,38"

    wb = _xlsx(unduh_lewat_worker(client, "laporan_xlsx", MINGGU.query()))
    baris = {r[0].value: r for r in wb["Kepuasan (IKM)"].iter_rows(min_row=4) if r[0].value}
    assert baris["Keseluruhan"][2].value == pytest.approx(88.38) and baris["Keseluruhan"][2].number_format == "0.00"
    unsur = {r[0].value: r for r in wb["NRR per Unsur"].iter_rows(min_row=4) if r[0].value}
    assert unsur["U1 Persyaratan"][1].value == pytest.approx(3.545) and unsur["U1 Persyaratan"][1].number_format == "0.000"
    assert unsur["IKM = (Σ NRR × 1/9) × 25"][3].number_format == "0.00"


@pytest.mark.django_db
def test_files_say_when_respondents_are_below_the_minimum_sample(ikm_88_38, buat_layanan, masuk, pimpinan, unduh_lewat_worker):
    for _ in range(29):
        buat_layanan("perpustakaan", waktu=SENIN)  # 40 services: the table asks 36 respondents
    client = masuk(pimpinan)
    kalimat = "Responden belum mencukupi: 11 responden, sedangkan sampel minimum untuk 40 layanan pada periode ini adalah 36"

    html = client.get(reverse("laporan:index"), MINGGU.query()).content.decode()
    doc = _docx(client.get(reverse("laporan:unduh_docx"), MINGGU.query()))
    wb = _xlsx(unduh_lewat_worker(client, "laporan_xlsx", MINGGU.query()))
    ikm = _xlsx(client.get(reverse("rating:unduh_ikm"), {"dari": "2026-11-02", "sampai": "2026-11-08"}))

    assert kalimat in html
    assert any(p.text.startswith(kalimat) for p in doc.paragraphs)
    isi_sheet = [c for r in wb["Kepuasan (IKM)"].iter_rows(values_only=True) for c in r if c]
    assert any(str(c).startswith(kalimat) for c in isi_sheet)
    assert any(str(c).startswith(kalimat) for r in ikm.active.iter_rows(values_only=True) for c in r if c)
    # The minimum is a sentence, never a number in the Responden column.
    for lembar in (wb["Kepuasan (IKM)"], ikm.active):
        assert not any("Sampel minimum" in str(r[0] or "") for r in lembar.iter_rows(values_only=True))
    assert not any("Sampel minimum" in r.cells[0].text for t in doc.tables for r in t.rows)


@pytest.mark.django_db
def test_ikm_excel_names_the_office_period_and_each_column(ikm_88_38, masuk, pimpinan):
    wb = _xlsx(masuk(pimpinan).get(reverse("rating:unduh_ikm"), {"dari": "2026-11-01", "sampai": "2026-11-30"}))
    ws = wb.active
    teks = [str(c) for r in ws.iter_rows(values_only=True) for c in r if c is not None]

    assert ws["A1"].value == "Indeks Kepuasan Masyarakat (IKM) — BPS Kabupaten Tanah Bumbu"
    assert ws["A2"].value.startswith("Periode 1 November 2026 sampai 30 November 2026")
    assert "Responden memenuhi sampel minimum 11 untuk 11 layanan" in ws["A3"].value
    kepala = next(r for r in ws.iter_rows() if r[0].value == "Bagian")
    assert [c.value for c in kepala][:4] == ["Bagian", "Kelompok", "Responden", "U1 Persyaratan"]
    keseluruhan = next(r for r in ws.iter_rows() if r[0].value == "Keseluruhan")
    assert keseluruhan[12].value == pytest.approx(88.38) and keseluruhan[12].number_format == "0.00"
    assert keseluruhan[3].number_format == "0.000"
    assert "Keterangan kolom" in teks
    for kolom in ("Responden", "U1 … U9", "IKM", "Mutu", "%"):
        assert kolom in teks


def _cetak_satu_halaman_lebar(ws):
    ps = ws.page_setup
    return ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth == 1 and ps.fitToHeight == 0 and str(ps.paperSize) == "9"


@pytest.mark.django_db
def test_every_sheet_prints_one_page_wide_on_a4(ikm_88_38, masuk, pimpinan, unduh_lewat_worker):
    client = masuk(pimpinan)
    laporan = _xlsx(unduh_lewat_worker(client, "laporan_xlsx", MINGGU.query()))
    ikm = _xlsx(client.get(reverse("rating:unduh_ikm"), {"dari": "2026-11-02", "sampai": "2026-11-08"}))
    silastik = _xlsx(unduh_lewat_worker(client, "silastik_xlsx", MINGGU.query()))

    lembar = [*laporan.worksheets, *ikm.worksheets, *silastik.worksheets]
    assert [ws.title for ws in lembar if not _cetak_satu_halaman_lebar(ws)] == []
    assert laporan["Data Layanan"].page_setup.orientation == "landscape"
    assert laporan["Ringkasan"].page_setup.orientation == "landscape"
    assert laporan["Per Sarana"].page_setup.orientation == "portrait"
    assert ikm.active.page_setup.orientation == "landscape"
    assert laporan["Data Layanan"].print_title_rows == "$1:$1"
