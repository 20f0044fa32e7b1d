"""pst_frontoffice.medan draws the desk's hot forms without crispy: the markup must be crispy's own.

Every form drawn with `|medan` or `|formulir` (the service page's Update, Petugas, Tanggapan,
Catatan Internal and letter forms, the guest book, the reports' period bar and every filter bar of
includes/filter_form.html) is rendered both ways, empty, with kept values (quotes and markup in
them), and with errors, and compared as HTML (attributes in any order, whitespace between tags
ignored: what a browser reads).
"""

import pytest
from bukutamu.bawaan import KODE_KONSULTASI
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django.template import Context, Template
from django.test.html import parse_html

from layanan.forms.catatan import CatatanInternalForm
from layanan.forms.layanan import FilterLayananForm, PetugasForm, TanggapanForm, UpdateStatusForm
from layanan.forms.pengaduan import FilterPengaduanForm
from layanan.forms.permintaan import CariPermintaanForm
from layanan.forms.surat import FilterRegisterForm
from layanan.models import Status
from pesan.forms.outbox import FilterOutboxForm
from pst_frontoffice.medan import formulir, medan
from rating.forms import PeriodeForm

LIAR = "<script>alert('x')</script> \"kutip\" & 'satu'"
FORM_FILTER = (FilterLayananForm, FilterPengaduanForm, CariPermintaanForm, FilterRegisterForm, FilterOutboxForm, PeriodeForm)


def sama_dengan_crispy(form):
    for bf in form:
        assert parse_html(str(medan(bf))) == parse_html(str(as_crispy_field(bf))), bf.name
        # And as a template draws it: markup, not text (the letter panel's e-mail checkbox showed as escaped HTML).
        digambar = Template("{% load pst %}{{ bf|medan }}").render(Context({"bf": bf}))
        assert parse_html(digambar) == parse_html(str(as_crispy_field(bf))), bf.name


def sama_form_dengan_crispy(form):
    assert parse_html(str(formulir(form))) == parse_html(str(as_crispy_form(form))), type(form).__name__
    digambar = Template("{% load pst %}{{ form|formulir }}").render(Context({"form": form}))
    assert parse_html(digambar) == parse_html(str(as_crispy_form(form))), type(form).__name__


@pytest.mark.parametrize("kelas", FORM_FILTER, ids=lambda k: k.__name__)
def test_medan_filter_form_kosong_sama_dengan_crispy(db, kelas, petugas, jenis):
    sama_dengan_crispy(kelas())


@pytest.mark.parametrize("kelas", FORM_FILTER, ids=lambda k: k.__name__)
def test_medan_filter_form_isian_liar_dan_galat_sama_dengan_crispy(db, kelas, petugas, jenis):
    """Every field typed with markup and quotes (kept, escaped) and with values that fail validation."""
    data = {nama: LIAR for nama in kelas.base_fields}
    form = kelas(data)
    assert not form.is_valid()
    sama_dengan_crispy(form)
    assert "<script>" not in "".join(str(medan(bf)) for bf in form)


def test_medan_filter_form_pilihan_sah_sama_dengan_crispy(db, petugas, jenis):
    form = FilterLayananForm({"q": LIAR, "status": "terbuka", "petugas": str(petugas.pk), "jenis": str(jenis[KODE_KONSULTASI].pk)})
    assert form.is_valid()
    sama_dengan_crispy(form)
    assert f'value="{petugas.pk}" selected' in str(medan(form["petugas"]))


def test_medan_form_layanan_sama_dengan_crispy(db, buat_layanan, petugas, petugas2):
    layanan = buat_layanan()
    for form in (
        UpdateStatusForm(layanan=layanan),
        UpdateStatusForm({"status": Status.DIBATALKAN, "catatan": ""}, layanan=layanan),
        UpdateStatusForm({"status": "tidak-ada", "catatan": LIAR}, layanan=layanan),
        PetugasForm(initial={"petugas": petugas.pk, "pendamping": [petugas2.pk]}),
        PetugasForm({"petugas": "", "pendamping": [str(petugas2.pk)]}),
        PetugasForm({"petugas": "999999", "pendamping": ["999999"]}),
        TanggapanForm(),
        TanggapanForm({"tanggapan": LIAR * 200}),
        CatatanInternalForm(),
        CatatanInternalForm({"isi": ""}),
        CatatanInternalForm({"isi": LIAR}),
    ):
        form.is_bound and form.is_valid()
        sama_form_dengan_crispy(form)
        keluaran = str(formulir(form))
        assert "<script>" not in keluaran


def test_medan_form_galat_menampilkan_label_wajib_dan_aria(db, buat_layanan):
    """What an officer (and a screen reader) reads on a refused Petugas form: the label with its
    required star, the error tied to the field, and nothing of what was typed run as markup."""
    form = PetugasForm({"petugas": ""})
    assert not form.is_valid()
    html = str(formulir(form))
    assert 'class="form-label requiredField"' in html and '<span class="asteriskField">*</span>' in html
    assert "Pilih petugas penanggung jawab." in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_petugas_error"' in html
    assert "form-select is-invalid" in html


def test_medan_form_surat_periode_dan_buku_tamu_sama_dengan_crispy(db):
    """The service page's letter panel, the report pages' period bar and the guest book: drawn with `|medan`."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bukutamu.forms.kunjungan import BukuTamuForm
    from laporan.forms import PeriodeForm as PeriodeLaporanForm
    from layanan.forms.surat import NomorSuratForm, UnggahBerkasForm

    for form in (
        NomorSuratForm(initial={"tujuan": LIAR, "perihal": "Permintaan data"}),
        NomorSuratForm({"klasifikasi": "tidak-ada", "tujuan": LIAR, "perihal": ""}),
        UnggahBerkasForm(),
        UnggahBerkasForm({"kirim_email": "on"}, {"berkas": SimpleUploadedFile("surat.exe", b"MZ")}),
        PeriodeLaporanForm(),
        PeriodeLaporanForm({"periode": "rentang", "dari": "2026-12-31", "sampai": "2026-01-01"}),
        PeriodeLaporanForm({"periode": "tidak-ada", "tanggal": LIAR, "dari": LIAR, "sampai": ""}),
        BukuTamuForm(initial={"jenis_instansi": "pemerintah"}),
        BukuTamuForm({"nama": "", "instansi": LIAR, "jenis_instansi": "tidak-ada", "keperluan": LIAR,
                      "nomor_surat_permintaan": LIAR, "kanal_online": "tidak-ada"}),
    ):
        form.is_bound and form.is_valid()
        sama_dengan_crispy(form)
        assert "<script>" not in "".join(str(medan(bf)) for bf in form)
