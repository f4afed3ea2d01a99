"""What the printable directory for a prison or area contains, ready for either renderer.

The services are exactly those the public directory lists for the same prison or area; every
sentence a reader sees is written here, so the web page and the PDF cannot drift apart.

Grouping: each service is written out in full once, under the first of its pathways in the
taxonomy's order, and numbered; every other pathway it helps with lists it as a one-line
cross-reference to that number. On paper, repeating every entry under each of its pathways would
make the list two or three times as long and make one service look like several; numbered
cross-references keep each pathway's list complete while the details appear once.
"""

from dataclasses import dataclass, field, replace
from datetime import date

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..models import LocalAuthority, Prison, Region, Service, TaxonomyTerm
from ..pathways import plain_words
from ..search import DirectoryFilters, apply_filters, public_services

# Long lists of councils or prisons are cut short on paper.
MAX_NAMES = 8
OTHER_SECTION = gettext_lazy("Other mentoring services")
HELP_TO_ASK = gettext_lazy(
    "A key worker, the resettlement team or the prison library can help you ask."
)
ENGLISH = settings.LANGUAGE_CODE
WELSH = "cy"
# What a printed directory can be written in: one language, or Welsh then English.
PRINT_LANGUAGES = {ENGLISH: (ENGLISH,), WELSH: (WELSH,), "bilingual": (WELSH, ENGLISH)}

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
    anchor_prefix: str = ""  # keeps the anchors of a bilingual page's two halves apart

    @property
    def anchor(self) -> str:
        return f"{self.anchor_prefix}service-{self.number}"


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
        return ngettext("%(number)s service", "%(number)s services", number) % {"number": number}


@dataclass(frozen=True)
class PrintableDirectory:
    place_name: str
    scope: str  # which services are included, in a sentence
    made_on: date
    sections: tuple[Section, ...]
    service_count: int
    check_online_at: str  # where staff can check the latest details, as text
    language: str = ENGLISH
    anchor_prefix: str = ""  # as Entry.anchor_prefix
    # The same directory in English, printed after this Welsh one on a bilingual page.
    english: "PrintableDirectory | None" = None

    # The sentences below are read while the page is drawn, in {% language directory.language %}.
    @property
    def parts(self) -> tuple["PrintableDirectory", ...]:
        return (self, self.english) if self.english else (self,)

    @property
    def contents_anchor(self) -> str:
        return f"{self.anchor_prefix}contents"

    @property
    def html_lang(self) -> str:
        return "en-GB" if self.language == ENGLISH else self.language

    @property
    def title(self) -> str:
        return _("Mentoring services: %(place)s") % {"place": self.place_name}

    @property
    def correct_on(self) -> str:
        return _("Correct on %(date)s") % {"date": format_date(self.made_on, "j F Y")}

    @property
    def intro(self) -> tuple[str, ...]:
        """The notes printed under the title."""
        return (
            self.scope,
            _(
                "Services change: a service may stop taking new people, move or close. Before "
                "you count on one, ask your key worker, the resettlement team or the prison "
                "library to check it is still running, or contact the service yourself."
            ),
            _("Staff can check the latest details in the %(service)s directory at %(address)s.")
            % {"service": settings.SERVICE_NAME, "address": self.check_online_at},
            str(HELP_TO_ASK),
        )

    @property
    def empty_message(self) -> str:
        return _(
            "No mentoring services in the directory cover %(place)s at the moment. Ask your key "
            "worker, the resettlement team or the prison library about other support."
        ) % {"place": self.place_name}

    def filename(self, extension: str) -> str:
        written_in = "".join(f"-{part.language[:2]}" for part in self.parts)
        if written_in == "-en":
            written_in = ""
        place = slugify(self.place_name)
        return f"mentoring-services-{place}-{self.made_on.isoformat()}{written_in}.{extension}"


def printable_directory(
    place: Place, *, made_on: date, check_online_at: str, language: str = ENGLISH
) -> PrintableDirectory:
    """The directory for one prison, council area or region, in a fixed number of queries;
    `language` is a key of PRINT_LANGUAGES (bilingual: Welsh, then the English after it)."""
    services = list(_services_for(place))
    codes = PRINT_LANGUAGES.get(language, (ENGLISH,))
    written = [
        _written(place, services, made_on, check_online_at, language=code, bilingual=len(codes) > 1)
        for code in codes
    ]
    if len(written) == 2:
        return replace(written[0], english=written[1])
    return written[0]


def _written(place, services, made_on, check_online_at, *, language, bilingual):
    prefix = f"{language}-" if bilingual else ""
    with translation.override(language):
        return PrintableDirectory(
            place_name=place.name,
            scope=_scope(place),
            made_on=made_on,
            sections=tuple(_sections(services, prefix=prefix)),
            service_count=len(services),
            check_online_at=check_online_at,
            language=language,
            anchor_prefix=prefix,
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
        return _("Mentoring services that work with people in %(prison)s.") % {"prison": place.name}
    if isinstance(place, LocalAuthority):
        return _(
            "Mentoring services for people living in %(council)s, including services that cover "
            "all of %(region)s or all of England and Wales."
        ) % {"council": place.name, "region": place.region.name}
    return _(
        "Mentoring services for people living anywhere in %(region)s, including services that "
        "cover all of England and Wales."
    ) % {"region": place.name}


def _section_name(term: TaxonomyTerm) -> tuple[str, str]:
    """A pathway's heading and description: as the taxonomy words them in English; in Welsh,
    the pathway's plain words from our catalogue (the taxonomy's own text is English only)."""
    if translation.get_language() == ENGLISH:
        return term.name, term.description
    return capfirst(plain_words(term)), ""


def _sections(services: list[Service], *, prefix: str = "") -> list[Section]:
    """Pathway sections in the taxonomy's order, then services with no pathway; empty ones
    are left out. Services arrive sorted by name, so each section lists them by name."""
    sections = {
        term.code: Section(prefix + term.code, *_section_name(term))
        for term in TaxonomyTerm.objects.pathways().order_by("position")
    }
    other = Section(
        anchor=prefix + "other",
        name=str(OTHER_SECTION),
        description=_("Services that have not said which pathways they help with."),
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
        entry = _entry(number, service, section=own[0].name, prefix=prefix)
        own[0].entries.append(entry)
        for section in own[1:]:
            section.also.append(entry)
    for section in sections.values():
        section.also.sort(key=lambda entry: entry.number)
    return [section for section in [*sections.values(), other] if section.entries or section.also]


def _pathway_names(service: Service) -> tuple[str, ...]:
    if translation.get_language() == ENGLISH:
        return tuple(term.name for term in service.pathways.all())
    return tuple(capfirst(plain_words(term)) for term in service.pathways.all())


def _entry(number: int, service: Service, *, section: str, prefix: str = "") -> Entry:
    not_stated = _("Not stated")
    facts = [
        Fact(_("Helps with"), _pathway_names(service) or (not_stated,)),
        Fact(_("Who it is for"), _who(service)),
        Fact(_("Where"), _where(service)),
        Fact(_("Mentors"), tuple(str(m) for m in service.mentor_types_display) or (not_stated,)),
    ]
    if service.languages:
        facts.append(Fact(_("Languages"), (", ".join(map(str, service.languages_display)),)))
    if not service.is_free:
        cost = service.cost_description or _("There may be a charge")
        facts.append(Fact(_("Cost"), (cost,)))
    facts.append(Fact(_("Taking new people"), (_taking(service),)))
    facts.append(Fact(_("How to ask"), _how_to_ask(service)))
    contact = _contact(service)
    if contact:
        facts.append(Fact(_("Contact"), contact))
    return Entry(
        number=number,
        name=service.name,
        organisation=service.organisation.name,
        summary=service.summary,
        facts=tuple(facts),
        section=section,
        anchor_prefix=prefix,
    )


def _who(service: Service) -> tuple[str, ...]:
    who = str(service.get_gender_display())
    low, high = service.minimum_age, service.maximum_age
    if low and high:
        who = _("%(who)s, aged %(low)s to %(high)s") % {"who": who, "low": low, "high": high}
    elif low:
        who = _("%(who)s, aged %(low)s or over") % {"who": who, "low": low}
    elif high:
        who = _("%(who)s, aged %(high)s or under") % {"who": who, "high": high}
    lines = [who]
    if service.eligibility:
        lines.append(service.eligibility)
    if service.excluded_offences:
        offences = ", ".join(map(str, service.excluded_offences_display))
        lines.append(_("Cannot take people convicted of: %(offences)s") % {"offences": offences})
    return tuple(lines)


def _names(names: list[str]) -> str:
    if len(names) > MAX_NAMES:
        return _("%(names)s and %(count)s more") % {
            "names": ", ".join(names[:MAX_NAMES]),
            "count": len(names) - MAX_NAMES,
        }
    return ", ".join(names)


def _where(service: Service) -> tuple[str, ...]:
    settings_words = ", ".join(map(str, service.settings_display))
    if translation.get_language() == ENGLISH:
        settings_words = settings_words.lower()
    lines = [capfirst(settings_words) or _("Not stated")]
    if service.national:
        lines.append(_("Covers all of England and Wales"))
    else:
        areas = [
            _("all of %(region)s") % {"region": region.name} for region in service.regions.all()
        ]
        areas += [council.name for council in service.local_authorities.all()]
        if areas:
            lines.append(_("Covers %(areas)s") % {"areas": _names(areas)})
    prisons = [prison.name for prison in service.prisons.all()]
    if prisons:
        lines.append(_("Prisons: %(prisons)s") % {"prisons": _names(prisons)})
    return tuple(lines)


def _taking(service: Service) -> str:
    if not service.accepting_referrals:
        return _("Not at the moment. You can still ask to go on the waiting list.")
    if service.typical_wait_weeks is not None:
        weeks = service.typical_wait_weeks
        return ngettext(
            "Yes, usually within %(weeks)s week", "Yes, usually within %(weeks)s weeks", weeks
        ) % {"weeks": weeks}
    return _("Yes")


def _how_to_ask(service: Service) -> tuple[str, ...]:
    lines = [str(route) for route in service.referral_routes_display]
    if service.how_to_refer:
        lines.append(service.how_to_refer)
    lines.append(str(HELP_TO_ASK))
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
        lines.append(_("Telephone: %(phone)s") % {"phone": phone})
    if email:
        lines.append(_("Email: %(email)s") % {"email": email})
    return tuple(lines)
