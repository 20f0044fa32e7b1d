from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from django.shortcuts import redirect
from django_tasks_db.models import DBTaskResult

from .admin_baca import HanyaBacaAdmin
from .hari_libur import peringatan as peringatan_hari_libur
from .models import CutiBersama, LogAktivitas, PengaturanKantor, User


# The admin index warns while this year's or next year's cuti bersama is unchecked or missing.
admin.site.index_template = "admin/index_pst.html"

# Pages an Admin of the office has no use for, in English: the worker's raw queue (django-tasks-db's
# "Task Results", with task paths and tracebacks; each job's state is shown in the office's words
# where it belongs: Pesan Keluar, a download's progress, the province's sending), and auth's groups
# (a role is the user's Peran; no user form assigns groups, and permission names are stored in English).
for _model in (DBTaskResult, Group):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "nama", "peran")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Admin creates officers and resets passwords here."""

    add_form = UserCreationForm
    form = UserEditForm
    ordering = ("nama",)
    list_display = ("nama", "email", "peran", "is_active", "masuk_sandi", "last_login")
    list_filter = ("peran", "is_active", "masuk_sandi")
    search_fields = ("nama", "email", "nip")
    fieldsets = (
        (None, {"fields": ("email", "password", "masuk_sandi")}),
        ("Data diri", {"fields": ("nama", "nip", "no_hp", "peran")}),
        ("Status", {"fields": ("is_active", "last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "nama", "peran", "password1", "password2")}),)
    readonly_fields = ("last_login", "date_joined")
    filter_horizontal = ()

    def has_delete_permission(self, request, obj=None):
        # Users are deactivated, never deleted: their names stay on the records they made.
        return False


class PengaturanKantorForm(forms.ModelForm):
    class Meta:
        model = PengaturanKantor
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The template is stored under a random name: the name on the Admin's computer may be any length.
        self.fields["template_surat_balasan"].max_length = None


@admin.register(PengaturanKantor)
class PengaturanKantorAdmin(admin.ModelAdmin):
    form = PengaturanKantorForm
    fieldsets = (
        ("Kantor", {"fields": ("nama_kantor", "kode_unit", "alamat", "telepon", "email", "situs", "zona_waktu")}),
        ("Standar waktu layanan", {"fields": (
            "batas_tunggu_menit", "batas_konsultasi_langsung_jam", "batas_online_hari_kerja",
            "tutup_otomatis_hari", "ambang_kuning_persen",
        )}),
        ("Janji temu di luar jam layanan", {"fields": ("jam_janji_mulai", "jam_janji_selesai")}),
        ("Tautan dan WhatsApp", {"fields": ("url_publik", "url_drive", "url_skd", "template_wa_grup")}),
        ("Antrian", {"fields": ("lebar_tiket",)}),
        ("Surat balasan", {
            "fields": ("format_nomor_surat", "kota_surat", "penandatangan_jabatan", "penandatangan_nama",
                       "template_surat_balasan", "template_wa_pengunjung"),
            "description": "Klasifikasi surat per jenis instansi diatur di menu Klasifikasi surat. "
            "Template .docx bawaan (dengan semua isian) dapat diunduh di /surat/template-bawaan.docx.",
        }),
    )

    def has_add_permission(self, request):
        return not PengaturanKantor.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # One record only: go straight to it.
        return redirect("admin:pst_frontoffice_pengaturankantor_change", PengaturanKantor.get().pk)


@admin.register(CutiBersama)
class CutiBersamaAdmin(admin.ModelAdmin):
    """Cuti bersama and one-off holidays; national holidays come from the `holidays` package.

    Proposals from the package arrive unchecked; the Admin confirms them against the decree (one
    by one or with the action), unticks a date the office works, moves an estimated date, or adds
    a one-off holiday such as an election day.
    """

    list_display = ("tanggal", "keterangan", "jenis", "berlaku", "diperiksa", "tanggal_usulan")
    list_filter = ("diperiksa", "jenis", "berlaku")
    date_hierarchy = "tanggal"
    search_fields = ("keterangan",)
    fields = ("tanggal", "keterangan", "jenis", "berlaku", "diperiksa", "tanggal_usulan")
    readonly_fields = ("tanggal_usulan",)
    actions = ("tandai_diperiksa",)

    @admin.action(description="Tandai sudah diperiksa (sesuai SKB)")
    def tandai_diperiksa(self, request, queryset):
        # One save per row, so that open due dates follow (post_save) and the activity log sees it.
        for cuti in queryset.filter(diperiksa=False):
            cuti.diperiksa = True
            cuti.save(update_fields=["diperiksa"])
            self.log_change(request, cuti, [{"changed": {"fields": ["sudah diperiksa"]}}])

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            for pesan in peringatan_hari_libur():
                messages.warning(request, pesan)
        return super().changelist_view(request, extra_context)

class AksiFilter(admin.SimpleListFilter):
    """Filter by every action present in the log, with its Indonesian label (apps add their own)."""

    title = "aksi"
    parameter_name = "aksi"

    def lookups(self, request, model_admin):
        ada = LogAktivitas.objects.order_by("aksi").values_list("aksi", flat=True).distinct()
        return [(a, LogAktivitas(aksi=a).label_aksi) for a in ada]

    def queryset(self, request, queryset):
        return queryset.filter(aksi=self.value()) if self.value() else queryset


@admin.register(LogAktivitas)
class LogAktivitasAdmin(HanyaBacaAdmin):
    """Read-only: the log is appended by the app, never edited or deleted."""

    list_display = ("waktu", "identitas", "aksi_label", "objek", "keterangan_singkat", "ip")
    list_filter = (AksiFilter, "waktu")
    search_fields = ("identitas", "objek", "keterangan", "ip")
    list_select_related = ("pengguna",)
    readonly_fields = ("waktu", "pengguna", "identitas", "aksi", "objek_tipe", "objek_id", "objek", "keterangan", "ip")
    fields = readonly_fields

    @admin.display(description="aksi", ordering="aksi")
    def aksi_label(self, obj):
        return obj.label_aksi

    @admin.display(description="keterangan")
    def keterangan_singkat(self, obj):
        return obj.keterangan if len(obj.keterangan) <= 80 else obj.keterangan[:79] + "…"
