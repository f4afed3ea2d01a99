"""A person who asks, in Welsh, for a mentor who speaks Welsh: once their request is accepted,
the coordinator's suggestions put a Welsh-speaking mentor first and say why."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from mentees.models import Mentee
from tests.factories import LocalAuthorityFactory, PrisonFactory, ServiceFactory, UserFactory
from tests.mentees.referrals.journey import custody_answers, finishing_pages, walk

from .factories import mentor_for

pytestmark = pytest.mark.django_db


def asked_in_welsh_for_a_welsh_mentor(client, *, service, council):
    pages = custody_answers(
        prison=PrisonFactory(name="CEF Caerdydd"),
        local_authority=council,
        release=timezone.localdate() + timedelta(days=60),
    )
    pages = [
        (slug, {**data, "language": "cy"} if slug == "mentor" else data)
        for slug, data in pages + finishing_pages(service)
    ]
    with translation.override("cy"):
        walk(client, pages, begin_with=service)
        check = reverse("mentees:ask_check")
    assert check.startswith("/cy/")
    assert client.post(check, {}).status_code == 302


def test_a_mentee_who_asked_for_welsh_sees_it_as_a_reason_in_the_suggestions(
    staff_client, organisation
):
    council = LocalAuthorityFactory(name="Cardiff", latitude="51.48", longitude="-3.18")
    service = ServiceFactory(organisation=organisation, local_authorities=[council])
    english_only = mentor_for(UserFactory(full_name="Alun English"), organisation, languages=["en"])
    welsh = mentor_for(
        UserFactory(full_name="Gwenllian Cymraeg"), organisation, languages=["en", "cy"]
    )
    for profile in (english_only, welsh):
        profile.local_authorities.set([council])

    asked_in_welsh_for_a_welsh_mentor(Client(), service=service, council=council)
    referral = organisation.referrals.get()
    assert referral.language == "cy" and referral.asked_in == "cy"
    staff_client.post(reverse("mentees:referral_accept", args=[referral.pk]))
    mentee = Mentee.objects.get(referral=referral)

    body = staff_client.get(reverse("matching:mentee_matching", args=[mentee.pk])).content.decode()
    assert "mentors in Welsh" in body
    assert body.index("Gwenllian Cymraeg") < body.index("Alun English")
    english_row = body[body.index("Alun English") :]
    assert "mentors in Welsh" not in english_row[: english_row.find("</tr>")]
