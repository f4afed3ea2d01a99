"""What the printable directory for a prison or area contains, ready for either renderer.

The services are exactly those the public directory lists for the same prison or area; every
sentence a reader sees is written here, so the web page and the PDF cannot drift apart.

Grouping: each service is written out in full once, under the first of its pathways in the
taxonomy's order, and numbered; every other pathway it helps with lists it as a one-line
cross-reference to that number. On paper, repeating every entry under each of its pathways would
make the list two or three times as long and make one service look like several; numbered
cross-references keep each pathway's list complete while the details appear once.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Prefetch
from django.utils.text import capfirst, slugify

from ..models import LocalAuthority, Prison, Region, Service, TaxonomyTerm
from ..search import DirectoryFilters, apply_filters, public_services

# Long lists of councils or prisons are cut short on paper.
MAX_NAMES = 8
OTHER_SECTION = "Other mentoring services"
HELP_TO_ASK = "A key worker, the resettlement team or the prison library can help you ask."

Place = Prison | LocalAuthority | Region


@dataclass(frozen=True)
class Fact:
    """One labelled detail of a service; each line is printed on its own line."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    number: int
    name: str
    organisation: str
    summary: str
    facts: tuple[Fact, ...]
    section: str  # the name of the section it is written out under

    @property
    def anchor(self) -> str:
        return f"service-{self.number}"


@dataclass
class Section:
    """A resettlement pathway (or the catch-all for services with none) and its services."""

    anchor: str
    name: str
    description: str
    entries: list[Entry] = field(default_factory=list)
    # Services written out under an earlier pathway that also help with this one.
    also: list[Entry] = field(default_factory=list)

    @property
    def count(self) -> str:
        number = len(self.entries) + len(self.also)
        return f"{number} service{'' if number == 1 else 's'}"


@dataclass(frozen=True)
class PrintableDirectory:
    place_name: str
    scope: str  # which services are included, in a sentence
    made_on: date
    sections: tuple[Section, ...]
    service_count: int
    check_online_at: str  # where staff can check the latest details, as text

    @property
    def title(self) -> str:
        return f"Mentoring services: {self.place_name}"

    @property
    def correct_on(self) -> str:
        return f"Correct on {self.made_on.day} {self.made_on:%B %Y}"

    @property
    def intro(self) -> tuple[str, ...]:
        """The notes printed under the title."""
        return (
            self.scope,
            "Services change: a service may stop taking new people, move or close. Before you "
            "count on one, ask your key worker, the resettlement team or the prison library to "
            "check it is still running, or contact the service yourself.",
            f"Staff can check the latest details in the {settings.SERVICE_NAME} directory at "
            f"{self.check_online_at}.",
            HELP_TO_ASK,
        )

    @property
    def empty_message(self) -> str:
        return (
            f"No mentoring services in the directory cover {self.place_name} at the moment. "
            "Ask your key worker, the resettlement team or the prison library about other "
            "support."
        )

    def filename(self, extension: str) -> str:
        return (
            f"mentoring-services-{slugify(self.place_name)}-{self.made_on.isoformat()}.{extension}"
        )


def printable_directory(place: Place, *, made_on: date, check_online_at: str) -> PrintableDirectory:
    """The directory for one prison, council area or region, in a fixed number of queries."""
    services = list(_services_for(place))
    return PrintableDirectory(
        place_name=place.name,
        scope=_scope(place),
        made_on=made_on,
        sections=tuple(_sections(services)),
        service_count=len(services),
        check_online_at=check_online_at,
    )


def _services_for(place: Place):
    if isinstance(place, Prison):
        filters = DirectoryFilters(prison=place, sort="name")
    elif isinstance(place, LocalAuthority):
        filters = DirectoryFilters(local_authority=place, sort="name")
    else:
        filters = DirectoryFilters(region=place, sort="name")
    return apply_filters(public_services(), filters).prefetch_related(
        Prefetch("regions", queryset=Region.objects.order_by("name")),
        Prefetch("local_authorities", queryset=LocalAuthority.objects.order_by("name")),
        Prefetch("prisons", queryset=Prison.objects.order_by("name")),
    )


def _scope(place: Place) -> str:
    if isinstance(place, Prison):
        return f"Mentoring services that work with people in {place.name}."
    if isinstance(place, LocalAuthority):
        return (
            f"Mentoring services for people living in {place.name}, including services that "
            f"cover all of {place.region.name} or all of England and Wales."
        )
    return (
        f"Mentoring services for people living anywhere in {place.name}, including services "
        "that cover all of England and Wales."
    )


def _sections(services: list[Service]) -> list[Section]:
    """Pathway sections in the taxonomy's order, then services with no pathway; empty ones
    are left out. Services arrive sorted by name, so each section lists them by name."""
    sections = {
        term.code: Section(anchor=term.code, name=term.name, description=term.description)
        for term in TaxonomyTerm.objects.pathways().order_by("position")
    }
    other = Section(
        anchor="other",
        name=OTHER_SECTION,
        description="Services that have not said which pathways they help with.",
    )
    position = {code: i for i, code in enumerate(sections)}
    placed: list[tuple[Service, list[Section]]] = []
    for service in services:
        codes = sorted(
            (term.code for term in service.pathways.all() if term.code in position),
            key=position.__getitem__,
        )
        placed.append((service, [sections[code] for code in codes] or [other]))
    # Number the services in the order a reader meets them: by section, then by name.
    order = {id(section): i for i, section in enumerate([*sections.values(), other])}
    placed.sort(key=lambda pair: order[id(pair[1][0])])
    for number, (service, own) in enumerate(placed, start=1):
        entry = _entry(number, service, section=own[0].name)
        own[0].entries.append(entry)
        for section in own[1:]:
            section.also.append(entry)
    for section in sections.values():
        section.also.sort(key=lambda entry: entry.number)
    return [section for section in [*sections.values(), other] if section.entries or section.also]


def _entry(number: int, service: Service, *, section: str) -> Entry:
    facts = [
        Fact("Helps with", tuple(term.name for term in service.pathways.all()) or ("Not stated",)),
        Fact("Who it is for", _who(service)),
        Fact("Where", _where(service)),
        Fact("Mentors", tuple(service.mentor_types_display) or ("Not stated",)),
    ]
    if service.languages:
        facts.append(Fact("Languages", (", ".join(service.languages_display),)))
    if not service.is_free:
        facts.append(Fact("Cost", (service.cost_description or "There may be a charge",)))
    facts.append(Fact("Taking new people", (_taking(service),)))
    facts.append(Fact("How to ask", _how_to_ask(service)))
    contact = _contact(service)
    if contact:
        facts.append(Fact("Contact", contact))
    return Entry(
        number=number,
        name=service.name,
        organisation=service.organisation.name,
        summary=service.summary,
        facts=tuple(facts),
        section=section,
    )


def _who(service: Service) -> tuple[str, ...]:
    who = service.get_gender_display()
    low, high = service.minimum_age, service.maximum_age
    if low and high:
        who += f", aged {low} to {high}"
    elif low:
        who += f", aged {low} or over"
    elif high:
        who += f", aged {high} or under"
    lines = [who]
    if service.eligibility:
        lines.append(service.eligibility)
    if service.excluded_offences:
        offences = ", ".join(service.excluded_offences_display)
        lines.append(f"Cannot take people convicted of: {offences}")
    return tuple(lines)


def _names(names: list[str]) -> str:
    if len(names) > MAX_NAMES:
        return f"{', '.join(names[:MAX_NAMES])} and {len(names) - MAX_NAMES} more"
    return ", ".join(names)


def _where(service: Service) -> tuple[str, ...]:
    lines = [capfirst(", ".join(service.settings_display).lower()) or "Not stated"]
    if service.national:
        lines.append("Covers all of England and Wales")
    else:
        areas = [f"all of {region.name}" for region in service.regions.all()]
        areas += [council.name for council in service.local_authorities.all()]
        if areas:
            lines.append(f"Covers {_names(areas)}")
    prisons = [prison.name for prison in service.prisons.all()]
    if prisons:
        lines.append(f"Prisons: {_names(prisons)}")
    return tuple(lines)


def _taking(service: Service) -> str:
    if not service.accepting_referrals:
        return "Not at the moment. You can still ask to go on the waiting list."
    if service.typical_wait_weeks is not None:
        weeks = service.typical_wait_weeks
        return f"Yes, usually within {weeks} week{'' if weeks == 1 else 's'}"
    return "Yes"


def _how_to_ask(service: Service) -> tuple[str, ...]:
    lines = list(service.referral_routes_display)
    if service.how_to_refer:
        lines.append(service.how_to_refer)
    lines.append(HELP_TO_ASK)
    return tuple(lines)


def _contact(service: Service) -> tuple[str, ...]:
    """The service's own telephone and email, or else its organisation's (as its page does).

    Websites are left out: people in prison cannot visit them, and a page for a screened content
    system should not point anywhere else."""
    phone, email = service.phone, service.email
    if not phone and not email:
        phone, email = service.organisation.phone, service.organisation.email
    lines = []
    if phone:
        lines.append(f"Telephone: {phone}")
    if email:
        lines.append(f"Email: {email}")
    return tuple(lines)
