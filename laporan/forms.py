import datetime

from django import forms
from django.contrib.auth import get_user_model

from bukutamu.models import JenisLayanan, Sarana
from layanan.models import Kanal, Status
from pst_frontoffice.forms import FieldTanggal, FormIndonesia
from pst_frontoffice.kalender import hari_ini
from rating.models import PROFIL

from .periode import JENIS_PERIODE, Periode
from .rincian import STANDAR_ANTRIAN, STANDAR_HARI_KERJA, STANDAR_KONSULTASI_LANGSUNG

STANDAR = [
    (STANDAR_KONSULTASI_LANGSUNG, "konsultasi langsung"),
    (STANDAR_HARI_KERJA, "layanan online dan permintaan data"),
    (STANDAR_ANTRIAN, "nomor antrian"),
]


class PeriodeForm(FormIndonesia):
    periode = forms.ChoiceField(label="Periode", choices=list(JENIS_PERIODE.items()), initial="minggu", required=False)
    tanggal = FieldTanggal(label="Tanggal", required=False)
    dari = FieldTanggal(label="Dari", required=False)
    sampai = FieldTanggal(label="Sampai", required=False)

    # Five years at most in one report: enough for any evaluation, bounded for the server.
    RENTANG_MAKS = datetime.timedelta(days=366 * 5)

    def clean(self):
        data = super().clean()
        if data.get("periode") == "rentang":
            if not data.get("dari") or not data.get("sampai"):
                raise forms.ValidationError("Isi tanggal awal dan akhir untuk rentang tanggal.")
            if data["dari"] > data["sampai"]:
                self.add_error("sampai", "Tanggal akhir harus sesudah tanggal awal.")
            elif data["sampai"] - data["dari"] > self.RENTANG_MAKS:
                self.add_error("sampai", "Rentang paling panjang 5 tahun.")
        return data

    def periode_terpilih(self):
        """The chosen period, or the default one (Periode.bawaan) when the input is missing or invalid."""
        if not self.is_bound or not self.is_valid():
            return Periode.bawaan(hari_ini())
        data = self.cleaned_data
        jenis = data.get("periode") or "minggu"
        if jenis == "rentang":
            return Periode("rentang", data["dari"], data["sampai"])
        return Periode.dari(jenis, data.get("tanggal") or hari_ini())


class RincianForm(FormIndonesia):
    """The dimensions that narrow a figure's list (laporan.rincian); anything else is refused."""

    jenis = forms.ModelChoiceField(queryset=JenisLayanan.objects.all(), required=False)
    petugas = forms.ModelChoiceField(queryset=get_user_model().objects.all(), required=False)
    sarana = forms.ChoiceField(choices=[("", ""), *Sarana.choices], required=False)
    status = forms.ChoiceField(choices=[("", ""), *Status.choices, ("ditutup_otomatis", "Ditutup otomatis")], required=False)
    standar = forms.ChoiceField(choices=[("", ""), *STANDAR], required=False)
    kanal = forms.ChoiceField(choices=[("", ""), *Kanal.choices], required=False)
    profil = forms.ChoiceField(choices=[("", ""), *[(k, judul) for k, judul, _ in PROFIL]], required=False)
    nilai = forms.CharField(max_length=20, required=False)

    def dimensi(self):
        """The chosen dimensions as laporan.rincian.daftar reads them (primary keys, codes)."""
        data = {k: v for k, v in self.cleaned_data.items() if v not in ("", None)}
        for kunci in ("jenis", "petugas"):
            if kunci in data:
                data[kunci] = data[kunci].pk
        if self.cleaned_data.get("profil"):
            data["nilai"] = self.cleaned_data.get("nilai") or ""
        return data

    def keterangan(self):
        """The dimensions in words, for the list's heading."""
        data = self.cleaned_data
        teks = []
        if data.get("jenis"):
            teks.append(f"jenis {data['jenis'].nama}")
        if data.get("sarana"):
            teks.append(f"sarana {Sarana(data['sarana']).label}")
        if data.get("petugas"):
            teks.append(f"petugas {data['petugas'].nama}")
        if data.get("status"):
            teks.append(f"status {dict(self.fields['status'].choices)[data['status']]}")
        if data.get("standar"):
            teks.append(f"standar {dict(STANDAR)[data['standar']]}")
        if data.get("kanal"):
            teks.append(f"kanal {Kanal(data['kanal']).label}")
        if data.get("profil"):
            kolom, judul, pilihan = next(p for p in PROFIL if p[0] == data["profil"])
            jawaban = dict(pilihan.choices).get(data.get("nilai") or "", "Tidak diisi")
            teks.append(f"{judul.lower()} {jawaban}")
        return ", ".join(teks)
