"""People named after a Gulf or Arab honorific: ``SA Cheikh Tahnoun Ben Zayed Al-Nahyane``
gives the PERSON ``Tahnoun Ben Zayed Al-Nahyane`` (ENTITIES.md: ranks and honorifics are not
part of the name, the patronymic chain is).  Pure: text in, spans out.

``Cheikh`` is also a first name (``Cheikh Tidiane Gadio``): it is read as a rank only after a
rank or a determiner (``SA Cheikh``, ``le cheikh``) or before a name with patronymic particles
(``Ben``, ``Bin``, ``Al-``, ``Ould``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.extraction.mention import Mention

from pipeline.data import DATA_DIR

PATTERNS = DATA_DIR
SOURCE = "honorific+name"


@lru_cache(maxsize=1)
def _words() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"rank": [], "honorific": [], "patronym": [], "courtesy": []}
    lines = (PATTERNS / "name_honorifics.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        if line.strip() and not line.startswith("#") and "\t" in line:
            word, kind = line.split("\t")
            if kind in out:
                out[kind].append(word)
    return out


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’']+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’']+)*"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    w = _words()
    part = r"(?:" + _alt(w["patronym"]) + r")"
    # a name: capitalized words, with patronymic particles between them (`Al-Nahyane` is one)
    name = (r"(?P<name>" + _CAP + r"(?:[ \u00a0]+(?:" + part + r"[ \u00a0]+|" + part + r"-)?"
            + _CAP + r"){0,5})")
    return re.compile(
        r"(?P<before>(?:(?<![\w.])(?:" + _alt(w["rank"]) + r")|\b(?:le|la|du|au|les|des|l['’])"
        r")[ \u00a0]+)?"
        r"(?<![\w-])(?P<hon>(?i:" + _alt(w["honorific"]) + r"))[ \u00a0]+" + name)


def _patronymic(name: str) -> bool:
    parts = {p.lower() for p in _words()["patronym"]}
    return any(t.lower() in parts for t in re.split(r"[ \u00a0-]+", name)[1:])


def find_honorific_names(text: str) -> list[Mention]:
    """PERSON mentions for names after a Gulf/Arab honorific used as a rank."""
    out = []
    for m in _pattern().finditer(text):
        name = m.group("name")
        # the name ends on a word, not on a particle (`… Ben` before a line break)
        words = re.split(r"[ \u00a0]+", name)
        parts = {p.lower() for p in _words()["patronym"]}
        while len(words) > 1 and words[-1].lower() in parts:
            words.pop()
        name = " ".join(words) if len(words) < len(re.split(r"[ \u00a0]+", m.group("name"))) \
            else name
        if not (m.group("before") or _patronymic(name)):
            continue  # `Cheikh Tidiane Gadio`: a first name
        if len(words) < 2 and not m.group("before"):
            continue
        s = m.start("name")
        e = s + len(name)
        out.append(Mention(s, e, "PERSON", text=text[s:e], norm=re.sub(r"\s+", " ", text[s:e])
                           .replace("’", "'"), source=SOURCE, priority=2,
                           extra={"rank": (m.start("before") if m.group("before") else
                                           m.start("hon"), m.end("hon"))}))
    return out


def in_rank(mention: Mention, found: list[Mention]) -> bool:
    """``mention`` lies inside the rank words before a found name (the model's `Cheikh`)."""
    return any(f.extra.get("rank") and f.extra["rank"][0] <= mention.start
               and mention.end <= f.extra["rank"][1] for f in found)


COURTESY_SOURCE = "courtesy+name"


@lru_cache(maxsize=1)
def _courtesy_pattern() -> re.Pattern:
    w = _words()
    part = r"(?:" + _alt(w["patronym"] + ["de", "da", "dos", "van", "von"]) + r")"
    word = r"(?:" + _CAP + r"|[A-ZÀ-ÖØ-Þ]{3,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?)"   # `Macky SALL`
    # after a courtesy title: one to five capitalized words, particles between them
    # (`M. Souhail Mohamed Al Mazroui`, `Dr Parfait Kouassi`, `le colonel Goïta`)
    name = (r"(?P<name>" + word + r"(?:[ \u00a0](?:" + part + r"[ \u00a0]|" + part + r"-)?"
            + word + r"){0,4})")
    return re.compile(r"(?<![\w.’'-])(?P<hon>" + _alt(w["courtesy"]) + r")[ \u00a0]+" + name
                      + r"(?![\w’'-])")


def find_courtesy_names(text: str) -> list[Mention]:
    """PERSON mentions for the capitalized words after a courtesy title or military rank
    (name_honorifics.tsv, kind courtesy), the title out of the span (ENTITIES.md). A name
    does not start with a place, a title of office or the head noun of an organization
    (`le général Motors`-like capitals: `Mme la Présidente` is lower case anyway)."""
    from pipeline.extraction.normalize.gazetteer import lookup
    from pipeline.extraction.org_finder import load_patterns
    from pipeline.extraction.titles import title_words
    heads = load_patterns().org_heads
    parts = {p.lower() for p in _words()["patronym"]}
    out = []
    for m in _courtesy_pattern().finditer(text):
        if m.group("hon").islower() and not re.search(r"(?:^|[\s(])(?:[lL]e|[dD]u|[aA]u|[lL]['’])[ \u00a0]*\Z",
                                                      text[max(0, m.start() - 5):m.start()]):
            continue  # a rank in lower case names when a determiner stands before it: `le
            # colonel X`, not `le secrétaire général Lafarge`-like titles of office
        name = m.group("name")
        while True:   # the name ends on a word, not on a particle (`… Ben` before a line break)
            cut = re.search(r"[ \u00a0-]+(\w+)\Z", name)
            if cut is None or cut.group(1).lower() not in parts:
                break
            name = name[:cut.start()]
        words = name.split()
        first = words[0]
        if (first in heads or lookup(first) is not None or first.lower() in title_words()
                or first.isupper() and len(words) == 1):
            continue
        s = m.start("name")
        e = s + len(name)
        out.append(Mention(s, e, "PERSON", text=text[s:e], norm=re.sub(r"\s+", " ", text[s:e])
                           .replace("’", "'"), source=COURTESY_SOURCE, priority=2))
    return out
