from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from .models import CutiBersama, PengaturanKantor, User


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
    list_display = ("nama", "email", "peran", "is_active", "last_login")
    list_filter = ("peran", "is_active")
    search_fields = ("nama", "email")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Data diri", {"fields": ("nama", "no_hp", "peran")}),
        ("Status", {"fields": ("is_active", "last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "nama", "peran", "password1", "password2")}),)
    readonly_fields = ("last_login", "date_joined")
    filter_horizontal = ()

    def has_delete_permission(self, request, obj=None):
        # Users are deactivated, never deleted: their names stay on the records they made.
        return False


@admin.register(PengaturanKantor)
class PengaturanKantorAdmin(admin.ModelAdmin):
    fieldsets = (
        ("Kantor", {"fields": ("nama_kantor", "kode_unit", "alamat", "telepon", "email", "situs", "zona_waktu")}),
        ("Jam layanan", {"fields": ("jam_layanan_senin_kamis", "jam_layanan_jumat")}),
        ("Standar waktu layanan", {"fields": (
            "batas_tunggu_menit", "batas_konsultasi_langsung_jam", "batas_online_hari_kerja",
            "tutup_otomatis_hari", "ambang_kuning_persen",
        )}),
        ("Tautan dan WhatsApp", {"fields": ("url_drive", "url_skd", "template_wa_grup")}),
    )

    def has_add_permission(self, request):
        return not PengaturanKantor.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # One record only: go straight to it.
        from django.shortcuts import redirect

        return redirect("admin:pst_frontoffice_pengaturankantor_change", PengaturanKantor.get().pk)


@admin.register(CutiBersama)
class CutiBersamaAdmin(admin.ModelAdmin):
    """Cuti bersama is decreed each year; national holidays come from the `holidays` package."""

    list_display = ("tanggal", "keterangan")
    date_hierarchy = "tanggal"
    search_fields = ("keterangan",)
