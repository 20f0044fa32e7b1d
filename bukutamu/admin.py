from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.template.response import TemplateResponse

from .models import (
    Antrian, JamLayanan, JanjiTemu, JenisLayanan, Kunjungan, PendaftaranMandiri, Pengunjung, RiwayatAntrian,
    RiwayatPengunjung,
)
from .pengunjung import gabungkan


@admin.register(JenisLayanan)
class JenisLayananAdmin(admin.ModelAdmin):
    list_display = ("nama", "kode", "kelompok", "adalah_permintaan_data", "prefix_antrian", "urutan", "aktif")
    list_editable = ("prefix_antrian", "urutan", "aktif")
    prepopulated_fields = {"kode": ("nama",)}

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate instead: past services keep their kind


class RiwayatPengunjungInline(admin.TabularInline):
    """The record's history: appended by the guest book and by merging, never edited here."""

    model = RiwayatPengunjung
    fk_name = "pengunjung"
    extra = 0
    can_delete = False
    readonly_fields = ("waktu", "jenis", "perubahan", "catatan", "kunjungan", "oleh")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Pengunjung)
class PengunjungAdmin(admin.ModelAdmin):
    list_display = ("nama", "instansi", "jenis_instansi", "no_hp", "email", "diperbarui")
    search_fields = ("nama", "instansi", "no_hp", "email")
    list_filter = ("jenis_instansi",)
    inlines = [RiwayatPengunjungInline]
    actions = ("gabung",)

    @admin.action(description="Gabungkan dua pengunjung yang sama", permissions=["change"])
    def gabung(self, request, queryset):
        """Two records of one person: the Admin picks the one to keep, then everything moves to it."""
        pilihan = list(queryset.annotate(jumlah_kunjungan=Count("kunjungan")).order_by("pk"))
        if len(pilihan) != 2:
            self.message_user(request, "Pilih tepat dua pengunjung untuk digabung.", messages.WARNING)
            return None
        simpan_id = request.POST.get("simpan")
        if request.POST.get("konfirmasi") == "ya" and simpan_id in {str(p.pk) for p in pilihan}:
            simpan = next(p for p in pilihan if str(p.pk) == simpan_id)
            hapus = next(p for p in pilihan if p.pk != simpan.pk)
            try:
                hasil = gabungkan(simpan=simpan, hapus=hapus, oleh=request.user)
            except ValidationError as e:
                self.message_user(request, " ".join(e.messages), messages.ERROR)
                return None
            self.message_user(request, f"{hapus.nama} (#{hapus.pk}) digabung ke {hasil.nama} (#{hasil.pk}); "
                              "kunjungan, layanan dan riwayatnya kini di satu data.", messages.SUCCESS)
            return None
        return TemplateResponse(request, "admin/bukutamu/pengunjung/gabung.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta, "title": "Gabungkan pengunjung",
            "pilihan": pilihan, "aksi_checkbox": admin.helpers.ACTION_CHECKBOX_NAME,
            "galat": request.POST.get("konfirmasi") == "ya",
        })

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Kunjungan)
class KunjunganAdmin(admin.ModelAdmin):
    # The name and contact as recorded that day; the visitor record may have changed since.
    list_display = ("nama", "instansi", "waktu", "sarana", "dicatat_oleh")
    search_fields = ("nama", "instansi", "no_hp", "email")
    list_filter = ("sarana",)
    date_hierarchy = "waktu"
    list_select_related = ("dicatat_oleh",)
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
