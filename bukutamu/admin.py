from django.contrib import admin

from .models import JenisLayanan, Kunjungan, Pengunjung


@admin.register(JenisLayanan)
class JenisLayananAdmin(admin.ModelAdmin):
    list_display = ("nama", "kode", "kelompok", "adalah_permintaan_data", "urutan", "aktif")
    list_editable = ("urutan", "aktif")
    prepopulated_fields = {"kode": ("nama",)}

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate instead: past services keep their kind


@admin.register(Pengunjung)
class PengunjungAdmin(admin.ModelAdmin):
    list_display = ("nama", "instansi", "jenis_instansi", "no_hp", "email", "diperbarui")
    search_fields = ("nama", "instansi", "no_hp", "email")
    list_filter = ("jenis_instansi",)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Kunjungan)
class KunjunganAdmin(admin.ModelAdmin):
    list_display = ("pengunjung", "waktu", "sarana", "dicatat_oleh")
    list_filter = ("sarana",)
    date_hierarchy = "waktu"
    list_select_related = ("pengunjung", "dicatat_oleh")
    raw_id_fields = ("pengunjung",)

    def has_delete_permission(self, request, obj=None):
        return False
