from django.contrib import admin

from .models import Invitation, LocalAuthority, Membership, Organisation, Prison, Region


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "region", "created_at"]
    list_filter = ["status", "region"]
    search_fields = ["name", "charity_number"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "joined_at", "removed_at"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__email", "organisation__name"]
    raw_id_fields = ["user", "removed_by"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role"]
    exclude = ["token"]
    raw_id_fields = ["invited_by", "accepted_by"]


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
