"""Places and the distances between them, for matching. No Django import.

A place is a local authority, stood for by its centroid. Distances are great-circle distances
between centroids (the haversine formula on a sphere of the Earth's mean radius): good to well
under a kilometre at the scale of England and Wales, which is finer than centroids deserve.
"""

import math
from dataclasses import dataclass

import numpy as np

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


@dataclass(frozen=True)
class Place:
    """A local authority, by its centroid."""

    code: str  # GSS code, e.g. E08000015
    name: str
    latitude: float
    longitude: float


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places' centroids; 0 for the same place."""
    if a.code == b.code:
        return 0.0
    lat1, lon1 = math.radians(a.latitude), math.radians(a.longitude)
    lat2, lon2 = math.radians(b.latitude), math.radians(b.longitude)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def nearest(place: Place, areas: tuple[Place, ...]) -> tuple[Place, float] | None:
    """The area nearest to `place` and its distance, the first listed on a tie; None if none."""
    best = None
    for area in areas:
        km = distance_km(place, area)
        if best is None or km < best[1]:
            best = (area, km)
    return best


def distance_matrix_km(places: list[Place]) -> np.ndarray:
    """Distances between every pair of `places`, the same figures as `distance_km`."""
    lat = np.radians([p.latitude for p in places])
    lon = np.radians([p.longitude for p in places])
    h = (
        np.sin((lat[None, :] - lat[:, None]) / 2) ** 2
        + np.cos(lat)[:, None]
        * np.cos(lat)[None, :]
        * np.sin((lon[None, :] - lon[:, None]) / 2) ** 2
    )
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    codes = np.array([p.code for p in places], dtype=object)
    km[codes[:, None] == codes[None, :]] = 0.0
    return km
