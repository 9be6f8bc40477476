"""Outlet resolution: the names and domains met in the wild -> one row in `sources`.

"Independent", "The Independent" and independent.co.uk are one outlet. Names are matched on their
`outlet_key` (case, accents, punctuation and a leading article ignored), then on the domain of the article's
URL. A name we have never met becomes a new source (never an error), with a deterministic id so every run
gives it the same key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from transforms.normalise import outlet_key, stable_id, url_domain

ALIAS_SCHEMA = {"alias": pl.String, "alias_key": pl.String, "alias_kind": pl.String, "source_id": pl.String}
SOURCE_SCHEMA = {"source_id": pl.String, "name": pl.String, "outlet_key": pl.String, "domain": pl.String,
                 "homepage": pl.String}


@dataclass(frozen=True)
class Outlet:
    """An outlet as configured: its display name, domain, homepage and other names it goes by."""

    name: str
    domain: str | None = None
    homepage: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)


def source_id_for(name: str) -> str:
    return stable_id("source", outlet_key(name))


def configured_sources(outlets: list[Outlet]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(sources, source_aliases) frames for the configured outlets."""
    sources, aliases = [], []
    for outlet in outlets:
        sid = source_id_for(outlet.name)
        domain = outlet.domain.lower().removeprefix("www.") if outlet.domain else url_domain(outlet.homepage)
        sources.append({"source_id": sid, "name": outlet.name, "outlet_key": outlet_key(outlet.name),
                        "domain": domain, "homepage": outlet.homepage})
        for alias in (outlet.name, *outlet.aliases):
            aliases.append({"alias": alias, "alias_key": outlet_key(alias), "alias_kind": "name",
                            "source_id": sid})
        if domain:
            aliases.append({"alias": domain, "alias_key": domain, "alias_kind": "domain", "source_id": sid})
    return pl.DataFrame(sources, schema=SOURCE_SCHEMA), pl.DataFrame(aliases, schema=ALIAS_SCHEMA)


def outlet_frames(config_sources: pl.DataFrame, config_aliases: pl.DataFrame, found_sources: pl.DataFrame,
                  found_aliases: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The sources and source_aliases stage frames of a batch: the configured outlets and their aliases,
    then those first met in the batch's items (a configured one wins)."""
    return (pl.concat([config_sources, found_sources]).unique("source_id", keep="first"),
            pl.concat([config_aliases, found_aliases]).unique(["alias_kind", "alias"], keep="first"))


def resolve_outlets(articles: pl.DataFrame, aliases: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame,
                                                                            pl.DataFrame]:
    """Give every article a `source_id`.

    `articles` needs `outlet_name` and `canonical_url`; `aliases` holds every alias already known (from the
    configuration and the warehouse). Returns (articles with source_id, sources first met here, aliases
    first met here: the names and domains seen in this batch that were not yet known)."""
    by_key = aliases.filter(pl.col("alias_kind") == "name").select(
        "alias_key", pl.col("source_id").alias("name_source_id")).unique("alias_key", keep="first")
    by_domain = aliases.filter(pl.col("alias_kind") == "domain").select(
        pl.col("alias_key").alias("domain"), pl.col("source_id").alias("domain_source_id")
    ).unique("domain", keep="first")
    keyed = articles.with_columns(
        pl.col("outlet_name").map_elements(outlet_key, return_dtype=pl.String).alias("alias_key"),
        pl.col("canonical_url").map_elements(url_domain, return_dtype=pl.String).alias("domain"),
    ).with_columns(
        # a nameless item is named after its domain
        pl.coalesce(pl.col("outlet_name"), pl.col("domain")).alias("outlet_name"),
        pl.coalesce(pl.col("alias_key"), pl.col("domain")).alias("alias_key"),
    )
    resolved = (
        keyed.join(by_key, on="alias_key", how="left", maintain_order="left")
        .join(by_domain, on="domain", how="left", maintain_order="left")
        .with_columns(
            pl.coalesce(
                "name_source_id",
                "domain_source_id",
                pl.col("outlet_name").map_elements(source_id_for, return_dtype=pl.String),
            ).alias("source_id")
        )
    )
    unknown = resolved.filter(pl.col("name_source_id").is_null() & pl.col("domain_source_id").is_null())
    new_sources = (
        unknown.sort("fetched_at")
        .group_by("source_id", maintain_order=True)
        .agg(pl.col("outlet_name").first().alias("name"), pl.col("alias_key").first().alias("outlet_key"),
             pl.col("domain").drop_nulls().mode().first().alias("domain"))
        .with_columns(pl.lit(None, pl.String).alias("homepage"))
        .select(list(SOURCE_SCHEMA))
    )
    seen_names = resolved.select(pl.col("outlet_name").alias("alias"), "alias_key",
                                 pl.lit("name").alias("alias_kind"), "source_id")
    seen_domains = resolved.filter(pl.col("domain").is_not_null()).select(
        pl.col("domain").alias("alias"), pl.col("domain").alias("alias_key"),
        pl.lit("domain").alias("alias_kind"), "source_id")
    new_aliases = (
        pl.concat([seen_names, seen_domains])
        .unique(["alias_kind", "alias"], keep="first", maintain_order=True)
        .join(aliases, on=["alias_kind", "alias"], how="anti")
        # a domain already claimed by another outlet is not re-assigned (syndicated links, wire sites)
        .join(aliases.filter(pl.col("alias_kind") == "domain"), on=["alias_kind", "alias_key"], how="anti")
    )
    out = resolved.drop("alias_key", "domain", "name_source_id", "domain_source_id")
    return out, new_sources, new_aliases
