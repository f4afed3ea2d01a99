"""Platform admins edit the standard here. A published version is read-only: to change the
standard, copy the current version as a draft, edit its areas and requirements, then publish it.
Applications and awards change only through the audited services, so they are read-only here."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from accounts.admin import ReadOnlyAdmin

from . import services
from .models import Application, Area, Award, Requirement, Standard


def _editable(obj) -> bool:
    return obj is None or not obj.is_published


class AreaInline(admin.TabularInline):
    model = Area
    extra = 0
    fields = ["position", "title", "description"]

    def has_add_permission(self, request, obj=None):
        return _editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _editable(obj) and super().has_delete_permission(request, obj)


@admin.register(Standard)
class StandardAdmin(admin.ModelAdmin):
    list_display = ["version", "title", "status", "published_at"]
    readonly_fields = ["status", "published_at", "created_at"]
    inlines = [AreaInline]
    actions = ["copy_as_draft", "publish"]

    def has_change_permission(self, request, obj=None):
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _editable(obj) and super().has_delete_permission(request, obj)

    @admin.action(description="Copy as a new draft version")
    def copy_as_draft(self, request, queryset):
        for standard in queryset:
            version = _next_version(standard.version)
            copy = services.standard_copy(
                actor=request.user, standard=standard, version=version, request=request
            )
            self.message_user(
                request,
                f"Version {copy.version} is a draft copy of {standard.version}. Edit it, then "
                "publish it.",
                messages.SUCCESS,
            )

    @admin.action(description="Publish (new applications will use it)")
    def publish(self, request, queryset):
        for standard in queryset:
            try:
                services.standard_publish(actor=request.user, standard=standard, request=request)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request, f"Version {standard.version} is published.", messages.SUCCESS
                )


def _next_version(version: str) -> str:
    candidate, n = f"{version}-draft", 1
    while Standard.objects.filter(version=candidate).exists():
        n += 1
        candidate = f"{version}-draft{n}"
    return candidate


@admin.register(Requirement)
class RequirementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "code", "standard"]
    list_filter = ["standard"]
    search_fields = ["title", "code"]
    fields = ["area", "position", "code", "title", "description", "guidance"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("area", "standard")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "area":
            kwargs["queryset"] = Area.objects.filter(standard__status="draft").select_related(
                "standard"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = obj is None or not obj.standard.is_published
        return allowed and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = obj is None or not obj.standard.is_published
        return allowed and super().has_delete_permission(request, obj)


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["reference", "organisation", "kind", "status", "started_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["reference", "organisation__name"]
    exclude = ["changes_since_award", "feedback"]


@admin.register(Award)
class AwardAdmin(ReadOnlyAdmin):
    list_display = ["verification_code", "organisation", "awarded_on", "expires_on", "withdrawn_at"]
    search_fields = ["verification_code", "organisation__name"]
