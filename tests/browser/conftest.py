"""Playwright on Debian's Chromium (Playwright cannot download its own browser here)."""

import time

import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe

from accounts.demo import DEMO_TOTP_SECRET, enrol_demo_mfa
from tests.factories import MembershipFactory, OrganisationFactory

CHROMIUM = "/usr/bin/chromium"
# Without these Chromium tries to reach Google's services, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


def watch_errors(page) -> list[str]:
    """Uncaught exceptions and console errors (CSP violations among them) on `page` from now
    on. A form answered with its errors is a 400 by design, so Chromium's note of that is left
    out."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: (
            msg.type == "error" and "status of 400" not in msg.text and errors.append(msg.text)
        ),
    )
    return errors


@pytest.fixture
def page_errors(page):
    """watch_errors on the test's `page`; a test driving a page of its own watches that one."""
    return watch_errors(page)


_axe = Axe()


def no_javascript_context(browser):
    context = browser.new_context(java_script_enabled=False)
    context.javascript_off = True
    return context


@pytest.fixture
def no_js_page(browser):
    """A page in a browser context with JavaScript turned off, as on a prison terminal."""
    context = no_javascript_context(browser)
    yield context.new_page()
    context.close()


def assert_accessible(page) -> None:
    """No serious or critical axe-core violation on the page as it is now.

    axe-core cannot run where JavaScript is off (its timers never fire), so for such a page
    the same server-rendered markup is audited in a JavaScript-enabled page at the same origin.
    """
    if getattr(page.context, "javascript_off", False):
        html = page.content()
        audit_page = page.context.browser.new_page()
        try:
            audit_page.goto(page.url)
            audit_page.set_content(html)
            _assert_no_blocking_violations(audit_page, page.url)
        finally:
            audit_page.close()
    else:
        _assert_no_blocking_violations(page, page.url)


def _assert_no_blocking_violations(page, url: str) -> None:
    results = _axe.run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    details = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in blocking
    )
    assert not blocking, f"axe found problems on {url}:\n{details}"


def current_code() -> str:
    """The authenticator's code, fresh enough to reach the server before it changes: near the
    end of its 30 seconds, wait for the next one (the server allows no drift)."""
    totp = pyotp.TOTP(DEMO_TOTP_SECRET)
    left = totp.interval - time.time() % totp.interval
    if left < 5:
        time.sleep(left + 0.1)
    return totp.now()


def sign_in_through_the_forms(page, base_url: str, email: str, password: str) -> None:
    """Sign in with email, password and an authenticator code, checking each page with axe."""
    page.goto(f"{base_url}/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    assert_accessible(page)
    page.get_by_label("Code").fill(current_code())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard/")


def with_mfa(user):
    """`user`, enrolled on the demo authenticator that sign_in_through_the_forms reads codes of."""
    enrol_demo_mfa(user)
    return user


def staff(organisation, role):
    """A new member of `organisation` (a name makes a new one) in `role`, ready to sign in
    through the forms with TEST_PASSWORD and an authenticator code."""
    if isinstance(organisation, str):
        organisation = OrganisationFactory(name=organisation)
    return with_mfa(MembershipFactory(organisation=organisation, role=role).user)
