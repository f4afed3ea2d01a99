"""Places and the distances between them, for matching. No Django import.

A place is a local authority, stood for by its centroid. Distances are great-circle distances
between centroids (core.geo): good to well under a kilometre at the scale of England and Wales,
which is finer than centroids deserve.
"""

from dataclasses import dataclass

import numpy as np

from core.geo import haversine_km, haversine_km_matrix


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
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


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
    km = haversine_km_matrix([p.latitude for p in places], [p.longitude for p in places])
    codes = np.array([p.code for p in places], dtype=object)
    km[codes[:, None] == codes[None, :]] = 0.0
    return km
