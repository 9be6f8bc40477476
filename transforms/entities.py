"""Entity mentions -> canonical entities, their aliases, and entities per article.

Recognition itself (spaCy) is handed in as a function, `recognise(texts) -> spans per text`, so this module
stays pure and testable with a tiny stand-in; flows/ner.py provides the real one. Each distinct text is
recognised once, however many articles carry it.

Canonicalisation here is within one article: honorifics and titles stripped ("Mr Putin", "President
Putin" -> "Putin"), possessives folded ("Russia's" -> "Russia"), a leading "the" dropped for places and
groups, and a lone surname linked to the one full name in the same article that ends with it ("Putin" after
"Vladimir Putin"). Merging across articles (Sergey/Sergei Lavrov) is a later stage.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import polars as pl

from transforms.normalise import stable_id

Span = tuple[int, int, str, str]  # start offset, end offset, spaCy label, surface text
Recogniser = Callable[[list[str]], Sequence[Sequence[Span]]]

ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
    "PRODUCT": "product",
}
TITLE_SEPARATOR = "\n\n"

HONORIFICS = (
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev",
    "president", "vice president", "prime minister", "deputy prime minister", "foreign minister",
    "defence minister", "defense minister", "finance minister", "minister", "chancellor", "secretary",
    "secretary of state", "senator", "sen", "rep", "governor", "gov", "mayor", "ambassador", "king",
    "queen", "prince", "princess", "pope", "general", "gen", "colonel", "col", "captain", "capt",
    "judge", "justice", "chairman", "chairwoman", "spokesman", "spokeswoman", "premier", "sheikh",
)
_HONORIFIC = re.compile(
    r"^(?:(?:" + "|".join(sorted((re.escape(h) for h in HONORIFICS), key=len, reverse=True))
    + r")\.?\s+)+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)

MENTION_SCHEMA = {"article_id": pl.String, "start": pl.Int32, "end": pl.Int32, "label": pl.String,
                  "surface": pl.String}


def ner_texts(articles: pl.DataFrame) -> pl.DataFrame:
    """What NER reads for each article: the title, a blank line, then the body (or the summary)."""
    return articles.select(
        "article_id",
        pl.concat_str([pl.col("title").fill_null(""), pl.lit(TITLE_SEPARATOR),
                       pl.coalesce("body", "summary").fill_null("")]).alias("text"),
        pl.col("title").fill_null("").str.len_chars().cast(pl.Int32).alias("title_length"),
    )


def recognise_mentions(texts: pl.DataFrame, recognise: Recogniser) -> pl.DataFrame:
    """Spans of the kept entity types in each article's text; each distinct text recognised once."""
    distinct = texts["text"].unique(maintain_order=True).to_list()
    spans_by_text = dict(zip(distinct, recognise(distinct), strict=True))
    rows = [
        (article_id, start, end, label, surface)
        for article_id, text in texts.select("article_id", "text").iter_rows()
        for start, end, label, surface in spans_by_text[text]
        if label in ENTITY_TYPES
    ]
    return pl.DataFrame(rows, schema=MENTION_SCHEMA, orient="row")


def clean_surface(surface: str, entity_type: str) -> str:
    """A mention without honorifics, possessive or (for places and groups) a leading "the"."""
    name = " ".join(surface.split())
    name = _POSSESSIVE.sub("", name).strip(" .,;:'\"\u2019\u2018")
    if entity_type == "person":
        stripped = _HONORIFIC.sub("", name)
        name = stripped or name
    elif entity_type in ("place", "group"):
        name = _LEADING_THE.sub("", name)
    return name


def _link_short_names(names: list[str]) -> dict[str, str]:
    """For the person names of one article: each name -> the full name it stands for. A one-word name is
    linked to the single longer name ending (or starting) with it; if two full names share it, it stays."""
    full = [n for n in dict.fromkeys(names) if " " in n]
    links = {}
    for name in set(names):
        if " " in name:
            links[name] = name
            continue
        key = name.casefold()
        matches = ([f for f in full if f.casefold().split()[-1] == key]
                   or [f for f in full if f.casefold().split()[0] == key])
        links[name] = matches[0] if len(matches) == 1 else name
    return links


def _surnames(names: list[str]) -> dict[str, str]:
    """Last words of the full person names of one article that belong to just one of them -> that name."""
    owners: dict[str, set[str]] = {}
    for name in names:
        if " " in name:
            owners.setdefault(name.split()[-1].casefold(), set()).add(name)
    return {surname: next(iter(full)) for surname, full in owners.items() if len(full) == 1}


def canonical_mentions(mentions: pl.DataFrame) -> pl.DataFrame:
    """Mentions with `entity_type`, `alias` (the cleaned surface form) and `canonical_name` (the name the
    mention stands for within its article)."""
    typed = mentions.with_columns(
        pl.col("label").replace_strict(ENTITY_TYPES, return_dtype=pl.String).alias("entity_type"))
    aliases = [clean_surface(s, t) for s, t in typed.select("surface", "entity_type").iter_rows()]
    typed = typed.with_columns(pl.Series("alias", aliases, dtype=pl.String)).filter(
        pl.col("alias").str.len_chars() > 1)
    rows = typed.select("article_id", "alias", "entity_type").rows()
    people: dict[str, list[str]] = {}
    for article_id, alias, entity_type in rows:
        if entity_type == "person":
            people.setdefault(article_id, []).append(alias)
    links = {article_id: _link_short_names(names) for article_id, names in people.items()}
    surnames = {article_id: _surnames(names) for article_id, names in people.items()}
    types, canonical = [], []
    for article_id, alias, entity_type in rows:
        if entity_type == "person":
            types.append(entity_type)
            canonical.append(links[article_id][alias])
        elif alias.casefold() in surnames.get(article_id, {}):
            # a headline's "Lavrov" tagged as an organisation, in an article about Sergey Lavrov
            types.append("person")
            canonical.append(surnames[article_id][alias.casefold()])
        else:
            types.append(entity_type)
            canonical.append(alias)
    return typed.with_columns(pl.Series("entity_type", types, dtype=pl.String),
                              pl.Series("canonical_name", canonical, dtype=pl.String))


def entity_id_for(entity_type: str, canonical_name: str) -> str:
    return stable_id("entity", entity_type, canonical_name.casefold())


def entity_tables(mentions: pl.DataFrame, texts: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """`entities`, `entity_aliases` and `article_entities` frames from canonical mentions. `texts` gives
    each article's title length, to tell mentions in the title."""
    with_ids = mentions.with_columns(
        pl.struct("entity_type", "canonical_name").map_elements(
            lambda s: entity_id_for(s["entity_type"], s["canonical_name"]), return_dtype=pl.String
        ).alias("entity_id")
    ).join(texts.select("article_id", "title_length"), on="article_id", how="left")
    entities = with_ids.group_by("entity_id", maintain_order=True).agg(
        pl.col("canonical_name").first(), pl.col("entity_type").first())
    aliases = with_ids.select("entity_id", "alias").unique(maintain_order=True)
    article_entities = with_ids.group_by(["article_id", "entity_id"], maintain_order=True).agg(
        pl.len().cast(pl.Int32).alias("mention_count"),
        pl.col("start").min().alias("first_offset"),
        (pl.col("start") < pl.col("title_length")).any().alias("is_in_title"),
    )
    return {"entities": entities, "entity_aliases": aliases, "article_entities": article_entities}


def build_entity_tables(articles: pl.DataFrame, recognise: Recogniser) -> dict[str, pl.DataFrame]:
    """Entities of the given articles (new or changed ones: unchanged texts are not read again)."""
    texts = ner_texts(articles)
    mentions = canonical_mentions(recognise_mentions(texts, recognise))
    return entity_tables(mentions, texts)
