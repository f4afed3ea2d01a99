from django.core.paginator import Paginator
from django.shortcuts import render

from core.permissions import membership_passes

from ..forms import AuditFilterForm
from ..models import AuditEvent

AUDIT_PAGE_SIZE = 50


@membership_passes(lambda membership: membership.is_org_admin)
def audit_log(request):
    organisation = request.membership.organisation
    events = AuditEvent.objects.visible_to(request.user).filter(organisation=organisation)
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        events = form.filter(events)
    elif form.is_bound:
        events = events.none()
    page = Paginator(events.select_related("actor"), AUDIT_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "accounts/audit_log.html",
        {"form": form, "page": page, "organisation": organisation},
    )
