from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from pst_frontoffice.admin_baca import HanyaBacaAdmin

from .models import AkunSso, PermintaanMasukSso


@admin.register(AkunSso)
class AkunSsoAdmin(admin.ModelAdmin):
    """The SSO BPS identities linked to accounts. Deleting a link makes that identity ask again
    (it goes back to the approval list unless its NIP or verified e-mail matches an account)."""

    list_display = ("pengguna", "sub", "cara", "ditautkan", "terakhir_masuk")
    list_filter = ("cara",)
    search_fields = ("pengguna__nama", "pengguna__email", "sub")
    readonly_fields = ("pengguna", "issuer", "sub", "cara", "ditautkan", "terakhir_masuk")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PermintaanMasukSso)
class PermintaanMasukSsoAdmin(HanyaBacaAdmin):
    list_display = ("__str__", "email", "nip", "status", "terakhir", "jumlah", "halaman")
    list_filter = ("status",)
    search_fields = ("nama", "email", "nama_pengguna", "nip", "sub")

    @admin.display(description="diputuskan di")
    def halaman(self, obj):
        return format_html('<a href="{}">Permintaan Masuk SSO</a>', reverse("sso:permintaan"))
