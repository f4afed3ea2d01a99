"""An application's answers as summary-list rows, for checking answers and for staff."""

from django.urls import reverse
from django.utils.formats import date_format

from core.availability import AVAILABILITY_CHOICES


def _join(values) -> str:
    return ", ".join(str(value) for value in values)


def _yes_no(value) -> str:
    return "" if value is None else ("Yes" if value else "No")


def _date(value) -> str:
    return date_format(value, "j F Y") if value else ""


def answer_sections(application, *, editable: bool, include_disclosure: bool = True):
    """[(heading, [row, ...]), ...]; each row has key, value and, when editable, a change link.

    Staff see the criminal record disclosure on its own audited page, so `include_disclosure`
    is False for them.
    """
    slots = dict(AVAILABILITY_CHOICES)
    references = list(application.references.all())

    def row(key, value, step):
        item = {"key": key, "value": value}
        if editable:
            url = reverse("volunteers:volunteer_application_step", args=[application.pk, step])
            item["href"] = f"{url}?from=check"
        return item

    sections = [
        (
            "About you",
            [
                row("Full name", application.full_name, "about-you"),
                row("Date of birth", _date(application.date_of_birth), "about-you"),
                row("Gender", application.gender_display, "about-you"),
                row("Telephone", application.phone, "about-you"),
                row("Postcode", application.postcode, "about-you"),
                row(
                    "Lived experience",
                    _join(application.lived_experience_display) or "None given",
                    "lived-experience",
                ),
                row(
                    "About your lived experience",
                    application.lived_experience_details or "None given",
                    "lived-experience",
                ),
            ],
        ),
        (
            "When and where",
            [
                row(
                    "Usually free",
                    _join(slots[code] for code in application.availability if code in slots),
                    "availability",
                ),
                row(
                    "Council areas",
                    _join(la.name for la in application.local_authorities.all()),
                    "areas",
                ),
                row("Can visit prisons", _yes_no(application.can_visit_prisons), "areas"),
                row("Languages", _join(application.languages_display), "languages"),
            ],
        ),
        (
            "Your experience",
            [
                row(
                    "Kinds of help",
                    _join(term.name for term in application.pathways.all()),
                    "skills",
                ),
                row("Experience", application.experience or "None given", "skills"),
                row("Why you want to mentor", application.motivation, "motivation"),
            ],
        ),
        (
            "Checks",
            [
                *[
                    row(
                        f"Referee {reference.position}",
                        _join(
                            part
                            for part in (
                                reference.name,
                                reference.relationship,
                                reference.email,
                                reference.phone,
                            )
                            if part
                        ),
                        "referees",
                    )
                    for reference in references
                ],
                *(_disclosure_rows(application, row) if include_disclosure else []),
                row(
                    "Agrees to a DBS check",
                    _yes_no(application.dbs_consent)
                    if "dbs-consent" in application.completed_steps
                    else "",
                    "dbs-consent",
                ),
            ],
        ),
    ]
    return sections


def _disclosure_rows(application, row):
    disclosure = getattr(application, "disclosure", None)
    if disclosure is None:
        return [row("Criminal record", "", "criminal-record")]
    rows = [
        row("Criminal record to tell us about", _yes_no(disclosure.has_record), "criminal-record")
    ]
    if disclosure.has_record:
        rows.append(row("What you told us", disclosure.details or "Nothing yet", "criminal-record"))
    return rows
