"""Readers for NerPool tests, importable by the pool's worker processes: the real model's spans, except for
a text that makes the reader raise, or one that kills the worker process reading it; or a reader whose worker
processes die as they start."""

from __future__ import annotations

import multiprocessing
import os
import signal

from flows.ner import model_reader

RAISES = "ner raises on this text"  # lower case: recased_for_ner leaves it as it is
KILLS = "ner kills the worker reading this text"


def failing_reader(model: str):
    read = model_reader(model)

    def recognise(texts: list[str]):
        if any(RAISES in text for text in texts):
            raise ValueError("this text cannot be read")
        if any(KILLS in text for text in texts):
            os.kill(os.getpid(), signal.SIGKILL)
        return read(texts)

    return recognise


def dies_in_workers(model: str):
    """The model's reader in this process; a pool's worker process that builds it exits at once (as workers
    whose start fails do: a broken __main__, a model that cannot load there)."""
    if multiprocessing.parent_process() is not None:
        os._exit(1)
    return model_reader(model)
