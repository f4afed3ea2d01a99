"""Hostile input to every form and page of ours, found from the URL patterns and signed in as the
role each is for: huge numbers, NUL bytes, invalid UTF-8, repeated and over-long values, in the
query string and the POST body. Whatever comes in, the answer is never a server error.

Each page is first shown to learn the names of its form's fields; Hypothesis then sends a few
hostile versions of that form (and of its query string). The API has its own run, from its
OpenAPI document (tests/providers/api/test_schemathesis.py). Kept to a few minutes in all.
"""

import re
from urllib.parse import quote_from_bytes

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from providers.constants import MembershipRole
from tests.conftest import sign_in
from tests.factories import OrganisationFactory, RegionFactory, UserFactory

from .people import sign_in_commissioner, sign_in_member, sign_in_platform
from .routes import (
    ROUTES,
    Journey,
    MentorObject,
    OwnRecord,
    Platform,
    PlatformObject,
    Public,
    PublicObject,
    RegionObject,
    SignedIn,
    Staff,
    StaffOrPlatform,
    TenantObject,
    Token,
)

# allauth's own public forms, which are ours to keep safe too.
ACCOUNT_FORMS = ["account_login", "account_signup", "account_reset_password"]
# allauth's pages for someone signed in: their password, email address, reauthentication and
# authenticator app.
SIGNED_IN_ACCOUNT_FORMS = [
    "account_change_password",
    "account_email",
    "account_reauthenticate",
    "mfa_deactivate_totp",
    "mfa_generate_recovery_codes",
    "mfa_reauthenticate",
]
FIELD_NAME = re.compile(rb"<(?:input|select|textarea)\b[^>]*?\bname=\"([^\"]+)\"")
URLENCODED = "application/x-www-form-urlencoded"
# Names a page may read from its query string without a form showing them.
QUERY_NAMES = [b"page", b"q", b"search", b"sort", b"order", b"status", b"region", b"next"]

HOSTILE_TEXT = [
    "9" * 400,  # A number no integer column holds.
    "-" + "9" * 30,
    str(2**63),
    "1e400",
    "NaN",
    "-Infinity",
    "0x7fffffff",
    "\x00",
    "a\x00b",
    "x" * 20_000,  # Longer than any field allows.
    "",
    " ",
    "9999-99-99",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "\u202e\ufeff\U0001f600",
    "00000000-0000-0000-0000-000000000000",
]
PLAIN = b"1"
HUGE = b"9" * 400
HOSTILE_BYTES = [b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\x80" * 10]  # Not UTF-8 at all.

value = st.one_of(
    st.sampled_from(HOSTILE_TEXT).map(lambda text: text.encode()),
    st.sampled_from(HOSTILE_BYTES),
    st.text(max_size=40).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.integers(min_value=-(10**40), max_value=10**40).map(lambda n: str(n).encode()),
)


def body(names: list[bytes]):
    """Every field of the form with a plain value, and one to three of them hostile (sent once
    or twice: repeated parameters). Plain values elsewhere let each hostile one reach the code
    that reads it, rather than the form stopping at the first field it cannot read."""
    hostile = st.dictionaries(
        st.sampled_from(names), st.lists(value, min_size=1, max_size=2), min_size=1, max_size=3
    )
    return hostile.map(lambda chosen: [(name, chosen.get(name, [PLAIN])) for name in names])


INPUT_VALUE = re.compile(rb"<input\b[^>]*?\bname=\"([^\"]+)\"[^>]*?\bvalue=\"([^\"]*)\"")


def plain_values(page: bytes, names: list[bytes]) -> dict[bytes, bytes]:
    """A believable value for each field: what the page filled in, else 1 (or a year for the
    third box of a date), so that one hostile field at a time gets past the others."""
    shown = dict(INPUT_VALUE.findall(page))
    return {name: shown.get(name) or (b"2000" if name.endswith(b"_2") else PLAIN) for name in names}


def encode(pairs) -> str:
    return "&".join(
        f"{quote_from_bytes(name)}={quote_from_bytes(item)}"
        for name, items in pairs
        for item in items
    )


def signed_in_url(client, name: str) -> str:
    """Sign `client` in as someone the page is for, and return the page's address."""
    rule = ROUTES.get(name, SignedIn() if name in SIGNED_IN_ACCOUNT_FORMS else Public())
    tenant = OrganisationFactory(name="Fuzzed Org")
    kwargs = {}
    if isinstance(rule, PublicObject):
        kwargs = rule.make()
    elif isinstance(rule, Token):
        kwargs = {rule.kwarg: "not-a-real-token"}
    elif isinstance(rule, Journey):
        kwargs = {rule.kwarg: rule.page} if rule.kwarg else {}
    elif isinstance(rule, SignedIn):
        sign_in_member(client, tenant, MembershipRole.ORG_ADMIN)
    elif isinstance(rule, Staff | TenantObject | StaffOrPlatform):
        sign_in_member(client, tenant, rule.roles[0])
        kwargs = rule.make(tenant) if isinstance(rule, TenantObject) else {}
    elif isinstance(rule, Platform | PlatformObject):
        sign_in_platform(client, rule.roles[0])
        kwargs = rule.make() if isinstance(rule, PlatformObject) else {}
    elif isinstance(rule, RegionObject):
        region = RegionFactory(name="North West")
        sign_in_commissioner(client, region)
        kwargs = rule.make(region)
    elif isinstance(rule, OwnRecord):
        owner = UserFactory()
        kwargs = rule.make(owner)
        sign_in(client, owner, mfa=False)
    elif isinstance(rule, MentorObject):
        owner = UserFactory()
        kwargs = rule.make(owner, tenant)
        sign_in(client, owner, mfa=False)
    return reverse(name, kwargs=kwargs)


def fuzzed_routes() -> list[str]:
    ours = [name for name in ROUTES if not name.startswith(("api:", "admin:"))]
    return sorted(ours) + ACCOUNT_FORMS + SIGNED_IN_ACCOUNT_FORMS


@pytest.mark.django_db
@pytest.mark.parametrize("name", fuzzed_routes())
def test_no_hostile_input_is_a_server_error(client, name):
    url = signed_in_url(client, name)
    shown = client.get(url)
    assert shown.status_code < 500
    page = b"" if shown.streaming else shown.content  # A download has no form.
    names = sorted(set(FIELD_NAME.findall(page)) - {b"csrfmiddlewaretoken"})
    names = names or [b"x"]

    # First each field alone with a number no column holds, then Hypothesis's mixtures.
    plain = plain_values(page, names)
    for hostile in names:
        form = [(name, [HUGE if name == hostile else plain[name]]) for name in names]
        sent = client.generic("POST", url, encode(form), content_type=URLENCODED)
        assert sent.status_code < 500, (sent.status_code, "POST", hostile)

    fuzzable = names

    @given(form=body(fuzzable), query=body(fuzzable + QUERY_NAMES))
    @settings(
        max_examples=1,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def send(form, query):
        got = client.get(f"{url}?{encode(query)}")
        assert got.status_code < 500, (got.status_code, "GET", encode(query)[:300])
        sent = client.generic("POST", url, encode(form), content_type=URLENCODED)
        assert sent.status_code < 500, (sent.status_code, "POST", encode(form)[:300])

    send()
