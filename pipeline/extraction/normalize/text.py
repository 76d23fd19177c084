"""Text folding: the one place that says which characters are the same for a lookup.

Pure functions, no spaCy.  ``fold`` keeps the length (offsets in folded text are
offsets in the original); ``key`` is a lookup key; ``clean`` is the display form
norms use (apostrophes unified, spaces squashed).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

APOSTROPHES = "'\u2019\u2018`\u00b4\u02bc\u2032"
HYPHENS = "-\u2010\u2011\u2012\u2013"
SPACES = " \t\u00a0\u202f\u2009"

_APOS_TABLE = str.maketrans({c: "'" for c in APOSTROPHES})
_SPACE_RE = re.compile(r"\s+")


def unify_apostrophes(s: str) -> str:
    """Every apostrophe as ``'``."""
    return s.translate(_APOS_TABLE)


class _NoMarks(dict):
    """``str.translate`` table that drops combining marks (category Mn), filled on first
    sight of a character: one C call per string instead of a Python call per character."""

    def __missing__(self, code: int) -> Optional[int]:
        out = self[code] = None if unicodedata.category(chr(code)) == "Mn" else code
        return out


_NO_MARKS = _NoMarks()


def strip_accents(s: str) -> str:
    if s.isascii():          # nothing to decompose: most words of a French text
        return s
    return unicodedata.normalize("NFD", s).translate(_NO_MARKS)


def clean(s: str) -> str:
    """Apostrophes as ``'``, runs of whitespace as one space, no space at the ends."""
    return _SPACE_RE.sub(" ", unify_apostrophes(s)).strip()


# Lookups fold the same words over and over (every token, every candidate): the
# pure string functions below are memoized, in caches of bounded size.
_CACHE = 1 << 16


@lru_cache(maxsize=_CACHE)
def fold_word(s: str) -> str:
    """Lower case, no accents, apostrophes unified: for word look-ups."""
    return fold_text(s)


def fold_text(s: str) -> str:
    """``fold_word`` of a whole text, not memoized: a cache of articles would only grow."""
    return unify_apostrophes(strip_accents(s.lower()))


@lru_cache(maxsize=_CACHE)
def whole_name(name: str) -> re.Pattern:
    """Where ``name`` stands as whole words: not inside a longer or hyphenated word, not
    eliding into the next (`X’Y`), its spaces any run of spaces on one line. One sense per
    article for names: the finders that repeat a name at its other occurrences use it."""
    words = r"[ \u00a0]+".join(map(re.escape, name.split()))
    return re.compile(r"(?<![\w’'-])" + words + r"(?![\w-]|['’]\w)")


def opens_sentence(text: str, pos: int, marks: str) -> bool:
    """Only whitespace stands between ``pos`` and the text's start or a character of ``marks``
    (each finder names what ends a sentence for it; a line break counts where ``marks`` holds
    one, else it is whitespace like any other)."""
    i = pos
    while i > 0 and text[i - 1].isspace() and text[i - 1] not in marks:
        i -= 1
    return i == 0 or text[i - 1] in marks


def fold_char(c: str) -> str:
    """One character -> one character: lower case, no accent, ' for every
    apostrophe, - for every hyphen, ' ' for every inline space. Length-preserving
    so that offsets in folded text are offsets in the original."""
    if c in APOSTROPHES:
        return "'"
    if c in HYPHENS:
        return "-"
    if c in SPACES:
        return " "
    base = unicodedata.normalize("NFD", c)[0]
    low = base.lower()
    return low if len(low) == 1 else base


class _FoldTable(dict):
    """``str.translate`` table of fold_char, filled on first sight of a character:
    folding a string is then one C call instead of a Python call per character."""

    def __missing__(self, code: int) -> str:
        out = self[code] = fold_char(chr(code))
        return out


_FOLD = _FoldTable()


def fold(s: str) -> str:
    """Length-preserving normalization used for every gazetteer lookup."""
    return s.translate(_FOLD)


@lru_cache(maxsize=_CACHE)
def key(name: str) -> str:
    """Lookup key of a name: folded, hyphens and runs of spaces as one space,
    no space after an apostrophe (``d' Ivoire`` = ``d'Ivoire``)."""
    out = []
    for c in fold(name.strip()):
        if c in " -":
            if out and out[-1] not in " '":
                out.append(" ")
        else:
            out.append(c)
    return "".join(out).strip()
