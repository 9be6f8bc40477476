"""Entity mentions -> canonical entities, their aliases, and entities per article.

Recognition itself (spaCy) is handed in as a function, `recognise(texts) -> spans per text`, so this module
stays pure and testable with a tiny stand-in; flows/ner.py provides the real one. Each distinct text is
recognised once, however many articles carry it.

Canonicalisation within one article: honorifics and titles stripped ("Mr Putin", "President Putin" ->
"Putin"), possessives folded ("Russia's" -> "Russia"), a leading "the" dropped for places and groups, and a
lone surname linked to the one full name in the same article that ends with it ("Putin" after "Vladimir
Putin"). Across articles (stored entities, short forms, spelling variants, curation) it is
transforms.entity_resolution.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import polars as pl

from transforms.entity_resolution import Curation, name_key, people_worth_evidence, resolve_entities
from transforms.entity_types import sentence_initial_common_words, vote_types, with_voted_types
from transforms.gazetteer import is_known_place, known_company_form
from transforms.normalise import stable_id
from transforms.truecase import recased_for_ner

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
_ABBREVIATION = re.compile(r"(?:^|[\s.])[A-Z]\.$")  # "U.S.", "Jr." is not: only single capitals
# words whose final dot is part of the name: "Acme Co.", "Widget Corp.", "Harbour Ltd.", "John Smith Jr."
_DOTTED_WORD = re.compile(
    r"\b(?:Co|Cos|Corp|Inc|Ltd|Bros|Jr|Sr|Mfg|Assn|Intl|Int|Plc|Pty|Ltda|Cia|Cie|Gmbh|Nv|Bv|Ag|Sa|Spa)\.$",
    re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_TOKEN = re.compile(r"\S+")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)[.,;:]?", re.IGNORECASE)

MENTION_CHUNK_TEXTS = 2_000  # articles whose texts recognise_mentions hands to NER at once
COMENTION_CHUNK_ARTICLES = 2_000  # articles whose co-mentioned name pairs comentions holds at once
MENTION_SCHEMA = {"article_id": pl.String, "start": pl.Int32, "end": pl.Int32, "label": pl.String,
                  "surface": pl.String}
RECOGNISED_SCHEMA = {**MENTION_SCHEMA, "beside_score": pl.Boolean}
# a name followed on its line by a score of one or two digits ("Bergen 2", "Brann 1-0"): a team
_SCORE_AFTER = re.compile(r"[ \t]+\d{1,2}(?:[ \t]*[-\u2013:][ \t]*\d{1,2})?(?![\d.,%])(?:[ \t]|$)",
                          re.MULTILINE)


def in_reading_order(articles: pl.DataFrame) -> pl.DataFrame:
    """The articles oldest first (by publication, then id): the order in which names are "first seen", so
    which spelling wins a tie ("Sergey" or "Sergei Lavrov") depends on the articles, not on the order a
    join or a thread happened to leave them in."""
    keys = [c for c in ("published_at", "article_id") if c in articles.columns]
    return articles.sort(keys, nulls_last=True, maintain_order=True) if keys else articles


def ner_texts(articles: pl.DataFrame) -> pl.DataFrame:
    """What NER reads for each article: the title, a blank line, then the body (or the summary)."""
    return articles.select(
        "article_id",
        pl.concat_str([pl.col("title").fill_null(""), pl.lit(TITLE_SEPARATOR),
                       pl.coalesce("body", "summary").fill_null("")]).alias("text"),
        pl.col("title").fill_null("").str.len_chars().cast(pl.Int32).alias("title_length"),
    )


def as_read_by_ner(texts: list[str]) -> list[str]:
    """The texts as NER is handed them: ALL-CAPS headlines and datelines recased, offsets unchanged."""
    return [recased_for_ner(t) for t in texts]


def ner_inputs(articles: pl.DataFrame) -> list[str]:
    """What NER reads for these articles (title, body or summary): each distinct text once, as
    recognise_mentions hands it over, so spans read ahead of the merge are the ones it asks for."""
    return as_read_by_ner(ner_texts(articles)["text"].unique(maintain_order=True).to_list())


def _is_wordlike(token: str) -> bool:
    """A token that can be part of a name: it holds a letter and is no ordinal ("11th", "2nd")."""
    return bool(_LETTER.search(token)) and not _ORDINAL.fullmatch(token)


def tidy_span(span: Span) -> Span | None:
    """A recognised span as a name can be: cut at a line break (a name never runs on to the next line of
    a table or a list), and at a token that holds no letter (a score, a rank: "Brann 3", "Rosenborg 2
    Viking 2" is "Rosenborg"); None when nothing named is left, or when a person's span held a number (a
    results table's row, not a person)."""
    start, end, label, surface = span
    line = next((m for m in re.finditer(r"[^\n]+", surface) if _LETTER.search(m.group())), None)
    if line is None:
        return None
    tokens = list(_TOKEN.finditer(line.group()))
    begin = next((i for i, t in enumerate(tokens) if _is_wordlike(t.group())), None)
    if begin is None:
        return None
    end = next((i for i in range(begin, len(tokens)) if not _is_wordlike(tokens[i].group())), len(tokens))
    first, last = tokens[begin], tokens[end - 1]
    dropped = [t.group() for t in tokens[:begin] + tokens[end:]]
    if label == "PERSON" and any(ch.isdigit() for t in dropped for ch in t):
        return None
    offset = start + line.start()
    return offset + first.start(), offset + last.end(), label, line.group()[first.start(): last.end()]


def recognise_mentions(texts: pl.DataFrame, recognise: Recogniser,
                       chunk: int | None = None) -> pl.DataFrame:
    """Spans of the kept entity types in each article's text (tidied by tidy_span); each distinct text
    recognised once, as recased_for_ner gives it (ALL-CAPS headlines and datelines recased, offsets
    unchanged), so the surfaces are the recased ones ("BOSTON" is met as "Boston"). A name followed by a
    score (a results table) is a team: an organisation whatever NER said, and `beside_score` keeps it from
    the known-place rule of the type vote (a club named after its city). Read `chunk` (by default
    MENTION_CHUNK_TEXTS) articles at a time, so the recased texts and the spans of only one chunk are held
    beside the batch's texts (a text met again in a later chunk is asked for again: a run's NerPool keeps
    what it read)."""
    chunk = chunk or MENTION_CHUNK_TEXTS
    parts = [_recognised_rows(texts.slice(start, chunk), recognise)
             for start in range(0, texts.height, chunk)]
    return pl.concat(parts) if parts else pl.DataFrame(schema=RECOGNISED_SCHEMA)


def _recognised_rows(texts: pl.DataFrame, recognise: Recogniser) -> pl.DataFrame:
    """recognise_mentions of one slice of the texts."""
    distinct = texts["text"].unique(maintain_order=True).to_list()
    spans_by_text = dict(zip(distinct, recognise(as_read_by_ner(distinct)), strict=True))
    rows = []
    for article_id, text in texts.select("article_id", "text").iter_rows():
        for span in spans_by_text[text]:
            tidied = tidy_span(span) if span[2] in ENTITY_TYPES else None
            if tidied is not None:
                start, end, label, surface = tidied
                team = label in ("PERSON", "ORG", "GPE", "LOC") and bool(_SCORE_AFTER.match(text, end))
                rows.append((article_id, start, end, "ORG" if team else label, surface, team))
    return pl.DataFrame(rows, schema=RECOGNISED_SCHEMA, orient="row")


def clean_surface(surface: str, entity_type: str) -> str:
    """A mention without honorifics, possessive, trailing punctuation (but "U.S.", "Acme Co." and
    "Widget Corp." keep their dots), or a
    leading "the" (places, groups, and organisations whose name goes on for two words or more)."""
    name = " ".join(surface.split())
    name = _POSSESSIVE.sub("", name).strip(" ,;:'\"\u2019\u2018")
    if name.endswith(".") and not _ABBREVIATION.search(name) and not _DOTTED_WORD.search(name):
        name = name.rstrip(".")
    if entity_type == "person":
        stripped = _HONORIFIC.sub("", name)
        name = stripped or name
    elif entity_type in ("place", "group") or (entity_type == "organisation"
                                               and len(_LEADING_THE.sub("", name).split()) >= 2):
        name = _LEADING_THE.sub("", name)  # "the United Nations"; but "The Independent" keeps it
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
        elif alias.casefold() in surnames.get(article_id, {}) and not (
                entity_type == "place" and is_known_place(alias)):
            # a headline's "Lavrov" tagged as an organisation, in an article about Sergey Lavrov; but
            # "Washington" the city stays a place in an article about Denzel Washington
            types.append("person")
            canonical.append(surnames[article_id][alias.casefold()])
        else:
            types.append(entity_type)
            canonical.append(alias)
    return typed.with_columns(pl.Series("entity_type", types, dtype=pl.String),
                              pl.Series("canonical_name", canonical, dtype=pl.String))


def entity_id_for(entity_type: str, canonical_name: str) -> str:
    return stable_id("entity", entity_type, canonical_name.casefold())


def comentions(mentions: pl.DataFrame, chunk: int | None = None) -> pl.DataFrame:
    """(entity_type, canonical_name, co_name): pairs of distinct names met in the same article, a person's
    name first: only people's co-mentions are evidence (transforms.entity_resolution, rule 5). The pairs of
    `chunk` (by default COMENTION_CHUNK_ARTICLES) articles at a time are made distinct before the next: all
    of a batch's pairs at once (some 400 an article) were its entities stage's largest frame."""
    chunk = chunk or COMENTION_CHUNK_ARTICLES
    names = mentions.select("article_id", "entity_type", "canonical_name").unique()
    names = names.with_columns(((pl.col("article_id").rank("dense") - 1) // chunk).alias("chunk"))
    pairs = [
        part.filter(pl.col("entity_type") == "person")
        .join(part.select("article_id", pl.col("canonical_name").alias("co_name")), on="article_id")
        .filter(pl.col("canonical_name") != pl.col("co_name"))
        .select("entity_type", "canonical_name", "co_name").unique()
        for part in names.partition_by("chunk", maintain_order=False)
    ]
    schema = {"entity_type": pl.String, "canonical_name": pl.String, "co_name": pl.String}
    return pl.concat(pairs).unique() if pairs else pl.DataFrame(schema=schema)


def stored_comentions(recent: pl.DataFrame, known: pl.DataFrame, people_keys: set[str]) -> pl.DataFrame:
    """comentions of the recent stored articles (`recent`: article_id, entity_id; `known`: the stored
    entities), for the people whose name keys are `people_keys` only: resolve_entities looks up no other
    (transforms.entity_resolution.people_worth_evidence). Only the articles that name one of them are
    paired."""
    people = known.filter((pl.col("entity_type") == "person")
                          & pl.col("canonical_name").is_in([n for n in known["canonical_name"].to_list()
                                                            if name_key(n) in people_keys]))
    articles = recent.join(people.select("entity_id"), on="entity_id", how="semi").select("article_id")
    mentions = (recent.join(articles.unique(), on="article_id", how="semi").join(known, on="entity_id")
                .select("article_id", "entity_type", "canonical_name"))
    return comentions(mentions).join(people.select("entity_type", "canonical_name"),
                                     on=["entity_type", "canonical_name"], how="semi")


def salience(is_in_title: pl.Expr, mention_count: pl.Expr, first_offset: pl.Expr,
             text_length: pl.Expr) -> pl.Expr:
    """0..1: 0.5 if the entity is in the title, + 0.3 x min(mentions, 5) / 5, + 0.2 x how early in the
    text it first appears."""
    early = 1 - (first_offset.cast(pl.Float64) / pl.max_horizontal(text_length, 1)).clip(0, 1)
    return (0.5 * is_in_title.cast(pl.Float64) + 0.3 * pl.min_horizontal(mention_count, 5) / 5
            + 0.2 * early).round(3)


def entity_tables(mentions: pl.DataFrame, texts: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """`entities`, `entity_aliases` and `article_entities` frames from resolved mentions (entity_id,
    resolved_name, resolved_type, alias, start). `texts` gives each article's title length and text."""
    with_ids = mentions.join(texts.select("article_id", "title_length",
                                          pl.col("text").str.len_chars().alias("text_length")),
                             on="article_id", how="left", maintain_order="left")
    entities = with_ids.group_by("entity_id", maintain_order=True).agg(
        pl.col("resolved_name").first().alias("canonical_name"),
        pl.col("resolved_type").first().alias("entity_type"))
    aliases = with_ids.select("entity_id", "alias").unique(maintain_order=True)
    article_entities = with_ids.group_by(["article_id", "entity_id"], maintain_order=True).agg(
        pl.len().cast(pl.Int32).alias("mention_count"),
        pl.col("start").min().alias("first_offset"),
        (pl.col("start") < pl.col("title_length")).any().alias("is_in_title"),
        pl.col("text_length").first(),
        pl.col("alias").unique(maintain_order=True).alias("surfaces"),
    ).with_columns(
        salience(pl.col("is_in_title"), pl.col("mention_count"), pl.col("first_offset"),
                 pl.col("text_length")).alias("salience"),
    ).drop("text_length")
    return {"entities": entities, "entity_aliases": aliases, "article_entities": article_entities}


KNOWN_ENTITY_SCHEMA = {"entity_id": pl.String, "canonical_name": pl.String, "entity_type": pl.String}
KNOWN_ALIAS_SCHEMA = {"entity_id": pl.String, "alias": pl.String}
RECENT_SCHEMA = {"article_id": pl.String, "entity_id": pl.String}


def empty_entity_tables() -> dict[str, pl.DataFrame]:
    """The entity frames of a batch with no new or changed article."""
    none = pl.DataFrame(schema={"article_id": pl.String, "title": pl.String, "body": pl.String,
                                "summary": pl.String})
    return build_entity_tables(none, lambda texts: [[] for _ in texts])


def build_entity_tables(articles: pl.DataFrame, recognise: Recogniser,
                        known_entities: pl.DataFrame | None = None,
                        known_aliases: pl.DataFrame | None = None,
                        recent_article_entities: pl.DataFrame | None = None,
                        curation: Curation | None = None) -> dict[str, pl.DataFrame]:
    """Entities of the given articles (new or changed ones: unchanged texts are not read again),
    resolved against the stored entities (see transforms.entity_resolution)."""
    known = (known_entities if known_entities is not None else pl.DataFrame(schema=KNOWN_ENTITY_SCHEMA))
    aliases = (known_aliases if known_aliases is not None else pl.DataFrame(schema=KNOWN_ALIAS_SCHEMA))
    recent = (recent_article_entities if recent_article_entities is not None
              else pl.DataFrame(schema=RECENT_SCHEMA))
    texts = ner_texts(in_reading_order(articles))
    found = recognise_mentions(texts, recognise)
    found = found.filter(~sentence_initial_common_words(found, texts, is_known_place))
    mentions = canonical_mentions(found)
    stored_types = {name_key(n): t for n, t in known.select("canonical_name", "entity_type").iter_rows()}
    mentions = with_voted_types(mentions, vote_types(mentions, stored_types, curation or Curation(),
                                                     is_known_place, known_company_form))
    batch_people = mentions.filter(pl.col("entity_type") == "person")["canonical_name"].unique().sort()
    wanted = people_worth_evidence(batch_people.to_list(), known, aliases, curation)
    evidence = pl.concat([comentions(mentions), stored_comentions(recent, known, wanted)])
    names = mentions.select("entity_type", "canonical_name").with_row_index("first_seen")
    resolution = resolve_entities(names, evidence, known, aliases, curation).with_columns(
        pl.coalesce("entity_id", pl.struct("resolved_type", "resolved_name").map_elements(
            lambda r: entity_id_for(r["resolved_type"], r["resolved_name"]), return_dtype=pl.String)
        ).alias("entity_id"))  # once a name, not once a mention
    resolved = mentions.join(resolution, on=["entity_type", "canonical_name"], how="left",
                             maintain_order="left")
    return entity_tables(resolved, texts)
