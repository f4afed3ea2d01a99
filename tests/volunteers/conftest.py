"""An applicant and the role they apply to, signed in as volunteers are (no two-factor step)."""

import pytest

from tests.conftest import sign_in
from tests.factories import UserFactory
from tests.factories_volunteering import VolunteerRoleFactory


@pytest.fixture
def role(organisation):
    return VolunteerRoleFactory(organisation=organisation, title="Gate mentor")


@pytest.fixture
def applicant(db):
    return UserFactory(email="sam@example.org", full_name="Sam Hughes")


@pytest.fixture
def applicant_client(client, applicant):
    return sign_in(client, applicant, mfa=False)
