"""The WhatsApp template of one event, and the number its "Kirim uji" goes to."""

from django import forms

from pst_frontoffice.forms import FormIndonesia, ModelFormIndonesia
from pst_frontoffice.whatsapp import normalisasi_no_hp

from ..models import ISIAN_TEMPLAT, KETERANGAN_ISIAN, TemplatWA


class TemplatWAForm(ModelFormIndonesia):
    class Meta:
        model = TemplatWA
        fields = ["nama", "bahasa", "parameter"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tersedia = ISIAN_TEMPLAT.get(self.instance.peristiwa, ())
        self.fields["parameter"].help_text = (
            "Isian untuk {{1}}, {{2}}, … di badan template, berurutan dan dipisah koma. Tersedia: "
            + "; ".join(f"{n} ({KETERANGAN_ISIAN[n]})" for n in tersedia) + "."
        )


class KirimUjiForm(FormIndonesia):
    nomor = forms.CharField(label="No. HP tujuan uji", max_length=20)

    def clean_nomor(self):
        return normalisasi_no_hp(self.cleaned_data["nomor"])
