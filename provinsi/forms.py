from django import forms

from pst_frontoffice.forms import FormIndonesia, ModelFormIndonesia

from . import tandatangan
from .models import Kantor


class KunciForm(FormIndonesia):
    """The key the province Admin gave this office."""

    kunci = forms.CharField(
        label="Kunci dari provinsi", max_length=200, strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text="Kode kantor, titik, lalu rahasianya (mis. 6310.Ab3…), diberikan Admin provinsi saat mendaftarkan kantor ini.",
    )

    def clean_kunci(self):
        kunci = self.cleaned_data["kunci"]
        try:
            tandatangan.kode_dari_kunci(kunci)
        except tandatangan.KunciTidakSah as e:
            raise forms.ValidationError(str(e)) from None
        return kunci


class KantorForm(ModelFormIndonesia):
    """Register an office with the province: its code and name."""

    class Meta:
        model = Kantor
        fields = ["kode", "nama"]
