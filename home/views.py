"""The signed-in home: what this person can do, by role, drawn from several apps."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from accreditation.services import current_award, open_application
from matching.overview import coordinator_overview
from mentees.models import Referral
from providers.models import Service


@login_required
def dashboard(request):
    """The signed-in home page: what this person can do, by role."""
    rows = []
    if request.membership:
        organisation = request.membership.organisation
        rows = [
            {"key": "Your role", "value": request.membership.get_role_display()},
            {"key": "Organisation status", "value": organisation.get_status_display()},
            {"key": "Region", "value": organisation.region},
        ]
        if len(request.memberships) > 1:
            rows[0]["href"] = reverse("providers:organisation_switch")
            rows[0]["action"] = "Switch organisation"
            rows[0]["action_context"] = ""
        if request.membership.is_staff_role and organisation.is_active:
            rows.append(_referrals_waiting_row(request.user, organisation))
        if request.membership.is_org_admin and organisation.is_active:
            rows.append(_services_to_check_row(request.user, organisation))
            rows.append(_accreditation_row(organisation))
    context = {"organisation_rows": rows}
    membership = request.membership
    if membership and membership.is_staff_role and membership.organisation.is_active:
        context["overview"] = coordinator_overview(request.user, membership.organisation)
    return render(request, "home/dashboard.html", context)


def _referrals_waiting_row(user, organisation) -> dict:
    waiting = Referral.objects.visible_to(user).filter(organisation=organisation).open().count()
    return {
        "key": "Referrals waiting",
        "value": f"{waiting} waiting for a decision" if waiting else "None waiting",
        "href": reverse("mentees:referral_inbox"),
        "action": "See",
        "action_context": "referrals",
    }


def _services_to_check_row(user, organisation) -> dict:
    due = Service.objects.visible_to(user).filter(organisation=organisation).review_due().count()
    return {
        "key": "Services to check",
        "value": f"{due} not checked for 6 months" if due else "All checked in the last 6 months",
        "href": reverse("providers:listings"),
        "action": "See",
        "action_context": "your services",
    }


def _accreditation_row(organisation) -> dict:
    award, application = current_award(organisation), open_application(organisation)
    if application is not None:
        value = f"{application.get_kind_display()}: {application.get_status_display().lower()}"
    elif award is not None:
        value = f"Held until {award.expires_on:%-d %B %Y}"
    else:
        value = "Not held"
    return {
        "key": "Approved Provider Standard",
        "value": value,
        "href": reverse("accreditation:overview"),
        "action": "See",
        "action_context": "your accreditation",
    }
