"""Raw rows from every source -> the frames that are loaded: articles, article_versions, sources,
source_aliases. The order of the steps is the data flow:

    feed items / listing cards  --(feed_items, listing_items)-->  raw items
    raw items + article pages   --(with_pages)------------------>  one row per item, best fields chosen
                                --(article_rows)---------------->  canonical URL, ids, UTC dates, clean text
                                --(resolve_outlets)------------->  source_id
                                --(merge_by_article)------------>  one row per article
                                --(split_by_change)------------->  new / changed / unchanged
                                --(link_duplicates)------------->  duplicate_of (exact or near), signatures
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import polars as pl

from transforms.dedupe import (
    KNOWN_SCHEMA,
    SIGNATURE_SCHEMA,
    link_duplicates,
    merge_by_article,
    split_by_change,
)
from transforms.language import detect_language
from transforms.normalise import (
    DATE_RANK,
    canonical_url,
    choose_published,
    clean_text,
    content_hash,
    date_from_url,
    drop_boilerplate,
    is_web_url,
    parse_timestamp,
    publisher_day,
    resolve_relative_time,
    stable_id,
    word_count,
)
from transforms.outlets import resolve_outlets
from transforms.pages import PAGE_SCHEMA
from transforms.titles import better_title

RAW_ITEM_SCHEMA = {
    "feed_id": pl.String,
    "outlet_name": pl.String,
    "item_url": pl.String,
    "guid": pl.String,
    "title": pl.String,
    "summary": pl.String,
    "text": pl.String,
    "text_source": pl.String,
    "authors": pl.List(pl.String),
    "published_text": pl.String,
    "published_at": pl.Datetime("us"),
    "published_source": pl.String,
    "language": pl.String,
    "fetched_at": pl.Datetime("us"),
}

ARTICLE_COLUMNS = [
    "article_id", "canonical_url", "url", "source_id", "feed_id", "guid", "title", "summary", "body",
    "authors", "language", "section", "image_url", "published_at", "published_source", "first_seen_at",
    "fetched_at", "word_count", "content_hash", "content_source", "duplicate_of", "duplicate_kind",
    "duplicate_similarity", "published_note", "modified_at", "published_day", "published_utc_offset",
]


def feed_items(items: pl.DataFrame, feed_id: str, outlet_name: str, fetched_at: datetime) -> pl.DataFrame:
    """Parsed feed items (transforms.feeds.parse_feed) as raw items of one feed."""
    return items.select(
        pl.lit(feed_id).alias("feed_id"),
        pl.lit(outlet_name).alias("outlet_name"),
        "item_url", "guid", "title", "summary",
        pl.col("content").alias("text"),
        pl.when(pl.col("content").is_not_null()).then(pl.lit("feed")).alias("text_source"),
        "authors", "published_text", "published_at",
        pl.when(pl.col("published_at").is_not_null()).then(pl.lit("feed")).alias("published_source"),
        "language",
        pl.lit(fetched_at, pl.Datetime("us")).alias("fetched_at"),
    ).cast(RAW_ITEM_SCHEMA)


def unseen_or_retitled(items: pl.DataFrame, known_titles: pl.DataFrame) -> pl.DataFrame:
    """The raw items still worth a page fetch: URLs not loaded yet, and loaded ones whose title changed
    (`known_titles`: url, title of the stored articles)."""
    known = known_titles.select(pl.col("url").alias("item_url"), pl.col("title").alias("known_title"))
    return (
        items.join(known.unique("item_url", keep="first", maintain_order=True), on="item_url", how="left",
                   maintain_order="left")
        .filter(pl.col("known_title").is_null()
                | (pl.col("title").map_elements(clean_text, return_dtype=pl.String) != pl.col("known_title")))
        .drop("known_title")
    )


def listing_items(cards: pl.DataFrame, feed_id: str, fetched_at: datetime,
                  relative_to: datetime | None = None) -> pl.DataFrame:
    """Listing-page cards (transforms.listing.parse_listing_page) as raw items; "6 hours ago" is resolved
    against `relative_to` (when a saved page was captured), by default the time the page was fetched; an
    absolute time as printed ("2026-11-28T09:00:00Z", from a card's `<time datetime>`) is read as it is."""
    reference = relative_to or fetched_at
    resolved = cards["time_text"].map_elements(
        lambda t: resolve_relative_time(t, reference) or parse_timestamp(t), return_dtype=pl.Datetime("us"))
    return cards.with_columns(resolved.alias("published_at")).select(
        pl.lit(feed_id).alias("feed_id"),
        "outlet_name", "item_url",
        pl.lit(None, pl.String).alias("guid"),
        "title",
        pl.lit(None, pl.String).alias("summary"),
        "text",
        pl.lit("listing").alias("text_source"),
        pl.lit([], pl.List(pl.String)).alias("authors"),
        pl.col("time_text").alias("published_text"),
        "published_at",
        pl.when(pl.col("published_at").is_not_null()).then(pl.lit("relative")).alias("published_source"),
        pl.lit(None, pl.String).alias("language"),
        pl.lit(fetched_at, pl.Datetime("us")).alias("fetched_at"),
    ).cast(RAW_ITEM_SCHEMA)


def _body_of(page: str | None, text: str | None, summary: str | None) -> str | None:
    """The item's text: the page's main text, unless the feed gave a longer text or summary (a page read
    down to a notice or a teaser never replaces a fuller feed text)."""
    feed = max((t for t in (text, summary) if t), key=lambda t: word_count(clean_text(t)), default=None)
    if page is None or (feed is not None and word_count(clean_text(page)) < word_count(clean_text(feed))):
        return text if page is None else feed
    return page


def with_pages(items: pl.DataFrame, pages: pl.DataFrame) -> pl.DataFrame:
    """Raw items with their article page's fields: the page's text, canonical URL, dates and metadata
    win over the feed's, which fill what the page lacks; a garbled page title (mojibake) never replaces a
    clean feed title, and a page text never one of the feed's that is longer."""
    page = pages.cast(PAGE_SCHEMA).unique("page_url", keep="first").with_columns(
        pl.col("published_text").map_elements(parse_timestamp, return_dtype=pl.Datetime("us"))
        .alias("page_published_at"),
        pl.col("modified_text").map_elements(parse_timestamp, return_dtype=pl.Datetime("us"))
        .alias("page_modified_at"),
    ).rename({c: f"page_{c}" for c in PAGE_SCHEMA if c not in ("page_url",)} | {"page_url": "item_url"})
    joined = items.join(page, on="item_url", how="left", maintain_order="left").with_columns(
        pl.struct(page="page_body", text="text", summary="summary")
        .map_elements(lambda r: _body_of(r["page"], r["text"], r["summary"]), return_dtype=pl.String,
                      skip_nulls=False)
        .alias("chosen_text"),
    )
    return joined.select(
        "feed_id", "item_url", "guid", "fetched_at",
        pl.coalesce("outlet_name", "page_site_name").alias("outlet_name"),
        pl.coalesce("page_canonical_url", "item_url").alias("source_url"),
        pl.struct(page="page_title", feed="title")
        .map_elements(lambda r: better_title(r["page"], r["feed"]), return_dtype=pl.String, skip_nulls=False)
        .alias("title"),
        pl.coalesce("summary", "page_description").alias("summary"),
        pl.col("chosen_text").alias("text"),
        pl.when(pl.col("page_body").is_not_null() & (pl.col("chosen_text") == pl.col("page_body")))
        .then(pl.lit("page")).otherwise(pl.col("text_source")).alias("content_source"),
        pl.when(pl.col("authors").list.len() > 0).then("authors")
        .otherwise(pl.col("page_authors").fill_null(pl.lit([], pl.List(pl.String)))).alias("authors"),
        "page_published_at", "page_published_source", "page_published_text",
        pl.col("page_modified_at").alias("modified_at"),
        pl.col("published_at").alias("item_published_at"),
        pl.col("published_source").alias("item_published_source"),
        pl.col("published_text").alias("item_published_text"),
        pl.coalesce("page_language", "language").alias("language"),
        pl.col("page_section").alias("section"),
        pl.col("page_image_url").alias("image_url"),
    )


def _published(row: dict) -> dict:
    """The best plausible date of one item: the page's, the feed's or listing's, the URL's, in the order
    of DATE_RANK; the fetch time if none is plausible. With it the publisher's own calendar day and UTC
    offset, read from the date as written (the UTC day and no offset when it says none: a relative time,
    the fetch time, a feed date only feedparser could read)."""
    candidates = sorted(
        [(row["page_published_at"], row["page_published_source"], row["page_published_text"]),
         (row["item_published_at"], row["item_published_source"], row["item_published_text"]),
         (date_from_url(row["source_url"]), "url", None)],
        key=lambda c: DATE_RANK.get(c[1] or "", 0), reverse=True)
    published_at, source, note = choose_published([c[:2] for c in candidates], row["fetched_at"])
    written = next((c[2] for c in candidates if c[1] == source and c[0] == published_at), None)
    day, offset = publisher_day(written) if source not in ("relative", "fetched") else (None, None)
    return {"published_at": published_at, "published_source": source, "published_note": note,
            "published_day": day or published_at.date(), "published_utc_offset": offset}


def _clean_body(text: str | None) -> str | None:
    return drop_boilerplate(clean_text(text))


def web_link(column: str) -> pl.Expr:
    """Whether a column holds an http(s) URL (is_web_url): only those are followed or stored as
    article URLs; null is not one."""
    return pl.col(column).map_elements(is_web_url, return_dtype=pl.Boolean, skip_nulls=False)


def article_rows(items: pl.DataFrame) -> pl.DataFrame:
    """Items (after with_pages) with an http(s) URL as article rows (the others are dropped and counted
    by build_article_tables): `url` is the item's link, or the canonical URL when the link was not
    http(s) (a page of a local sample site); canonical URL and id, clean text without page furniture,
    hash, word count, detected language, and a plausible UTC publish date for every row with where it
    came from (the fetch time when nothing better is known) and why better ones were rejected."""
    cleaned = items.filter(web_link("source_url")).with_columns(
        pl.col("source_url").map_elements(canonical_url, return_dtype=pl.String).alias("canonical_url"),
    ).with_columns(
        pl.when(web_link("item_url")).then("item_url").otherwise("canonical_url").alias("url"),
        *[pl.col(c).map_elements(clean_text, return_dtype=pl.String).alias(c) for c in ("title", "summary")],
        pl.col("text").map_elements(_clean_body, return_dtype=pl.String),
        pl.struct("page_published_at", "page_published_source", "page_published_text", "item_published_at",
                  "item_published_source", "item_published_text", "source_url", "fetched_at")
        .map_elements(_published, return_dtype=pl.Struct({"published_at": pl.Datetime("us"),
                                                           "published_source": pl.String,
                                                           "published_note": pl.String,
                                                           "published_day": pl.Date,
                                                           "published_utc_offset": pl.Int16}))
        .alias("published"),
    ).unnest("published")
    return cleaned.with_columns(
        pl.col("canonical_url").map_elements(lambda u: stable_id("article", u), return_dtype=pl.String)
        .alias("article_id"),
        pl.col("text").alias("body"),
        pl.concat_str([pl.col("title").fill_null(""), pl.coalesce("text", "summary").fill_null("")],
                      separator="\n\n")
        .map_elements(content_hash, return_dtype=pl.String).alias("content_hash"),
        pl.col("text").map_elements(word_count, return_dtype=pl.Int32).fill_null(0).alias("word_count"),
        pl.col("content_source").fill_null("feed"),
        pl.struct(pl.coalesce("text", "summary", "title").alias("text"), "language").map_elements(
            lambda r: detect_language(r["text"], r["language"]), return_dtype=pl.String).alias("language"),
    ).drop("text", "source_url", "item_url", "page_published_at", "page_published_source",
           "page_published_text", "item_published_at", "item_published_source", "item_published_text")


def keep_stored_identity(rows: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    """An article first stored without its page (the page failed, or links were not followed) keeps its id
    when a later run reads the page and finds another canonical URL there: the page's text updates that
    article (a new version) instead of starting a second one. Not when the page's URL already names
    another stored article."""
    stored = (known.filter((pl.col("content_source") != "page") & pl.col("url").is_not_null())
              .select("url", pl.col("article_id").alias("stored_id"))
              .unique("url", keep="first", maintain_order=True))
    adopt = (pl.col("stored_id").is_not_null() & (pl.col("article_id") != pl.col("stored_id"))
             & ~pl.col("article_id").is_in(known["article_id"].implode()))
    return (rows.join(stored, on="url", how="left", maintain_order="left")
            .with_columns(pl.when(adopt).then(pl.col("stored_id")).otherwise(pl.col("article_id"))
                          .alias("article_id"))
            .drop("stored_id"))


@dataclass(frozen=True)
class ArticleTables:
    articles: pl.DataFrame          # new and changed articles, ARTICLE_COLUMNS
    article_versions: pl.DataFrame  # one row per new text of an article
    signatures: pl.DataFrame        # MinHash signatures of the new and changed articles
    sources: pl.DataFrame           # outlets first met in this batch
    source_aliases: pl.DataFrame    # names and domains first met in this batch
    counts: dict[str, int]          # items, articles, new, changed, unchanged, skipped (no URL, not http(s))


def build_article_tables(raw_items: pl.DataFrame, pages: pl.DataFrame, known_aliases: pl.DataFrame,
                         known_articles: pl.DataFrame, known_signatures: pl.DataFrame | None = None
                         ) -> ArticleTables:
    """All article-side frames of one batch. `known_*` are what the warehouse already holds (signatures:
    of the recent articles new ones may duplicate)."""
    items = with_pages(raw_items.cast(RAW_ITEM_SCHEMA), pages)
    rows = article_rows(items)
    resolved, new_sources, new_aliases = resolve_outlets(rows, known_aliases)
    known = known_articles.cast(KNOWN_SCHEMA)
    split = split_by_change(merge_by_article(keep_stored_identity(resolved, known)), known)
    changed = pl.concat([split["new"], split["changed"]])
    signatures_known = (known_signatures if known_signatures is not None
                        else pl.DataFrame(schema=SIGNATURE_SCHEMA))
    linked, signatures = link_duplicates(changed, known, signatures_known)
    loadable = linked.select(ARTICLE_COLUMNS).sort("article_id")  # one order, whatever the input's
    versions = loadable.select("article_id", "content_hash", "title", "body",
                               pl.col("fetched_at").alias("seen_at"))
    counts = {
        "items": raw_items.height,
        "skipped_no_url": items.filter(pl.col("source_url").is_null()).height,
        "skipped_bad_scheme": items.filter(pl.col("source_url").is_not_null()).height - rows.height,
        "articles": changed.height + split["unchanged"].height,
        "new": split["new"].height,
        "changed": split["changed"].height,
        "unchanged": split["unchanged"].height,
    }
    return ArticleTables(loadable, versions, signatures, new_sources, new_aliases, counts)
