import pytest

from tests.conftest import sign_in

from .factories import comparators


@pytest.fixture
def staff_client(client, coordinator):
    return sign_in(client, coordinator)


@pytest.fixture
def named_comparators(db):
    return comparators()
