from django.contrib import admin

from pst_frontoffice.admin_baca import HanyaBacaAdmin
from pst_frontoffice.skm import FIELD_UNSUR

from .models import Penilaian, RiwayatRating, SurveiSKD

# Ratings come from visitors and officers' actions: the admin reads them, never edits or deletes.

@admin.register(Penilaian)
class PenilaianAdmin(HanyaBacaAdmin):
    list_display = ("layanan", "diisi_pada", "rata_rata", "ada_pengaduan", "berlaku_sampai")
    list_filter = ("diisi_pada", "layanan__jenis")
    list_select_related = ("layanan__jenis", "layanan__kunjungan")
    search_fields = ("pengaduan", "komentar", "layanan__kunjungan__nama")
    fields = ("layanan", "dibuat", "berlaku_sampai", "diisi_pada", *FIELD_UNSUR, "komentar", "pengaduan")

    @admin.display(boolean=True, description="pengaduan")
    def ada_pengaduan(self, obj):
        return bool(obj.pengaduan)


@admin.register(SurveiSKD)
class SurveiSKDAdmin(HanyaBacaAdmin):
    list_display = ("layanan", "jumlah_dibuka", "terakhir_dibuka", "diisi_pada", "ditandai_oleh")
    list_select_related = ("layanan__jenis", "layanan__kunjungan", "ditandai_oleh")
    exclude = ("token",)


@admin.register(RiwayatRating)
class RiwayatRatingAdmin(HanyaBacaAdmin):
    list_display = ("layanan", "jenis", "oleh", "waktu")
    list_filter = ("jenis",)
    list_select_related = ("layanan__jenis", "layanan__kunjungan", "oleh")
