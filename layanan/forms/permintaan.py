"""Forms of data requests: tags, what was asked for, and the search over past requests."""

from django import forms
from django.db.models import Q

from pst_frontoffice.forms import FieldTanggal, FilterForm, FormIndonesia, ModelFormIndonesia
from pst_frontoffice.kalender import hari_ini

from ..models import ItemData, PermintaanData, Tag


class TagForm(FormIndonesia):
    tag = forms.CharField(
        label="Tambah tag", max_length=300,
        widget=forms.TextInput(attrs={"list": "saran-tag", "placeholder": "mis. ipm, kecamatan, kemiskinan", "autocomplete": "off", "class": "form-control"}),
        help_text="Pisahkan beberapa tag dengan koma.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].error_messages["required"] = "Tulis tag yang akan ditambahkan."

    def clean_tag(self):
        teks = self.cleaned_data["tag"]
        if not any(Tag.normalisasi(b) for b in teks.split(",")):
            raise forms.ValidationError("Tulis tag yang akan ditambahkan.")
        return teks


class PermintaanDataForm(ModelFormIndonesia):
    class Meta:
        model = PermintaanData
        fields = ["nomor_surat_permintaan", "tanggal_surat_permintaan", "format_data", "cara_penyampaian", "catatan"]
        field_classes = {"tanggal_surat_permintaan": FieldTanggal}
        widgets = {
            "catatan": forms.Textarea(attrs={"rows": 2, "placeholder": "mis. tabel IPM dikirim ke email pemohon"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format_data"].choices = [("", "—"), *self.fields["format_data"].choices[1:]]
        self.fields["cara_penyampaian"].choices = [("", "—"), *self.fields["cara_penyampaian"].choices[1:]]

    def clean_tanggal_surat_permintaan(self):
        tanggal = self.cleaned_data.get("tanggal_surat_permintaan")
        if tanggal and tanggal > hari_ini():
            raise forms.ValidationError("Tanggal surat permintaan tidak boleh sesudah hari ini.")
        return tanggal


class ItemDataForm(ModelFormIndonesia):
    class Meta:
        model = ItemData
        fields = ["topik", "periode", "tingkat_wilayah"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tingkat_wilayah"].choices = [("", "—"), *self.fields["tingkat_wilayah"].choices[1:]]
        # Shown as one table row: the column header is the label.
        for nama, field in self.fields.items():
            kelas = "form-select form-select-sm" if nama == "tingkat_wilayah" else "form-control form-control-sm"
            field.widget.attrs.update({"class": kelas, "aria-label": field.label})


ItemDataFormSet = forms.inlineformset_factory(
    PermintaanData, ItemData, form=ItemDataForm, extra=3, can_delete=True, max_num=30,
)


class CariPermintaanForm(FilterForm):
    q = forms.CharField(label="Kata", required=False, widget=forms.TextInput(attrs={"type": "search", "placeholder": "topik data, keperluan, nama, nomor surat…"}))
    tag = forms.CharField(label="Tag", required=False, widget=forms.TextInput(attrs={"list": "saran-tag", "autocomplete": "off"}))
    instansi = forms.CharField(label="Instansi", required=False)

    kolom = {
        "q": "col-12 col-lg-4", "tag": "col-6 col-lg-2", "instansi": "col-6 col-lg-2", "dari": "col-6 col-lg-2",
        "sampai": "col-6 col-lg-2",
    }

    def saring(self, qs):
        data = self.data_sah()
        if data.get("q"):
            saring_kata = Q()
            for kata in data["q"].split():
                saring_kata &= (
                    Q(kunjungan__keperluan__icontains=kata) | Q(kunjungan__nama__icontains=kata)
                    # Removed items are kept (never deleted) but no longer describe the request.
                    | Q(permintaan_data__item__topik__icontains=kata, permintaan_data__item__dihapus_pada__isnull=True)
                    | Q(permintaan_data__catatan__icontains=kata)
                    | Q(permintaan_data__tags__nama__icontains=kata) | Q(nomor_surat__nomor__icontains=kata)
                    | Q(nomor_surat__perihal__icontains=kata) | Q(permintaan_data__nomor_surat_permintaan__icontains=kata)
                )
            qs = qs.filter(saring_kata)
        if data.get("tag"):
            qs = qs.filter(permintaan_data__tags__nama=Tag.normalisasi(data["tag"]))
        if data.get("instansi"):
            qs = qs.filter(kunjungan__instansi__icontains=data["instansi"])
        return self.saring_tanggal(qs, "dibuat", data).distinct()
