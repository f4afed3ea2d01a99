"""Postcodes to places and straight-line distances, without any outside geocoder.

A postcode is only known when a Location of a published service, or a Prison, has exactly that
postcode. Distances are great-circle (haversine) distances computed in SQL, after a bounding box
has cut the candidates down to those near the point.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, F, FloatField, OuterRef, QuerySet, Value
from django.db.models.functions import ASin, Cast, Cos, Least, Radians, Replace, Sin, Sqrt, Upper

from core.geo import EARTH_RADIUS_METRES, haversine_km

from ..models import LocalAuthority, Location, Prison, Service
from .params import ApiError


@dataclass(frozen=True)
class Place:
    postcode: str
    latitude: float | None = None
    longitude: float | None = None
    local_authority: LocalAuthority | None = None
    prison: Prison | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def _normalised_postcode():
    return Upper(Replace(F("postcode"), Value(" "), Value("")))


def resolve_postcode(postcode: str) -> Place:
    """The place we hold for a normalised postcode (upper case, no spaces), or a 400."""
    location = (
        Location.objects.annotate(normalised=_normalised_postcode())
        .filter(normalised=postcode, latitude__isnull=False, longitude__isnull=False)
        .filter(Exists(Service.objects.published().filter(locations=OuterRef("pk"))))
        .select_related("local_authority")
        .order_by("pk")
        .first()
    )
    if location:
        return Place(
            postcode=postcode,
            latitude=float(location.latitude),
            longitude=float(location.longitude),
            local_authority=location.local_authority,
        )
    prison = (
        Prison.objects.annotate(normalised=_normalised_postcode())
        .filter(normalised=postcode)
        .order_by("pk")
        .first()
    )
    if prison:
        return Place(postcode=postcode, prison=prison)
    raise ApiError(
        f"We cannot place the postcode {postcode}: this API has no postcode lookup and only "
        "knows the postcodes of the locations and prisons in the directory."
    )


def haversine_metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The same formula as `distance_expression`, in Python (used by the tests)."""
    return haversine_km(lat1, lon1, lat2, lon2) * 1000


def distance_expression(place: Place, prefix: str = ""):
    """Metres from `place` to the row's latitude/longitude (`prefix` e.g. "location__")."""
    phi1 = math.radians(place.latitude)
    lat = Radians(Cast(f"{prefix}latitude", FloatField()))
    lon = Radians(Cast(f"{prefix}longitude", FloatField()))
    half_dphi = (lat - Value(phi1)) / Value(2.0)
    half_dlambda = (lon - Value(math.radians(place.longitude))) / Value(2.0)
    a = Sin(half_dphi) * Sin(half_dphi) + Value(math.cos(phi1)) * Cos(lat) * Sin(
        half_dlambda
    ) * Sin(half_dlambda)
    return Value(2.0 * EARTH_RADIUS_METRES) * ASin(Least(Sqrt(a), Value(1.0)))


def _box(place: Place, metres: float) -> dict:
    """Lookups for a latitude/longitude box that contains every point within `metres`."""
    dlat = math.degrees(metres / EARTH_RADIUS_METRES)
    dlon = dlat / max(math.cos(math.radians(place.latitude)), 0.01)
    return {
        "latitude__gte": Decimal(f"{place.latitude - dlat:.9f}"),
        "latitude__lte": Decimal(f"{place.latitude + dlat:.9f}"),
        "longitude__gte": Decimal(f"{place.longitude - dlon:.9f}"),
        "longitude__lte": Decimal(f"{place.longitude + dlon:.9f}"),
    }


def nearby_locations(place: Place, metres: float) -> QuerySet:
    """Locations within `metres` of the place."""
    return (
        Location.objects.filter(**_box(place, metres))
        .annotate(distance=distance_expression(place))
        .filter(distance__lte=metres)
    )
