"""Readers for NerPool tests, importable by the pool's worker processes: the real model's spans, except for
a text that makes the reader raise, or one that kills the worker process reading it."""

from __future__ import annotations

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
