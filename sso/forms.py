from django import forms

from pst_frontoffice.forms import FormIndonesia
from pst_frontoffice.models import Peran

from .masuk import akun_pilihan


class PersetujuanForm(FormIndonesia):
    """Approving one SSO identity: the role it gets, and optionally the existing account it becomes."""

    peran = forms.ChoiceField(label="Peran", choices=Peran.choices)
    akun = forms.ModelChoiceField(
        label="Akun", queryset=akun_pilihan(), required=False, empty_label="Buat akun baru dari data SSO",
        error_messages={"invalid_choice": "Akun itu tidak dapat dipilih (nonaktif atau sudah tertaut ke SSO BPS)."},
    )
