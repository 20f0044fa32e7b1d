"""The WhatsApp gateway settings and its test message."""

from django import forms

from pst_frontoffice.forms import FormIndonesia, ModelFormIndonesia
from pst_frontoffice.models import PengaturanKantor
from pst_frontoffice.whatsapp import normalisasi_no_hp

from ..models import PengaturanGateway, Penyedia


class PengaturanGatewayForm(ModelFormIndonesia):
    # Never filled back in: the saved token is shown only as its last four characters.
    token = forms.CharField(
        label="Token", required=False, max_length=500, strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="Kosongkan untuk tetap memakai token yang tersimpan.",
    )
    app_secret = forms.CharField(
        label="App secret (Cloud API)", required=False, max_length=200, strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="Dari Meta for Developers → aplikasi → Pengaturan → Dasar. Dipakai memeriksa tanda tangan "
        "setiap webhook (laporan terkirim/dibaca dan pesan masuk). Kosongkan untuk tetap memakai yang tersimpan.",
    )

    class Meta:
        model = PengaturanGateway
        fields = ["aktif", "penyedia", "url_api", "phone_number_id", "grup_id"]

    def clean(self):
        data = super().clean()
        # Read once: add_error() takes a field out of cleaned_data.
        aktif, penyedia = data.get("aktif"), data.get("penyedia")
        # The stored token goes only where it was typed for: a new address or provider without
        # the token typed again would hand it to that server.
        if self.instance.token_terenkripsi and not data.get("token") and {"url_api", "penyedia"} & set(self.changed_data):
            self.add_error("token", "Alamat API atau penyedia berubah: ketik ulang token untuk tujuan yang baru.")
        if not aktif:
            return data
        if not PengaturanKantor.get().url_publik:
            self.add_error(
                "aktif", "Isi Alamat publik aplikasi di Pengaturan kantor dulu: setiap tautan di pesan memakainya."
            )
        if not (data.get("token") or self.instance.token_terenkripsi):
            self.add_error("token", "Isi token sebelum mengaktifkan gateway.")
        if penyedia == Penyedia.CLOUD_API and not data.get("phone_number_id"):
            self.add_error("phone_number_id", "Phone number ID wajib diisi untuk WhatsApp Business Cloud API.")
        if penyedia == Penyedia.CLOUD_API and not (data.get("app_secret") or self.instance.app_secret_terenkripsi):
            self.add_error("app_secret", "App secret wajib diisi untuk WhatsApp Business Cloud API (webhook).")
        if not data.get("url_api"):
            self.add_error("url_api", "Alamat API wajib diisi.")
        return data


class KirimPercobaanForm(FormIndonesia):
    nomor = forms.CharField(label="No. HP tujuan percobaan", max_length=20)

    def clean_nomor(self):
        return normalisasi_no_hp(self.cleaned_data["nomor"])
