"""Matching in a real browser: a coordinator matches a waiting mentee and the mentor answers and
logs a meeting (JavaScript off); relationships through the gate to an early end; bulk
suggestions; notifications, email choices and the matching settings; the meeting form's error
summary by keyboard. axe on every page type."""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from accounts.demo import enrol_demo_mfa
from accounts.models import User
from matching.constants import BulkProposalStatus, MatchStatus
from matching.models import BulkProposal, EmailPreference, Exclusion, Match, MatchingSettings
from matching.services.notifications import notify
from providers.constants import MembershipRole
from tests.factories import (
    TEST_PASSWORD,
    LocalAuthorityFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.matching.factories import MatchFactory, MeetingFactory, mentor_for
from tests.mentees.factories import MenteeFactory

from .conftest import (
    assert_accessible,
    no_javascript_context,
    sign_in_through_the_forms,
    staff,
    watch_errors,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Wirral Gate Mentoring")


@pytest.fixture
def wirral():
    return LocalAuthorityFactory(name="Wirral", latitude="53.37", longitude="-3.08")


@pytest.fixture
def mentee(organisation, wirral):
    """In prison, released to Wirral in a month."""
    return MenteeFactory(organisation=organisation, full_name="Sam Example", local_authority=wirral)


def matchable(organisation, name, area, **profile):
    mentor = mentor_for(UserFactory(full_name=name), organisation, **profile)
    mentor.local_authorities.set([area])
    return mentor


@pytest.fixture
def tony(organisation, wirral):
    return matchable(organisation, "Tony Walsh", wirral)


@pytest.fixture
def after_midday():
    """Meetings are logged for today and cannot start later than now, so the clock reads 12:00
    or later (the same day, still ticking) and a meeting at 10:00 today is in the past."""
    now = timezone.localtime()
    if now.hour >= 12:
        yield
        return
    noon = datetime.combine(now.date(), time(12, 0), tzinfo=now.tzinfo)
    with time_machine.travel(noon, tick=True):
        yield


def sign_in_as_a_mentor(page, base_url: str, email: str) -> None:
    """Mentors, like staff, use two-factor authentication: email, password and a code."""
    enrol_demo_mfa(User.objects.get(email=email))
    sign_in_through_the_forms(page, base_url, email, TEST_PASSWORD)


def heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def banner(page) -> str:
    return page.locator(".govuk-notification-banner").inner_text()


def error_summary(page) -> str:
    return page.locator(".govuk-error-summary").inner_text()


def field_error(page, field_id: str) -> str:
    """The message shown beside a field, inside its form group."""
    group = page.locator(".govuk-form-group--error", has=page.locator(f"#{field_id}"))
    return group.locator(".govuk-error-message").inner_text()


def fill_date(page, group_name: str, day) -> None:
    group = page.get_by_role("group", name=group_name)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def nav(page, name: str) -> None:
    page.locator("header").get_by_role("link", name=name, exact=True).click()


def test_a_coordinator_proposes_a_mentor_who_says_yes_and_logs_a_meeting(
    live_server, browser, organisation, mentee, tony, wirral, after_midday
):
    today = timezone.localdate()
    sue = matchable(organisation, "Sue Parry", wirral)
    far = LocalAuthorityFactory(name="Cornwall", latitude="50.40", longitude="-4.90")
    matchable(organisation, "Far Mentor", far)
    busy = matchable(organisation, "Kim Busy", wirral, capacity=1)
    quiet = MatchFactory(
        mentee__organisation=organisation, mentee__full_name="Jo Quiet", mentor=busy
    )
    MeetingFactory(match=quiet, held_on=today - timedelta(days=20))
    MenteeFactory(
        organisation=organisation,
        full_name="Out On Friday",
        local_authority=wirral,
        release_date=today + timedelta(days=3),
    )
    coordinator = staff(organisation, MembershipRole.COORDINATOR)
    notify(
        user=coordinator,
        organisation=organisation,
        kind="referral_waiting",
        key="r",
        title="A referral has waited",
    )

    context = browser.new_context()
    page = context.new_page()
    errors = watch_errors(page)
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)

    # The dashboard's "Today": who waits, how each pair is going, releases, reminders.
    today_panel = page.get_by_role("heading", name="Today", level=2)
    assert today_panel.is_visible()
    main = page.locator("main").inner_text()
    assert "Jo Quiet" in main and "20 days ago" in main and "Overdue" in main
    assert "Released in the next 7 days" in main and "Out On Friday" in main
    assert "A referral has waited" in main
    assert_accessible(page)

    # Matching: the soonest release first.
    nav(page, "Matching")
    assert heading(page) == "Matching"
    waiting = page.locator("table").first.inner_text()
    assert waiting.index("Out On Friday") < waiting.index("Sam Example")
    assert "Jo Quiet" not in waiting
    assert_accessible(page)

    page.get_by_role("link", name="Sam Example").click()
    assert heading(page) == "Find a mentor for Sam Example"
    cards = page.locator(".govuk-summary-card")
    assert cards.count() == 2
    ranked = cards.all_inner_texts()
    assert any("Tony Walsh" in card for card in ranked)
    assert any("Sue Parry" in card for card in ranked)
    assert all("out of 100" in card and "covers Wirral" in card for card in ranked)
    page.get_by_text("Mentors who cannot be matched (2) and why").click()
    cannot = page.locator(".govuk-details__text").inner_text()
    assert "1 more work only in areas further than 15 km from Wirral" in cannot
    assert "Kim Busy: no places free (1 of 1 taken)" in cannot
    assert_accessible(page)

    # A must-not-match pair: the reason is needed, and the choice of mentor is kept.
    page.get_by_role("link", name="Add a mentor who must not be matched").click()
    assert_accessible(page)
    page.get_by_label("Mentor who must not be matched").select_option(label="Sue Parry")
    page.get_by_role("button", name="Add to the list").click()
    assert "Say why they must not be matched" in error_summary(page)
    assert field_error(page, "id_reason").endswith("Say why they must not be matched")
    assert page.get_by_label("Mentor who must not be matched").input_value() == str(sue.pk)
    assert not Exclusion.objects.exists()
    assert_accessible(page)
    page.get_by_role("link", name="Say why they must not be matched").click()
    assert page.evaluate("document.activeElement.id") == "id_reason"
    page.get_by_label("Why not").fill("Co-defendants in 2019")
    page.get_by_role("button", name="Add to the list").click()
    assert "They will not be matched." in banner(page)
    assert "Sue Parry: Co-defendants in 2019" in page.locator("main").inner_text()
    assert page.locator(".govuk-summary-card").count() == 1
    page.get_by_text("Mentors who cannot be matched (3) and why").click()
    assert "Sue Parry: on this mentee's must-not-match list" in (
        page.locator(".govuk-details__text").inner_text()
    )
    assert Exclusion.objects.get().mentor == sue

    # Propose Tony.
    page.get_by_role("button", name="Propose Tony Walsh").click()
    assert "We have asked Tony Walsh. They have 3 days to say yes or no." in banner(page)
    assert "Tony Walsh was asked on" in page.locator(".govuk-inset-text").inner_text()
    assert_accessible(page)
    match = Match.objects.get(mentee=mentee)
    assert match.status == MatchStatus.PROPOSED and match.mentor == tony
    assert errors == []
    context.close()

    # The mentor, with JavaScript off: the proposal, a "no" without a reason, then "yes".
    context = no_javascript_context(browser)
    page = context.new_page()
    sign_in_as_a_mentor(page, live_server.url, tony.user.email)
    nav(page, "Your mentoring")
    assert heading(page) == "Your mentoring"
    assert_accessible(page)
    page.get_by_role("link", name="Would you mentor Sam?").click()
    assert heading(page) == "Would you mentor Sam?"
    assert "Example" not in page.locator("main").inner_text(), "no surname for a mentor"
    assert "covers Wirral" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="No, I cannot").click()
    assert "Say why, so your coordinator can find someone else" in error_summary(page)
    assert field_error(page, "id_reason").endswith(
        "Say why, so your coordinator can find someone else"
    )
    assert_accessible(page)
    match.refresh_from_db()
    assert match.status == MatchStatus.PROPOSED
    page.get_by_role("button", name="Yes, I will mentor Sam").click()
    assert "Thank you. You are now Sam's mentor." in banner(page)
    assert heading(page) == "Mentoring Sam"
    assert_accessible(page)

    # A meeting that ends before it starts: refused, every other answer kept.
    page.get_by_role("button", name="Log a meeting").click()
    assert heading(page) == "Log a meeting"
    assert_accessible(page)
    fill_date(page, "Date of the meeting", today)
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("09:30")
    page.get_by_label("In custody").check()
    page.get_by_label("Mentor", exact=True).check()
    page.get_by_label("Mentee", exact=True).check()
    page.get_by_label("Private notes (optional)").fill("Talked about where he will live.")
    page.get_by_label("Expenses to claim, in pounds (optional)").fill("4.50")
    page.get_by_label("What were the expenses for? (optional)").fill("Bus fare to the prison")
    page.get_by_role("button", name="Save the meeting").click()
    assert heading(page) == "Log a meeting"
    assert "The meeting must end after it starts" in error_summary(page)
    assert field_error(page, "id_ends_at").endswith("The meeting must end after it starts")
    assert page.get_by_label("Start time").input_value() == "10:00"
    assert page.get_by_label("In custody").is_checked()
    assert page.get_by_label("Mentee", exact=True).is_checked()
    assert page.get_by_label("Private notes (optional)").input_value() == (
        "Talked about where he will live."
    )
    assert page.get_by_label("Expenses to claim, in pounds (optional)").input_value() == "4.50"
    assert match.meetings.count() == 0
    assert_accessible(page)

    page.get_by_label("End time").fill("11:15")
    page.get_by_role("button", name="Save the meeting").click()
    assert "The meeting is logged." in banner(page)
    assert heading(page) == "Mentoring Sam"
    meetings = page.locator("main ul.govuk-list").last.inner_text()
    assert f"{today:%-d %B %Y}, in custody, 75 minutes" in meetings
    meeting = match.meetings.get()
    assert meeting.expenses_pence == 450 and meeting.expenses_description == (
        "Bus fare to the prison"
    )
    context.close()


def test_a_coordinator_keeps_relationships_going_through_the_gate(
    live_server, browser, organisation, mentee, tony, wirral
):
    today = timezone.localdate()
    mentee.release_date = today
    mentee.save()
    in_custody = MatchFactory(mentee=mentee, mentor=tony, status=MatchStatus.ACTIVE_IN_CUSTODY)
    visit = MeetingFactory(
        match=in_custody,
        held_on=today - timedelta(days=5),
        place="in_custody",
        ends_at=time(10, 45),
    )
    matchable(organisation, "Sue Parry", wirral)
    short = MatchFactory(
        mentee__organisation=organisation,
        mentee__full_name="Jo Short",
        started_on=today - timedelta(days=60),
    )
    coordinator = staff(organisation, MembershipRole.COORDINATOR)
    context = browser.new_context()
    page = context.new_page()
    errors = watch_errors(page)
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)

    nav(page, "Relationships")
    assert heading(page) == "Relationships"
    table = page.locator("table").inner_text()
    assert "Sam Example" in table and "Jo Short" in table and "Active in custody" in table
    assert_accessible(page)

    # Plan the meeting at the gate, then record the release.
    page.get_by_role("link", name="Sam Example").click()
    assert heading(page) == "Sam Example and Tony Walsh"
    assert_accessible(page)
    page.get_by_role("button", name="Plan the gate meeting").click()
    assert heading(page) == "Plan the meeting at the gate"
    page.get_by_role("button", name="Save").click()
    assert "Enter the gate meeting date" in error_summary(page)
    assert_accessible(page)
    fill_date(page, "When is the gate meeting?", today)
    page.get_by_role("button", name="Save").click()
    assert "The gate meeting is planned." in banner(page)
    assert f"Gate meeting\t{today:%-d %B %Y}" in page.locator(".govuk-summary-list").inner_text()

    page.get_by_role("button", name="Record the release").click()
    assert heading(page) == "Record the release"
    assert_accessible(page)
    fill_date(page, "When was the mentee released?", today)
    page.get_by_role("button", name="Save").click()
    assert "The release is recorded." in banner(page)
    summary = page.locator(".govuk-summary-list").inner_text()
    assert "Released: first meeting due" in summary and "first meeting due by" in summary
    assert page.get_by_role("button", name="Record the release").count() == 0
    in_custody.refresh_from_db()
    assert in_custody.status == MatchStatus.RELEASED and in_custody.released_on == today

    # Correct the meeting of five days ago: it ran to 11:30, not 10:45.
    page.get_by_role("link", name=f"Correct the meeting of {visit.held_on:%-d %b %Y}").click()
    assert heading(page) == "Correct a meeting"
    assert page.get_by_label("End time").input_value() == "10:45"
    assert_accessible(page)
    page.get_by_label("End time").fill("11:30")
    page.get_by_role("button", name="Save the meeting").click()
    assert "The meeting is corrected." in banner(page)
    visit.refresh_from_db()
    assert visit.minutes == 90 and visit.corrected_at is not None
    assert "90" in page.locator("table").inner_text()

    # Change to another mentor: the relationship ends and Sue is asked.
    page.get_by_role("button", name="Change mentor").click()
    assert heading(page) == "Change mentor"
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    assert "Choose the new mentor" in error_summary(page)
    page.get_by_label("New mentor").select_option(label="Sue Parry")
    page.get_by_label("Why change (optional)").fill("Tony is moving to Leeds")
    page.get_by_role("button", name="Save").click()
    assert heading(page) == "Change mentor to Sue Parry?"
    assert_accessible(page)
    page.get_by_role("button", name="Yes, change mentor").click()
    assert "We have asked the new mentor." in banner(page)
    assert heading(page) == "Find a mentor for Sam Example"
    assert "Sue Parry was asked on" in page.locator(".govuk-inset-text").inner_text()
    assert "Tony Walsh" in page.locator("main").inner_text()  # among earlier relationships
    in_custody.refresh_from_db()
    assert in_custody.status == MatchStatus.ENDED
    assert Match.objects.get(replaces=in_custody).status == MatchStatus.PROPOSED

    # End Jo's relationship early: the reason is needed, then it is flagged as short.
    nav(page, "Relationships")
    page.get_by_role("link", name="Jo Short").click()
    page.get_by_role("button", name="End the relationship").click()
    assert heading(page) == "End the relationship"
    fill_date(page, "When did it end?", today)
    page.get_by_label("Ended early", exact=True).check()
    page.get_by_role("button", name="Save").click()
    assert "Select why it ended early" in error_summary(page)
    assert field_error(page, "id_early_reason").endswith("Select why it ended early")
    assert page.get_by_label("Ended early", exact=True).is_checked()
    assert_accessible(page)
    page.get_by_label("If it ended early, why?").select_option(label="The mentee stopped engaging")
    page.get_by_role("button", name="Save").click()
    assert heading(page) == "End this relationship?"
    assert_accessible(page)
    page.get_by_role("button", name="Yes, end the relationship").click()
    assert "The relationship is ended." in banner(page)
    status = page.locator(".govuk-summary-list__row", has_text="Status").inner_text()
    assert "Ended" in status and "Shorter than 6 months" in status
    assert "ended early (the mentee stopped engaging)" in (
        page.locator(".govuk-summary-list").inner_text()
    )
    assert page.get_by_role("button", name="Log a meeting").count() == 0
    assert_accessible(page)
    short.refresh_from_db()
    assert short.status == MatchStatus.ENDED and short.shorter_than_advised
    assert errors == []
    context.close()


def test_suggestions_for_everyone_waiting_are_compared_and_confirmed(
    live_server, page, organisation, wirral
):
    for name in ("Ann Waiting", "Ben Waiting", "Cat Waiting"):
        MenteeFactory(organisation=organisation, full_name=name, local_authority=wirral)
    for name in ("Dee Mentor", "Eve Mentor"):
        matchable(organisation, name, wirral, capacity=1)
    coordinator = staff(organisation, MembershipRole.COORDINATOR)
    errors = watch_errors(page)
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)

    nav(page, "Matching")
    assert "Waiting for a mentor (3)" in page.locator("main").inner_text()
    page.get_by_role("button", name="Suggest matches for everyone waiting").click()
    assert heading(page) == "Suggested matches for everyone waiting"
    assert not Match.objects.exists(), "nothing is proposed before the coordinator confirms"
    comparison = page.locator("table", has_text="Compared with matching one by one")
    assert "Mentees matched (of 3)\t2\t2" in comparison.inner_text()
    assert "Total score" in comparison.inner_text()
    assert "1 mentee cannot be matched now" in page.locator("main").inner_text()
    rows = page.locator(".govuk-checkboxes__input")
    assert rows.count() == 2
    assert all(rows.nth(i).is_checked() for i in range(2))
    assert_accessible(page)

    proposal = BulkProposal.objects.get()
    dropped, kept = proposal.rows.order_by("pk")
    dropped_label = f"{dropped.mentee.full_name} with {dropped.mentor.user.display_name}"
    page.get_by_label(dropped_label).uncheck()
    page.get_by_role("button", name="Confirm and ask the mentors").click()
    assert "1 mentor asked." in banner(page)
    assert heading(page) == "Matching"
    answers = page.locator("table", has_text="Waiting for a mentor's answer (1)").inner_text()
    assert kept.mentee.full_name in answers and kept.mentor.user.display_name in answers
    assert dropped.mentee.full_name not in answers
    assert "Waiting for a mentor (2)" in page.locator("main").inner_text()
    proposal.refresh_from_db()
    assert proposal.status == BulkProposalStatus.CONFIRMED
    assert list(Match.objects.values_list("mentee", "mentor", "status")) == [
        (kept.mentee_id, kept.mentor_id, MatchStatus.PROPOSED)
    ]
    assert errors == []


def test_notifications_email_choices_and_matching_settings(live_server, page, organisation, mentee):
    admin = staff(organisation, MembershipRole.ORG_ADMIN)
    for key, title in (("a", "A mentor accepted a proposal"), ("b", "A proposal lapsed")):
        notify(
            user=admin,
            organisation=organisation,
            kind="proposal_answered" if key == "a" else "proposal_lapsed",
            key=key,
            title=title,
            link=f"/organisation/matching/{mentee.pk}/",
        )
    notify(user=UserFactory(), kind="proposal", key="x", title="Someone else's")
    errors = watch_errors(page)
    sign_in_through_the_forms(page, live_server.url, admin.email, TEST_PASSWORD)

    nav(page, "Notifications")
    assert heading(page) == "Notifications"
    listed = page.locator(".app-notifications").inner_text()
    assert "A mentor accepted a proposal" in listed and "A proposal lapsed" in listed
    assert "Someone else's" not in listed
    assert "2 unread." in page.locator("main").inner_text()
    assert page.locator(".app-notifications .govuk-tag", has_text="Unread").count() == 2
    assert_accessible(page)

    page.get_by_role("link", name="A mentor accepted a proposal").click()
    assert heading(page) == "Find a mentor for Sam Example"
    nav(page, "Notifications")
    assert "1 unread." in page.locator("main").inner_text()
    opened = page.locator(".app-notifications li", has_text="A mentor accepted a proposal")
    assert opened.locator(".govuk-tag").count() == 0
    unread = page.locator(".app-notifications li", has_text="A proposal lapsed")
    assert unread.locator(".govuk-tag").inner_text() == "Unread"

    # Email choices: safeguarding reminders cannot be turned off.
    page.get_by_role("link", name="Choose which you get by email").click()
    assert heading(page) == "Emails you get"
    choices = page.locator("form .govuk-checkboxes").inner_text()
    assert "A mentee is proposed to you" in choices
    assert "A pair has not met for 14 days" not in choices  # safeguarding: always emailed
    assert_accessible(page)
    page.get_by_label("A mentee is proposed to you").uncheck()
    page.get_by_label("A meeting is due tomorrow").uncheck()
    page.get_by_role("button", name="Save").click()
    assert "Your email choices are saved." in banner(page)
    assert set(EmailPreference.objects.filter(user=admin).values_list("kind", flat=True)) == {
        "proposal",
        "meeting_tomorrow",
    }
    page.get_by_role("link", name="Choose which you get by email").click()
    assert not page.get_by_label("A meeting is due tomorrow").is_checked()
    assert page.get_by_label("A proposal lapsed unanswered").is_checked()

    # The matching settings: a weight out of range is refused, then a good one is saved.
    nav(page, "Dashboard")
    page.get_by_role("link", name="Matching settings").click()
    assert heading(page) == "Matching settings"
    assert_accessible(page)
    page.get_by_label("Living close by").fill("150")
    page.get_by_label("A shared language").fill("-5")
    page.get_by_role("button", name="Save").click()
    summary = error_summary(page)
    assert "‘Living close by’ must be 100 or less" in summary
    assert "‘A shared language’ must be 0 or more" in summary
    assert field_error(page, "id_distance").endswith("‘Living close by’ must be 100 or less")
    assert page.get_by_label("Living close by").input_value() == "150"
    assert not MatchingSettings.objects.filter(organisation=organisation, weights__distance=150)
    assert_accessible(page)
    page.get_by_label("Living close by").fill("40")
    page.get_by_label("A shared language").fill("10")
    page.get_by_role("button", name="Save").click()
    assert "Matching settings are saved." in banner(page)
    assert page.get_by_label("Living close by").input_value() == "40"
    settings = MatchingSettings.objects.get(organisation=organisation)
    assert settings.weights["distance"] == 40 and settings.weights["language"] == 10
    assert errors == []


def test_the_meeting_forms_error_summary_moves_focus_by_keyboard(
    live_server, page, organisation, mentee, tony
):
    match = MatchFactory(mentee=mentee, mentor=tony)
    errors = watch_errors(page)
    sign_in_as_a_mentor(page, live_server.url, tony.user.email)
    page.goto(f"{live_server.url}/mentor/relationships/{match.pk}/meetings/new/")
    page.get_by_label("Start time").fill("25:00")
    page.get_by_role("button", name="Save the meeting").press("Enter")

    # The summary takes focus when the page loads, so a keyboard user hears it first.
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    targets = {
        "Enter the meeting date": "id_held_on_0",
        "Enter the start time as hours and minutes on the 24-hour clock, like 14:30": (
            "id_starts_at"
        ),
        "Enter the end time": "id_ends_at",
        "Select where you met": "id_place_1",
        "Select who was there": "id_attendees_1",
    }
    links = page.locator(".govuk-error-summary__list a")
    assert links.all_inner_texts() == list(targets)
    for text, field_id in targets.items():
        page.get_by_role("link", name=text).focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == field_id, text
    assert_accessible(page)
    assert errors == []
