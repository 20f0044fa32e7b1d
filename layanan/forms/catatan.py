"""The internal note an officer adds to a service."""

from django import forms

from pst_frontoffice.forms import FormIndonesia

from ..models import PANJANG_CATATAN


class CatatanInternalForm(FormIndonesia):
    isi = forms.CharField(
        label="Catatan baru", max_length=PANJANG_CATATAN, strip=True,
        widget=forms.Textarea(attrs={"rows": 2, "id": "isi-catatan", "data-fokus": "catatan-internal", "placeholder": "Hanya terlihat oleh petugas, tidak oleh pengunjung."}),
    )
