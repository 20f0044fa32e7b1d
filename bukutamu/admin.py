from django.contrib import admin

from .models import Antrian, JamLayanan, JanjiTemu, JenisLayanan, Kunjungan, PendaftaranMandiri, Pengunjung, RiwayatAntrian


@admin.register(JenisLayanan)
class JenisLayananAdmin(admin.ModelAdmin):
    list_display = ("nama", "kode", "kelompok", "adalah_permintaan_data", "prefix_antrian", "urutan", "aktif")
    list_editable = ("prefix_antrian", "urutan", "aktif")
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


@admin.register(JamLayanan)
class JamLayananAdmin(admin.ModelAdmin):
    """Service hours per weekday; a day without a row is closed (no rows at all: the service standard's hours)."""

    list_display = ("hari", "buka", "tutup")


class RiwayatAntrianInline(admin.TabularInline):
    model = RiwayatAntrian
    extra = 0
    can_delete = False
    readonly_fields = ("status", "keterangan", "loket", "oleh", "waktu")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Antrian)
class AntrianAdmin(admin.ModelAdmin):
    list_display = ("nomor", "tanggal", "jenis_layanan", "status", "loket", "dipanggil_oleh", "diambil")
    list_filter = ("status", "jenis_layanan", "sumber")
    date_hierarchy = "diambil"
    list_select_related = ("jenis_layanan", "dipanggil_oleh")
    readonly_fields = [f.name for f in Antrian._meta.fields]
    inlines = [RiwayatAntrianInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(JanjiTemu)
class JanjiTemuAdmin(admin.ModelAdmin):
    list_display = ("waktu", "nama", "no_hp", "jenis_layanan", "status")
    list_filter = ("status", "jenis_layanan")
    date_hierarchy = "waktu"
    list_select_related = ("jenis_layanan",)
    raw_id_fields = ("antrian",)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PendaftaranMandiri)
class PendaftaranMandiriAdmin(admin.ModelAdmin):
    """Read-only: what visitors typed on their phones, for checking afterwards."""

    list_display = ("dibuat", "nama", "sarana", "hasil", "antrian", "kedaluwarsa_pada")
    list_filter = ("hasil", "sarana")
    date_hierarchy = "dibuat"
    list_select_related = ("antrian",)
    readonly_fields = [f.name for f in PendaftaranMandiri._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
