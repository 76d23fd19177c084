"""French calendar expressions: finding them in a string and normalizing them.

Pure functions, no spaCy.  ``scan`` finds candidate expressions in a text with
regular expressions built from ``pipeline/data/dates_fr.json``; ``resolve``
turns the parts of one expression into the ISO/TIMEX3 value of ENTITIES.md,
using the article's publication date (``YYYY-MM-DD``, ``YYYY-MM`` or None)
for what the text leaves out.
"""
from __future__ import annotations

import calendar
import json
import os
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Optional

from pipeline.data import DATA_DIR, read_json
from .text import fold_word
from ..overlaps import longest_first

LEXICON_PATH = DATA_DIR / "dates_fr.json"


# ---------------------------------------------------------------- data types

@dataclass(frozen=True)
class DateParts:
    """What one expression says, before any resolution against a publication date."""
    year: Optional[int] = None
    year_end: Optional[int] = None      # second year of a span `2019/2020`
    year_prefix: Optional[str] = None   # digits of a year cut by the end of the text (`20`)
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None       # 0 = Monday
    quarter: Optional[int] = None
    half: Optional[int] = None
    season: Optional[str] = None        # SP, SU, FA, WI
    century: Optional[int] = None       # ordinal: 21 for `XXIe siècle`
    decade: Optional[int] = None        # 199 for `années 1990`
    rel_day: Optional[int] = None       # hier = -1
    rel_week: Optional[int] = None
    rel_month: Optional[int] = None
    rel_year: Optional[int] = None      # an dernier = -1, cette année = 0
    implicit_year: bool = False         # `début d'année`: the current year, unnamed
    direction: int = 0                  # -1 `dernier`, +1 `prochain`: where a missing year lies
    modifier: Optional[str] = None      # START / MID / END (`début`, `mi-`, `fin`); same precision
    nth_day: Optional[int] = None       # 1 / -1: first / last day of the month named
    named_period: Optional[str] = None  # `Ramadan`: a period with no fixed calendar value
    weekend: bool = False               # `week-end dernier`: a week's end, valued null
    not_over: bool = False              # its clause's verb is in the future (`s'achèvera fin juin`):
                                        # a missing year leaves the period not yet over
    begun: bool = False                 # its clause's verb tells of the past (`ont atteint au
                                        # premier trimestre`): a missing year puts its start
                                        # on or before publication


@dataclass(frozen=True)
class DateValue:
    value: Optional[str]
    start: Optional[date] = None
    end: Optional[date] = None
    precision: Optional[str] = None     # see ``precision``


@dataclass(frozen=True)
class Candidate:
    """A stretch of text that reads as a date, with its parts."""
    start: int
    end: int
    parts: DateParts
    form: str                           # which pattern found it (for filters and debugging)


# ---------------------------------------------------------------- lexicon

fold = fold_word  # lower case, no accents, apostrophes unified (text.py)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = read_json(LEXICON_PATH.name)
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _alt(words) -> str:
    """Regex alternation of words, accented and unaccented, longest first.

    Written as a trie (``m(?:a(?:rs|i)|ercredi)``): at every word start the regex engine
    tries each branch of an alternation in turn and, the patterns being case-insensitive,
    cannot skip one on its first letter, so flat lists of a hundred words made ``scan`` the
    costliest rule.  The matches are the same: branches of different letters cannot match
    the same character, and within one letter the branches keep the flat list's order."""
    forms = set()
    for w in words:
        forms.add(w)
        forms.add(fold(w))
    return "(?:" + _trie(sorted(forms, key=len, reverse=True)) + ")"


def _trie(forms: list[str]) -> str:
    """``forms`` (in the order to try them) grouped by their first letter, then by the
    letters all of a group share, recursively."""
    groups: dict[str, list[str]] = {}
    for f in forms:
        groups.setdefault(f[:1].lower(), []).append(f)
    out = []
    for first, group in groups.items():
        if not first:                       # a word ending here: tried after the longer ones
            out.append("")
        elif len(group) == 1:
            out.append(_literal(group[0]))
        else:
            n = max(1, len(os.path.commonprefix(group)))   # case aside, they share one
            out.append(_literal(group[0][:n]) + "(?:" + _trie([f[n:] for f in group]) + ")")
    return "|".join(out)


def _literal(s: str) -> str:
    return re.escape(s).replace("'", APOS)


APOS = "['’`ʼ]"
_SP = r"[ \u00a0\u202f\t]+"          # spaces inside one line (a date never spans lines)
_B = r"(?<![\w])"                    # word start
_E = r"(?![\w])"                     # word end

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> Optional[int]:
    s = s.upper()
    if not s or any(c not in ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = ROMAN[c]
        total += -v if i + 1 < len(s) and ROMAN[s[i + 1]] > v else v
    return total


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    lx = lexicon()
    month = _alt(lx["months"])
    month_any = "(?:" + _alt(lx["months_abbr"]) + "|" + month + ")"
    weekday = _alt(lx["weekdays"])
    weekday_any = "(?:" + weekday + "|" + _alt(lx["weekdays_abbr"]) + ")"
    tod = "(?:" + _SP + "(?P<tod>" + _alt(lx["times_of_day"]) + ")" + _E + ")?"
    day = r"(?:1er|1ᵉʳ|1re|premier|[12]\d|3[01]|0?[1-9])"
    year = r"(?:1[89]\d\d|20\d\d|2100)(?!\d)"
    mod = ("(?:(?P<mod>" + _alt(lx["modifiers"]) + r")(?:\s*-\s*|" + _SP + ")"
           + r"(?:(?:du|de" + _SP + "la|de" + _SP + "l" + APOS + "|de|d" + APOS + ")"
           + r"(?:" + _SP + ")?)?)")
    rel = _alt(lx["past_words"] + lx["future_words"] + lx["current_words"])
    ordinal = _alt(list(lx["ordinals"]) + lx["ordinals_last"])
    period = _alt(lx["periods"])
    season = _alt(lx["seasons"])
    this = _alt(lx["this_determiners"])
    mois_de = "(?:mois" + _SP + "(?:de" + _SP + "|d" + APOS + "))"
    nouns = _alt(lx["year_nouns"] + lx["month_nouns"] + lx["week_nouns"])
    period_noun = "(?:(?P<anne>" + _alt(lx["period_nouns"]) + ")" + _SP + ")"
    # a year after the month: `mars 2019`, `mars de 2019`
    of_year = "(?:" + _SP + "de)?" + _SP + "(?P<year>" + year + ")"
    # `Mardi 3 Mars, 2015`: a comma before the year, but not before a count (`12 mai, 2000 personnes`)
    comma_year = ("," + _SP + "(?P<year_c>" + year + r")(?![ \u00a0\u202f]*[\d%])"
                  + r"(?![ \u00a0\u202f]+(?!(?:à|a|au)\b)[a-zà-ÿ])")
    year_sep = r"[ \u00a0\u202f]*[/\-–—][ \u00a0\u202f]*"

    forms = {
        # jeudi 1er août 2024, 26 novembre, 2 octobre 2024 à ...
        "day_month": (_B + "(?:(?P<wd>" + weekday_any + ")," + "?" + _SP + ")?(?P<day>" + day + ")"
                      + _SP + "(?P<mon>" + month_any + ")(?:" + of_year + "|" + comma_year + ")?"
                      + tod + r"(?!\w)"
                      # `dernier` after a day is in the span (ENTITIES.md) and places the year
                      + "(?:" + _SP + "(?P<rel>" + _alt(lx["past_words"] + lx["future_words"])
                      + ")" + _E + ")?"),
        # fin juillet 2023, mois de juillet 2022, mi-juin 2024, novembre de 2016
        "month_year": (_B + mod + "?" + mois_de + "?(?P<mon>" + month_any + ")"
                       + "(?:" + of_year + "|" + comma_year + ")"),
        # décembre 5 2014, fév 15, 2013: the day after the month, only with the year
        "month_day_year": (_B + "(?:(?P<wd>" + weekday_any + ")," + "?" + _SP + ")?(?P<mon>"
                           + month_any + ")" + _SP + r"(?P<day>" + day + ")" + _E
                           + "(?:" + of_year + "|" + comma_year + ")"),
        # premier jour de mars 2018, dernier jour d'octobre 2015, dernier jour de l'année 2019
        "nth_day": (_B + "(?P<nth>" + _alt(lx["nth_day"]) + ")" + _SP + "jour" + _SP
                    + "(?:(?:du|de" + _SP + "ce)" + _SP + "mois" + _SP + ")?"
                    + "(?:de" + _SP + "l" + APOS + "(?P<yn>année|annee|an)"
                    + "|(?:de" + _SP + "|d" + APOS + ")(?P<mon>" + month + "))" + _E
                    + "(?:" + of_year + ")?"),
        # 11/2019, 03.2015: a month and its year in digits
        "month_num": (r"(?<![\w/.,-])(?:(?P<mnum>0?[1-9]|1[0-2])/|(?P<mnum2>0[1-9]|1[0-2])\.)"
                      r"(?P<year>(?:19|20)\d\d)(?![\d/]|[.,]\d)"),
        # week-end dernier, ce week-end, le week-end
        "weekend": (_B + "(?:(?P<this>" + this + ")" + _SP + ")?(?P<we>" + _alt(lx["weekend_nouns"])
                    + ")" + _E + "(?:" + _SP + "(?P<rel>" + rel + ")" + _E + ")?"),
        # Ramadan: a religious period, DATE with no fixed value
        "named_period": _B + "(?P<np>" + _alt(lx["religious_periods"]) + ")" + _E,
        # fin juillet 20<end of text>: a year cut off
        "month_cut": (_B + mod + "?" + mois_de + "?(?P<mon>" + month + ")" + _SP
                      + r"(?P<ypart>\d{1,3})\s*\Z"),
        # novembre, fin septembre, mois de juillet, juillet dernier
        "month": (_B + mod + "?" + mois_de + "?(?P<mon>" + month + ")" + _E
                  + "(?:" + _SP + "(?P<rel>" + rel + ")" + _E + ")?"),
        # 2019/2020, 2019-2020, 2019/20
        "year_span": (_B + mod + "?" + period_noun + "?(?P<year>" + year + ")" + year_sep
                      + "(?P<y2>" + year + r"|\d\d(?!\d))"),
        # 2024, année 2024, exercice 2023, fin 2024, fin de l'année 2024, mi-2024
        "year": (_B + mod + "?" + period_noun + "?(?P<year>" + year + ")"),
        # premier trimestre 2013, deuxième trimestre, T1 2024, S1-2024
        "period": (_B + mod + "?(?P<ord>" + ordinal + ")" + _SP + "(?P<per>" + period + ")"
                   + _E + "(?:" + _SP + "(?:de" + _SP + "(?:l" + APOS + "année" + _SP + ")?)?"
                   + "(?P<year>" + year + "))?"),
        # 2024 S1, 2023 T4: the period after its year
        "period_abbr_after": (r"(?<![\w-])(?P<year>" + year + r")(?:\s*-\s*|" + _SP
                              + r")(?P<pabbr>[TQSH])(?P<n>[1-4])(?![\w-])"),
        "period_abbr": (r"(?<![\w-])(?P<pabbr>[TQSH])(?P<n>[1-4])(?:\s*-\s*|" + _SP + ")(?P<year>"
                        + year + ")"),
        # été 2024, été dernier, cet été
        "season": (_B + mod + "?(?:(?P<this>" + this + ")" + _SP + ")?(?P<season>" + season + ")"
                   + _E + "(?:" + _SP + "(?:(?P<year>" + year + ")|(?P<rel>" + rel + ")" + _E
                   + "))?"),
        # XXIᵉ siècle, 21e siècle
        "century": (_B + r"(?P<cent>(?-i:[IVXL]+)|\d{1,2})\s*(?:ᵉ|e|è|ème|eme|er|re|°)" + _SP
                    + "siècles?" + _E),
        # années 1990
        "decade": _B + "années" + _SP + r"(?P<dec>(?:19|20)\d0)(?!\d)",
        # an dernier, année prochaine, mois dernier, semaine passée, année en cours
        "rel_noun": (_B + mod + "?(?:(?P<this>" + this + ")" + _SP + ")?(?P<noun>" + nouns + ")"
                     + r"(?:-ci)?" + _E + "(?:" + _SP + "(?P<rel>" + rel + ")" + _E + ")?"),
        # mercredi, lundi soir, samedi prochain
        "weekday": (_B + "(?P<wd>" + weekday + ")" + _E + tod
                    + "(?:" + _SP + "(?P<rel>" + _alt(lx["past_words"] + lx["future_words"])
                    + ")" + _E + ")?"),
        # hier, aujourd'hui, demain soir
        "rel_day": _B + "(?P<rd>" + _alt(lx["relative_days"]) + ")" + _E + tod,
        # 28/04/2024, 28-04-2024, 28.04.2024
        "numeric": (r"(?<![\d/.-])(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<mnum>[01]?\d)(?P=sep)"
                    r"(?P<year>(?:19|20)\d\d)(?![\d/-]|[.,]\d)"),
        # 28/04/24: a two-digit year after slashes
        "numeric_yy": (r"(?<![\d/.,-])(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)/(?P<yy>\d\d)"
                       r"(?![\d/-]|[.,]\d)"),
        # 20 02 2014: day, month and year in digits apart
        "numeric_spaced": (r"(?<![\d,.])(?<![\d,.][ \u00a0\u202f])(?P<day>[0-3]\d)[ \u00a0\u202f]"
                           r"(?P<mnum>[01]\d)[ \u00a0\u202f](?P<year>(?:19|20)\d\d)"
                           r"(?![\d]|[.,]\d|[ \u00a0\u202f]\d)"),
        # 2024-04-28, 2015/08/12, 2015-3-3
        "iso": (r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)(?P<sep>[-/])(?P<mnum>0?[1-9]|1[0-2])(?P=sep)"
                r"(?P<day>[0-3]?\d)(?![\d/-]|[.,]\d)"),
        # 28/04 with no year: both parts in two digits, or any after `le` (`le 2/3`)
        "day_month_num": (r"(?<![\w/.,-])(?:(?P<day>[0-3]\d)/(?P<mnum>[01]\d)|(?<=le )"
                          r"(?P<day1>[12]\d|3[01]|0?[1-9])/(?P<mnum1>0?[1-9]|1[0-2]))"
                          r"(?![\d/]|[.,]\d)"),
    }
    return [(name, re.compile(p, re.IGNORECASE)) for name, p in forms.items()]


# ---------------------------------------------------------------- parsing

def _direction(word: Optional[str]) -> int:
    if not word:
        return 0
    lx, w = lexicon(), fold(word)
    if w in {fold(x) for x in lx["past_words"]}:
        return -1
    if w in {fold(x) for x in lx["future_words"]}:
        return 1
    return 0


def _lookup(table: dict, word: str) -> Optional[int]:
    w = fold(word)
    for k, v in table.items():
        if fold(k) == w:
            return v
    return None


def _mod(m: re.Match) -> Optional[str]:
    g = m.groupdict().get("mod")
    return _lookup(lexicon()["modifiers"], g) if g else None


def _weekday_before(g: dict) -> Optional[int]:
    """The weekday written before a day and month, whole or abbreviated (`Mer 22 Janvier`)."""
    if not g.get("wd"):
        return None
    return _lookup({**lexicon()["weekdays"], **lexicon()["weekdays_abbr"]}, g["wd"])


def _year2(y1: int, y2: str) -> int:
    return int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)


# A dispatch's dateline: the agency in brackets right after the day (`ALGER, 19 nov (APS) -`)
# makes an abbreviated month without its year a date, not a count
# The agency's name inside the brackets, one to three capitalized words (`AFP`, `Reuters`,
# `APS/Algérie`); extraction/dateline.py reads whole datelines with it too
AGENCY_WORDS = r"(?:[A-Z][\w.&/-]*[ \t\u00a0\u202f]?){1,3}"
_DATELINE_TAIL = re.compile(rf"\.?[ \u00a0\u202f]*\({AGENCY_WORDS}\)")


def _parts(form: str, m: re.Match) -> Optional[DateParts]:
    """The parts of one regex match, or None when it does not make a date."""
    lx, g = lexicon(), m.groupdict()
    months = {**lx["months"], **lx["months_abbr"]}
    mod = _mod(m)
    y = g.get("year") or g.get("year_c")
    year = int(y) if y else None
    if form == "month_year" and year is None and fold(g["mon"]) in {
            fold(a) for a in lx["months_abbr_with_year_only"]}:
        return None          # `sept` alone is a count or a word, not a date
    if form == "day_month" and year is None and fold(g["mon"]) in {
            fold(a) for a in lx["months_abbr_with_year_only"]} and not (
            _DATELINE_TAIL.match(m.string, m.end()) or g["mon"][:1].isupper()
            or not g["day"].isdigit()):
        return None          # `3 sept`, `8 mar` alone are a count or a word, not a date; `1 Jan`
                             # (a capital), `1er janv` (an ordinal day) and a dateline's are dates
    if form == "day_month":
        d = g["day"].lower()
        day = 1 if not d.isdigit() else int(d)
        wd = _weekday_before(g)
        return DateParts(year=year, month=_lookup(months, g["mon"]), day=day, weekday=wd,
                         direction=_direction(g.get("rel")))
    if form == "nth_day":
        nth = _lookup(lx["nth_day"], g["nth"])
        if g.get("yn"):
            return DateParts(year=year, month=1 if nth == 1 else 12, nth_day=nth,
                             implicit_year=year is None)
        return DateParts(year=year, month=_lookup(months, g["mon"]), nth_day=nth)
    if form == "month_num":
        return DateParts(year=year, month=int(g.get("mnum") or g["mnum2"]))
    if form == "named_period":
        return DateParts(named_period=fold(g["np"]))
    if form == "weekend":
        if not (g.get("this") or g.get("rel")
                or re.search(r"(?<!\w)le" + _SP + r"\Z", m.string[max(0, m.start() - 4):m.start()])):
            return None      # `les week-ends`, `un week-end`: no date
        return DateParts(weekend=True, direction=_direction(g.get("rel")))
    if form == "month_year":
        return DateParts(year=year, month=_lookup(months, g["mon"]), modifier=mod)
    if form == "month_day_year":
        d = g["day"].lower()
        wd = _weekday_before(g)
        return DateParts(year=year, month=_lookup(months, g["mon"]), day=1 if not d.isdigit()
                         else int(d), weekday=wd)
    if form == "month_cut":
        return DateParts(year_prefix=g["ypart"], month=_lookup(months, g["mon"]), modifier=mod)
    if form == "month":
        direction = _direction(g.get("rel"))
        return DateParts(month=_lookup(months, g["mon"]), modifier=mod, direction=direction)
    if form == "year_span":
        y2 = _year2(year, g["y2"])
        if not year < y2 <= year + 10:
            return None
        return DateParts(year=year, year_end=y2, modifier=mod)
    if form == "year":
        return DateParts(year=year, modifier=mod)
    if form == "period":
        per = lx["periods"][_lookup({k: k for k in lx["periods"]}, g["per"])]
        o = fold(g["ord"])
        n = per["count"] if o in {fold(x) for x in lx["ordinals_last"]} else _lookup(lx["ordinals"], o)
        if not n or n > per["count"]:
            return None
        key = "quarter" if per["code"] == "Q" else "half"
        return DateParts(year=year, modifier=mod, implicit_year=year is None, **{key: n})
    if form in ("period_abbr", "period_abbr_after"):
        code = lx["period_abbr"][g["pabbr"].upper()]
        n = int(g["n"])
        if code == "H" and n > 2:
            return None
        key = "quarter" if code == "Q" else "half"
        return DateParts(year=year, **{key: n})
    if form == "season":
        season = _lookup(lx["seasons"], g["season"])
        if year is None and not g.get("this") and not g.get("rel"):
            return None      # `l'été` alone is as often generic as calendar
        return DateParts(year=year, season=season, modifier=mod,
                         direction=_direction(g.get("rel")))
    if form == "century":
        c = g["cent"]
        n = int(c) if c.isdigit() else roman_to_int(c)
        return DateParts(century=n) if n and 1 <= n <= 30 else None
    if form == "decade":
        return DateParts(decade=int(g["dec"]) // 10)
    if form == "rel_noun":
        noun = fold(g["noun"])
        rel, this = g.get("rel"), g.get("this")
        if rel is None and this is None and mod is None:
            return None      # a bare `année`/`mois` is no date
        if fold(rel or "") in {fold(x) for x in lx["current_words"]}:
            offset = 0
        elif rel:
            offset = _direction(rel)
        else:
            offset = 0
        if mod and rel is None and this is None:
            # `début d'année`, `fin du mois`: the current one, left unnamed
            if noun in ("annee", "an"):
                return DateParts(implicit_year=True, modifier=mod)
        if noun in ("annee", "an"):
            return DateParts(rel_year=offset, modifier=mod)
        if noun == "mois":
            return DateParts(rel_month=offset, modifier=mod)
        return DateParts(rel_week=offset, modifier=mod)
    if form == "weekday":
        return DateParts(weekday=_lookup(lx["weekdays"], g["wd"]), direction=_direction(g.get("rel")))
    if form == "rel_day":
        return DateParts(rel_day=_lookup(lx["relative_days"], g["rd"]))
    if form == "day_month_num":
        month, day = int(g.get("mnum") or g["mnum1"]), int(g.get("day") or g["day1"])
        try:
            date(2000, month, day)   # a leap year: 29/02 is a day
        except ValueError:
            return None
        return DateParts(month=month, day=day)
    if form == "numeric_yy":
        yy = int(g["yy"])
        year = 2000 + yy if yy < 50 else 1900 + yy   # `21/04/16` is 2016, `31/10/74` is 1974
    if form in ("numeric", "iso", "numeric_yy", "numeric_spaced"):
        month, day = int(g["mnum"]), int(g["day"])
        try:
            date(year, month, day)
        except ValueError:
            return None
        return DateParts(year=year, month=month, day=day)
    return None


def scan(text: str) -> list[Candidate]:
    """All date-like expressions of ``text``, longest first where they overlap.

    Returns non-overlapping candidates sorted by start.  ``les 4 et 5 mai``
    gives `4` with the month and year of `5 mai`, and a day-month without a
    year that runs into one with a year (`du 28 février au 3 mars 2024`)
    borrows that year.
    """
    found: list[tuple[int, Candidate]] = []
    for form, pat in _patterns():
        for m in pat.finditer(text):
            parts = _parts(form, m)
            if parts is None:
                continue
            start, end = m.start(), m.end()
            if form in ("season", "weekend") and m.group("this"):
                start = m.start("season" if form == "season" else "we")  # `cet été` → `été`
            # overlaps go to the longest match, trailing words included
            found.append((m.end() - m.start(), Candidate(start, end, parts, form)))
    chosen = [c for _, c in longest_first(found, span=lambda lc: (lc[1].start, lc[1].end),
                                          rank=lambda lc: (-lc[0], lc[1].start))]
    chosen.sort(key=lambda c: c.start)
    return _of_year(text, _share_month_year(text, chosen))


# forms that name a part of a year and can take the year after them
_PART_OF_YEAR = ("month", "period", "season", "day_month", "nth_day")


def _of_year(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A part of a year followed by the year it belongs to, named relatively, is one DATE
    (`second semestre de l'année en cours`, `fin du mois de décembre de cette année`,
    `mars de l'année dernière`); `de la même année` takes the year of the nearest date
    before it that names one (`en avril de la même année` after `en 2021`)."""
    out: list[Candidate] = []
    same = "(?:" + _alt(lexicon()["same_year"]) + ")" + _E
    i = 0
    while i < len(cands):
        c = cands[i]
        if c.form not in _PART_OF_YEAR or c.parts.year is not None or c.parts.direction:
            out.append(c)
            i += 1
            continue
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if (nxt is not None and nxt.form == "rel_noun" and nxt.parts.rel_year is not None
                and nxt.parts.modifier is None
                and re.fullmatch(r"[ \u00a0\u202f]+(?:de|d" + APOS + r")[ \u00a0\u202f]*(?:l" + APOS + r")?",
                                 text[c.end:nxt.start])):
            out.append(Candidate(c.start, nxt.end, replace(c.parts, rel_year=nxt.parts.rel_year),
                                 c.form))
            i += 2
            continue
        m = re.compile(_SP + same, re.I).match(text, c.end)
        if m is not None:
            year = next((o.parts.year for o in reversed(out) if o.parts.year is not None), None)
            out.append(Candidate(c.start, m.end(), replace(c.parts, year=year, implicit_year=year is None),
                                 c.form))
            i += 1
            continue
        out.append(c)
        i += 1
    return out


_LIST_LINK = re.compile(r"(?:\s*,\s*|\s+(?:et|au|à|a|ou)\s+(?:le\s+)?|\s*-\s*)\Z", re.I)
_LIST_DAY = re.compile(r"(?<![\w,.])(1er|1ᵉʳ|[12]\d|3[01]|0?[1-9])\Z", re.I)


def _share_month_year(text: str, cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for c in cands:
        if c.form != "day_month":
            continue
        # bare day numbers before it: `4 et 5 mai`, `4, 5 et 6 mai`, `du 4 au 6 mai`
        pos = c.start
        while True:
            link = _LIST_LINK.search(text, 0, pos)
            if not link:
                break
            num = _LIST_DAY.search(text, 0, link.start())
            if not num:
                break
            d = num.group(1)
            day = 1 if not d.isdigit() else int(d)
            start, wd = num.start(), None
            # `les dimanche 30 et lundi 31 janvier`: the weekday before the day joins it
            before = next((o for o in out if o.form == "weekday" and o.end <= start
                           and not text[o.end:start].strip()), None)
            if before is not None:
                out.remove(before)
                start, wd = before.start, before.parts.weekday
            if any(o.start < link.start() and start < o.end for o in out):
                break
            out.append(Candidate(start, num.end(),
                                 replace(c.parts, day=day, weekday=wd), "day_list"))
            pos = start
    # a day-month without a year followed by one with a year: `du 28 février au 3 mars 2024`
    out.sort(key=lambda c: c.start)
    for i, c in enumerate(out[:-1]):
        nxt = out[i + 1]
        if (c.form in ("day_month", "day_list") and c.parts.year is None
                and nxt.form == "day_month" and nxt.parts.year is not None
                and _LIST_LINK.search(text, c.end, nxt.start)
                and len(text[c.end:nxt.start]) <= 8):
            out[i] = replace(c, parts=replace(c.parts, year=nxt.parts.year))
        # `entre janvier et juin 2019`, `de mars à mai 2020`: a month takes its partner's year
        elif (c.form == "month" and c.parts.year is None and c.parts.direction == 0
              and nxt.form == "month_year" and nxt.parts.year is not None
              and _LIST_LINK.search(text, c.end, nxt.start)
              and len(text[c.end:nxt.start]) <= 8):
            out[i] = replace(c, parts=replace(c.parts, year=nxt.parts.year))
    # the day list gets the year too, once its month-day has one
    for i, c in enumerate(out):
        if c.form == "day_list":
            for o in out[i + 1:]:
                if o.form == "day_month":
                    if o.parts.year is not None and c.parts.year is None:
                        out[i] = replace(c, parts=replace(c.parts, year=o.parts.year))
                    break
    return out


# ---------------------------------------------------------------- resolution

def parse_published(published: Optional[str]) -> tuple[Optional[int], Optional[int], Optional[int]]:
    if not published:
        return None, None, None
    m = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published.strip())
    if not m:
        return None, None, None
    return tuple(int(x) if x else None for x in m.groups())  # type: ignore[return-value]


def _month_span(y: int, m1: int, m2: int) -> tuple[date, date]:
    """First day of month m1 to last day of month m2 (m2 may pass December)."""
    y2, m2n = y + (m2 - 1) // 12, (m2 - 1) % 12 + 1
    return date(y, m1, 1), date(y2, m2n, calendar.monthrange(y2, m2n)[1])


def _period_months(p: DateParts) -> Optional[tuple[int, int]]:
    """First and last month (1-based, may pass 12) of the sub-year period p names."""
    if p.month:
        return p.month, p.month
    if p.quarter:
        return 3 * p.quarter - 2, 3 * p.quarter
    if p.half:
        return 6 * p.half - 5, 6 * p.half
    if p.season:
        a, b = lexicon()["season_months"][p.season]
        return a, b if b >= a else b + 12
    return None


def yearless_period(p: DateParts) -> bool:
    """A month, day, quarter, half or season written without its year and without
    `dernier`/`prochain`: the publication date alone places it."""
    return (p.year is None and p.year_prefix is None and not p.direction and p.rel_year is None
            and _period_months(p) is not None)


def _span(p: DateParts, y: int) -> tuple[date, date]:
    if p.day:
        d = date(y, p.month, p.day)
        return d, d
    months = _period_months(p)
    if months:
        return _month_span(y, *months)
    return date(y, 1, 1), date(y, 12, 31)


def _weekday_of(y: int, m: int, d: int) -> Optional[int]:
    try:
        return date(y, m, d).weekday()
    except ValueError:
        return None


def _pick_year(p: DateParts, py: int, pm: Optional[int], pd: Optional[int]) -> Optional[int]:
    """The year that puts p nearest the publication date, before it where in doubt.

    News reports mostly what happened; `dernier` forces the past, `prochain`
    the future.  Distances are in days when both sides have a day, else in
    months.
    """
    best = None
    years = (py - 1, py, py + 1)
    if p.weekday is not None and p.day and p.month:
        # `mercredi 6 mars`: the weekday tells the year when only one nearby year fits
        fit = [y for y in years if _weekday_of(y, p.month, p.day) == p.weekday]
        years = tuple(fit) or years
    for y in years:
        try:
            s, e = _span(p, y)
        except ValueError:
            continue
        if pd and pm:
            pub_s = pub_e = date(py, pm, pd)
        elif pm:
            pub_s, pub_e = _month_span(py, pm, pm)
        else:
            pub_s, pub_e = date(py, 1, 1), date(py, 12, 31)
        # `juillet dernier` in July is last year's; `11 juillet dernier` may be this month's
        if p.direction < 0 and (s > pub_e if p.day else e >= pub_s):
            continue
        if p.direction > 0 and (e < pub_s if p.day else s <= pub_e):
            continue
        if p.not_over and e < pub_s:
            continue
        if p.begun and s > pub_e:
            continue
        if e < pub_s:
            dist, future = (pub_s - e).days, False
        elif s > pub_e:
            dist, future = (s - pub_e).days, True
        else:
            dist, future = 0, False
        if p.day is None or not pd:
            dist = round(dist / 30.4)
        key = (dist, future)
        if best is None or key < best[0]:
            best = (key, y)
    return best[1] if best else None


def _fmt(y: str, p: DateParts) -> str:
    if p.day:
        return f"{y}-{p.month:02d}-{p.day:02d}"
    if p.month:
        return f"{y}-{p.month:02d}"
    if p.quarter:
        return f"{y}-Q{p.quarter}"
    if p.half:
        return f"{y}-H{p.half}"
    if p.season:
        return f"{y}-{p.season}"
    return y


def _weekend(p: DateParts, published: Optional[str]) -> DateValue:
    """TIMEX3 `YYYY-Www-WE` against a day-precise header: `dernier` the weekend before the
    publication day, `prochain` the one after; alone, the weekend of that week from Friday on,
    else the one before."""
    py, pm, pd = parse_published(published)
    if not (py and pm and pd):
        return DateValue(None)
    pub = date(py, pm, pd)
    sat = pub + timedelta(days=5 - pub.weekday())          # Saturday of the publication week
    if p.direction < 0 or (p.direction == 0 and pub.weekday() < 4):
        sat -= timedelta(days=7)
    elif p.direction > 0 and pub.weekday() >= 5:
        sat += timedelta(days=7)
    iy, iw, _ = sat.isocalendar()
    return DateValue(f"{iy}-W{iw:02d}-WE", sat, sat + timedelta(days=1))


def parse_date(s: str, published: Optional[str] = None) -> Optional[DateValue]:
    """Pure reading of one written date as a whole (``"15 fév 2013"`` → ``2013-02-15``, day);
    None when ``s`` is not exactly one date expression."""
    text = s.strip()
    cands = scan(text)
    if len(cands) != 1 or cands[0].start != 0 or cands[0].end != len(text):
        return None
    return resolve(cands[0].parts, published)


def precision(p: DateParts) -> Optional[str]:
    """How fine the expression is, whatever the value: ``century``, ``decade``, ``span``
    (several years), ``year``, ``half``, ``quarter``, ``season``, ``month``, ``week``, ``day``;
    None for a period with no calendar value (`Ramadan`)."""
    if p.named_period:
        return None
    if p.century:
        return "century"
    if p.decade:
        return "decade"
    if p.year_end is not None:
        return "span"
    if p.day or p.nth_day or p.weekday is not None or p.rel_day is not None:
        return "day"
    if p.rel_week is not None or p.weekend:
        return "week"
    if p.month or p.rel_month is not None:
        return "month"
    if p.season:
        return "season"
    if p.quarter:
        return "quarter"
    if p.half:
        return "half"
    return "year"


def resolve(parts: DateParts, published: Optional[str] = None) -> DateValue:
    """The normalized value of a date expression (ENTITIES.md, DATE).

    ``published`` is the header's date (``YYYY-MM-DD``, ``YYYY-MM``) or None.
    Returns the value at the precision written, the first/last day of the
    period where they can be known, and the precision (``precision``).
    """
    return replace(_resolve(parts, published), precision=precision(parts))


def _resolve(parts: DateParts, published: Optional[str]) -> DateValue:
    p = parts
    if p.named_period:
        return DateValue(None)
    if p.weekend:
        return _weekend(p, published)
    if p.nth_day and p.month:
        # the month (or year) first, then its first or last day
        whole_year = p.implicit_year and p.year is None   # `dernier jour de l'année`
        base = _resolve(replace(p, nth_day=None, month=None) if whole_year
                        else replace(p, nth_day=None), published)
        if base.start is None:
            return base
        y = base.start.year
        d = date(y, p.month, 1 if p.nth_day > 0 else calendar.monthrange(y, p.month)[1])
        return DateValue(d.isoformat(), d, d)
    py, pm, pd = parse_published(published)
    pub_day = date(py, pm, pd) if py and pm and pd else None

    if p.century:
        c = p.century - 1
        return DateValue(f"{c:02d}", date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31))
    if p.decade:
        return DateValue(str(p.decade), date(p.decade * 10, 1, 1), date(p.decade * 10 + 9, 12, 31))
    if p.rel_day is not None:
        if not pub_day:
            return DateValue(None)
        d = pub_day + timedelta(days=p.rel_day)
        return DateValue(d.isoformat(), d, d)
    if p.weekday is not None and p.month is None:
        if not pub_day:
            return DateValue(None)
        back = (pub_day.weekday() - p.weekday) % 7
        if p.direction > 0:
            d = pub_day + timedelta(days=(p.weekday - pub_day.weekday()) % 7 or 7)
        else:
            if p.direction < 0 and back == 0:
                back = 7
            d = pub_day - timedelta(days=back)
        return DateValue(d.isoformat(), d, d)
    if p.rel_week is not None:
        if not pub_day:
            return DateValue(None)
        d = pub_day + timedelta(weeks=p.rel_week)
        iy, iw, _ = d.isocalendar()
        s = date.fromisocalendar(iy, iw, 1)
        return DateValue(f"{iy}-W{iw:02d}", s, s + timedelta(days=6))
    if p.rel_month is not None:
        if not (py and pm):
            return DateValue(None)
        idx = py * 12 + pm - 1 + p.rel_month
        y, m = divmod(idx, 12)
        s, e = _month_span(y, m + 1, m + 1)
        return DateValue(f"{y}-{m + 1:02d}", s, e)
    if p.rel_year is not None and _period_months(p) is None:
        if not py:
            return DateValue(None)
        y = py + p.rel_year
        return DateValue(str(y), date(y, 1, 1), date(y, 12, 31))
    if p.year is not None and p.year_end is not None:
        return DateValue(f"{p.year}/{p.year_end}", date(p.year, 1, 1), date(p.year_end, 12, 31))

    if p.year is not None:
        y = p.year
    elif p.rel_year is not None:
        # `second semestre de l'année en cours`: the header's year moved as written
        if not py:
            return DateValue(_fmt("XXXX", p))
        y = py + p.rel_year
    elif p.year_prefix is not None:
        # `fin juillet 20` cut off: the header's year when it begins with the digits written
        y = _pick_year(p, py, pm, pd) if py else None
        if y is None or not str(y).startswith(p.year_prefix):
            return DateValue(_fmt((p.year_prefix + "XXXX")[:4], p))
    elif py and (p.implicit_year and _period_months(p) is None):
        y = py
    elif py:
        y = _pick_year(p, py, pm, pd)
        if y is None:
            return DateValue(_fmt("XXXX", p))
    else:
        return DateValue(_fmt("XXXX", p))
    try:
        s, e = _span(p, y)
    except ValueError:          # 31 février: keep what was written, no period
        return DateValue(_fmt(f"{y:04d}", p))
    return DateValue(_fmt(f"{y:04d}", p), s, e)
