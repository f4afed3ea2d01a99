"""Django admin for platform admins. Nothing here grants a role or lets an admin become
someone else: memberships, platform roles, admin rights, email addresses and passwords change
only through our audited services or the person's own account pages (issue 18)."""

from allauth.account.admin import EmailAddressAdmin as AllauthEmailAddressAdmin
from allauth.account.models import EmailAddress
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.utils.text import format_lazy

from .models import AuditEvent, CommissionerRegion, User


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never added, changed or deleted here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
    # platform_role changes only through accounts.services.platform_role_set (the page above);
    # admin rights only with `manage.py createsuperuser`. The email address and password are
    # the person's own: an admin who could set them could sign in as that person.
    readonly_fields = ["platform_role", "is_staff", "is_superuser", "last_login", "date_joined"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.readonly_fields
        return [*self.readonly_fields, "email"]

    def user_change_password(self, request, id, form_url=""):
        raise PermissionDenied("A person's password is changed only by that person.")

    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: the database refuses changes to audit events anyway."""

    list_display = ["occurred_at", "actor_email", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_email", "object_id", "object_repr"]
    date_hierarchy = "occurred_at"


admin.site.unregister(EmailAddress)


@admin.register(EmailAddress)
class EmailAddressAdmin(ReadOnlyAdmin, AllauthEmailAddressAdmin):
    """An address set here could be sent a password reset: people change their own."""

    actions = []


@admin.register(CommissionerRegion)
class CommissionerRegionAdmin(ReadOnlyAdmin):
    """Read-only: a commissioner's region is part of their role, given with it on the audited
    "People with platform roles" page (services.platform_role_set)."""

    list_display = ["user", "region"]
    list_filter = ["region"]
