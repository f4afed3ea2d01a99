"""For platform admins: the national comparators. Outcome
records are kept in the product's own screens; snapshots can be looked at, never changed."""

from django.contrib import admin

from .models import Comparator, ReportSnapshot


@admin.register(Comparator)
class ComparatorAdmin(admin.ModelAdmin):
    list_display = ["name", "rate", "period", "published", "is_default"]
    list_editable = ["is_default"]


@admin.register(ReportSnapshot)
class ReportSnapshotAdmin(admin.ModelAdmin):
    list_display = ["scope_key", "period_kind", "period_start", "origin", "created_at"]
    list_filter = ["scope", "period_kind", "origin"]
    exclude = ["pdf", "csv", "data"]
    readonly_fields = [
        "scope",
        "organisation",
        "region",
        "scope_key",
        "period_kind",
        "period_start",
        "period_end",
        "origin",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
