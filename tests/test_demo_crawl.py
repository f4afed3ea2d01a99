"""Every page a demo user can reach by following links works on the demo data.

For the anonymous visitor and each demo role, start at the dashboard (or the home page), follow
every same-site link breadth first with GET only, and collect what goes wrong: a server error,
a link to a page that does not exist (or that the person may not open), an HTML page without
exactly one <h1> or without a <title>. Following links must not change the data.
"""

from collections import Counter, deque
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from allauth.mfa.utils import is_mfa_enabled
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import Resolver404, resolve, reverse

from accounts.demo import DEMO_EMAIL_DOMAIN
from accounts.models import User
from accreditation.models import Application
from matching.models import Match, Meeting
from mentees.constants import OPEN_REFERRAL_STATUSES
from mentees.models import Mentee, Referral
from providers.models import Membership, Service
from providers.tenancy import SESSION_KEY
from volunteers.models import VolunteerApplication

from .conftest import sign_in

# The demo has 150 mentees at one organisation, each with a dozen pages: following every one
# takes minutes and proves little more than following a few. So each URL pattern is followed
# for at most this many objects (the first ones linked, breadth first): each page's shape is
# walked, with a second and third object in case the first is an odd one out. It was 12, when
# the crawl was the slowest test of the suite (docs/testing.md)...
PAGES_PER_PATTERN = 3
# ...and each role for at most this many pages in all. Reaching it fails the test, so a cap that
# has become too small is raised on purpose rather than silently leaving pages unchecked.
PAGE_CAP = 500
# /services/?pathway=housing and friends: a few filter and page variants of one path are
# enough to prove the list renders them; thousands of combinations would prove nothing more.
QUERY_VARIANTS_PER_PATH = 3
SKIPPED_PREFIXES = ("/django-admin/", "/static/", "/media/")

# Every demo sign-in (see seed_demo and volunteers/demo.py) but the coordinators of
# Tyneside, Severn and Cardiff: their org admins see all they see and more.
ROLES = [
    None,  # the anonymous visitor
    # Org admins: Mersey holds the award, Tyneside has a draft application, Severn's is with
    # an assessor, Cardiff has none, and Thames Valley is waiting for approval.
    "admin.mersey",
    "admin.tyneside",
    "admin.severn",
    "admin.cardiff",
    "admin.thames",
    "coordinator.mersey",
    "coordinator.shared",  # at Mersey and Cardiff
    "mentor.mersey",
    "mentor2.mersey",  # approved after a disclosure
    "mentor.tyneside",
    # Volunteer applicants, one at each stage.
    "volunteer.draft",
    "volunteer.new",
    "volunteer.references",
    "volunteer.disclosure",
    "volunteer.training",
    "volunteer.declined",
    "commissioner",
    "assessor",
    "platform.admin",
]


@pytest.fixture(autouse=True)
def _seeded_demo(demo):
    """Every walk is on the demo seeded once for the session (tests/conftest.py)."""


@dataclass
class Failure:
    url: str
    linked_from: str
    problem: str

    def __str__(self):
        return f"{self.url} (linked from {self.linked_from}): {self.problem}"


def data_fingerprint():
    """Counts and states of the records a stray GET could create, delete or move on."""
    fingerprint = {}
    # The one change a GET makes on purpose: a coordinator opening a new referral marks it
    # "being looked at" (mentees.services.referral_view), so the person asking sees that it is.
    # Both are the open state here; accepting, declining or passing one on would still show.
    fingerprint["Referral"] = sorted(
        (pk, "open" if status in OPEN_REFERRAL_STATUSES else status)
        for pk, status in Referral.objects.values_list("pk", "status")
    )
    for model in (Mentee, Match, VolunteerApplication, Application, Service):
        fingerprint[model.__name__] = sorted(model.objects.values_list("pk", "status"))
    fingerprint["Meeting"] = Meeting.objects.count()
    fingerprint["Membership"] = Membership.objects.count()
    return fingerprint


def same_site_path(page_url: str, href: str) -> str | None:
    """The path and query a link leads to, or None for another site, a fragment or a scheme."""
    absolute, _fragment = urldefrag(urljoin(f"http://testserver{page_url}", href.strip()))
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def url_pattern(path: str) -> str | None:
    """The URL pattern a path matches, for the patterns with a part that names an object."""
    try:
        match = resolve(path)
    except Resolver404:
        return None  # always fetched, and reported as broken
    return match.route if match.kwargs else None


def acting_for(client, organisation_id: int | None = None, *, switch: bool = False):
    """The organisation the client's pages act for (None: their first), or switch it back to
    one, as the tab a link was printed in would still be. The anonymous visitor has none."""
    if settings.SESSION_COOKIE_NAME not in client.cookies:
        return None
    session = client.session
    if switch and session.get(SESSION_KEY) != organisation_id:
        if organisation_id is None:
            del session[SESSION_KEY]
        else:
            session[SESSION_KEY] = organisation_id
        session.save()
    return session.get(SESSION_KEY)


def crawl(client, start: str) -> tuple[list[Failure], int]:
    """Fetch every same-site link breadth first; each link is followed acting for the
    organisation its page acted for (opening a notification may switch organisation)."""
    logout = reverse("account_logout")
    queue = deque([(start, "(start)", acting_for(client))])
    seen = {start}
    queries_per_path: Counter = Counter()
    pages_per_pattern: Counter = Counter()
    failures: list[Failure] = []
    fetched = 0
    while queue and fetched < PAGE_CAP:
        url, linked_from, organisation_id = queue.popleft()
        acting_for(client, organisation_id, switch=True)
        response = client.get(url)
        fetched += 1
        status = response.status_code
        if response.streaming:
            # A download (PDF, CSV, evidence file): read to the end, as a browser would, which
            # also lets the test client finish the request without closing the connection.
            response.getvalue()
        if status >= 400:
            failures.append(Failure(url, linked_from, f"status {status}"))
            continue
        if status in (301, 302, 303, 307, 308):
            targets = [response["Location"]]
        elif response.streaming or not response["Content-Type"].startswith("text/html"):
            continue
        else:
            soup = BeautifulSoup(response.content, "html.parser")
            headings = soup.find_all("h1")
            if len(headings) != 1:
                failures.append(Failure(url, linked_from, f"{len(headings)} <h1> elements"))
            title = soup.title.get_text(strip=True) if soup.title else ""
            if not title or title.startswith("–"):
                failures.append(Failure(url, linked_from, f"title {title!r}"))
            targets = [a["href"] for a in soup.find_all("a", href=True)]
        organisation_id = acting_for(client)
        for href in targets:
            target = same_site_path(url, href)
            if target is None or target in seen:
                continue
            path, _, query = target.partition("?")
            if path == logout or path.startswith(SKIPPED_PREFIXES):
                continue
            if query:
                if queries_per_path[path] >= QUERY_VARIANTS_PER_PATH:
                    continue
                queries_per_path[path] += 1
            pattern = url_pattern(path)
            if pattern is not None:
                if pages_per_pattern[pattern] >= PAGES_PER_PATTERN:
                    continue
                pages_per_pattern[pattern] += 1
            seen.add(target)
            queue.append((target, url, organisation_id))
    if queue:
        left = f"stopped at {PAGE_CAP} pages with {len(queue)} still to fetch: raise PAGE_CAP"
        failures.append(Failure(start, "(crawl)", left))
    return failures, fetched


@pytest.mark.parametrize("local_part", ROLES, ids=lambda part: part or "anonymous")
def test_every_linked_page_works(client, local_part):
    if local_part is None:
        start = reverse("home")
    else:
        user = User.objects.get(email=f"{local_part}@{DEMO_EMAIL_DOMAIN}")
        sign_in(client, user, mfa=is_mfa_enabled(user))
        start = reverse("dashboard")
        # Signed in for real: not sent to sign in or to two-factor authentication instead.
        assert client.get(start).status_code == 200
    before = data_fingerprint()

    failures, fetched = crawl(client, start)
    print(f"{local_part or 'anonymous'}: {fetched} pages")

    assert fetched > 5
    after = data_fingerprint()
    changed = {
        name: sorted(set(before[name]) ^ set(after[name]))
        if isinstance(before[name], list)
        else (before[name], after[name])
        for name in before
        if before[name] != after[name]
    }
    assert not changed, f"following links changed the data: {changed}"
    assert not failures, f"{len(failures)} problems in {fetched} pages:\n" + "\n".join(
        map(str, failures)
    )
