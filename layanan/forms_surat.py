"""Forms for reply letters, files, tags, data-request details, the register and the search."""

import datetime

from django import forms
from django.db.models import Q

from pst_frontoffice.kalender import awal_hari, hari_ini
from pst_frontoffice.unggahan import BATAS_UKURAN, periksa_berkas

from .permintaan import ItemData, PermintaanData, Tag
from .surat import KlasifikasiSurat


def _pesan_indonesia(form):
    for field in form.fields.values():
        field.error_messages["required"] = f"{field.label} wajib diisi."
        field.error_messages["invalid"] = f"{field.label} tidak valid."
        field.error_messages["invalid_choice"] = f"Pilihan {field.label.lower()} tidak dikenal."
        field.error_messages["max_length"] = f"{field.label} terlalu panjang."


class NomorSuratForm(forms.Form):
    klasifikasi = forms.ChoiceField(label="Klasifikasi")
    tujuan = forms.CharField(label="Tujuan (Yth.)", max_length=200)
    perihal = forms.CharField(label="Perihal", max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["klasifikasi"].choices = KlasifikasiSurat.pilihan()
        _pesan_indonesia(self)


class BatalNomorForm(forms.Form):
    alasan = forms.CharField(label="Alasan pembatalan", max_length=500, widget=forms.TextInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _pesan_indonesia(self)


class UnggahBerkasForm(forms.Form):
    berkas = forms.FileField(
        label="Surat balasan bertanda tangan", help_text=f"PDF atau DOCX, paling besar {BATAS_UKURAN // 1024 // 1024} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,application/pdf"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _pesan_indonesia(self)
        self.fields["berkas"].error_messages["required"] = "Pilih berkas surat balasan yang akan diunggah."
        self.fields["berkas"].error_messages["empty"] = "Berkas kosong; pilih berkas lain."

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        self.jenis = periksa_berkas(berkas)
        return berkas


class TagForm(forms.Form):
    tag = forms.CharField(
        label="Tambah tag", max_length=300,
        widget=forms.TextInput(attrs={"list": "saran-tag", "placeholder": "mis. ipm, kecamatan, kemiskinan", "autocomplete": "off", "class": "form-control"}),
        help_text="Pisahkan beberapa tag dengan koma.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _pesan_indonesia(self)
        self.fields["tag"].error_messages["required"] = "Tulis tag yang akan ditambahkan."

    def clean_tag(self):
        teks = self.cleaned_data["tag"]
        if not any(Tag.normalisasi(b) for b in teks.split(",")):
            raise forms.ValidationError("Tulis tag yang akan ditambahkan.")
        return teks


class PermintaanDataForm(forms.ModelForm):
    class Meta:
        model = PermintaanData
        fields = ["nomor_surat_permintaan", "tanggal_surat_permintaan", "format_data", "cara_penyampaian", "catatan"]
        widgets = {
            "tanggal_surat_permintaan": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "catatan": forms.Textarea(attrs={"rows": 2, "placeholder": "mis. tabel IPM dikirim ke email pemohon"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _pesan_indonesia(self)
        self.fields["format_data"].choices = [("", "—"), *self.fields["format_data"].choices[1:]]
        self.fields["cara_penyampaian"].choices = [("", "—"), *self.fields["cara_penyampaian"].choices[1:]]

    def clean_tanggal_surat_permintaan(self):
        tanggal = self.cleaned_data.get("tanggal_surat_permintaan")
        if tanggal and tanggal > hari_ini():
            raise forms.ValidationError("Tanggal surat permintaan tidak boleh sesudah hari ini.")
        return tanggal


class ItemDataForm(forms.ModelForm):
    class Meta:
        model = ItemData
        fields = ["topik", "periode", "tingkat_wilayah"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _pesan_indonesia(self)
        self.fields["tingkat_wilayah"].choices = [("", "—"), *self.fields["tingkat_wilayah"].choices[1:]]
        # Shown as one table row: the column header is the label.
        for nama, field in self.fields.items():
            kelas = "form-select form-select-sm" if nama == "tingkat_wilayah" else "form-control form-control-sm"
            field.widget.attrs.update({"class": kelas, "aria-label": field.label})


ItemDataFormSet = forms.inlineformset_factory(
    PermintaanData, ItemData, form=ItemDataForm, extra=3, can_delete=True, max_num=30,
)


def _tahun_pilihan():
    from .surat import PenghitungSurat

    tahun = set(PenghitungSurat.objects.values_list("tahun", flat=True)) | {hari_ini().year}
    return [(t, t) for t in sorted(tahun, reverse=True)]


class FilterRegisterForm(forms.Form):
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100, widget=forms.Select)
    q = forms.CharField(label="Cari", required=False, widget=forms.TextInput(attrs={"type": "search", "placeholder": "nomor, tujuan, perihal, pengunjung…"}))
    klasifikasi = forms.ChoiceField(label="Klasifikasi", required=False)
    status = forms.ChoiceField(
        label="Status", required=False,
        choices=[("", "Semua"), ("aktif", "Berlaku"), ("dibatalkan", "Dibatalkan")],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pilihan = _tahun_pilihan()
        diminta = str(self.data.get("tahun", ""))
        if diminta.isdigit() and int(diminta) not in dict(pilihan):
            pilihan.append((int(diminta), int(diminta)))
        self.fields["tahun"].widget.choices = pilihan
        self.fields["tahun"].initial = hari_ini().year
        self.fields["klasifikasi"].choices = [("", "Semua klasifikasi"), *[(k, k) for k, _ in KlasifikasiSurat.pilihan()]]
        _pesan_indonesia(self)

    def tahun_dipilih(self):
        if self.is_bound and self.is_valid() and self.cleaned_data.get("tahun"):
            return self.cleaned_data["tahun"]
        return hari_ini().year

    def saring(self, qs):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {
            k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors
        }
        qs = qs.filter(tahun=self.tahun_dipilih())
        if data.get("q"):
            q = data["q"]
            qs = qs.filter(
                Q(nomor__icontains=q) | Q(tujuan__icontains=q) | Q(perihal__icontains=q)
                | Q(layanan__kunjungan__pengunjung__nama__icontains=q) | Q(layanan__kunjungan__instansi__icontains=q)
            )
        if data.get("klasifikasi"):
            qs = qs.filter(klasifikasi=data["klasifikasi"])
        if data.get("status") == "aktif":
            qs = qs.filter(dibatalkan=False)
        elif data.get("status") == "dibatalkan":
            qs = qs.filter(dibatalkan=True)
        return qs


class CariPermintaanForm(forms.Form):
    q = forms.CharField(label="Kata", required=False, widget=forms.TextInput(attrs={"type": "search", "placeholder": "topik data, keperluan, nama, nomor surat…"}))
    tag = forms.CharField(label="Tag", required=False, widget=forms.TextInput(attrs={"list": "saran-tag", "autocomplete": "off"}))
    instansi = forms.CharField(label="Instansi", required=False)
    dari = forms.DateField(label="Dari tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sampai = forms.DateField(label="Sampai tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _pesan_indonesia(self)

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            self.add_error("sampai", "Tanggal akhir harus sesudah tanggal awal.")
        return data

    def saring(self, qs):
        data = self.cleaned_data if self.is_valid() else {
            k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors
        }
        if data.get("q"):
            saring_kata = Q()
            for kata in data["q"].split():
                saring_kata &= (
                    Q(kunjungan__keperluan__icontains=kata) | Q(kunjungan__pengunjung__nama__icontains=kata)
                    | Q(permintaan_data__item__topik__icontains=kata) | Q(permintaan_data__catatan__icontains=kata)
                    | Q(permintaan_data__tags__nama__icontains=kata) | Q(nomor_surat__nomor__icontains=kata)
                    | Q(nomor_surat__perihal__icontains=kata) | Q(permintaan_data__nomor_surat_permintaan__icontains=kata)
                )
            qs = qs.filter(saring_kata)
        if data.get("tag"):
            qs = qs.filter(permintaan_data__tags__nama=Tag.normalisasi(data["tag"]))
        if data.get("instansi"):
            qs = qs.filter(
                Q(kunjungan__instansi__icontains=data["instansi"]) | Q(kunjungan__pengunjung__instansi__icontains=data["instansi"])
            )
        if data.get("dari"):
            qs = qs.filter(dibuat__gte=awal_hari(data["dari"]))
        if data.get("sampai"):
            qs = qs.filter(dibuat__lt=awal_hari(data["sampai"] + datetime.timedelta(days=1)))
        return qs.distinct()
