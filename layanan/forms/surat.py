"""Forms of the reply letters: the number, voiding it, the signed file, and the register's filter."""

from django import forms
from django.db.models import Q

from pst_frontoffice.forms import FilterForm, FormIndonesia
from pst_frontoffice.kalender import hari_ini
from pst_frontoffice.unggahan import BATAS_UKURAN, periksa_berkas

from ..models import KlasifikasiSurat, PenghitungSurat


class NomorSuratForm(FormIndonesia):
    klasifikasi = forms.ChoiceField(label="Klasifikasi")
    tujuan = forms.CharField(label="Tujuan (Yth.)", max_length=200)
    perihal = forms.CharField(label="Perihal", max_length=200)

    def __init__(self, *args, klasifikasi=None, **kwargs):
        """klasifikasi: the KlasifikasiSurat rows, when the caller has read them already."""
        super().__init__(*args, **kwargs)
        self.fields["klasifikasi"].choices = KlasifikasiSurat.pilihan(klasifikasi)


class BatalNomorForm(FormIndonesia):
    alasan = forms.CharField(label="Alasan pembatalan", max_length=500, widget=forms.TextInput())


class UnggahBerkasForm(FormIndonesia):
    berkas = forms.FileField(
        label="Surat balasan bertanda tangan", help_text=f"PDF atau DOCX, paling besar {BATAS_UKURAN // 1024 // 1024} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,application/pdf"}),
    )
    kirim_email = forms.BooleanField(label="Kirim surat ke email pengunjung", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].error_messages["required"] = "Pilih berkas surat balasan yang akan diunggah."
        self.fields["berkas"].error_messages["empty"] = "Berkas kosong; pilih berkas lain."

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        self.jenis = periksa_berkas(berkas)
        return berkas


def _tahun_pilihan():
    tahun = set(PenghitungSurat.objects.values_list("tahun", flat=True)) | {hari_ini().year}
    return [(t, t) for t in sorted(tahun, reverse=True)]


class FilterRegisterForm(FilterForm):
    # A register is read a year at a time: the year replaces the date range.
    dari = None
    sampai = None
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100, widget=forms.Select)
    q = forms.CharField(label="Cari", required=False, widget=forms.TextInput(attrs={"type": "search", "placeholder": "nomor, tujuan, perihal, pengunjung…"}))
    klasifikasi = forms.ChoiceField(label="Klasifikasi", required=False)
    status = forms.ChoiceField(
        label="Status", required=False,
        choices=[("", "Semua"), ("aktif", "Berlaku"), ("dibatalkan", "Dibatalkan")],
    )

    kolom = {"tahun": "col-6 col-md-2", "q": "col-12 col-md-4", "klasifikasi": "col-6 col-md-3", "status": "col-6 col-md-3"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pilihan = _tahun_pilihan()
        diminta = str(self.data.get("tahun", ""))
        if diminta.isdigit() and int(diminta) not in dict(pilihan):
            pilihan.append((int(diminta), int(diminta)))
        self.fields["tahun"].widget.choices = pilihan
        self.fields["tahun"].initial = hari_ini().year
        self.fields["klasifikasi"].choices = [("", "Semua klasifikasi"), *[(k, k) for k, _ in KlasifikasiSurat.pilihan()]]

    def tahun_dipilih(self):
        if self.is_bound and self.is_valid() and self.cleaned_data.get("tahun"):
            return self.cleaned_data["tahun"]
        return hari_ini().year

    def saring(self, qs):
        data = self.data_sah()
        qs = qs.filter(tahun=self.tahun_dipilih())
        if data.get("q"):
            q = data["q"]
            qs = qs.filter(
                Q(nomor__icontains=q) | Q(tujuan__icontains=q) | Q(perihal__icontains=q)
                | Q(layanan__kunjungan__nama__icontains=q) | Q(layanan__kunjungan__instansi__icontains=q)
            )
        if data.get("klasifikasi"):
            qs = qs.filter(klasifikasi=data["klasifikasi"])
        if data.get("status") == "aktif":
            qs = qs.filter(dibatalkan=False)
        elif data.get("status") == "dibatalkan":
            qs = qs.filter(dibatalkan=True)
        return qs
