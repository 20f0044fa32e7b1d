"""Forms of the complaints register: a new complaint, a follow-up, and the register's filter."""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone

from pst_frontoffice.forms import FieldTanggalJam, FilterForm, FormIndonesia, ModelFormIndonesia

from ..models import Kanal, Layanan, Pengaduan, StatusPengaduan, UnsurSKM


class PengaduanForm(ModelFormIndonesia):
    nomor_layanan = forms.IntegerField(
        label="Nomor layanan terkait", required=False, min_value=1,
        help_text="Nomor # layanan dari Semua Layanan, bila pengaduan menyangkut layanan tertentu.",
    )
    diterima_pada = FieldTanggalJam(
        label="Diterima",
        help_text="Waktu pengaduan diterima (mis. saat kotak saran dibuka).",
    )

    class Meta:
        model = Pengaduan
        fields = ["kanal", "nomor_tiket_lapor", "nama_pelapor", "kontak_pelapor", "isi", "unsur", "diterima_pada"]
        widgets = {"isi": forms.Textarea(attrs={"rows": 4})}
        labels = {"unsur": "Unsur SKM"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unsur"].choices = [("", "— belum diklasifikasi —"), *UnsurSKM.choices]
        # Only the visitor's own rating form files under this channel.
        self.fields["kanal"].choices = [c for c in self.fields["kanal"].choices if c[0] != Kanal.RATING]
        self.fields["unsur"].help_text = "Klasifikasi menurut 9 unsur SKM; boleh diisi kemudian."
        if not self.is_bound:
            self.initial.setdefault("diterima_pada", timezone.localtime().replace(second=0, microsecond=0))

    def clean_diterima_pada(self):
        waktu = self.cleaned_data["diterima_pada"]
        if waktu > timezone.now() + datetime.timedelta(minutes=5):
            raise forms.ValidationError("Waktu diterima tidak boleh di masa depan.")
        return waktu

    def clean_nomor_layanan(self):
        nomor = self.cleaned_data.get("nomor_layanan")
        if nomor is None:
            return None
        try:
            return Layanan.objects.get(pk=nomor)
        except Layanan.DoesNotExist:
            raise forms.ValidationError(f"Layanan #{nomor} tidak ditemukan.") from None

    def clean(self):
        data = super().clean()
        if data.get("kanal") == Kanal.LAPOR and not (data.get("nomor_tiket_lapor") or "").strip():
            self.add_error("nomor_tiket_lapor", "Nomor tiket LAPOR! wajib diisi untuk kanal LAPOR!.")
        return data

    def _post_clean(self):
        # The model's own clean() repeats the LAPOR! check; the message is already on the field.
        pass


class TindakLanjutForm(FormIndonesia):
    catatan = forms.CharField(label="Catatan tindak lanjut", widget=forms.Textarea(attrs={"rows": 3}))
    status = forms.ChoiceField(
        label="Status", choices=[(StatusPengaduan.DITINDAKLANJUTI, "Ditindaklanjuti"), (StatusPengaduan.SELESAI, "Selesai")],
        initial=StatusPengaduan.DITINDAKLANJUTI,
    )
    jawaban = forms.BooleanField(
        label="Catatan ini jawaban kepada pelapor", required=False,
        help_text="Jawaban pertama menentukan waktu respons.",
    )
    unsur = forms.ChoiceField(label="Unsur SKM", required=False, choices=[("", "— tidak diubah —"), *UnsurSKM.choices])


class FilterPengaduanForm(FilterForm):
    q = forms.CharField(label="Cari", required=False, widget=forms.TextInput(attrs={"type": "search", "placeholder": "isi, pelapor, tiket…"}))
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Semua status"), *StatusPengaduan.choices])
    kanal = forms.ChoiceField(label="Kanal", required=False, choices=[("", "Semua kanal"), *Kanal.choices])
    unsur = forms.ChoiceField(label="Unsur SKM", required=False, choices=[("", "Semua unsur"), ("-", "Belum diklasifikasi"), *UnsurSKM.choices])

    kolom = {
        "q": "col-12 col-lg-4", "status": "col-6 col-md-4 col-lg-2", "kanal": "col-6 col-md-4 col-lg-2",
        "unsur": "col-12 col-md-4 col-lg-4", "dari": "col-6 col-md-3 col-lg-2", "sampai": "col-6 col-md-3 col-lg-2",
    }

    def saring(self, qs):
        """Apply the valid filters; an invalid one is ignored (its message shows beside it)."""
        data = self.data_sah()
        if data.get("q"):
            q = data["q"]
            qs = qs.filter(Q(isi__icontains=q) | Q(nama_pelapor__icontains=q) | Q(nomor_tiket_lapor__icontains=q))
        if data.get("status"):
            qs = qs.filter(status=data["status"])
        if data.get("kanal"):
            qs = qs.filter(kanal=data["kanal"])
        if data.get("unsur") == "-":
            qs = qs.filter(unsur="")
        elif data.get("unsur"):
            qs = qs.filter(unsur=data["unsur"])
        return self.saring_tanggal(qs, "diterima_pada", data)
