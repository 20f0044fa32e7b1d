"""Forms of a service: moving its status, who handles it, and the service lists' filter."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from bukutamu.models import JenisLayanan, Sarana
from pst_frontoffice.forms import FilterForm, FormIndonesia
from pst_frontoffice.models import PengaturanKantor, Peran
from pst_frontoffice.widgets import PilihanCepat, PilihanModel

from ..models import Status


def _petugas_aktif():
    return get_user_model().objects.filter(is_active=True, peran__in=[Peran.PETUGAS, Peran.ADMIN])


class UpdateStatusForm(FormIndonesia):
    status = forms.ChoiceField(label="Status baru")
    catatan = forms.CharField(
        label="Catatan", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib diisi sebagai alasan bila status Dibatalkan.",
    )
    BANTUAN_MENUNGGU = (
        "Sudah menjawab? Pilih Menunggu tanggapan pengunjung; konsultasi online ditutup otomatis "
        "bila tidak ditanggapi {hari} hari."
    )

    def __init__(self, *args, layanan, **kwargs):
        super().__init__(*args, **kwargs)
        self.layanan = layanan
        self.fields["status"].choices = [(s.value, s.label) for s in layanan.status_berikutnya()]
        if Status.MENUNGGU in layanan.status_berikutnya() or layanan.status == Status.MENUNGGU:
            self.fields["status"].help_text = self.BANTUAN_MENUNGGU.format(hari=PengaturanKantor.get().tutup_otomatis_hari)
        self.fields["status"].error_messages = {
            "required": "Pilih status baru.",
            "invalid_choice": "Status itu tidak dapat dipilih dari status sekarang.",
        }

    def clean(self):
        data = super().clean()
        if data.get("status") == Status.DIBATALKAN and not (data.get("catatan") or "").strip():
            self.add_error("catatan", "Alasan pembatalan wajib diisi.")
        return data


class TanggapanForm(FormIndonesia):
    # Not "catatan": the Update form on the same page has that field (and its element id).
    tanggapan = forms.CharField(
        label="Tanggapan pengunjung", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Pengunjung menjawab (telepon, e-mail, WhatsApp)? Catat di sini agar tidak ditutup otomatis.",
    )


class PetugasForm(FormIndonesia):
    petugas = forms.ModelChoiceField(label="Petugas penanggung jawab", queryset=None)
    pendamping = forms.ModelMultipleChoiceField(
        label="Petugas pendamping", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = _petugas_aktif()
        self.fields["petugas"].error_messages["required"] = "Pilih petugas penanggung jawab."
        self.fields["pendamping"].queryset = _petugas_aktif()


class FilterLayananForm(FilterForm):
    q = forms.CharField(label="Cari", required=False, widget=forms.TextInput(attrs={"placeholder": "nama, instansi, keperluan…", "type": "search"}))
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Semua status"), ("terbuka", "Belum selesai"), ("terlambat", "Terlambat, masih terbuka"), *Status.choices],
        widget=PilihanCepat,
    )
    jenis = PilihanModel(label="Jenis", required=False, queryset=JenisLayanan.objects.all(), empty_label="Semua jenis")
    sarana = forms.ChoiceField(label="Sarana", required=False, choices=[("", "Semua sarana"), *Sarana.choices], widget=PilihanCepat)
    petugas = PilihanModel(label="Petugas", required=False, queryset=None, empty_label="Semua petugas")
    urut = forms.ChoiceField(
        label="Urutkan", required=False, choices=[("", "Terbaru"), ("tenggat", "Tenggat terdekat")],
        widget=PilihanCepat(attrs={"class": "form-select form-select-sm"}),
    )

    # Not in the filter bar: set by the reports' links. `menurut=tenggat` applies the dates to the
    # due time (time-standard compliance); `standar=hari_kerja` keeps the services under the
    # working-day standard (online requests and data requests); `otomatis` splits the finished
    # services into auto-closed (1) and closed by an officer (0).
    menurut = forms.ChoiceField(required=False, choices=[("", "dicatat"), ("tenggat", "tenggat")], widget=forms.HiddenInput)
    standar = forms.ChoiceField(required=False, choices=[("", "semua"), ("hari_kerja", "hari kerja")], widget=forms.HiddenInput)
    otomatis = forms.ChoiceField(required=False, choices=[("", "semua"), ("1", "ditutup otomatis"), ("0", "oleh petugas")], widget=forms.HiddenInput)

    kolom = {
        # Two rows at 1366 px, so that every choice reads in full ("Semua sarana", not "Sem").
        "q": "col-12 col-lg-3", "status": "col-6 col-md-4 col-lg-2", "jenis": "col-6 col-md-4 col-lg-2",
        "sarana": "col-6 col-md-4 col-lg-2", "petugas": "col-6 col-md-4 col-lg-3", "dari": "col-6 col-md-4 col-lg-2",
        "sampai": "col-6 col-md-4 col-lg-2",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = _petugas_aktif()

    def saring(self, qs):
        """Apply the valid filters; an invalid one is ignored (its message shows beside it)."""
        data = self.data_sah()
        if data.get("q"):
            qs = qs.cari(data["q"])
        status = data.get("status")
        if status == "terbuka":
            qs = qs.terbuka()
        elif status == "terlambat":
            qs = qs.terlambat_terbuka()
        elif status:
            qs = qs.filter(status=status)
        if data.get("jenis"):
            qs = qs.filter(jenis=data["jenis"])
        if data.get("sarana"):
            qs = qs.filter(kunjungan__sarana=data["sarana"])
        if data.get("petugas"):
            qs = qs.filter(petugas=data["petugas"])
        if data.get("otomatis"):
            qs = qs.filter(ditutup_otomatis=data["otomatis"] == "1")
        if data.get("standar") == "hari_kerja":
            qs = qs.filter(Q(kunjungan__sarana=Sarana.ONLINE) | Q(jenis__adalah_permintaan_data=True))
        qs = self.saring_tanggal(qs, "tenggat" if data.get("menurut") == "tenggat" else "dibuat", data)
        if data.get("urut") == "tenggat":
            qs = qs.urut_tenggat()
        return qs
