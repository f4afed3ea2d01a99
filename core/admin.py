"""The outbox in Django's admin, for platform admins: what is waiting, what was sent, and what
was given up after every try, with "Send again" for those. Bodies are not shown: an email may
be about a person, and the subject and the error are enough to act on."""

from django.contrib import admin, messages

from . import outbox
from .models import OutboxMessage, OutboxStatus


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["id", "created_at", "recipient", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["recipient", "subject"]
    fields = [
        "created_at",
        "recipient",
        "subject",
        "status",
        "attempts",
        "available_at",
        "leased_until",
        "sent_at",
        "last_error",
    ]
    readonly_fields = fields
    actions = ["send_again"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Send again (emails given up only)")
    def send_again(self, request, queryset):
        ids = list(queryset.filter(status=OutboxStatus.DEAD).values_list("id", flat=True))
        count = outbox.retry(ids=ids)
        self.message_user(
            request,
            f"{count} email{'s' if count != 1 else ''} will be sent again. Emails not given up "
            "are left as they are.",
            messages.SUCCESS,
        )
