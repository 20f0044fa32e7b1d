import datetime

from django import forms

from pst_frontoffice.forms import FormIndonesia
from pst_frontoffice.kalender import hari_ini

from .periode import JENIS_PERIODE, Periode


class PeriodeForm(FormIndonesia):
    periode = forms.ChoiceField(label="Periode", choices=list(JENIS_PERIODE.items()), initial="minggu", required=False)
    tanggal = forms.DateField(label="Tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    dari = forms.DateField(label="Dari", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sampai = forms.DateField(label="Sampai", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    # Five years at most in one report: enough for any evaluation, bounded for the server.
    RENTANG_MAKS = datetime.timedelta(days=366 * 5)

    def clean(self):
        data = super().clean()
        if data.get("periode") == "rentang":
            if not data.get("dari") or not data.get("sampai"):
                raise forms.ValidationError("Isi tanggal awal dan akhir untuk rentang tanggal.")
            if data["dari"] > data["sampai"]:
                self.add_error("sampai", "Tanggal akhir harus sesudah tanggal awal.")
            elif data["sampai"] - data["dari"] > self.RENTANG_MAKS:
                self.add_error("sampai", "Rentang paling panjang 5 tahun.")
        return data

    def periode_terpilih(self):
        """The chosen period, or the default one (Periode.bawaan) when the input is missing or invalid."""
        if not self.is_bound or not self.is_valid():
            return Periode.bawaan(hari_ini())
        data = self.cleaned_data
        jenis = data.get("periode") or "minggu"
        if jenis == "rentang":
            return Periode("rentang", data["dari"], data["sampai"])
        return Periode.dari(jenis, data.get("tanggal") or hari_ini())
