from django import forms
from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
        error_messages={"required": "Email wajib diisi.", "invalid": "Alamat email tidak valid."},
    )
    error_messages = {
        "invalid_login": "Email atau kata sandi salah. Perhatikan huruf besar/kecil pada kata sandi.",
        "inactive": "Akun ini dinonaktifkan. Hubungi administrator.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Kata sandi"
        self.fields["password"].error_messages["required"] = "Kata sandi wajib diisi."
