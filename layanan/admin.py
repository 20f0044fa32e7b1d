from django.contrib import admin

from .models import Layanan, RiwayatLayanan


class RiwayatInline(admin.TabularInline):
    model = RiwayatLayanan
    extra = 0
    can_delete = False
    readonly_fields = ("jenis", "dari_status", "ke_status", "catatan", "oleh", "waktu")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Layanan)
class LayananAdmin(admin.ModelAdmin):
    list_display = ("pk", "jenis", "status", "petugas", "dibuat")
    list_filter = ("status", "jenis")
    list_select_related = ("jenis", "petugas", "kunjungan__pengunjung")
    readonly_fields = ("status", "selesai_pada")
    raw_id_fields = ("kunjungan",)
    inlines = [RiwayatInline]

    def has_delete_permission(self, request, obj=None):
        return False  # cancel (Dibatalkan) instead, from the officer's screen
