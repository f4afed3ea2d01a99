"""Loading the prisons and local authorities shipped in providers/data/ (see its README)."""

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from .choices import forget_directory_choices
from .constants import Nation
from .models import LocalAuthority, Prison, Region

DATA_DIR = Path(__file__).resolve().parent / "data"
ATTRIBUTION = (
    "Prisons: derived from the NOMS prison-estate-data register, Crown copyright, Open "
    "Government Licence v3.0. Local authorities: derived from mySociety's UK Local Authority "
    "Names and Codes (MIT licence), names and codes under the Open Government Licence v3.0."
)


@dataclass
class LoadResult:
    regions: int
    local_authorities: int
    prisons: int


def _rows(filename: str):
    with open(DATA_DIR / filename, newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle, delimiter="\t")


@transaction.atomic
def load_reference_data() -> LoadResult:
    regions: dict[str, Region] = {}
    authorities = 0
    for row in _rows("local_authorities.tsv"):
        nation = Nation(row["nation"])
        # Wales has no English-style regions: the nation is its region.
        region_name = row["region"] or nation.value
        if region_name not in regions:
            regions[region_name], _ = Region.objects.update_or_create(
                name=region_name, defaults={"nation": nation}
            )
        LocalAuthority.objects.update_or_create(
            gss_code=row["gss_code"],
            defaults={
                "name": row["name"],
                "official_name": row["official_name"],
                "region": regions[region_name],
                "kind": row["type"],
                "latitude": Decimal(row["lat"]).quantize(Decimal("0.000000001")),
                "longitude": Decimal(row["long"]).quantize(Decimal("0.000000001")),
            },
        )
        authorities += 1
    prisons = 0
    for row in _rows("prisons.tsv"):
        Prison.objects.update_or_create(
            name=row["name"],
            defaults={
                "code": row["code"],
                "probation_region": row["region"],
                "function": row["function"],
                "estate": row["estate"],
                "womens_estate": row["women"] == "yes",
                "postcode": row["postcode"],
                "address": row["address"],
                "telephone": row["telephone"],
            },
        )
        prisons += 1
    transaction.on_commit(forget_directory_choices)
    return LoadResult(regions=len(regions), local_authorities=authorities, prisons=prisons)
