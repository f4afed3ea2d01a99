"""Everyone's notifications, read and unread, and which kinds they want by email."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from core.fields import posted
from core.forms import form_status, saved
from core.wording import days_ago
from providers.tenancy import set_active_organisation

from ..forms import EmailPreferencesForm
from ..models import EmailPreference, Notification
from ..notification_kinds import SAFEGUARDING_KINDS, NotificationKind
from ..notification_names import with_names
from ..services.notifications import mark_read, set_email_preferences

PER_PAGE = 25


def _day_heading(day, today) -> str:
    gap = (today - day).days
    return days_ago(gap).capitalize() if gap in (0, 1) else f"{day:%-d %B %Y}"


def by_day(notifications) -> list[tuple[str, list]]:
    """The page's notifications under a heading a day: "Today", "Yesterday", "3 December 2026"."""
    today = timezone.localdate()
    groups = []
    for notification in notifications:
        heading = _day_heading(timezone.localdate(notification.created_at), today)
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append(notification)
    return groups


@login_required
def notification_list(request):
    notifications = Notification.objects.filter(user=request.user)
    page = Paginator(notifications.select_related("organisation"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "matching/notifications.html",
        {
            "page": page,
            "days": by_day(with_names(request.user, page)),
            "unread": notifications.filter(read_at__isnull=True).count(),
        },
    )


@login_required
def notification_open(request, notification_id):
    """Mark it read and go where it points (only ever a page of ours), working for the
    organisation it is about: its pages are that organisation's."""
    notification = get_object_or_404(Notification, user=request.user, pk=notification_id)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    if not notification.link or not url_has_allowed_host_and_scheme(
        notification.link, allowed_hosts=None
    ):
        return redirect("matching:notifications")
    wanted = notification.organisation_id
    if wanted and (request.membership is None or request.membership.organisation_id != wanted):
        membership = next((m for m in request.memberships if m.organisation_id == wanted), None)
        if membership is None:
            messages.info(
                request,
                f"You no longer work for {notification.organisation}, so its pages "
                "are closed to you.",
            )
            return redirect("matching:notifications")
        set_active_organisation(request, membership)
        messages.info(request, f"You are now working for {membership.organisation}.")
    return redirect(notification.link)


@login_required
@require_POST
def notifications_read(request):
    mark_read(user=request.user, notifications=Notification.objects.all())
    return redirect("matching:notifications")


@login_required
def email_preferences(request):
    emailed = [kind for kind, _ in NotificationKind.choices if kind not in SAFEGUARDING_KINDS]
    unwanted = set(EmailPreference.objects.filter(user=request.user).values_list("kind", flat=True))
    form = EmailPreferencesForm(
        posted(request), initial={"wanted": [kind for kind in emailed if kind not in unwanted]}
    )
    if request.method == "POST" and not request.POST.get("wanted"):
        form = EmailPreferencesForm({"wanted": []})  # Every box unticked: no optional emails.
    if saved(
        request,
        form,
        lambda data: set_email_preferences(
            user=request.user, unwanted=set(emailed) - set(data["wanted"])
        ),
        success="Your email choices are saved.",
    ):
        return redirect("matching:notifications")
    return render(
        request,
        "matching/email_preferences.html",
        {
            "form": form,
            "safeguarding": [NotificationKind(kind).label for kind in SAFEGUARDING_KINDS],
        },
        status=form_status(form),
    )
