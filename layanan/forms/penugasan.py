"""Tugaskan: the services chosen on Semua Layanan and the officer to give them to."""

from django import forms

from pst_frontoffice.forms import FormIndonesia, id_wajar

from ..penugasan import BATAS_SEKALIGUS
from .layanan import petugas_aktif


class TugaskanForm(FormIndonesia):
    layanan = forms.CharField(label="Layanan", required=False)  # read from getlist in clean_layanan
    petugas = forms.ModelChoiceField(label="Tugaskan ke", queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = petugas_aktif()
        self.fields["petugas"].error_messages["required"] = "Pilih petugas yang akan menangani."

    def clean_layanan(self):
        nilai = self.data.getlist("layanan") if hasattr(self.data, "getlist") else []
        if not nilai:
            raise forms.ValidationError("Pilih paling sedikit satu layanan di daftar.")
        if len(nilai) > BATAS_SEKALIGUS or not all(id_wajar(v) for v in nilai):
            raise forms.ValidationError(f"Pilih paling banyak {BATAS_SEKALIGUS} layanan dari daftar.")
        return sorted({int(v) for v in nilai})
