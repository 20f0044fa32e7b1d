"""The guest book (Buku Tamu) form, with the fields and labels of the officers' user guide."""

from django import forms
from django.core.exceptions import ValidationError

from pst_frontoffice.forms import FormIndonesia
from pst_frontoffice.whatsapp import normalisasi_no_hp

from ..antrian import AntrianTidakBisa, antrian_untuk_buku_tamu
from ..pengunjung import Keputusan
from ..models import JenisInstansi, JenisLayanan, KanalOnline, Sarana


def bersihkan_nama(nilai):
    """A person's name with single spaces; at least two characters."""
    nama = " ".join(nilai.split())
    if len(nama) < 2:
        raise ValidationError("Nama terlalu pendek.")
    return nama


class BukuTamuForm(FormIndonesia):
    """The guest book, with the user guide's fields and labels."""

    pengunjung_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    antrian = forms.IntegerField(required=False, widget=forms.HiddenInput)
    nama = forms.CharField(label="Nama", max_length=150)
    instansi = forms.CharField(label="Instansi", max_length=200, required=False)
    jenis_instansi = forms.ChoiceField(
        label="Jenis Instansi", choices=JenisInstansi.choices, initial=JenisInstansi.PERORANGAN
    )
    no_hp = forms.CharField(
        label="No. HP", max_length=30, required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "placeholder": "0812…"}),
    )
    email = forms.EmailField(
        label="Email", required=False, error_messages={"invalid": "Alamat email tidak valid."}
    )
    jenis_layanan = forms.ModelMultipleChoiceField(
        label="Jenis Pelayanan",
        queryset=JenisLayanan.objects.filter(aktif=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Pilih minimal satu Jenis Pelayanan."},
    )
    nomor_surat_permintaan = forms.CharField(
        label="Nomor Surat Permintaan", max_length=100, required=False,
        help_text="Isi jika pengunjung membawa/mengirim surat permintaan data.",
    )
    keperluan = forms.CharField(
        label="Keperluan", widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Apa yang dibutuhkan pengunjung.",
    )
    sarana = forms.ChoiceField(
        label="Sarana Kunjungan", choices=Sarana.choices, widget=forms.RadioSelect, initial=Sarana.LANGSUNG
    )
    kanal_online = forms.ChoiceField(
        label="Kanal Online", choices=[("", "— pilih kanal —"), *KanalOnline.choices], required=False
    )
    # The compare step (typed identity ≠ stored visitor): the officer's choice, and the comparison
    # it was made on (bukutamu.kunjungan.tetapkan_identitas).
    keputusan = forms.ChoiceField(label="Tindakan", choices=Keputusan.choices, required=False, widget=forms.RadioSelect)
    sidik = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def clean_nama(self):
        return bersihkan_nama(self.cleaned_data["nama"])

    def lepas_antrian(self, alasan):
        """The ticket can no longer be linked: say why, and re-render without it."""
        self.add_error(None, f"{alasan} Simpan sekali lagi untuk mencatat buku tamu tanpa nomor antrian.")
        self.data = self.data.copy()
        self.data["antrian"] = ""

    def clean_instansi(self):
        return " ".join(self.cleaned_data["instansi"].split())

    def clean_no_hp(self):
        return normalisasi_no_hp(self.cleaned_data["no_hp"])

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        if not data.get("no_hp") and not data.get("email") and "no_hp" not in self.errors and "email" not in self.errors:
            self.add_error("no_hp", "Isi No. HP atau Email agar pengunjung dapat dihubungi dan dikenali lagi.")
        if data.get("sarana") == Sarana.ONLINE and not data.get("kanal_online"):
            self.add_error("kanal_online", "Pilih kanal layanan online.")
        if data.get("antrian"):
            try:
                data["antrian"] = antrian_untuk_buku_tamu(data["antrian"])
            except AntrianTidakBisa as e:
                self.lepas_antrian(e)
        else:
            data["antrian"] = None
        jenis = data.get("jenis_layanan") or []
        if data.get("nomor_surat_permintaan") and not any(j.adalah_permintaan_data for j in jenis):
            # The field belongs to data requests only; drop it rather than store a stray number.
            data["nomor_surat_permintaan"] = ""
        return data
