"""Forms of the queue: a number taken at the kiosk or the desk, and an appointment."""

from django import forms
from django.core.exceptions import ValidationError

from pst_frontoffice.forms import FieldTanggalJam, FormIndonesia
from pst_frontoffice.widgets import IsianTanggalJam
from pst_frontoffice.whatsapp import normalisasi_no_hp

from ..antrian import cek_janji
from ..models import JenisLayanan
from .kunjungan import bersihkan_nama


def jenis_untuk_antrian():
    """Kinds of service a visitor can queue for: active and with a prefix."""
    return JenisLayanan.objects.filter(aktif=True).exclude(prefix_antrian="")


class AmbilNomorForm(forms.Form):
    """One press on a kiosk (or desk) button: the kind of service."""

    jenis_layanan = forms.ModelChoiceField(
        queryset=jenis_untuk_antrian(),
        error_messages={"required": "Pilih jenis layanan.", "invalid_choice": "Jenis layanan tidak tersedia."},
    )


class JanjiTemuForm(FormIndonesia):
    """An appointment outside service hours, made on the kiosk or by an officer at the desk."""

    nama = forms.CharField(label="Nama", max_length=150)
    no_hp = forms.CharField(
        label="No. HP / WhatsApp", max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel", "placeholder": "0812…", "autocomplete": "tel"}),
    )
    jenis_layanan = forms.ModelChoiceField(
        label="Jenis Layanan", queryset=jenis_untuk_antrian(), empty_label="— pilih jenis layanan —",
    )
    waktu = FieldTanggalJam(
        label="Waktu Janji",
        widget=IsianTanggalJam(attrs={"data-menit-langkah": 15}),  # the calendar offers quarter hours
        error_messages={"invalid": "Tulis tanggal dan jam janji, misalnya 23/11/2026 16.30."},
        help_text="Di luar jam layanan: paling lambat 1 jam sebelumnya untuk hari ini, 1 hari sebelumnya untuk hari lain.",
    )
    keperluan = forms.CharField(label="Keperluan", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_nama(self):
        return bersihkan_nama(self.cleaned_data["nama"])

    def clean_no_hp(self):
        no_hp = normalisasi_no_hp(self.cleaned_data["no_hp"])
        if not no_hp:
            raise ValidationError("No. HP wajib diisi agar petugas dapat menghubungi Anda.")
        return no_hp

    def clean_waktu(self):
        waktu = self.cleaned_data["waktu"]
        cek_janji(waktu)
        return waktu
