"""A dispatch's dateline: the city (and agency) that open an agency story's body,
`DAKAR, 3 mars (APS) -`, `TUNIS (TAP) -`, `LE CAIRE, 19 nov (MENA) -`, `Yaoundé — `.
Pure functions, no spaCy.

The dateline says where the story was filed: its city is a place (LOC, or COUNTRY when it
names a state) whatever its capitals, with the gazetteer's own spelling as value, and its
state is the one an office belongs to when the text names none (see ``article_home``).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from pipeline.data import read_rows

from .normalize.dates import AGENCY_WORDS
from .normalize.gazetteer import Entry, capital_homonym, key, lookup

# How far into the text a dateline may stand: it opens the body, after the header, a
# rubric or a headline and maybe a byline.
MAX_LINES = 6

_SP = r"[ \t\u00a0\u202f]"
# City: one to four words, the first capitalized (`LE CAIRE`, `ADDIS-ABEBA`, `Dar es Salaam`);
# then `, <day>` or not, `(AGENCY)` or not (capitalized words, as `(AFP)`, `(Reuters)`,
# `(APS/Algérie)`), and a dash before the story.
_DATELINE = re.compile(
    rf"{_SP}*(?P<city>[^\W\d_][\w'’.-]*(?:{_SP}[^\W\d_][\w'’-]*){{0,3}}?)"
    rf"(?:{_SP}*,{_SP}*(?P<date>[^()\n\u2013\u2014,]{{1,30}}?))?"
    rf"(?:{_SP}*\((?P<agency>{AGENCY_WORDS})\))?"
    rf"{_SP}*[-\u2013\u2014]+{_SP}+(?P<rest>\S.*)")
_ARTICLE = re.compile(r"(?:les?|la|l['’])\s*", re.I)
# A bare `City - ` (no day, no agency) opens a paragraph, not a headline (`Maroc - Espagne : …`)
_PARAGRAPH_END = re.compile(r"[.!?…][»\"”)]?\s*$")


@dataclass(frozen=True)
class Dateline:
    start: int                 # the city as written, article left out (`CAIRE` of `LE CAIRE`)
    end: int
    label: str                 # LOC, or COUNTRY when the dateline names a state
    value: str                 # the gazetteer's spelling (`Le Caire`, `Paris`), or a code
    country: Optional[str]     # the state the city lies in (alpha-3), if known
    agency: Optional[str] = None
    agency_start: Optional[int] = None
    agency_end: Optional[int] = None


def _is_day(s: str) -> bool:
    """`3 mars`, `19 nov`, `1er mars 2026`, `lundi`: a day, not a clause."""
    from .normalize.dates import lexicon
    return bool(re.search(r"\d", s)) or key(s.strip().rstrip(".")) in lexicon()["weekdays"]


def _place(name: str) -> Optional[Entry]:
    e = lookup(name, weak=True)
    return e if e is not None and e.label in ("LOC", "COUNTRY") else None


def _capitalized(name: str) -> str:
    """`BAMAKO` → `Bamako`, `ADDIS-ABEBA` → `Addis-Abeba` (a city no gazetteer knows)."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name)


def _parse_line(text: str, s: int, e: int) -> Optional[Dateline]:
    m = _DATELINE.match(text, s, e)
    if not m:
        return None
    date, agency = m.group("date"), m.group("agency")
    if date is not None and not _is_day(date):
        return None
    if date is None and agency is None and not _PARAGRAPH_END.search(m.group("rest")):
        return None
    cs, ce = m.span("city")
    city = text[cs:ce]
    entry = _place(city)
    art = _ARTICLE.match(city)
    if art and art.end() < len(city) and (entry is not None or _place(city[art.end():])):
        # `LE CAIRE`: the span leaves the article out, the value keeps it (`Le Caire`)
        entry = entry or _place(city[art.end():])
        cs += art.end()
    if entry is None:
        if agency is None:
            return None
        # an agency's dateline names a city even where the gazetteer does not know it
        return Dateline(cs, ce, "LOC", _capitalized(text[cs:ce]), None,
                        agency, m.start("agency"), m.end("agency"))
    if entry.label == "COUNTRY":
        # a dispatch is filed from a city: `DJIBOUTI, 3 mars (ADI) -` is the capital
        entry = capital_homonym(_capitalized(text[cs:ce])) or entry
    value = entry.code if entry.label == "COUNTRY" else entry.name
    return Dateline(cs, ce, entry.label, value, entry.code or None, agency,
                    m.start("agency") if agency else None, m.end("agency") if agency else None)


def find_dateline(text: str) -> Optional[Dateline]:
    """The dateline among the first lines of ``text`` (blank ones aside), else None."""
    pos, seen = 0, 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        s, e = pos, pos + len(body)
        pos += len(line)
        if not body.strip():
            continue
        found = _parse_line(text, s, e)
        if found:
            return found
        seen += 1
        if seen >= MAX_LINES:
            break
    return None


@lru_cache(maxsize=1)
def agency_states() -> dict[str, str]:
    """agency as written in a dateline's brackets -> its state (news_agencies.tsv)."""
    return {a: c for a, c in read_rows("news_agencies.tsv", ("agency", "country"))}


def dateline_home(d: Optional[Dateline], default: str, text: Optional[str] = None) -> str:
    """The state an office belongs to when the text names none: the dateline city's state
    (a Tunisian agency's minister in `TUNIS (TAP) -`), else ``default`` (the configured
    home country, for the press that writes from there without datelines).  The home
    press also files from abroad: an agency of the home state (`DAKAR, 3 mars (MAP) -`),
    or a bare city (`Banjul – Le ministre des Affaires étrangères, …, des Marocains
    résidant à l'étranger`) in a ``text`` that names the home state, keeps the default."""
    if d is None or not d.country or d.country == default:
        return default
    if d.agency is not None:
        return default if agency_states().get(d.agency.strip()) == default else d.country
    if text is not None and state_votes(text)[default]:
        return default
    return d.country


def article_home(text: str, default: str) -> str:
    """``dateline_home`` of the dateline ``text`` opens with."""
    return dateline_home(find_dateline(text), default, text)


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def state_votes(text: str) -> Counter:
    """How often the text names each state, by a name (`Maroc`, `Tunisie`) or a
    nationality word (`marocain`, `Marocains`)."""
    from .normalize.gazetteer import country_code, demonym_country
    votes: Counter = Counter()
    for w in _WORD.findall(text):
        c = demonym_country(w) or (country_code(w) if w[:1].isupper() else None)
        if c:
            votes[c] += 1
    return votes
