from django import forms

from pst_frontoffice.forms import FieldJam, FieldTanggal, FormIndonesia

from .jadwal import petugas_terjadwal
from .models import Shift


class TambahJadwalForm(FormIndonesia):
    tanggal = FieldTanggal(label="Tanggal", error_messages={"invalid": "Tanggal tidak valid (contoh 07/12/2026)."})
    shift = forms.ModelChoiceField(label="Shift", queryset=Shift.objects.filter(aktif=True), empty_label="— pilih shift —")
    petugas = forms.ModelChoiceField(label="Petugas", queryset=None, empty_label="— pilih petugas —")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = petugas_terjadwal()
        self.fields["shift"].error_messages["invalid_choice"] = "Shift tidak tersedia."
        self.fields["petugas"].error_messages["invalid_choice"] = "Petugas tidak tersedia."


class ImporJadwalForm(FormIndonesia):
    berkas = forms.FileField(
        label="Berkas Excel (.xlsx)", widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        error_messages={"empty": "Berkas kosong."},
    )


class TutupPresensiForm(FormIndonesia):
    jam_pulang = FieldJam(label="Jam pulang", error_messages={"invalid": "Jam tidak valid (contoh 16.00)."})
    catatan = forms.CharField(
        label="Catatan", max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Alasan penutupan; tersimpan pada riwayat presensi.",
    )
