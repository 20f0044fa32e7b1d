from django.contrib import admin

from .models import Layanan, Loker, PeminjamanLoker, Pengaduan, RiwayatLayanan, TindakLanjutPengaduan


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
    readonly_fields = ("status", "selesai_pada", "tenggat")
    raw_id_fields = ("kunjungan",)
    inlines = [RiwayatInline]

    def has_delete_permission(self, request, obj=None):
        return False  # cancel (Dibatalkan) instead, from the officer's screen


@admin.register(Loker)
class LokerAdmin(admin.ModelAdmin):
    list_display = ("nomor", "aktif", "urutan")
    list_editable = ("aktif", "urutan")

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate instead: past loans point to it


@admin.register(PeminjamanLoker)
class PeminjamanLokerAdmin(admin.ModelAdmin):
    list_display = ("loker", "nama_pengunjung", "jenis_kartu", "waktu_masuk", "waktu_kembali")
    list_filter = ("jenis_kartu",)
    list_select_related = ("loker",)
    readonly_fields = ("dicatat_oleh", "waktu_masuk", "waktu_kembali", "dikembalikan_oleh")
    raw_id_fields = ("layanan",)

    def has_delete_permission(self, request, obj=None):
        return False


class TindakLanjutInline(admin.TabularInline):
    model = TindakLanjutPengaduan
    extra = 0
    can_delete = False
    readonly_fields = ("catatan", "dari_status", "ke_status", "jawaban", "oleh", "waktu")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Pengaduan)
class PengaduanAdmin(admin.ModelAdmin):
    list_display = ("pk", "kanal", "status", "unsur", "diterima_pada", "dijawab_pada")
    list_filter = ("status", "kanal", "unsur")
    readonly_fields = ("status", "dijawab_pada", "selesai_pada", "dicatat_oleh")
    raw_id_fields = ("layanan",)
    inlines = [TindakLanjutInline]

    def has_delete_permission(self, request, obj=None):
        return False
