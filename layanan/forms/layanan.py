"""Forms of a service: moving its status, who handles it, and the service lists' filter."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from bukutamu.models import JenisLayanan, Pengunjung, Sarana
from pst_frontoffice.forms import FilterForm, FormIndonesia
from pst_frontoffice.models import PengaturanKantor, Peran
from pst_frontoffice.widgets import PilihanCepat, PilihanModel, PilihanModelGanda

from ..models import Status


PERAN_PENANGAN = (Peran.PETUGAS, Peran.ADMIN)


def petugas_aktif():
    """Officers who may handle a service: active Petugas and Admins."""
    return get_user_model().objects.filter(is_active=True, peran__in=PERAN_PENANGAN)


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
    petugas = PilihanModel(label="Petugas penanggung jawab", queryset=None, widget=forms.Select)
    pendamping = PilihanModelGanda(
        label="Petugas pendamping", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = petugas_aktif()
        self.fields["petugas"].error_messages["required"] = "Pilih petugas penanggung jawab."
        self.fields["pendamping"].queryset = petugas_aktif()
        # Both lists show the same officers: one queryset, read once (its result cache) when drawn.
        self.fields["petugas"].daftar = self.fields["pendamping"].daftar = petugas_aktif()


class FilterLayananForm(FilterForm):
    q = forms.CharField(label="Cari", required=False, widget=forms.TextInput(attrs={"placeholder": "nama, instansi, keperluan…", "type": "search"}))
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Semua status"), ("terbuka", "Belum selesai"), ("terlambat", "Terlambat, masih terbuka"), *Status.choices],
        widget=PilihanCepat,
    )
    jenis = PilihanModel(label="Jenis", required=False, queryset=JenisLayanan.objects.all(), empty_label="Semua jenis")
    sarana = forms.ChoiceField(label="Sarana", required=False, choices=[("", "Semua sarana"), *Sarana.choices], widget=PilihanCepat)
    petugas = PilihanModel(label="Petugas", required=False, queryset=None, empty_label="Semua petugas")
    # Not in the filter bar: set by the reports' links. `menurut=tenggat` applies the dates to the
    # due time (time-standard compliance); `standar=hari_kerja` keeps the services under the
    # working-day standard (online requests and data requests); `otomatis` splits the finished
    # services into auto-closed (1) and closed by an officer (0).
    menurut = forms.ChoiceField(required=False, choices=[("", "dicatat"), ("tenggat", "tenggat")], widget=forms.HiddenInput)
    standar = forms.ChoiceField(required=False, choices=[("", "semua"), ("hari_kerja", "hari kerja")], widget=forms.HiddenInput)
    otomatis = forms.ChoiceField(required=False, choices=[("", "semua"), ("1", "ditutup otomatis"), ("0", "oleh petugas")], widget=forms.HiddenInput)
    # Set by a visitor's links (their history on a service, the search): that visitor's services only.
    pengunjung = forms.ModelChoiceField(label="Pengunjung", required=False, queryset=Pengunjung.objects.all(), widget=forms.HiddenInput)

    kolom = {
        # The search stays in the title row; the rest fold away in a panel of three columns
        # (includes/filter_form.html, lipat=True), wide enough that every choice reads in full.
        "q": "col-12", "status": "col-6 col-md-4", "jenis": "col-6 col-md-4", "sarana": "col-6 col-md-4",
        "petugas": "col-6 col-md-4", "dari": "col-6 col-md-4", "sampai": "col-6 col-md-4",
    }

    # Shown among the filters in use though not in the bar (a visitor's services, from their links).
    juga_aktif = ("pengunjung",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = petugas_aktif()
        # Read once when drawn; Semua Layanan's Tugaskan bar lists the same officers from it.
        self.fields["petugas"].daftar = petugas_aktif()

    def saring(self, qs):
        """Apply the valid filters; an invalid one is ignored (its message shows beside it). The order is the list's own (?urut=)."""
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
            qs = qs.filter(sarana=data["sarana"])
        if data.get("petugas"):
            qs = qs.filter(petugas=data["petugas"])
        if data.get("pengunjung"):
            qs = qs.filter(kunjungan__pengunjung=data["pengunjung"])
        if data.get("otomatis"):
            qs = qs.filter(ditutup_otomatis=data["otomatis"] == "1")
        if data.get("standar") == "hari_kerja":
            qs = qs.filter(Q(sarana=Sarana.ONLINE) | Q(jenis__adalah_permintaan_data=True))
        return self.saring_tanggal(qs, "tenggat" if data.get("menurut") == "tenggat" else "dibuat", data)
