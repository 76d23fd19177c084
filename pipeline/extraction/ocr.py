"""OCR noise in names: ``Moharnmed`` for ``Mohammed`` (``rn`` read for ``m``).

A value mends such an error (ENTITIES.md, "Values") only where the intended word is certain:
here, where one misreading of pipeline/data/ocr_confusions.tsv turns the word into a word the
same article writes elsewhere (``le Roi Mohammed VI`` … ``Cheikh Moharnmed Ben Zayed``).  The
span keeps the text as written.  Pure functions.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from pipeline.data import DATA_DIR

PATTERNS = DATA_DIR
_WORD = re.compile(r"[^\W_][\w’'-]*")


@lru_cache(maxsize=1)
def confusions() -> tuple[tuple[str, str], ...]:
    lines = (PATTERNS / "ocr_confusions.tsv").read_text(encoding="utf-8").splitlines()
    rows = [l.split("\t") for l in lines if l.strip() and not l.startswith("#")]
    return tuple((a, b) for a, b in rows[1:])


def _variants(word: str):
    for read, meant in confusions():
        for m in re.finditer(re.escape(read), word):
            yield word[:m.start()] + meant + word[m.end():]


def reads_as(word: str, meant: str) -> bool:
    """``word`` is ``meant`` as written or with one OCR misreading (``c6té`` for ``côté``)."""
    return word == meant or meant in _variants(word)


_TRIPLE = re.compile(r"([^\W\d_])\1\1+")


def mend_word(word: str, counts: Counter) -> str:
    """``word`` with one OCR misreading undone when the article writes the result at least as
    often, and a letter typed three times in a row (``Ferrroukhi``) as two: no French or
    transcribed Arabic name has one."""
    word = _TRIPLE.sub(r"\1\1", word)
    best, best_n = word, counts.get(word, 0)
    for v in _variants(word):
        n = counts.get(v, 0)
        if n and n >= best_n and (best == word or n > best_n):
            best, best_n = v, n
    return best


def mend_name(name: str, text: str, counts: Counter | None = None) -> str:
    """Each word of ``name`` mended against the words of ``text``."""
    counts = counts if counts is not None else Counter(_WORD.findall(text))
    return _WORD.sub(lambda m: mend_word(m.group(0), counts), name)


def mend_norms(text: str, mentions, labels=("PERSON",)) -> None:
    """Mend the norms of ``mentions`` with those labels in place."""
    counts = Counter(_WORD.findall(text))
    for m in mentions:
        if m.label in labels and m.norm:
            m.norm = mend_name(m.norm, text, counts)
