from django.contrib import admin


class HanyaBacaAdmin(admin.ModelAdmin):
    """Admin pages for records the app appends (history, numbers, ratings, attendance, the log):
    readable by an Admin, never added, edited or deleted there."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
