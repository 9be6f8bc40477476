from datetime import datetime

import polars as pl

from transforms.outlets import Outlet, configured_sources, resolve_outlets, source_id_for

OUTLETS = [Outlet("The Independent", domain="independent.co.uk"), Outlet("Harbour Times",
                                                                       homepage="https://www.harbourtimes.example/")]
T = datetime(2026, 11, 28, 12)


def articles(*rows):
    return pl.DataFrame([{"outlet_name": n, "canonical_url": u, "fetched_at": T} for n, u in rows],
                        schema={"outlet_name": pl.String, "canonical_url": pl.String,
                                "fetched_at": pl.Datetime("us")})


def test_configured_sources_and_their_aliases():
    sources, aliases = configured_sources(OUTLETS)
    assert sources["domain"].to_list() == ["independent.co.uk", "harbourtimes.example"]
    assert set(aliases.filter(pl.col("source_id") == source_id_for("Independent"))["alias"]) == {
        "The Independent", "independent.co.uk"}


def test_independent_and_the_independent_resolve_to_one_source():
    _, aliases = configured_sources(OUTLETS)
    resolved, new_sources, new_aliases = resolve_outlets(articles(
        ("Independent", "https://www.independent.co.uk/a"),
        ("The Independent", "https://www.independent.co.uk/b"),
        ("THE INDEPENDENT", None),
    ), aliases)
    assert resolved["source_id"].unique().to_list() == [source_id_for("The Independent")]
    assert new_sources.height == 0
    assert new_aliases["alias"].to_list() == ["Independent", "THE INDEPENDENT"]


def test_a_nameless_item_resolves_through_its_domain():
    _, aliases = configured_sources(OUTLETS)
    resolved, new_sources, _ = resolve_outlets(articles((None, "https://harbourtimes.example/x")), aliases)
    assert resolved["source_id"].to_list() == [source_id_for("Harbour Times")]
    assert new_sources.height == 0


def test_an_unknown_outlet_becomes_a_new_source_not_an_error():
    _, aliases = configured_sources(OUTLETS)
    resolved, new_sources, new_aliases = resolve_outlets(articles(
        ("Telegraph", "https://www.telegraph.co.uk/a/"), ("The Telegraph", "https://www.telegraph.co.uk/b/"),
    ), aliases)
    assert new_sources.to_dicts() == [{"source_id": source_id_for("Telegraph"), "name": "Telegraph",
                                       "outlet_key": "telegraph", "domain": "telegraph.co.uk",
                                       "homepage": None}]
    assert resolved["source_id"].unique().to_list() == [source_id_for("Telegraph")]
    assert set(new_aliases["alias"]) == {"Telegraph", "The Telegraph", "telegraph.co.uk"}
