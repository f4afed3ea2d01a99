"""Org admins export a person's record (subject access) and erase it."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render

from providers.permissions import org_admin_required

from ..services import privacy
from ..services.cases import live_relationship_problem
from ..tenancy import get_mentee_for_user_or_404


@org_admin_required
def mentee_export(request, mentee_id):
    """The printable page, or with ?format=json the machine-readable file. Both audited."""
    mentee = get_mentee_for_user_or_404(request.user, request.membership.organisation, mentee_id)
    wanted = request.GET.get("format", "")
    if wanted not in ("", "json"):
        messages.error(request, "Choose the printable page or the JSON file.")
        return redirect("mentees:mentee_export", mentee_id=mentee.pk)
    data = privacy.mentee_export(actor=request.user, mentee=mentee, request=request)
    if wanted == "json":
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False, cls=DjangoJSONEncoder),
            content_type="application/json",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{mentee.reference}-subject-access.json"'
        )
        response["Cache-Control"] = "private, no-store"
        return response
    return render(
        request,
        "mentees/cases/export.html",
        {
            "mentee": mentee,
            "data": data,
            "case_rows": _rows(data["case_record"]),
            "referral_rows": _rows(data["referral"] or {}),
        },
    )


def _rows(section: dict) -> list[dict]:
    """A section of the export as summary-list rows: "date_of_birth" reads "Date of birth"."""
    rows = []
    for key, value in section.items():
        if isinstance(value, list):
            value = ", ".join(value)
        rows.append({"key": key.replace("_", " ").capitalize(), "value": value or "–"})
    return rows


@org_admin_required
def mentee_erase(request, mentee_id):
    mentee = get_mentee_for_user_or_404(request.user, request.membership.organisation, mentee_id)
    if mentee.erased_at:
        messages.error(request, "This record has already been erased.")
        return redirect("mentees:mentee_detail", mentee_id=mentee.pk)
    problem = live_relationship_problem(mentee)
    not_yet = f"The personal details cannot be erased yet. {problem}" if problem else ""
    if request.method == "POST" and not not_yet:
        if request.POST.get("confirm") != mentee.reference:
            return render(
                request,
                "mentees/cases/erase.html",
                {
                    "mentee": mentee,
                    "error": f"Type the reference {mentee.reference} to confirm",
                },
                status=400,
            )
        try:
            privacy.mentee_erase(actor=request.user, mentee=mentee, request=request)
        except ValidationError as error:
            return render(
                request,
                "mentees/cases/erase.html",
                {"mentee": mentee, "not_yet": " ".join(error.messages)},
                status=400,
            )
        messages.success(request, f"The personal details of {mentee.reference} are erased.")
        return redirect("mentees:mentee_detail", mentee_id=mentee.pk)
    return render(
        request,
        "mentees/cases/erase.html",
        {"mentee": mentee, "not_yet": not_yet},
        status=400 if request.method == "POST" else 200,
    )
