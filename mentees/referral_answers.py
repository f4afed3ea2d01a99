"""What the person answered, as rows of a GOV.UK summary list: for check your answers, and
for the coordinator's view of the referral."""

from collections.abc import Callable

from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _

from providers.constants import Language
from providers.eligibility import NOT_SAY, OFFENCE_WORDS
from providers.pathways import plain_words

from .constants import (
    SERVICES_NEARBY,
    CompletedBy,
    ContactMethod,
    LivedExperiencePreference,
    MentorGenderPreference,
    Situation,
    WorkerRole,
)
from .journey import Progress


def _date(value) -> str:
    return format_date(value, "j F Y") if value else ""


def _label(choices, value) -> str:
    return str(dict(choices).get(value, value or ""))


def contact_lines(data: dict) -> str:
    details = {
        ContactMethod.PHONE: data.get("phone"),
        ContactMethod.EMAIL: data.get("email"),
        ContactMethod.LETTER: data.get("postal_address"),
        ContactMethod.PROBATION: data.get("probation_practitioner"),
    }
    lines = []
    for method in data.get("contact_methods") or []:
        detail = details.get(method)
        label = _label(ContactMethod.choices, method)
        lines.append(f"{label}: {detail}" if detail else label)
    return "\n".join(lines)


def rows_for(slug: str, data: dict) -> list[tuple[str, str]]:
    """(question, answer) pairs for one page's answers."""
    if slug == "who":
        return [(_("Filled in by"), _label(CompletedBy.choices, data["completed_by"]))]
    if slug == "your-details":
        lines = [
            data["worker_name"],
            _label(WorkerRole.choices, data["worker_role"]),
            data["worker_organisation"],
            data["worker_email"],
            data.get("worker_phone", ""),
        ]
        return [(_("Your details"), "\n".join(line for line in lines if line))]
    if slug == "name":
        return [(_("Name"), data["full_name"])]
    if slug == "date-of-birth":
        return [(_("Date of birth"), _date(data["date_of_birth"]))]
    if slug == "where-now":
        return [(_("Where now"), _label(Situation.choices, data["situation"]))]
    if slug == "prison":
        return [(_("Prison"), str(data["prison"]))]
    if slug == "prison-number":
        return [(_("Prison number"), data["prison_number"] or _("Not known"))]
    if slug == "release-date":
        return [
            (_("Expected release date"), _date(data["expected_release_date"]) or _("Not known"))
        ]
    if slug == "area":
        area = data["local_authority"]
        return [(_("Council area"), str(area) if area else _("Not known yet"))]
    if slug == "help":
        needs = "\n".join(plain_words(term).capitalize() for term in data["needs"])
        rows = [(_("Help wanted"), needs)]
        if data.get("needs_details"):
            rows.append((_("Anything else"), data["needs_details"]))
        return rows
    if slug == "mentor":
        return [
            (_("Mentor's gender"), _label(MentorGenderPreference.choices, data["mentor_gender"])),
            (
                _("Mentor with lived experience"),
                _label(LivedExperiencePreference.choices, data["lived_experience"]),
            ),
            (_("Language"), _label(Language.choices, data["language"])),
        ]
    if slug == "gender":
        gender = {"man": _("A man"), "woman": _("A woman")}.get(
            data["gender"], _("I would rather not say")
        )
        return [(_("Man or woman"), gender)]
    if slug == "offences":
        offences = data["offences"]
        if offences == NOT_SAY:
            said = _("I would rather not say")
        else:
            said = "\n".join(OFFENCE_WORDS[code].capitalize() for code in offences)
        return [(_("Offences some services cannot work with"), said or _("None of these"))]
    if slug == "choose-a-service":
        service = data["service"]
        if service == SERVICES_NEARBY:
            return [(_("Mentoring service"), _("Any service near you that can help"))]
        return [(_("Mentoring service"), f"{service.name} ({service.organisation.name})")]
    if slug == "contact":
        return [(_("How to make contact"), contact_lines(data))]
    if slug == "consent":
        return [(_("Agreed to sharing"), _("Yes"))]
    return []


def summary_rows(progress: Progress, *, change_url: Callable) -> list[dict]:
    rows = []
    for step in progress.applicable:
        for key, value in rows_for(step.slug, progress.answers):
            rows.append({"key": key, "value": value, "href": change_url(step)})
    return rows
