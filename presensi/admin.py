from django.contrib import admin

from pst_frontoffice.admin_baca import HanyaBacaAdmin

from .models import JadwalPiket, Presensi, RiwayatPresensi, Shift


@admin.register(Shift)
class ShiftAdmin(admin.ModelAdmin):
    list_display = ("nama", "jam_mulai", "jam_selesai", "jam_mulai_jumat", "jam_selesai_jumat", "urutan", "aktif")
    list_editable = ("urutan", "aktif")

    def has_delete_permission(self, request, obj=None):
        return False  # a shift in use stays; untick Aktif instead


@admin.register(JadwalPiket)
class JadwalPiketAdmin(admin.ModelAdmin):
    list_display = ("tanggal", "shift", "petugas", "dibatalkan_pada")
    list_filter = ("shift", "tanggal")
    list_select_related = ("shift", "petugas")
    readonly_fields = ("dibuat_oleh", "dibuat", "dibatalkan_oleh", "dibatalkan_pada")
    date_hierarchy = "tanggal"

    def has_delete_permission(self, request, obj=None):
        return False  # cancel from the month view (kept with who/when)


class RiwayatInline(admin.TabularInline):
    model = RiwayatPresensi
    extra = 0
    can_delete = False
    readonly_fields = ("aksi", "oleh", "waktu", "ip", "catatan")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Presensi)
class PresensiAdmin(HanyaBacaAdmin):
    """Read-only: attendance changes go through Absen Masuk/Pulang and the closing page."""

    list_display = ("tanggal", "petugas", "masuk", "pulang", "ditutup_oleh")
    list_filter = ("tanggal",)
    list_select_related = ("petugas", "ditutup_oleh")
    date_hierarchy = "tanggal"
    inlines = [RiwayatInline]
