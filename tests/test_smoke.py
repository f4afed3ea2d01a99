import pytest

pytestmark = pytest.mark.django_db


def test_home_page_renders(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Find a mentor for life after prison" in response.text
