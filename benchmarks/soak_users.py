"""The people of the soak benchmark (benchmarks/soak.py): each is a thread with its own cookies,
reading pages and sending forms as a browser without JavaScript would, CSRF token included.

Every write the site acknowledges (the redirect that follows a saved form) goes into the Ledger,
with what identifies it in the database, so the benchmark can count afterwards that each one is
there. Every answer is recorded with its time, status and page kind for the report."""

import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import date, timedelta

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMISSION_KEY = re.compile(r'name="submission_key" value="([^"]+)"')
REFERRAL_LINK = re.compile(r'href="/organisation/referrals/([0-9a-f-]{36})/"')
SEARCH_WORDS = ["housing", "employment", "mentoring", "recovery", "debt", "family", "health"]
TIMEOUT_SECONDS = 60


@dataclass
class Answer:
    at: float  # seconds since the run began
    kind: str
    status: int  # 0: no answer (refused, reset or timed out)
    seconds: float


@dataclass
class Ledger:
    """What the site acknowledged, and every answer it gave. Shared by all the threads."""

    referrals: list[str] = field(default_factory=list)  # full names of requests sent
    accepted: list[str] = field(default_factory=list)  # referral ids
    declined: list[str] = field(default_factory=list)
    meetings: list[str] = field(default_factory=list)  # submission keys
    proposals_accepted: list[str] = field(default_factory=list)  # match ids
    answers: list[Answer] = field(default_factory=list)
    surprises: list[str] = field(default_factory=list)  # a journey that went somewhere unexpected
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, value: str) -> None:
        with self.lock:
            getattr(self, kind).append(value)

    def acknowledged(self) -> dict[str, int]:
        kinds = ("referrals", "accepted", "declined", "meetings", "proposals_accepted")
        return {kind: len(getattr(self, kind)) for kind in kinds}


class Surprise(Exception):
    """The site answered a step of a journey in a way a person could not carry on from."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One person's browser: their own cookies (kept by hand, so a Secure cookie still travels
    over the benchmark's plain HTTP), no redirects followed, each answer timed and recorded."""

    def __init__(self, base_url: str, ledger: Ledger, started: float, cookies=None):
        self.base_url = base_url
        self.ledger = ledger
        self.started = started
        self.cookies: dict[str, str] = dict(cookies or {})
        self._opener = urllib.request.build_opener(_NoRedirects)

    def request(self, kind: str, path: str, data: dict | None = None):
        """(status, body, Location). A status of 0 is no answer at all."""
        body = None if data is None else urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(self.base_url + path, data=body)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        began = time.monotonic()
        status, text, location, headers = 0, "", "", None
        try:
            with self._opener.open(request, timeout=TIMEOUT_SECONDS) as response:
                status, headers = response.status, response.headers
                text = response.read().decode(errors="replace")
        except urllib.error.HTTPError as answer:
            status, headers = answer.code, answer.headers
            text = answer.read().decode(errors="replace")
        except OSError:
            pass
        finished = time.monotonic()
        if headers is not None:
            location = headers.get("Location", "")
            self._keep_cookies(headers.get_all("Set-Cookie") or [])
        with self.ledger.lock:
            self.ledger.answers.append(Answer(began - self.started, kind, status, finished - began))
        return status, text, location

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            pair, _, attributes = header.partition(";")
            name, _, value = pair.strip().partition("=")
            if "max-age=0" in attributes.lower().replace(" ", "") or value in ('""', ""):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    def page(self, kind: str, path: str) -> str:
        status, text, _ = self.request(kind, path)
        if status != 200:
            raise Surprise(f"{kind}: {path} answered {status}")
        return text

    def send(self, kind: str, path: str, data: dict, *, form_page: str | None = None) -> str:
        """Post a form with the CSRF token of its page; the page it redirects to."""
        text = form_page if form_page is not None else self.page(kind + " (form)", path)
        token = CSRF_FIELD.search(text)
        if token is None:
            raise Surprise(f"{kind}: no form on {path}")
        status, body, location = self.request(
            kind, path, {**data, "csrfmiddlewaretoken": token.group(1)}
        )
        if status != 302:
            raise Surprise(f"{kind}: {path} answered {status}: {_first_error(body)}")
        return urllib.parse.urlsplit(location).path


def _first_error(body: str) -> str:
    found = re.search(r'class="govuk-error-summary__list">(.*?)</ul>', body, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))).strip() if found else ""


@dataclass
class AskTarget:
    """A published service a request can be sent to, and answers that fit it."""

    service: int
    local_authority: str  # la-<GSS code>
    prison: int
    need: str  # a pathway code the service covers
    gender: str = "not_say"  # "man" or "woman" for a service only for men or only for women


@dataclass
class Relationship:
    match: str
    started_on: date


@dataclass
class SignedIn:
    """A coordinator or a mentor, signed in (the benchmark made their session beforehand)."""

    cookies: dict[str, str]
    organisation: int
    relationships: list[Relationship]
    proposals: list[str] = field(default_factory=list)  # waiting for this mentor's answer


def ask_answers(target: AskTarget, name: str) -> dict[str, dict]:
    release = date.today() + timedelta(days=90)
    return {
        "who": {"completed_by": "self"},
        "name": {"full_name": name},
        "date-of-birth": {
            "date_of_birth_0": "27",
            "date_of_birth_1": "3",
            "date_of_birth_2": "1990",
        },
        "where-now": {"situation": "in_custody"},
        "prison": {"prison": str(target.prison)},
        "prison-number": {"prison_number": "A1234BC"},
        "release-date": {
            "expected_release_date_0": str(release.day),
            "expected_release_date_1": str(release.month),
            "expected_release_date_2": str(release.year),
        },
        "area": {"local_authority": target.local_authority},
        "help": {"needs": [target.need], "needs_details": ""},
        "mentor": {"mentor_gender": "none", "lived_experience": "preferred", "language": "en"},
        "gender": {"gender": target.gender},
        "offences": {"offences": ["none"]},
        "choose-a-service": {"service": str(target.service)},
        "contact": {"contact_methods": ["omu", "email"], "email": "soak@example.com"},
        "consent": {"consent": "on"},
    }


def search(browser: Browser, rng: random.Random, services: list[int]) -> None:
    query = urllib.parse.urlencode({"q": rng.choice(SEARCH_WORDS)})
    browser.page("directory search", f"/services/?{query}")
    browser.page("service page", f"/services/{rng.choice(services)}/")


def ask_for_a_mentor(browser: Browser, target: AskTarget, name: str) -> None:
    """The whole journey, page by page, to "request sent"; the request is then acknowledged."""
    browser.cookies.clear()  # each request is a new visitor on the shared terminal
    answers = ask_answers(target, name)
    status, _, location = browser.request(
        "ask: start", f"/ask-for-a-mentor/start/?service={target.service}"
    )
    if status != 302:
        raise Surprise(f"ask: start answered {status}")
    path = urllib.parse.urlsplit(location).path
    for _ in range(20):
        if path.endswith("/check-your-answers/"):
            break
        slug = path.rstrip("/").rsplit("/", 1)[-1]
        if slug not in answers:
            raise Surprise(f"ask: a page the benchmark has no answer for: {path}")
        path = browser.send("ask: a page", path, answers[slug])
    path = browser.send("ask: send", path, {})
    if not path.endswith("/request-sent/"):
        raise Surprise(f"ask: sending went to {path}")
    browser.ledger.add("referrals", name)
    browser.page("ask: request sent", path)


def meeting_form(
    browser: Browser, kind: str, path: str, relationship: Relationship, rng: random.Random
) -> str:
    """Log a meeting held yesterday; returns where the saved form led."""
    text = browser.page(kind + " (form)", path)
    key = SUBMISSION_KEY.search(text)
    if key is None:
        raise Surprise(f"{kind}: no submission key on {path}")
    held = max(date.today() - timedelta(days=1), relationship.started_on)
    hour = rng.randint(8, 18) if held < date.today() else 0
    data = {
        "held_on_0": str(held.day),
        "held_on_1": str(held.month),
        "held_on_2": str(held.year),
        "starts_at": f"{hour:02d}:00",
        "ends_at": f"{hour:02d}:45",
        "place": "community",
        "attendees": ["mentor", "mentee"],
        "notes": "Soak benchmark meeting.",
        "submission_key": key.group(1),
    }
    location = browser.send(kind, path, data, form_page=text)
    browser.ledger.add("meetings", key.group(1))
    return location


def coordinate(browser: Browser, person: SignedIn, rng: random.Random) -> None:
    """Open the referral inbox and decide one new request, or log a meeting."""
    inbox = browser.page("coordinator: inbox", "/organisation/referrals/")
    waiting = REFERRAL_LINK.findall(inbox)
    if waiting and rng.random() < 0.6:
        referral = rng.choice(waiting)
        detail = f"/organisation/referrals/{referral}/"
        text = browser.page("coordinator: referral", detail)
        if rng.random() < 0.5:
            if f'action="{detail}accept/"' not in text:
                return  # decided meanwhile by another coordinator: no button to accept it
            location = browser.send("coordinator: accept", f"{detail}accept/", {}, form_page=text)
            if "/organisation/mentees/" in location:
                browser.ledger.add("accepted", referral)
        else:
            status, form, _ = browser.request("coordinator: decline (form)", f"{detail}decline/")
            if status != 200:
                return  # decided meanwhile by another coordinator: the page says so
            location = browser.send(
                "coordinator: decline",
                f"{detail}decline/",
                {"reason": "no_capacity", "confirmed": "yes"},  # the confirmation page's answer
                form_page=form,
            )
            if location == "/organisation/referrals/":
                browser.ledger.add("declined", referral)
        return  # another coordinator may have decided it first: not acknowledged, not an error
    if person.relationships:
        relationship = rng.choice(person.relationships)
        path = f"/organisation/relationships/{relationship.match}/meetings/new/"
        meeting_form(browser, "coordinator: log a meeting", path, relationship, rng)


def mentor(browser: Browser, person: SignedIn, rng: random.Random) -> None:
    """Look at their own page; answer a proposal waiting for them, or log a meeting."""
    browser.page("mentor: home", "/mentor/")
    with browser.ledger.lock:
        proposal = person.proposals.pop() if person.proposals else None
    if proposal is not None:
        path = f"/mentor/proposals/{proposal}/"
        location = browser.send("mentor: answer a proposal", path, {"answer": "yes"})
        if location.startswith("/mentor/relationships/"):
            browser.ledger.add("proposals_accepted", proposal)
        return
    if person.relationships:
        relationship = rng.choice(person.relationships)
        path = f"/mentor/relationships/{relationship.match}/meetings/new/"
        meeting_form(browser, "mentor: log a meeting", path, relationship, rng)
