from datetime import datetime, timedelta

import polars as pl

from transforms.stories import assign_stories, story_similarity, title_features

T = datetime(2026, 11, 28, 9)
BATCH_SCHEMA = {"article_id": pl.String, "published_at": pl.Datetime("us"), "title": pl.String,
                "duplicate_of": pl.String}
KNOWN_SCHEMA = {"article_id": pl.String, "published_at": pl.Datetime("us"), "title": pl.String,
                "story_id": pl.String}
ENTITY_SCHEMA = {"article_id": pl.String, "entity_id": pl.String}


def batch(*rows):
    return pl.DataFrame([dict(zip(BATCH_SCHEMA, r, strict=True)) for r in rows], schema=BATCH_SCHEMA)


def entities(mapping: dict[str, list[str]]):
    return pl.DataFrame([{"article_id": a, "entity_id": e} for a, es in mapping.items() for e in es],
                        schema=ENTITY_SCHEMA)


def no_known():
    return pl.DataFrame(schema=KNOWN_SCHEMA), pl.DataFrame(schema=ENTITY_SCHEMA)


def stories(result):
    frame, _merges = result
    return dict(frame.select("article_id", "story_id").iter_rows())


# filler articles so that shared names are rare, as in a real day's news
FILLER = [(f"f{i}", T - timedelta(hours=i % 48), f"Unrelated report number {i} on local matters", None)
          for i in range(20)]
FILLER_ENTITIES = {f"f{i}": [f"town{i}", f"person{i}"] for i in range(20)}


def test_title_features_skip_stop_words_and_short_words():
    assert title_features("Putin says the Barents accord is a model") == {"w:putin", "w:barents",
                                                                         "w:accord", "w:model"}


def test_same_event_from_two_outlets_shares_a_story_and_an_unrelated_one_does_not():
    frame = batch(("a", T, "Russia and Norway sign Barents Sea accord in Vienna", None),
                  ("b", T + timedelta(hours=5), "Lavrov hails Barents deal signed with Norway", None),
                  ("c", T + timedelta(hours=6), "Storm Isolde: power restored to last homes", None),
                  *FILLER)
    ents = entities({"a": ["russia", "norway", "lavrov", "halvorsen", "vienna"],
                     "b": ["lavrov", "norway", "halvorsen", "barents"],
                     "c": ["isolde", "ireland"], **FILLER_ENTITIES})
    result = stories(assign_stories(frame, ents, *no_known()))
    assert result["a"] == "a" and result["b"] == "a"
    assert result["c"] == "c"


def test_a_story_keeps_its_id_as_it_grows_across_runs():
    known = pl.DataFrame([{"article_id": "a", "published_at": T, "title": "Barents Sea accord signed",
                           "story_id": "a"}], schema=KNOWN_SCHEMA)
    known_entities = entities({"a": ["lavrov", "halvorsen", "norway"]})
    frame = batch(("d", T + timedelta(hours=30), "Halvorsen defends Barents accord", None), *FILLER)
    result = stories(assign_stories(frame, entities({"d": ["halvorsen", "lavrov"], **FILLER_ENTITIES}),
                                    known, known_entities))
    assert result["d"] == "a"


def test_outside_the_window_a_new_story_starts():
    known = pl.DataFrame([{"article_id": "a", "published_at": T, "title": "Barents Sea accord signed",
                           "story_id": "a"}], schema=KNOWN_SCHEMA)
    frame = batch(("late", T + timedelta(days=6), "Barents Sea accord signed", None), *FILLER)
    result = stories(assign_stories(frame, entities({"late": ["lavrov", "halvorsen"], **FILLER_ENTITIES}),
                                    known, entities({"a": ["lavrov", "halvorsen"]})))
    assert result["late"] == "late"


def test_a_copy_joins_its_originals_story():
    known = pl.DataFrame([{"article_id": "orig", "published_at": T, "title": "Freight rates fall",
                           "story_id": "s1"}], schema=KNOWN_SCHEMA)
    frame = batch(("copy", T, "Completely different headline", "orig"))
    assert stories(assign_stories(frame, entities({}), known, entities({})))["copy"] == "s1"


def test_one_shared_feature_is_not_enough():
    idf = {"e:x": 2.0, "e:y": 2.0, "e:z": 2.0}
    assert story_similarity({"e:x", "e:y"}, {"e:x", "e:z"}, idf) == 0.0
    assert story_similarity({"e:x", "e:y"}, {"e:x", "e:y", "e:z"}, idf) == 1.0


def test_an_article_bridging_two_stored_stories_merges_them_into_the_older():
    known = pl.DataFrame([
        {"article_id": "a", "published_at": T, "title": "Accord talks open", "story_id": "a"},
        {"article_id": "b", "published_at": T + timedelta(hours=2), "title": "Fish quota row",
         "story_id": "b"},
    ], schema=KNOWN_SCHEMA)
    known_entities = entities({"a": ["lavrov", "halvorsen", "vienna"], "b": ["norway", "quota", "tromso"]})
    frame = batch(("c", T + timedelta(hours=5), "Accord settles quota row", None), *FILLER)
    ents = entities({"c": ["lavrov", "halvorsen", "vienna", "norway", "quota", "tromso"], **FILLER_ENTITIES})
    storied, merges = assign_stories(frame, ents, known, known_entities)
    assert dict(storied.select("article_id", "story_id").iter_rows())["c"] == "a"
    assert merges.to_dicts() == [{"story_id": "b", "merged_into": "a"}]
