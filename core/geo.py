"""Great-circle distances on the Earth, in one place. No Django import (matching's pure
modules use it).

We take the Earth as a sphere of its mean radius, 6,371.0088 km (the IUGG figure, the one
most references give). Over England and Wales the sphere is wrong by well under 0.5%, which is
far finer than the places we measure from (a council's centre, a meeting place's postcode).
"""

import math

import numpy as np

EARTH_RADIUS_KM = 6371.0088
EARTH_RADIUS_METRES = EARTH_RADIUS_KM * 1000


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def haversine_km_matrix(latitudes, longitudes) -> np.ndarray:
    """Kilometres between every pair of points (degrees), the same figures as haversine_km."""
    lat = np.radians(np.asarray(latitudes, dtype=float))
    lon = np.radians(np.asarray(longitudes, dtype=float))
    h = (
        np.sin((lat[None, :] - lat[:, None]) / 2) ** 2
        + np.cos(lat)[:, None]
        * np.cos(lat)[None, :]
        * np.sin((lon[None, :] - lon[:, None]) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
