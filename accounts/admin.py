from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.urls import reverse_lazy
from django.utils.text import format_lazy

from .models import AuditEvent, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "platform_role", "is_active", "is_staff"]
    list_filter = ["platform_role", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Personal details", {"fields": ["full_name"]}),
        (
            "Roles",
            {
                "fields": ["platform_role", "is_active", "is_staff", "is_superuser"],
                "description": format_lazy(
                    'Platform roles are given and changed on <a href="{}">People with platform '
                    "roles</a>, which asks a commissioner's region, keeps an assessment with its "
                    "assessor and writes every change to the audit log.",
                    reverse_lazy("accounts:platform_people"),
                ),
            },
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    # Changed only through accounts.services.platform_role_set (the page above).
    readonly_fields = ["platform_role"]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the database refuses changes to audit events anyway."""

    list_display = ["occurred_at", "actor_email", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_email", "object_id", "object_repr"]
    date_hierarchy = "occurred_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
