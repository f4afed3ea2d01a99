"""Ask for a mentor in a real browser: a person in prison on a locked-down terminal (no
JavaScript) from a service's page to "Check your request"; a prison worker with JavaScript on,
for someone else, choosing one of the suggested services. axe on every page type."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from core.references import ALPHABET
from mentees.constants import CompletedBy, ReferralStatus
from mentees.models import Referral
from tests.factories import (
    LocalAuthorityFactory,
    OrganisationFactory,
    PrisonFactory,
    ServiceFactory,
    pathway,
)

from .conftest import assert_accessible, no_javascript_context, watch_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFERENCE = re.compile(rf"JM-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")


@pytest.fixture
def place():
    return PrisonFactory(name="HMP Liverpool"), LocalAuthorityFactory(name="Sefton")


@pytest.fixture
def gate_to_home(place):
    prison, sefton = place
    return ServiceFactory(
        name="Gate to Home",
        organisation=OrganisationFactory(name="Mersey Mentors"),
        summary="Housing and benefits help through the gate.",
        pathways=[pathway("accommodation"), pathway("education-training-employment")],
        local_authorities=[sefton],
        prisons=[prison],
    )


def heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def error_summary(page) -> str:
    return page.locator(".govuk-error-summary").inner_text()


def continue_(page) -> None:
    page.get_by_role("button", name="Continue").click()


def fill_date(page, question: str, day: date) -> None:
    """Type a date into the day, month and year boxes of the question, as a person would."""
    group = page.get_by_role("group", name=question)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_a_person_in_prison_asks_a_service_for_a_mentor_without_javascript(
    live_server, browser, gate_to_home
):
    context = no_javascript_context(browser)
    page = context.new_page()
    release = timezone.localdate() + timedelta(days=120)

    # From the home page, through the directory, to the service's page.
    page.goto(live_server.url)
    page.get_by_role("button", name="Find a mentoring service").click()
    page.get_by_role("link", name="Gate to Home").click()
    page.get_by_role("button", name="Ask for a mentor from this service").click()
    assert heading(page) == "Ask for a mentor from Gate to Home"
    page.get_by_role("button", name="Start now").click()

    # Who is filling it in: a one-question page whose question is the heading.
    assert heading(page) == "Who is filling in this form?"
    assert_accessible(page)
    page.get_by_label("The person who wants a mentor").check()
    continue_(page)

    assert heading(page) == "What is your full name?"
    page.get_by_label("What is your full name?").fill("Sam Example")
    continue_(page)

    assert heading(page) == "What is your date of birth?"
    fill_date(page, "What is your date of birth?", date(1990, 3, 27))
    continue_(page)

    page.get_by_label("In prison", exact=True).check()
    continue_(page)

    page.get_by_label("Which prison are you in?").select_option(label="HMP Liverpool")
    continue_(page)

    # A wrong answer: the error summary and the message beside the field, the answer kept.
    assert heading(page) == "What is your prison number?"
    page.get_by_label("What is your prison number?").fill("1234ABC")
    continue_(page)
    assert "like A1234BC" in error_summary(page)
    assert "like A1234BC" in page.locator(".govuk-error-message").inner_text()
    assert page.get_by_label("What is your prison number?").input_value() == "1234ABC"
    assert "error" in page.title().lower(), "the page title says there is a problem"
    assert_accessible(page)
    page.get_by_label("What is your prison number?").fill("A1234BC")
    continue_(page)

    # Another: a release date that has passed. The summary's link takes the keyboard to the day.
    assert heading(page) == "When do you expect to be released?"
    fill_date(page, "When do you expect to be released?", timezone.localdate() - timedelta(days=3))
    continue_(page)
    passed = "Release date must be today or in the future"
    assert passed in error_summary(page)
    assert passed in page.locator(".govuk-error-message").inner_text()
    assert page.get_by_role("group", name="When do you expect to be released?").get_by_label(
        "Year"
    ).input_value() == str((timezone.localdate() - timedelta(days=3)).year)
    page.locator(".govuk-error-summary__list a").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "expected_release_date_0"
    fill_date(page, "When do you expect to be released?", release)
    continue_(page)

    page.get_by_label("Which council area will you live in after release?").select_option(
        label="Sefton"
    )
    continue_(page)

    assert heading(page) == "What would you like help with?"
    page.get_by_label("Somewhere to live").check()
    page.get_by_label("Work and training").check()
    continue_(page)

    # A page of several questions, with its own heading.
    assert heading(page) == "Your mentor"
    assert_accessible(page)
    page.get_by_label("Yes, someone who has been in prison themselves").check()
    continue_(page)

    # Started from a service's page: no choice of service; straight to how to make contact.
    assert heading(page) == "How to contact you"
    page.get_by_label("Through the OMU at my prison").check()
    page.get_by_label("By letter").check()
    continue_(page)
    assert "Enter a postal address" in error_summary(page)
    assert page.get_by_label("Through the OMU at my prison").is_checked()
    assert page.get_by_label("By letter").is_checked()
    page.get_by_label("Postal address").fill("Sam Example A1234BC\nHMP Liverpool\nL9 3DF")
    continue_(page)

    assert heading(page) == "How your information is used"
    assert "Mersey Mentors" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_label("I have read how my answers are used").check()
    continue_(page)

    assert heading(page) == "Check your answers before sending the request"
    answers = page.locator(".govuk-summary-list").inner_text()
    for answer in ("Sam Example", "27 March 1990", "HMP Liverpool", "A1234BC", "Sefton"):
        assert answer in answers
    assert "Gate to Home" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Change name").click()
    assert page.get_by_label("What is your full name?").input_value() == "Sam Example"
    page.get_by_label("What is your full name?").fill("Samuel Example")
    continue_(page)
    assert heading(page) == "Check your answers before sending the request"
    assert "Samuel Example" in page.locator(".govuk-summary-list").inner_text()
    assert Referral.objects.count() == 0, "nothing is sent before the person sends it"

    page.get_by_role("button", name="Send the request").click()
    assert heading(page) == "Request sent"
    reference = page.locator(".app-reference").inner_text()
    assert REFERENCE.fullmatch(reference)
    assert_accessible(page)
    referral = Referral.objects.get()
    assert referral.reference == reference and referral.service == gate_to_home
    assert referral.full_name == "Samuel Example" and referral.prison_number == "A1234BC"
    assert referral.expected_release_date == release

    # Later, on the same terminal: check the request with the reference and date of birth.
    page.get_by_role("link", name="Check your request").click()
    assert heading(page) == "Check your request for a mentor"
    assert_accessible(page)
    page.get_by_label("Reference number").fill(reference.lower().replace("-", " "))
    fill_date(page, "Date of birth of the person who asked for a mentor", date(1990, 3, 27))
    page.get_by_role("button", name="Check the request").click()
    assert heading(page) == "Your request for a mentor"
    status = page.locator(".govuk-summary-list").inner_text()
    assert "Received" in status and "Mersey Mentors" in status
    assert_accessible(page)
    context.close()


def test_the_start_page_and_a_wrong_check_are_accessible_without_javascript(
    live_server, no_js_page
):
    page = no_js_page
    page.goto(f"{live_server.url}/")
    page.locator("main").get_by_role("link", name="Ask for a mentor").click()
    assert heading(page) == "Ask for a mentor"
    assert page.get_by_role("button", name="Start now").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="check your request").click()
    page.get_by_role("button", name="Check the request").click()
    summary = error_summary(page)
    assert "Enter the reference number" in summary and "Enter the date of birth" in summary
    assert_accessible(page)
    # Without JavaScript, following an error's link still puts the keyboard in its field.
    page.locator(".govuk-error-summary__list a").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "reference"


def walk_to_no_service_found(page, site: str) -> None:
    """Someone out of prison who does not know their council yet, asking for help with
    somewhere to live and money: no service in our list can take them."""
    # The first request imports every view: give it time on a busy machine.
    page.goto(f"{site}/ask-for-a-mentor/", timeout=120_000)
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("The person who wants a mentor").check()
    continue_(page)
    page.get_by_label("What is your full name?").fill("Alex Example")
    continue_(page)
    fill_date(page, "What is your date of birth?", date(1980, 1, 1))
    continue_(page)
    page.get_by_label("Out of prison").check()
    continue_(page)
    page.get_by_label("Which council area do you live in?").select_option(label="I do not know yet")
    continue_(page)
    page.get_by_label("Somewhere to live").check()
    page.get_by_label("Money, benefits and debt").check()
    continue_(page)
    continue_(page)  # No preference about the mentor is the answer already chosen.


def test_no_service_where_they_will_live_says_what_to_do_without_javascript(
    live_server, no_js_page, gate_to_home
):
    page = no_js_page
    ServiceFactory(
        name="Steady Steps",
        organisation=gate_to_home.organisation,
        pathways=[pathway("accommodation"), pathway("finance-benefit-debt")],
        local_authorities=list(gate_to_home.local_authorities.all()),
        gender="men",
        excluded_offences=["sexual", "arson"],
        in_custody=False,
        through_the_gate=False,
    )
    walk_to_no_service_found(page, live_server.url)

    assert heading(page) == "We could not find a service for you"
    assert_accessible(page)
    page.get_by_role("link", name="choose another council area").click()
    page.get_by_label("Which council area do you live in?").select_option(label="Sefton")
    continue_(page)
    # A men-only service that cannot work with some offences is in reach now: the journey
    # asks what it needs to decide, and only that.
    assert heading(page) == "Are you a man or a woman?"
    assert_accessible(page)
    page.get_by_label("A man").check()
    continue_(page)
    assert heading(page) == "Have you been convicted of any of these?"
    offences = page.locator("main .govuk-checkboxes").inner_text()
    assert "A sexual offence" in offences and "Arson" in offences
    assert "terrorism" not in offences
    page.get_by_label("None of these").check()
    page.get_by_label("Arson (setting fire to something on purpose)").check()
    continue_(page)
    assert "on its own" in error_summary(page)
    assert_accessible(page)
    page.get_by_label("Arson (setting fire to something on purpose)").uncheck()
    continue_(page)

    assert heading(page) == "Choose a mentoring service"
    choices = page.locator("main .govuk-radios").inner_text()
    assert choices.index("Steady Steps (Mersey Mentors)") < choices.index("Gate to Home")
    assert (
        "Helps with somewhere to live and money, benefits and debt. Works in Sefton. "
        "Only for men." in choices
    )
    assert_accessible(page)


def test_with_no_service_that_fits_the_request_goes_to_services_nearby_without_javascript(
    live_server, no_js_page, gate_to_home
):
    page = no_js_page
    walk_to_no_service_found(page, live_server.url)

    assert heading(page) == "We could not find a service for you"
    assert "They do not see your name" in page.locator("main").inner_text()
    page.get_by_role("button", name="Send it to services near me").click()
    assert heading(page) == "How to contact you"
    page.get_by_label("By email").check()
    page.get_by_label("Email address").fill("alex@example.com")
    continue_(page)
    page.get_by_label("I have read how my answers are used").check()
    continue_(page)
    assert "The request goes to mentoring services near you" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Send the request").click()

    assert heading(page) == "Request sent"
    assert "Mentoring services near you can now see the request" in page.content()
    assert_accessible(page)
    referral = Referral.objects.get()
    assert referral.organisation is None and referral.status == ReferralStatus.WAITING


def test_a_prison_worker_asks_for_someone_and_chooses_a_suggested_service(
    live_server, browser, place, gate_to_home
):
    prison, sefton = place
    ServiceFactory(
        name="Working Futures",
        organisation=OrganisationFactory(name="Futures Trust"),
        pathways=[pathway("education-training-employment")],
        local_authorities=[sefton],
    )
    ServiceFactory(name="Far Away Mentors", local_authorities=[LocalAuthorityFactory()])
    context = browser.new_context()
    page = context.new_page()
    page_errors = watch_errors(page)
    release = timezone.localdate() + timedelta(days=45)

    page.goto(f"{live_server.url}/ask-for-a-mentor/")
    assert page.locator("body.govuk-frontend-supported").count() == 1
    assert_accessible(page)
    page.get_by_role("button", name="Start now").click()

    page.get_by_label("A prison or probation worker on their behalf").check()
    continue_(page)

    assert heading(page) == "Your details"
    continue_(page)
    summary = error_summary(page)
    for message in (
        "Enter your full name",
        "Select your role",
        "Enter where you work",
        "Enter your work email address",
    ):
        assert message in summary
    # The error summary takes focus with JavaScript on, and its links move it to the field.
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    page.get_by_role("link", name="Select your role").click()
    assert page.evaluate("document.activeElement.id") == page.get_by_label(
        "Prison staff"
    ).get_attribute("id")
    assert_accessible(page)
    page.get_by_label("Your full name").fill("Pat Officer")
    page.get_by_label("Prison staff").check()
    page.get_by_label("Where you work").fill("HMP Liverpool resettlement team")
    page.get_by_label("Your work email").fill("pat.officer@justice.example")
    continue_(page)

    assert heading(page) == "What is their full name?"
    page.get_by_label("What is their full name?").fill("Jo Bloggs")
    continue_(page)
    fill_date(page, "What is their date of birth?", date(1985, 11, 2))
    continue_(page)
    page.get_by_label("In prison", exact=True).check()
    continue_(page)
    page.get_by_label("Which prison are they in?").select_option(label="HMP Liverpool")
    continue_(page)
    page.get_by_label("What is their prison number?").fill("B7654CD")
    continue_(page)
    fill_date(page, "When do they expect to be released?", release)
    continue_(page)
    page.get_by_label("Which council area will they live in after release?").select_option(
        label="Sefton"
    )
    continue_(page)
    page.get_by_label("Work and training").check()
    page.get_by_label("Anything else a mentor should know (optional)").fill(
        "Wants to finish a forklift licence started inside."
    )
    continue_(page)
    assert heading(page) == "Their mentor"
    page.get_by_label("A man").check()
    continue_(page)

    # Only the services that work where they will live and help with what they asked for.
    assert heading(page) == "Choose a mentoring service"
    choices = page.locator("main .govuk-radios").inner_text()
    assert "Gate to Home (Mersey Mentors)" in choices
    assert "Working Futures (Futures Trust)" in choices
    assert "Far Away Mentors" not in choices
    continue_(page)
    assert "Select the mentoring service to send the request to" in error_summary(page)
    assert_accessible(page)
    page.get_by_label("Working Futures (Futures Trust)").check()
    continue_(page)

    assert heading(page) == "How to contact them"
    page.get_by_label("Through the OMU at their prison").check()
    continue_(page)

    assert heading(page) == "How their information is used"
    assert "Futures Trust" in page.locator("main").inner_text()
    continue_(page)
    assert "You must agree before the request can be sent" in error_summary(page)
    assert_accessible(page)
    page.get_by_label("The person has been told how their answers are used").check()
    continue_(page)

    assert heading(page) == "Check your answers before sending the request"
    answers = page.locator(".govuk-summary-list").inner_text()
    assert "Pat Officer" in answers and "Jo Bloggs" in answers
    assert "Working Futures (Futures Trust)" in answers
    assert_accessible(page)
    page.get_by_role("button", name="Send the request").click()

    assert heading(page) == "Request sent"
    reference = page.locator(".app-reference").inner_text()
    assert "give it to the person" in page.locator("main").inner_text()
    referral = Referral.objects.get(reference=reference)
    assert referral.completed_by == CompletedBy.WORKER
    assert referral.organisation.name == "Futures Trust"
    assert referral.status == ReferralStatus.RECEIVED
    # Going back finds a fresh start: the answers left the browser's session when sent.
    page.go_back()
    assert heading(page) == "Ask for a mentor"
    assert page.get_by_role("button", name="Start now").is_visible()
    assert Referral.objects.count() == 1
    assert page_errors == []
    context.close()


def test_a_shared_terminal_keeps_nothing_of_one_person_for_the_next_without_javascript(
    live_server, browser, gate_to_home, settings
):
    """Without JavaScript: "Clear my answers and start again", "I do not know", contact details
    shown under their choices, the reference shown once, and the next person (after a send, a
    clear or a timeout) seeing nothing of the last."""
    context = no_javascript_context(browser)
    page = context.new_page()
    start = f"{live_server.url}/ask-for-a-mentor/"

    page.goto(start)
    assert "do nothing for 20 minutes" in page.locator("main").inner_text()
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("The person who wants a mentor").check()
    continue_(page)
    page.get_by_label("What is your full name?").fill("Sam Example")
    continue_(page)
    assert heading(page) == "What is your date of birth?"
    page.get_by_role("button", name="Clear my answers and start again").click()
    assert heading(page) == "Ask for a mentor"
    assert "Your answers have been cleared" in page.locator("main").inner_text()
    assert_accessible(page)

    # The next person: a fresh start, nothing filled in.
    page.get_by_role("button", name="Start now").click()
    assert not page.get_by_label("The person who wants a mentor").is_checked()
    page.get_by_label("The person who wants a mentor").check()
    continue_(page)
    assert page.get_by_label("What is your full name?").input_value() == ""
    page.get_by_label("What is your full name?").fill("Alex Other")
    continue_(page)
    fill_date(page, "What is your date of birth?", date(1988, 5, 4))
    continue_(page)
    page.get_by_label("In prison", exact=True).check()
    continue_(page)
    page.get_by_label("Which prison are you in?").select_option(label="HMP Liverpool")
    continue_(page)
    page.get_by_label("I do not know my prison number").check()
    continue_(page)
    page.get_by_label("I do not know my release date").check()
    continue_(page)
    page.get_by_label("Which council area will you live in after release?").select_option(
        label="Sefton"
    )
    continue_(page)
    page.get_by_label("Somewhere to live").check()
    continue_(page)
    answer_fit_questions(page)
    continue_(page)
    answer_fit_questions(page)
    page.get_by_label("Gate to Home (Mersey Mentors)").check()
    continue_(page)

    # Every detail box is on the page without JavaScript, under its choice.
    assert heading(page) == "How to contact you"
    assert page.get_by_label("Email address").is_visible()
    assert page.get_by_label("Postal address").is_visible()
    assert_accessible(page)
    page.get_by_label("By email").check()
    continue_(page)
    assert "Enter an email address" in error_summary(page)
    page.get_by_label("Email address").fill("alex@example.com")
    continue_(page)
    page.get_by_label("I have read how my answers are used").check()
    continue_(page)
    answers = page.locator(".govuk-summary-list").inner_text()
    assert answers.count("Not known") == 2
    page.get_by_role("button", name="Send the request").click()

    assert heading(page) == "Request sent"
    reference = page.locator(".app-reference").inner_text()
    assert "Ctrl key and press P" in page.locator("main").inner_text()
    assert not page.get_by_role("button", name="Print this page").is_visible()
    assert_accessible(page)
    referral = Referral.objects.get()
    assert referral.reference == reference and referral.prison_number == ""
    assert referral.expected_release_date is None

    # Shown once: a refresh, or the next person, finds the start page and nothing else.
    page.reload()
    assert heading(page) == "Ask for a mentor"
    assert reference not in page.content()
    assert page.get_by_role("button", name="Start now").is_visible()

    # A timeout clears half-given answers too.
    settings.SESSION_IDLE_SECONDS_ANONYMOUS = 2
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("The person who wants a mentor").check()
    continue_(page)
    page.get_by_label("What is your full name?").fill("Jo Left")
    continue_(page)
    page.wait_for_timeout(2500)
    page.goto(start)
    assert page.get_by_role("button", name="Start now").is_visible()
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("The person who wants a mentor").check()
    continue_(page)
    assert page.get_by_label("What is your full name?").input_value() == ""

    # The request is withdrawn from "Check your request", and Finish leaves nothing on screen.
    settings.SESSION_IDLE_SECONDS_ANONYMOUS = 20 * 60
    page.goto(f"{live_server.url}/check-your-request/")
    page.get_by_label("Reference number").fill(reference)
    fill_date(page, "Date of birth of the person who asked for a mentor", date(1988, 5, 4))
    page.get_by_role("button", name="Check the request").click()
    assert heading(page) == "Your request for a mentor"
    page.get_by_role("link", name="Withdraw this request").click()
    assert heading(page) == "Are you sure you want to withdraw your request?"
    assert_accessible(page)
    page.get_by_role("button", name="Withdraw the request").click()
    assert "Your request has been withdrawn" in page.locator("main").inner_text()
    assert Referral.objects.get().status == ReferralStatus.WITHDRAWN
    page.get_by_role("button", name="Finish").click()
    assert heading(page) == "Check your request for a mentor"
    page.go_back()
    assert heading(page) != "Your request for a mentor"
    context.close()


def answer_fit_questions(page):
    """A man with none of the listed offences, where a service in reach asks."""
    if heading(page) == "Are you a man or a woman?":
        page.get_by_label("A man").check()
        continue_(page)
    if heading(page) == "Have you been convicted of any of these?":
        page.get_by_label("None of these").check()
        continue_(page)


def test_the_print_button_shows_with_javascript(live_server, page, gate_to_home):
    """With JavaScript the confirmation offers a "Print this page" button."""
    release = timezone.localdate() + timedelta(days=60)
    page.goto(f"{live_server.url}/ask-for-a-mentor/start/?service={gate_to_home.pk}")
    page.get_by_label("The person who wants a mentor").check()
    continue_(page)
    page.get_by_label("What is your full name?").fill("Sam Example")
    continue_(page)
    fill_date(page, "What is your date of birth?", date(1990, 3, 27))
    continue_(page)
    page.get_by_label("In prison", exact=True).check()
    continue_(page)
    page.get_by_label("Which prison are you in?").select_option(label="HMP Liverpool")
    continue_(page)
    page.get_by_label("What is your prison number?").fill("A1234BC")
    continue_(page)
    fill_date(page, "When do you expect to be released?", release)
    continue_(page)
    page.get_by_label("Which council area will you live in after release?").select_option(
        label="Sefton"
    )
    continue_(page)
    page.get_by_label("Somewhere to live").check()
    continue_(page)
    answer_fit_questions(page)
    continue_(page)
    answer_fit_questions(page)
    # With JavaScript, a detail box shows only once its choice is ticked.
    assert not page.get_by_label("Email address").is_visible()
    page.get_by_label("By email").check()
    assert page.get_by_label("Email address").is_visible()
    page.get_by_label("Email address").fill("sam@example.com")
    continue_(page)
    page.get_by_label("I have read how my answers are used").check()
    continue_(page)
    page.get_by_role("button", name="Send the request").click()
    assert heading(page) == "Request sent"
    assert page.get_by_role("button", name="Print this page").is_visible()
