"""Account emails in our words, as plain text and HTML, and the way back after confirming an
email address: the volunteer who created an account part way through applying goes back there.
"""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory
from tests.factories_volunteering import ApplicationFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-new-password-77"
LIBRARY_WORDING = ("finalize", "Hello from", "Thank you for using", "You're receiving", "[")


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def assert_ours(message):
    for words in LIBRARY_WORDING:
        assert words not in message.subject
    for words in LIBRARY_WORDING[:-1]:
        assert words not in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert "Open Gate" in html
    assert 'lang="en-GB"' in html
    # The HTML says what the text says, with the links clickable.
    first_link = re.search(r"https?://\S+", message.body).group(0)
    assert f'href="{first_link}"' in html


def sign_up(client, email="new.volunteer@example.org", next_url=""):
    url = reverse("account_signup") + (f"?next={next_url}" if next_url else "")
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(url, data)


def test_the_sign_up_email_is_ours_in_text_and_html(client, mailoutbox):
    sign_up(client)
    (message,) = mailoutbox
    assert message.subject == "Confirm your email address to finish creating your Open Gate account"
    assert "confirm your email address by opening this link" in message.body
    assert_ours(message)


def test_after_confirming_a_volunteer_goes_back_to_where_they_were(client, mailoutbox):
    role_page = reverse("volunteers:volunteer_roles")
    response = sign_up(client, next_url=role_page)
    assert response.url == reverse("account_email_verification_sent")
    page = client.get(response.url).text
    assert "finalize" not in page
    assert reverse("accounts:send_verification_again") in page

    link = link_in(mailoutbox[0])
    assert "Confirm that new.volunteer@example.org is your email address" in client.get(link).text
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert confirmed.url == reverse("account_login") + "?next=%2Fvolunteer%2F"

    signed_in = client.post(
        confirmed.url, {"login": "new.volunteer@example.org", "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    assert signed_in.url == role_page


def test_an_applicant_signing_in_elsewhere_lands_on_their_applications(client):
    application = ApplicationFactory()
    response = client.post(
        reverse("account_login"),
        {"login": application.applicant.email, "password": TEST_PASSWORD},
    )
    assert response.url == reverse("volunteers:volunteer_applications")
    assert "not a member of an organisation" not in client.get(response.url).text


def test_send_it_again_sends_a_new_link_that_works(client, mailoutbox):
    sign_up(client)
    cache.clear()  # As if the few minutes between emails to one address have passed.
    page = client.get(reverse("accounts:send_verification_again"))
    assert page.status_code == 200
    response = client.post(
        reverse("accounts:send_verification_again"), {"email": "New.Volunteer@example.org"}
    )
    assert response.url == reverse("account_email_verification_sent")
    assert len(mailoutbox) == 2
    assert_ours(mailoutbox[1])
    confirmed = client.post(link_in(mailoutbox[1]))
    assert confirmed.status_code == 302
    messages = client.get(confirmed.url).text
    assert "Your email address new.volunteer@example.org is confirmed" in messages


def test_send_it_again_says_the_same_for_an_address_with_no_account(client, mailoutbox):
    known = UserFactory(verified_email=False)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=known, email=known.email, verified=False, primary=True)
    answers = []
    for email in (known.email, "nobody@example.org"):
        response = client.post(reverse("accounts:send_verification_again"), {"email": email})
        page = client.get(response.url).text
        answers.append(page[page.index("<main") :].replace(email, "EMAIL"))
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [known.email]
    assert "If EMAIL is waiting to be confirmed, we have sent a new link" in answers[0]
    assert answers[0] == answers[1]


def test_send_it_again_is_limited_to_one_email_every_few_minutes(client, mailoutbox):
    sign_up(client)
    for _ in range(3):
        client.post(
            reverse("accounts:send_verification_again"), {"email": "new.volunteer@example.org"}
        )
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter the email address you used to create your account"),
        ("not-an-address", "Enter an email address in the correct format"),
    ],
)
def test_send_it_again_explains_a_wrong_address(client, mailoutbox, email, message):
    response = client.post(reverse("accounts:send_verification_again"), {"email": email})
    assert response.status_code == 400
    assert message in response.text
    assert "<title>Error: Send the email again – Open Gate</title>" in response.text
    assert mailoutbox == []


def test_a_broken_link_offers_a_new_one(client):
    response = client.get(reverse("account_confirm_email", args=["not-a-key"]))
    assert "This link has expired or does not work" in response.text
    assert reverse("accounts:send_verification_again") in response.text


def test_password_reset_emails_are_ours(client, mailoutbox):
    user = UserFactory()
    client.post(reverse("account_reset_password"), {"email": user.email})
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    reset, unknown = mailoutbox
    assert reset.subject == unknown.subject == "Reset your Open Gate password"
    assert "To choose a new password, open this link" in reset.body
    assert "There is no account with this email address" in unknown.body
    assert_ours(reset)
    assert_ours(unknown)


def test_signing_up_again_with_a_known_address_emails_the_owner(client, mailoutbox):
    user = UserFactory()
    sign_up(client, email=user.email)
    (message,) = mailoutbox
    assert message.subject == "You already have an account on Open Gate"
    assert_ours(message)
