"""Plain English: the visible text of every page a person asking for a mentor reads keeps a
Flesch-Kincaid grade of 6 or less (a reading age of about 11), measured with textstat.

Each line of visible text (a heading, a paragraph, a label, a hint, an error) counts as one
sentence, so a label without a full stop is not read as part of the next. The long lists of
prisons and councils in drop-downs are left out: they are names, not sentences."""

from datetime import timedelta

import pytest
import textstat
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from providers.constants import GenderEligibility, ServiceStatus
from providers.models import Service
from tests.factories import (
    LocalAuthorityFactory,
    LocationFactory,
    PrisonFactory,
    RegionFactory,
    ServiceFactory,
    pathway,
)

from .mentees.referrals.journey import custody_answers, finishing_pages, step_url

pytestmark = pytest.mark.django_db

HIGHEST_GRADE = 6.0
ENDS_A_SENTENCE = (".", "?", "!", ":")
BLOCKS = "p, li, h1, h2, h3, h4, dt, dd, th, td, label, legend, button, div, form, ul, ol, dl"
LINES_OF_THEIR_OWN = ".govuk-hint, .govuk-error-message, .govuk-tag, .govuk-button"


def visible_text(html: str) -> str:
    main = BeautifulSoup(html, "html.parser").find("main")
    assert main is not None, f"every page has a main element: {html[:300]}"
    for hidden in main.select("option, script, style, .govuk-visually-hidden"):
        hidden.decompose()
    for line_break in main.select("br"):
        line_break.replace_with("\n")
    # Text inside a block (a link in a paragraph) reads on; each block is its own line.
    for block in main.select(f"{BLOCKS}, {LINES_OF_THEIR_OWN}"):
        block.insert_before("\n")
        block.insert_after("\n")
    lines = []
    for line in main.get_text().splitlines():
        line = " ".join(line.split())
        if line:
            lines.append(line if line.endswith(ENDS_A_SENTENCE) else f"{line}.")
    return " ".join(lines)


def grade(html: str) -> float:
    return textstat.flesch_kincaid_grade(visible_text(html))


@pytest.fixture
def listings():
    """Demo-like listings (as seed_demo makes): a men-only service with offence limits in
    Liverpool, a regional work service and a national telephone line."""
    north_west = RegionFactory(name="North West")
    liverpool = LocalAuthorityFactory(name="Liverpool", region=north_west)
    altcourse = PrisonFactory(name="HMP Altcourse")
    gate = ServiceFactory(
        name="Gate to Home mentoring",
        summary="A mentor meets you in prison, at the gate on the day you leave, and every week "
        "for a year after.",
        description="Our mentors have been in prison too. They help you find somewhere to live, "
        "open a bank account and see a doctor.",
        local_authorities=[liverpool],
        prisons=[altcourse],
        in_custody=True,
        gender=GenderEligibility.MEN,
        minimum_age=18,
        excluded_offences=["sexual", "arson"],
        pathways=[pathway("accommodation"), pathway("finance-benefit-debt")],
        how_to_refer="Ask the resettlement team for Gate to Home.",
    )
    LocationFactory(
        organisation=gate.organisation, city="Liverpool", local_authority=liverpool
    ).services.add(gate)
    ServiceFactory(
        name="Working Futures",
        regions=[north_west],
        pathways=[pathway("education-training-employment")],
    )
    ServiceFactory(
        name="Next Chapter telephone mentoring",
        national=True,
        pathways=[pathway("health")],
    )
    return {"council": liverpool, "prison": altcourse, "gate": gate}


def _journey_pages(client, listings, *, worker: bool) -> dict[str, str]:
    """Every page of the journey, each also with its errors, and check your answers."""
    pages = {}
    release = timezone.localdate() + timedelta(days=60)
    steps = custody_answers(
        prison=listings["prison"],
        local_authority=listings["council"],
        release=release,
        worker=worker,
    ) + [("gender", {"gender": "man"}), ("offences", {"offences": ["none"]})]
    steps += finishing_pages(listings["gate"])
    who = "worker" if worker else "self"
    client.get(reverse("mentees:ask_begin"))
    for slug, data in steps:
        pages[f"{slug} ({who})"] = client.get(step_url(slug)).content.decode()
        pages[f"{slug} with errors ({who})"] = client.post(step_url(slug), {}).content.decode()
        response = client.post(step_url(slug), data)
        assert response.status_code == 302, slug
    pages[f"check your answers ({who})"] = client.get(reverse("mentees:ask_check")).content.decode()
    client.post(reverse("mentees:ask_check"))
    pages[f"request sent ({who})"] = client.get(
        reverse("mentees:ask_confirmation")
    ).content.decode()
    return pages


def _all_pages(client, listings) -> dict[str, str]:
    gate = listings["gate"]
    pages = {
        "home": client.get(reverse("home")).content.decode(),
        "ask for a mentor start": client.get(reverse("mentees:ask_start")).content.decode(),
        "directory search": client.get(reverse("providers:directory")).content.decode(),
        "directory results": client.get(
            reverse("providers:directory"), {"q": "mentor"}
        ).content.decode(),
        "service page": client.get(
            reverse("providers:service_detail", args=[gate.pk])
        ).content.decode(),
        "service's ask for a mentor": client.get(
            reverse("providers:service_ask", args=[gate.pk])
        ).content.decode(),
        "check your request": client.get(reverse("mentees:check_request")).content.decode(),
        "check your request with errors": client.post(
            reverse("mentees:check_request"), {}
        ).content.decode(),
    }
    pages.update(_journey_pages(client, listings, worker=False))
    client.cookies.clear()
    pages.update(_journey_pages(client, listings, worker=True))
    # No service fits: what to do instead.
    client.cookies.clear()
    Service.objects.filter(national=True).update(status=ServiceStatus.DRAFT)
    steps = [
        (slug, data)
        for slug, data in custody_answers(
            prison=listings["prison"],
            local_authority=listings["council"],
            release=timezone.localdate() + timedelta(days=60),
        )
        if slug not in ("prison", "prison-number", "release-date")
    ]
    steps = [
        (slug, {"situation": "in_community"} if slug == "where-now" else data)
        for slug, data in steps
    ] + [("gender", {"gender": "woman"})]
    client.get(reverse("mentees:ask_begin"))
    for slug, data in steps:
        assert client.post(step_url(slug), data).status_code == 302, slug
    Service.objects.filter(regions__isnull=False).update(status=ServiceStatus.DRAFT)
    pages["no service fits"] = client.get(step_url("choose-a-service")).content.decode()
    return pages


def test_every_page_a_person_asking_for_a_mentor_reads_is_plain_english(client, listings):
    pages = _all_pages(client, listings)
    assert len(pages) > 40
    empty = [name for name, html in pages.items() if "<main" not in html]
    assert not empty, empty
    scores = {name: grade(html) for name, html in pages.items()}
    too_hard = {name: score for name, score in scores.items() if score > HIGHEST_GRADE}
    assert not too_hard, "Pages above a Flesch-Kincaid grade of 6:\n" + "\n".join(
        f"{score:5.1f}  {name}" for name, score in sorted(too_hard.items(), key=lambda i: -i[1])
    )


def test_the_measure_tells_hard_text_from_plain_text():
    plain = "<main><h1>Ask for a mentor</h1><p>A mentor meets you every week.</p></main>"
    hard = (
        "<main><p>Notwithstanding the aforementioned considerations, eligibility determinations "
        "necessitate comprehensive documentation substantiating organisational accreditation "
        "requirements.</p></main>"
    )
    assert grade(plain) <= HIGHEST_GRADE < grade(hard)
    with_list = "<main><label>Prison</label><select><option>HMP A</option></select></main>"
    assert visible_text(with_list) == "Prison."
