"""The self-registration form on the visitor's phone, and the appointment it offers outside hours."""

from django import forms
from django.core.exceptions import ValidationError

from pst_frontoffice.forms import FormIndonesia

from ..bawaan import KODE_KONSULTASI, KODE_PERMINTAAN_DATA
from ..models import JenisInstansi, JenisLayanan, Sarana
from .antrian import JanjiTemuForm
from .kunjungan import BukuTamuForm

# Someone who cannot come may send these two online; the rest need the desk.
KODE_ONLINE = (KODE_KONSULTASI, KODE_PERMINTAAN_DATA)
MAKS_KEPERLUAN = 1000


def beri_kelas_bootstrap(form):
    """The phone pages render fields without crispy (smaller pages): give each its Bootstrap class."""
    for field in form.fields.values():
        w = field.widget
        if isinstance(w, (forms.CheckboxInput, forms.CheckboxSelectMultiple, forms.RadioSelect)):
            kelas = "form-check-input"
        elif isinstance(w, forms.Select):
            kelas = "form-select"
        else:
            kelas = "form-control"
        w.attrs["class"] = kelas


class PendaftaranMandiriForm(FormIndonesia):
    """The Buku Tamu fields, filled by the visitor; a hidden honeypot field catches bots."""

    nama = forms.CharField(label="Nama", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    instansi = forms.CharField(
        label="Instansi", max_length=200, required=False, widget=forms.TextInput(attrs={"autocomplete": "organization"})
    )
    jenis_instansi = forms.ChoiceField(
        label="Jenis Instansi", choices=JenisInstansi.choices, initial=JenisInstansi.PERORANGAN
    )
    no_hp = forms.CharField(
        label="No. HP", max_length=30, required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "placeholder": "0812…", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label="Email", max_length=254, required=False, error_messages={"invalid": "Alamat email tidak valid."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    jenis_layanan = forms.ModelMultipleChoiceField(
        label="Jenis Pelayanan", queryset=JenisLayanan.objects.filter(aktif=True),
        widget=forms.CheckboxSelectMultiple, error_messages={"required": "Pilih minimal satu Jenis Pelayanan."},
    )
    nomor_surat_permintaan = forms.CharField(
        label="Nomor Surat Permintaan", max_length=100, required=False,
        help_text="Untuk Permintaan Data: nomor surat permintaan Anda, bila ada.",
    )
    keperluan = forms.CharField(
        label="Keperluan", max_length=MAKS_KEPERLUAN, widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAKS_KEPERLUAN}),
        help_text="Data atau bantuan apa yang Anda butuhkan.",
    )
    sarana = forms.ChoiceField(
        label="Sarana Kunjungan", widget=forms.RadioSelect, initial=Sarana.LANGSUNG,
        choices=[(Sarana.LANGSUNG, "Langsung (saya di kantor / akan datang)"),
                 (Sarana.ONLINE, "Online (saya tidak dapat datang)")],
    )
    setuju = forms.BooleanField(
        label="Saya setuju data ini digunakan untuk pelayanan dan laporan statistik pelayanan kantor ini.",
        error_messages={"required": "Centang persetujuan agar pendaftaran dapat diproses."},
    )
    # Honeypot: hidden from people by CSS and from screen readers; a bot fills every field.
    situs_web = forms.CharField(label="Kosongkan isian ini", required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        beri_kelas_bootstrap(self)

    clean_nama = BukuTamuForm.clean_nama
    clean_instansi = BukuTamuForm.clean_instansi
    clean_no_hp = BukuTamuForm.clean_no_hp
    clean_email = BukuTamuForm.clean_email

    @property
    def terisi_bot(self):
        return bool(self.data.get("situs_web"))

    def clean_keperluan(self):
        keperluan = self.cleaned_data["keperluan"].strip()
        if len(keperluan) < 3:
            raise ValidationError("Tuliskan keperluan Anda.")
        return keperluan

    def clean(self):
        data = super().clean()
        if not data.get("no_hp") and not data.get("email") and "no_hp" not in self.errors and "email" not in self.errors:
            self.add_error("no_hp", "Isi No. HP atau Email agar petugas dapat menghubungi Anda.")
        jenis = data.get("jenis_layanan") or []
        if data.get("sarana") == Sarana.ONLINE and any(j.kode not in KODE_ONLINE for j in jenis):
            self.add_error(
                "jenis_layanan", "Secara online hanya Konsultasi dan Permintaan Data yang dapat dikirim; "
                "layanan lain silakan datang ke kantor.",
            )
        if data.get("nomor_surat_permintaan") and not any(j.adalah_permintaan_data for j in jenis):
            data["nomor_surat_permintaan"] = ""
        return data


class JanjiMandiriForm(JanjiTemuForm):
    """The appointment step: only the time and a phone number (the rest came with the registration)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama in ("nama", "jenis_layanan", "keperluan"):
            del self.fields[nama]
        beri_kelas_bootstrap(self)
