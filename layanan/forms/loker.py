"""The library locker form: a card kept for a locker."""

from django import forms

from bukutamu.bawaan import KODE_PERPUSTAKAAN
from pst_frontoffice.forms import FormIndonesia
from pst_frontoffice.kalender import awal_hari, hari_ini

from ..models import JenisKartu, Layanan, Loker


class PinjamLokerForm(FormIndonesia):
    loker = forms.ModelChoiceField(label="Nomor loker", queryset=None, empty_label="— pilih loker kosong —")
    jenis_kartu = forms.ChoiceField(label="Jenis kartu identitas", choices=JenisKartu.choices, initial=JenisKartu.KTP)
    nomor_kartu = forms.CharField(label="Nomor kartu identitas", max_length=40)
    layanan = forms.ModelChoiceField(
        label="Layanan Perpustakaan hari ini", queryset=None, required=False, empty_label="— tanpa layanan —",
        help_text="Pilih bila pengunjung sudah mengisi Buku Tamu; nama terisi dari sana.",
    )
    nama_pengunjung = forms.CharField(label="Nama pengunjung", max_length=150, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loker"].queryset = Loker.objects.kosong()
        self.fields["layanan"].queryset = (
            Layanan.objects.filter(jenis__kode=KODE_PERPUSTAKAAN, dibuat__gte=awal_hari(hari_ini()))
            .select_related("kunjungan", "jenis")
        )
        self.fields["layanan"].label_from_instance = lambda l: f"#{l.pk} {l.kunjungan.nama}"
        self.fields["loker"].error_messages["invalid_choice"] = "Loker itu sedang dipakai atau tidak aktif; pilih loker lain."

    def clean_nomor_kartu(self):
        return " ".join(self.cleaned_data["nomor_kartu"].split())

    def clean(self):
        data = super().clean()
        nama = " ".join((data.get("nama_pengunjung") or "").split())
        if not nama and data.get("layanan"):
            nama = data["layanan"].kunjungan.nama
        if not nama and "layanan" not in self.errors:
            self.add_error("nama_pengunjung", "Isi nama pengunjung atau pilih layanan Perpustakaan-nya.")
        data["nama_pengunjung"] = nama
        return data
