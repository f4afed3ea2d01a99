import pytest
from django.core.management import call_command

from providers.models import LocalAuthority, Prison, Region

pytestmark = pytest.mark.django_db


def test_reference_data_loads_every_prison_and_local_authority(capsys):
    call_command("load_reference_data")
    assert Prison.objects.count() == 121
    assert LocalAuthority.objects.count() == 318
    assert Region.objects.count() == 10
    assert Prison.objects.get(name="HMP Liverpool").code == "LPI"
    assert Prison.objects.filter(code="MHI").count() == 2  # a prison and the IRC it became
    wirral = LocalAuthority.objects.get(name="Wirral")
    assert wirral.region.name == "North West"
    assert LocalAuthority.objects.get(name="Cardiff").region.name == "Wales"
    assert Prison.objects.filter(womens_estate=True).exists()
    assert "Open Government Licence" in capsys.readouterr().out


def test_loading_twice_changes_nothing_and_keeps_admin_edits():
    call_command("load_reference_data")
    Prison.objects.filter(name="HMIRC Morton Hall").update(is_open=False)
    call_command("load_reference_data")
    assert Prison.objects.count() == 121
    assert LocalAuthority.objects.count() == 318
    assert Prison.objects.get(name="HMIRC Morton Hall").is_open is False
