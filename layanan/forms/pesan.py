"""Forms of the outbox page and the WhatsApp gateway settings."""

from django import forms
from django.core.exceptions import ValidationError

from pst_frontoffice.forms import FilterForm, FormIndonesia, ModelFormIndonesia
from pst_frontoffice.whatsapp import normalisasi_no_hp

from ..models import KanalPesan, PengaturanGateway, Penyedia, Peristiwa, StatusPesan


class FilterOutboxForm(FilterForm):
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Semua status"), *StatusPesan.choices])
    kanal = forms.ChoiceField(label="Kanal", required=False, choices=[("", "Semua kanal"), *KanalPesan.choices])
    peristiwa = forms.ChoiceField(label="Peristiwa", required=False, choices=[("", "Semua peristiwa"), *Peristiwa.choices])
    q = forms.CharField(label="Penerima", required=False, max_length=100)

    kolom = {
        "status": "col-6 col-md-2", "kanal": "col-6 col-md-2", "peristiwa": "col-6 col-md-2", "q": "col-6 col-md-2",
        "dari": "col-6 col-md-2", "sampai": "col-6 col-md-2",
    }

    def saring(self, qs):
        data = self.data_sah()
        for medan in ("status", "kanal", "peristiwa"):
            if data.get(medan):
                qs = qs.filter(**{medan: data[medan]})
        if data.get("q"):
            qs = qs.filter(penerima__icontains=data["q"].strip())
        return self.saring_tanggal(qs, "dibuat", data)


class PengaturanGatewayForm(ModelFormIndonesia):
    # Never filled back in: the saved token is shown only as its last four characters.
    token = forms.CharField(
        label="Token", required=False, max_length=500, strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="Kosongkan untuk tetap memakai token yang tersimpan.",
    )

    class Meta:
        model = PengaturanGateway
        fields = ["aktif", "penyedia", "url_api", "phone_number_id", "grup_id"]

    def clean_grup_id(self):
        grup = self.cleaned_data["grup_id"].strip()
        if grup and not grup.endswith("@g.us"):
            raise ValidationError("ID grup WA diakhiri @g.us, mis. 120363012345678901@g.us.")
        return grup

    def clean(self):
        data = super().clean()
        # The stored token goes only where it was typed for: a new address or provider without
        # the token typed again would hand it to that server.
        if self.instance.token_terenkripsi and not data.get("token") and {"url_api", "penyedia"} & set(self.changed_data):
            self.add_error("token", "Alamat API atau penyedia berubah: ketik ulang token untuk tujuan yang baru.")
        if data.get("aktif") and not (data.get("token") or self.instance.token_terenkripsi):
            self.add_error("token", "Isi token sebelum mengaktifkan gateway.")
        if data.get("aktif") and data.get("penyedia") == Penyedia.CLOUD_API and not data.get("phone_number_id"):
            self.add_error("phone_number_id", "Phone number ID wajib diisi untuk WhatsApp Business Cloud API.")
        if data.get("aktif") and not data.get("url_api"):
            self.add_error("url_api", "Alamat API wajib diisi.")
        return data


class KirimPercobaanForm(FormIndonesia):
    nomor = forms.CharField(label="No. HP tujuan percobaan", max_length=20)

    def clean_nomor(self):
        return normalisasi_no_hp(self.cleaned_data["nomor"])


