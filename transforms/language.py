"""Language of an article: detected from its text with py3langid (a maintained, fast fork of langid.py;
about 0.1 ms per article here), falling back to the language the page or feed declared when the text is too
short to tell."""

from __future__ import annotations

MIN_WORDS = 8  # below this, detection is a guess: use the declared language
MAX_CHARS = 3000  # the opening of a long text decides as well as all of it


def language_code(tag: str | None) -> str | None:
    """ "en-GB" -> "en": the primary subtag of a declared language, lower-case."""
    if not tag or not tag.strip():
        return None
    return tag.strip().replace("_", "-").split("-")[0].lower()


def detect_language(text: str | None, declared: str | None = None) -> str | None:
    """ISO 639-1 code of the text's language; the declared one when the text is too short."""
    if text and len(text.split()) >= MIN_WORDS:
        import py3langid  # here, not with the module: only a run with texts to read needs it

        code, _score = py3langid.classify(text[:MAX_CHARS])
        return code
    return language_code(declared)
