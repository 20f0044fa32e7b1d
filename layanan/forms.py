import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from bukutamu.models import JenisLayanan, Sarana
from pst_frontoffice.kalender import awal_hari
from pst_frontoffice.models import Peran
from pst_frontoffice.widgets import PilihanCepat, PilihanModel

from .models import Status


def _petugas_aktif():
    return get_user_model().objects.filter(is_active=True, peran__in=[Peran.PETUGAS, Peran.ADMIN])


class UpdateStatusForm(forms.Form):
    status = forms.ChoiceField(label="Status baru")
    catatan = forms.CharField(
        label="Catatan", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib diisi sebagai alasan bila status Dibatalkan.",
    )

    def __init__(self, *args, layanan, **kwargs):
        super().__init__(*args, **kwargs)
        self.layanan = layanan
        self.fields["status"].choices = [(s.value, s.label) for s in layanan.status_berikutnya()]
        self.fields["status"].error_messages = {
            "required": "Pilih status baru.",
            "invalid_choice": "Status itu tidak dapat dipilih dari status sekarang.",
        }

    def clean(self):
        data = super().clean()
        if data.get("status") == Status.DIBATALKAN and not (data.get("catatan") or "").strip():
            self.add_error("catatan", "Alasan pembatalan wajib diisi.")
        return data


class PetugasForm(forms.Form):
    petugas = forms.ModelChoiceField(label="Petugas penanggung jawab", queryset=None)
    pendamping = forms.ModelMultipleChoiceField(
        label="Petugas pendamping", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = _petugas_aktif()
        self.fields["petugas"].error_messages["required"] = "Pilih petugas penanggung jawab."
        self.fields["pendamping"].queryset = _petugas_aktif()


class FilterLayananForm(forms.Form):
    q = forms.CharField(label="Cari", required=False, widget=forms.TextInput(attrs={"placeholder": "nama, instansi, keperluan…", "type": "search"}))
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Semua status"), ("terbuka", "Belum selesai"), *Status.choices],
        widget=PilihanCepat,
    )
    jenis = PilihanModel(label="Jenis", required=False, queryset=JenisLayanan.objects.all(), empty_label="Semua jenis")
    sarana = forms.ChoiceField(label="Sarana", required=False, choices=[("", "Semua sarana"), *Sarana.choices], widget=PilihanCepat)
    petugas = PilihanModel(label="Petugas", required=False, queryset=None, empty_label="Semua petugas")
    dari = forms.DateField(label="Dari tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sampai = forms.DateField(label="Sampai tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    urut = forms.ChoiceField(
        label="Urutkan", required=False, choices=[("", "Terbaru"), ("tenggat", "Tenggat terdekat")],
        widget=PilihanCepat(attrs={"class": "form-select form-select-sm"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = _petugas_aktif()
        for field in self.fields.values():
            field.error_messages["invalid"] = f"{field.label} tidak valid."
            field.error_messages["invalid_choice"] = f"Pilihan {field.label.lower()} tidak dikenal."

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            self.add_error("sampai", "Tanggal akhir harus sesudah tanggal awal.")
        return data

    def saring(self, qs):
        """Apply the valid filters; an invalid one is ignored (its message shows beside it)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {
            k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors
        }
        if data.get("q"):
            q = data["q"]
            qs = qs.filter(
                Q(kunjungan__pengunjung__nama__icontains=q)
                | Q(kunjungan__instansi__icontains=q)
                | Q(kunjungan__keperluan__icontains=q)
            )
        status = data.get("status")
        if status == "terbuka":
            qs = qs.terbuka()
        elif status:
            qs = qs.filter(status=status)
        if data.get("jenis"):
            qs = qs.filter(jenis=data["jenis"])
        if data.get("sarana"):
            qs = qs.filter(kunjungan__sarana=data["sarana"])
        if data.get("petugas"):
            qs = qs.filter(petugas=data["petugas"])
        if data.get("dari"):
            qs = qs.filter(dibuat__gte=awal_hari(data["dari"]))
        if data.get("sampai"):
            qs = qs.filter(dibuat__lt=awal_hari(data["sampai"] + datetime.timedelta(days=1)))
        if data.get("urut") == "tenggat":
            qs = qs.urut_tenggat()
        return qs
