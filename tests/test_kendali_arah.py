"""Right-to-left and other bidi control characters never reach a name or a file name.

U+202E (right-to-left override) makes "Budi<RLO>gnp.exe" display as "Budiexe.png": a file the
officer opens, or a visitor name, can pretend to be something else. The shared forms drop these
characters from every text they take (passwords aside), the Admin's forms too, and upload names go
through the same helper.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bukutamu.models import PendaftaranMandiri
from layanan.models import BerkasSurat
from pst_frontoffice.berkas import nama_unik
from pst_frontoffice.forms import FormIndonesia
from pst_frontoffice.teks import KENDALI_ARAH, buang_kendali_arah
from tests.berkas_uji import PDF
from tests.conftest import kunci

RLO, PDF_ARAH = "\u202e", "\u202c"


def test_the_helper_removes_every_bidi_control_and_nothing_else():
    teks = "".join(f"a{c}" for c in KENDALI_ARAH) + "Nur ʿAin — Ñ 🙂"

    assert buang_kendali_arah(teks) == "a" * len(KENDALI_ARAH) + "Nur ʿAin — Ñ 🙂"
    assert len(KENDALI_ARAH) == 12  # ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI
    assert buang_kendali_arah(None) is None and buang_kendali_arah(5) == 5


class _Isian(FormIndonesia):
    nama = forms.CharField(max_length=11)
    catatan = forms.CharField(widget=forms.Textarea, required=False)
    email = forms.EmailField(required=False)
    sandi = forms.CharField(widget=forms.PasswordInput, required=False)


def test_shared_forms_drop_bidi_controls_from_text_but_not_from_passwords():
    form = _Isian({"nama": f"Budi{RLO}gnp.exe", "catatan": f"lihat {RLO}fdp.exe{PDF_ARAH}",
                   "email": f"a{RLO}@example.com", "sandi": f"x{RLO}y"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["nama"] == "Budignp.exe"  # 12 characters with the RLO: within max_length without it
    assert form.cleaned_data["catatan"] == "lihat fdp.exe"
    assert form.cleaned_data["email"] == "a@example.com"
    assert form.cleaned_data["sandi"] == f"x{RLO}y"


def test_shared_forms_drop_bidi_controls_from_an_uploaded_files_name():
    class _Unggah(FormIndonesia):
        berkas = forms.FileField()

    form = _Unggah({}, {"berkas": SimpleUploadedFile(f"surat{RLO}fdp.exe", b"isi")})

    assert form.is_valid()
    assert form.cleaned_data["berkas"].name == "suratfdp.exe"


def test_the_stored_name_of_an_upload_never_holds_a_bidi_control():
    assert RLO not in nama_unik("surat", f"tagihan{RLO}fdp.exe")


@pytest.mark.django_db
def test_a_signed_letter_keeps_its_name_without_the_override(masuk, petugas, buat_layanan, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    permintaan = buat_layanan("permintaan-data")

    masuk(petugas).post(reverse("layanan:unggah_berkas", args=[permintaan.pk]),
                        {**kunci("berkas_surat"), "berkas": SimpleUploadedFile(f"balasan{RLO}fdp.pdf", PDF)})

    assert BerkasSurat.objects.get().nama_asli == "balasanfdp.pdf"


@pytest.mark.django_db
def test_a_self_registered_visitor_name_is_stored_without_the_override(client, time_machine, kantor, jenis):
    cache.clear()
    time_machine.move_to(datetime.datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Makassar")), tick=False)

    client.post(reverse("bukutamu:daftar"), {
        "nama": f"Siti{RLO}kaeP", "instansi": f"Univ{RLO}ersitas", "jenis_instansi": "pendidikan",
        "no_hp": "0812 3456 7890", "email": "", "jenis_layanan": [jenis["konsultasi"].pk],
        "nomor_surat_permintaan": "", "keperluan": "Data", "sarana": "langsung", "setuju": "on", "situs_web": "",
        **kunci("daftar_mandiri"),
    })
    cache.clear()

    pendaftaran = PendaftaranMandiri.objects.get()
    assert (pendaftaran.nama, pendaftaran.instansi) == ("SitikaeP", "Universitas")


# --- The Admin's forms (pst_frontoffice.admin_situs) ----------------------------------------------

def _permintaan_admin(admin_user):
    from django.test import RequestFactory

    permintaan = RequestFactory().get("/")
    permintaan.user = admin_user
    return permintaan


@pytest.mark.django_db
def test_admin_change_form_drops_bidi_controls_from_what_the_admin_types(masuk, admin_user):
    from layanan.models import Tag

    client = masuk(admin_user)
    jawaban = client.post(reverse("admin:layanan_tag_add"), {"nama": f"sensus{RLO}gnp.exe{PDF_ARAH}"})

    assert jawaban.status_code == 302, jawaban.content.decode()[:500]
    assert Tag.objects.get().nama == "sensusgnp.exe"


@pytest.mark.django_db
def test_admin_list_editable_cells_drop_bidi_controls(admin_user):
    from django.contrib import admin

    from layanan.models import KlasifikasiSurat

    baris = KlasifikasiSurat.objects.first()
    form = admin.site._registry[KlasifikasiSurat].get_changelist_form(_permintaan_admin(admin_user))
    isian = form({"jenis_instansi": baris.jenis_instansi, "kode": f"PPS.{RLO}330"}, instance=baris)

    assert isian.is_valid(), isian.errors
    assert isian.cleaned_data["kode"] == "PPS.330"


@pytest.mark.django_db
def test_admin_inline_forms_drop_bidi_controls(admin_user):
    """No inline of the app is editable today; one that becomes so gets the same cleaning."""
    from django.contrib import admin

    from layanan.models import Pengaduan, TindakLanjutPengaduan
    from pst_frontoffice.admin_situs import SitusAdmin

    class TindakLanjutInline(admin.TabularInline):
        model = TindakLanjutPengaduan
        fields = ("catatan",)

    class PengaduanAdmin(admin.ModelAdmin):
        inlines = [TindakLanjutInline]

    situs = SitusAdmin(name="uji-kendali-arah")
    situs.register(Pengaduan, PengaduanAdmin)
    permintaan = _permintaan_admin(admin_user)
    [inline] = situs._registry[Pengaduan].get_inline_instances(permintaan)
    form = inline.get_formset(permintaan).form()

    assert form.fields["catatan"].clean(f"dijawab{RLO} lewat WA") == "dijawab lewat WA"
