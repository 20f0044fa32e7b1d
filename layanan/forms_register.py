"""Forms of the desk's registers: library lockers and complaints."""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone

from pst_frontoffice.kalender import awal_hari, hari_ini

from .models import JenisKartu, Kanal, Layanan, Loker, Pengaduan, StatusPengaduan, UnsurSKM

KODE_PERPUSTAKAAN = "perpustakaan"


def _pesan_indonesia(form):
    for field in form.fields.values():
        field.error_messages["required"] = f"{field.label} wajib diisi."
        field.error_messages["invalid"] = f"{field.label} tidak valid."
        field.error_messages["invalid_choice"] = f"Pilihan {field.label.lower()} tidak dikenal."


class PinjamLokerForm(forms.Form):
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
            .select_related("kunjungan__pengunjung", "jenis")
        )
        self.fields["layanan"].label_from_instance = lambda l: f"#{l.pk} {l.kunjungan.pengunjung.nama}"
        _pesan_indonesia(self)
        self.fields["loker"].error_messages["invalid_choice"] = "Loker itu sedang dipakai atau tidak aktif; pilih loker lain."

    def clean_nomor_kartu(self):
        return " ".join(self.cleaned_data["nomor_kartu"].split())

    def clean(self):
        data = super().clean()
        nama = " ".join((data.get("nama_pengunjung") or "").split())
        if not nama and data.get("layanan"):
            nama = data["layanan"].kunjungan.pengunjung.nama
        if not nama and "layanan" not in self.errors:
            self.add_error("nama_pengunjung", "Isi nama pengunjung atau pilih layanan Perpustakaan-nya.")
        data["nama_pengunjung"] = nama
        return data


class PengaduanForm(forms.ModelForm):
    nomor_layanan = forms.IntegerField(
        label="Nomor layanan terkait", required=False, min_value=1,
        help_text="Nomor # layanan dari Semua Layanan, bila pengaduan menyangkut layanan tertentu.",
    )
    diterima_pada = forms.DateTimeField(
        label="Diterima", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
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
        self.fields["unsur"].help_text = "Klasifikasi menurut 9 unsur SKM; boleh diisi kemudian."
        if not self.is_bound:
            self.initial.setdefault("diterima_pada", timezone.localtime().replace(second=0, microsecond=0))
        _pesan_indonesia(self)

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


class TindakLanjutForm(forms.Form):
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _pesan_indonesia(self)


class FilterPengaduanForm(forms.Form):
    q = forms.CharField(label="Cari", required=False, widget=forms.TextInput(attrs={"type": "search", "placeholder": "isi, pelapor, tiket…"}))
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Semua status"), *StatusPengaduan.choices])
    kanal = forms.ChoiceField(label="Kanal", required=False, choices=[("", "Semua kanal"), *Kanal.choices])
    unsur = forms.ChoiceField(label="Unsur SKM", required=False, choices=[("", "Semua unsur"), ("-", "Belum diklasifikasi"), *UnsurSKM.choices])
    dari = forms.DateField(label="Dari tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sampai = forms.DateField(label="Sampai tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _pesan_indonesia(self)

    def saring(self, qs):
        """Apply the valid filters; an invalid one is ignored (its message shows beside it)."""
        self.is_valid()
        data = {k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors}
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
        if data.get("dari"):
            qs = qs.filter(diterima_pada__gte=awal_hari(data["dari"]))
        if data.get("sampai"):
            qs = qs.filter(diterima_pada__lt=awal_hari(data["sampai"] + datetime.timedelta(days=1)))
        return qs
