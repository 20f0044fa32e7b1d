from django.contrib import admin

from pst_frontoffice.admin_baca import HanyaBacaAdmin

from .models import (
    KlasifikasiSurat, Layanan, Loker, NomorSurat, PeminjamanLoker, Pengaduan, RiwayatLayanan, Tag,
    TindakLanjutPengaduan,
)


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
    list_select_related = ("jenis", "petugas", "kunjungan")
    readonly_fields = ("status", "selesai_pada", "tenggat", "dijawab_pada")
    raw_id_fields = ("kunjungan",)
    inlines = [RiwayatInline]

    def has_delete_permission(self, request, obj=None):
        return False  # cancel (Dibatalkan) instead, from the officer's screen


@admin.register(KlasifikasiSurat)
class KlasifikasiSuratAdmin(admin.ModelAdmin):
    list_display = ("jenis_instansi", "kode")
    list_editable = ("kode",)

    def has_delete_permission(self, request, obj=None):
        return False  # one row per instansi type; change its code instead


@admin.register(NomorSurat)
class NomorSuratAdmin(HanyaBacaAdmin):
    """Read-only: numbers are given and voided from the officer's screen, never edited or deleted."""

    list_display = ("nomor", "tanggal", "tujuan", "dibuat_oleh", "dibatalkan")
    list_filter = ("tahun", "klasifikasi", "dibatalkan")
    list_select_related = ("dibuat_oleh",)
    search_fields = ("nomor", "tujuan", "perihal")


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


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ("nama",)

    def has_delete_permission(self, request, obj=None):
        return False  # officers detach a tag from a request; the word itself stays for search


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
