from django.contrib import admin, messages

from accounts.admin import ReadOnlyAdmin, ReadOnlyInline

from . import services
from .constants import OrganisationStatus
from .models import Invitation, LocalAuthority, Membership, Organisation, Prison, Region


class MembershipInline(ReadOnlyInline):
    model = Membership
    fk_name = "organisation"
    fields = ["user", "role", "joined_at", "removed_at"]
    readonly_fields = fields


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Status changes go through the audited service, via the actions, never the form."""

    list_display = ["name", "status", "region", "created_at"]
    list_filter = ["status", "region"]
    search_fields = ["name", "charity_number"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["status", "status_reason"]
    actions = ["approve"]
    inlines = [MembershipInline]

    @admin.action(description="Approve selected organisations")
    def approve(self, request, queryset):
        for organisation in queryset.exclude(status=OrganisationStatus.ACTIVE):
            services.organisation_set_status(
                actor=request.user,
                organisation=organisation,
                status=OrganisationStatus.ACTIVE,
                request=request,
            )
            self.message_user(request, f"{organisation} is now active.", messages.SUCCESS)


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    """Read-only: people join an organisation only by an invitation from its own admin, through
    the audited services, so no platform admin can make themselves a member here."""

    list_display = ["user", "organisation", "role", "joined_at", "removed_at"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__email", "organisation__name"]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    """Read-only for the same reason: an invitation is a membership waiting to be accepted."""

    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role"]
    exclude = ["token"]


@admin.register(Prison)
class PrisonAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "probation_region", "function", "is_open"]
    list_filter = ["probation_region", "womens_estate", "is_open"]
    search_fields = ["name", "code"]


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(admin.ModelAdmin):
    list_display = ["name", "gss_code", "region", "kind"]
    list_filter = ["region"]
    search_fields = ["name", "gss_code"]


admin.site.register(Region)
