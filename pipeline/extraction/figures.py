"""MONEY, PERCENT and QUANTITY mentions (ENTITIES.md): figures with their currency, sign or unit.

The figure itself is found on the raw text with regular expressions (French digit groups,
spelled-out numbers, approximations); what follows it (scale word, currency, "%", unit noun) is
read from the text and, for the counted noun, from the spaCy tokens (POS + lemma).
A second pass gives elided figures the currency or unit the text gives them nearby
("contre 64,2 milliards" after an amount in dirhams; "(10,3 millions)" after touristes).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from pipeline.extraction.lexicon import lemma as lemma_of
from pipeline.extraction.mention import Mention
from pipeline.extraction.nlp import doc_text
from pipeline.extraction.wordlists import word_set
from pipeline.extraction.normalize.text import strip_accents
from pipeline.extraction.normalize.numbers import (
    APPROX_RE, DIGITS_RE, NUMBER_WORD_RE, NUMBER_WORDS_RE, clean_float, format_number, parse_approx,
    parse_digits, parse_words, scale,
)
from pipeline.data import DATA_DIR, at, read_rows

PATTERNS = DATA_DIR
SP = "[ \u00a0\u2009\u202f]"           # one space of any typographic width
APOS = "['’`]"

MONTHS = {"janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août",
          "aout", "septembre", "octobre", "novembre", "décembre", "decembre", "janv", "févr",
          "fév", "avr", "juil", "sept", "oct", "nov", "déc"}
# Nouns that follow a number without being what it counts.
NOT_UNITS = {"fois", "%", "h"} | MONTHS | {
    # English web furniture ("3 hours ago", "0 Comments", "7 Views"); French `minutes` and
    # `heure` are durations (`à 1 heure` is a clock time, dropped in _read_tail)
    "hours", "hour", "days", "day", "weeks", "months", "years", "ago",
    "comments", "comment", "views", "view", "shares", "likes", "replies", "mins", "secs"}
# Plural nouns that are their own singular (the lemmatizer sometimes strips their "s").
INVARIABLE = word_set("invariable_plurals.tsv")
IRREGULAR_PLURALS = {"travaux": "travail", "yeux": "œil", "cieux": "ciel", "aïeux": "aïeul",
                     "vitraux": "vitrail", "coraux": "corail", "émaux": "émail", "bétails": "bétail"}
# Adjectives that may stand between a number and its noun ("15 prochaines années").
INNER_ADJ = word_set("inner_adjectives.tsv")
# Adjectives of INNER_ADJ that also stand as the noun counted ("10.000 jeunes").
NOMINAL_ADJ = {"jeunes", "grands", "petits", "nouveaux", "nouvelles", "vieux"}
# A spelled-out number after these points back at things already named ("les deux pays").
# `nos deux pays`, `leurs deux pays`: the things already named, as after `les`, `ces`
ANAPHORIC_DETS = {"les", "des", "ces", "nos", "vos", "leurs"}
TIME_WINDOW_ADJ = {"premiers", "premières", "derniers", "dernières", "prochains", "prochaines"}
# Words before a number that make it a label, not a count ("article 5", "n° 3").
LABEL_WORDS = word_set("label_words.tsv")
# A scale word may be glued to a currency sign ("10K$", "25k€"); "M€" and "M$" are currencies of
# their own (currencies.tsv) and are read before the scale.
SCALE_RE = re.compile(   # one line break may fall inside ("9,8\nmilliards" in hard-wrapped text)
    r"(?:" + SP + r"*\n" + SP + r"*(?=[mb]illi)|-(?=[mb]illi)|" + SP + r"*)"
    r"(milliards?|millions?|billions?|mille|Mds?|Mrds?|Md|MM|M|k|K)(?![\w'’])")
# "%", "pour cent", "pour-cent", "pourcent(s)", the news agencies' "pc" / "p.c.", and the
# loose "pourcentage" straight after a figure ("30 pourcentage"; "3 points de pourcentage" is not)
PERCENT_RE = re.compile(SP + r"?(%|pour(?:" + SP + r"?|-)cents?(?!\w)|(?-i:pc)(?!\w|\.\w)"
                        r"|(?-i:p\.c\.))|" + SP + r"+(pourcentages?)(?!\w)", re.IGNORECASE)
# Cents after an amount in currency units: "15 dollars 50", "1 USD et 23 centimes"
CENTS_WORDS = r"(?:centimes?|cents?|cts|pence|penny|pennies)"
# (digits, or words: "deux euros et cinq centimes", "vingt euro cinq")
CENTS_RE = re.compile(r"(?:" + SP + r"+et)?" + SP + r"+(\d{1,2}(?!\d|[.,]\d)|" + NUMBER_WORD_RE
                      + r"(?:-(?:et-)?" + NUMBER_WORD_RE + r")*(?![\w-]))(?:" + SP + r"*("
                      + CENTS_WORDS + r")(?!\w))?", re.IGNORECASE)
# What may follow bare cents ("15 dollars 50"): the end of the phrase, not a count ("30 jours").
CENTS_END_RE = re.compile(r"\s*(?:$|[.;:!?)»\n]|,(?!\d))|" + SP
                          + r"+(?:à|au|hors|HT|TTC|le|la|les|l['’]|pièce|chacun|pour|par|le)\b")
# An amount after a currency sign or code, glued or not: "$10k", "€5M", "USD1,23", "CHF 12,40"
PREFIXED_RE = re.compile(
    r"(?<![\w$€£])(?P<cur>US\$|C\$|A\$|\$|€|£|Rs\.?|[A-Z]{3})" + SP + r"?"
    r"(?P<num>\d{1,3}(?:(?:" + SP + r"|\.)\d{3})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)?)(?!\d)")
PLUS_RE = re.compile(r"(?<![\w+])\+" + SP + r"?\Z")
RATE_DENOMINATORS = r"(?:an|jour|j|mois|semaine|heure)"
NOT_COUNTED: set[str] = set()   # filled from units.tsv (`not_counted` rows)
DE_RE = re.compile(SP + r"+(?:de" + SP + r"+|d" + APOS + SP + r"*)", re.IGNORECASE)


@dataclass
class _Fig:
    start: int
    end: int
    value: float                 # scaled value
    label: Optional[str] = None  # None: a bare number waiting for context
    currency: Optional[str] = None
    unit: Optional[str] = None
    mult: float = 1.0            # scale word or multiplier found after the figure
    words: bool = False          # spelled out
    year: bool = False
    after: str = ""              # what stands right after a bare figure ("autres", "money")
    source: str = ""
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------- curated data

def _form_regex(form: str) -> str:
    parts = []
    for ch in form:
        if ch == " ":
            parts.append(SP + "+")
        elif ch in "'’":
            parts.append(APOS)
        elif strip_accents(ch) != ch:
            # an accented letter also matches its bare letter, as hasty text writes it
            # ("couronnes suedoises", "livres egyptiennes")
            parts.append("[" + ch + strip_accents(ch) + "]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


@lru_cache(maxsize=1)
def _currencies():
    """[(regex, code, multiplier, overrides)], longest form first."""
    rows = []
    for row in read_rows("currencies.tsv", ("form", "code", "multiplier", "case", "overrides", "needs")):
        form, code, mult, case, cues, required = row
        overrides = []
        if cues.strip():
            for item in cues.split(","):
                c, _, cue = item.partition("=")
                overrides.append((c.strip(), cue.strip().lower()))
        needs = [c.strip().lower() for c in required.split(",")] if required else []
        flags = re.IGNORECASE if case == "i" else 0
        with at(row):
            # no word character nor elision after the form: `$ c` is Canadian, `10 $ c'est` is not
            rx = re.compile(_form_regex(form) + r"(?![\w'’])", flags)
            rows.append((len(form), rx, code, float(mult), overrides, form, needs))
    rows.sort(key=lambda r: -r[0])
    return rows


@lru_cache(maxsize=1)
def currency_codes() -> frozenset:
    """The ISO 4217 codes currencies.tsv knows (`XOF`, `GHS`): money, never an organization."""
    return frozenset(r[2] for r in _currencies())


@lru_cache(maxsize=1)
def _any_currency() -> re.Pattern:
    """Matches where at least one currency form of ``_currencies`` matches (an alternation
    of them all, each with its own case flag): one C-level test rules out the usual
    position with no currency before the forms are tried one by one in order."""
    return re.compile("|".join(f"(?{'i' if rx.flags & re.IGNORECASE else ''}:{rx.pattern})"
                               for _, rx, *_ in _currencies()))


def currency_ends_at(text: str, end: int) -> bool:
    """A currency form (`francs guinéens`, `cedis`, `dollars`) ends at ``end``."""
    rx = _any_currency()
    for m in re.finditer(r"(?<!\w)\w", text[max(0, end - 40):end]):
        if rx.fullmatch(text, max(0, end - 40) + m.start(), end):
            return True
    return False


@lru_cache(maxsize=1)
def prefix_codes() -> dict[str, str]:
    """Signs and ISO codes that may stand before an amount, with their code."""
    codes = {"US$": "USD", "C$": "CAD", "A$": "AUD", "$": "USD", "€": "EUR", "£": "GBP"}
    # `Rs 5 millions`: rupees, whose issuer the article's country decides (``match_currency``)
    codes.update({"Rs": "INR", "Rs.": "INR"})
    for row in _currencies():
        form, code = row[5], row[2]
        if re.fullmatch(r"[A-Z]{3}", form) and form == code:
            codes[form] = code
    return codes


@lru_cache(maxsize=1)
def _units():
    abbr, compound, money = [], [], {}
    for row in read_rows("units.tsv", ("form", "unit", "multiplier", "kind")):
        form, unit, mult, kind = row
        with at(row):
            float(mult)
        if kind == "abbr":
            # a rate's "/an", "/jour" is out of the span and the unit (ENTITIES.md hard cases)
            rx = re.compile(_form_regex(form) + r"(?![\w'’]|/(?!" + RATE_DENOMINATORS + r"(?!\w)))")
            abbr.append((len(form), rx, unit, float(mult)))
        elif kind == "compound":
            rx = re.compile(_form_regex(form) + r"(?![\w])", re.IGNORECASE)
            compound.append((len(form), rx, unit, float(mult)))
        elif kind == "money":
            money[form.lower().replace("’", "'")] = unit
        elif kind == "not_counted":
            NOT_COUNTED.add(form.lower())
    abbr.sort(key=lambda r: -r[0])
    compound.sort(key=lambda r: -r[0])
    return abbr, compound, money


def _pick_code(code: str, overrides, lower_text: str) -> str:
    """The default code unless the article's country cues name another one: the code whose
    cues the article names most (all its cues counted: a Central African film at a festival
    in Ouagadougou leaves the prize in West African francs)."""
    counts: dict = {}
    for c, cue in overrides:
        counts[c] = counts.get(c, 0) + lower_text.count(cue)
    best, best_n = code, 0
    for c, n in counts.items():
        if n > best_n:
            best, best_n = c, n
    return best


def match_currency(text: str, pos: int, lower_text: Optional[str] = None, scaled: bool = False):
    """Currency form starting at ``pos``: (end, code, multiplier) or None.

    A form with cues (plain ``livres``) is a currency only after a scale word (``scaled``),
    before cents, or in an article that has one of its cues."""
    if not _any_currency().match(text, pos):
        return None
    for _, rx, code, mult, overrides, _form, needs in _currencies():
        m = rx.match(text, pos)
        if m:
            low = lower_text or text.lower()
            if needs and not scaled and not CENTS_RE.match(text, m.end()) \
                    and not any(c in low for c in needs):
                continue
            if overrides:
                code = _pick_code(code, overrides, low)
            return m.end(), code, mult
    return None


_PREFIX_CURRENCY_RE = re.compile(r"(US\$|\$|€|£|USD|EUR|GBP|MAD)" + SP + r"?$")
_PREFIX_CODES = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "USD": "USD", "EUR": "EUR",
                 "GBP": "GBP", "MAD": "MAD"}


# ---------------------------------------------------------------- spaCy helpers

class _Tokens:
    def __init__(self, doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def at_or_after(self, char: int):
        i = bisect.bisect_left(self.starts, char)
        return self.doc[i] if i < len(self.doc) else None

    def before(self, char: int):
        i = bisect.bisect_left(self.starts, char) - 1
        return self.doc[i] if i >= 0 else None


def singular(word: str) -> str:
    """Fallback singular of a French plural noun, for the lemmatizer's misses."""
    w = word.lower()
    if w in INVARIABLE or len(w) <= 2:
        return w
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w.endswith(("eaux", "eux", "aux")) and w not in ("travaux",):
        if w.endswith("eaux") or w.endswith("eux"):
            return w[:-1]
        return w[:-3] + "al"
    if w.endswith("s") and not w.endswith(("ss", "us", "ès")):
        return w[:-1]
    return w


def unit_of(token) -> str:
    """Head noun lemma, singular, lower case; guards against the lemmatizer's mistakes."""
    text = token.text.lower().replace("’", "'")
    lemma = (lemma_of(token) or "").lower()
    if text in INVARIABLE:
        return text
    if text in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[text]
    fallback = singular(text)
    # Trust the lemma only when it is a plausible singular of the word as written.
    k = min(3, len(lemma))
    if lemma and k >= 2 and lemma[:k] == text[:k] and len(lemma) >= len(text) - 3 \
            and token.pos_ == "NOUN":
        if lemma.endswith("s") and lemma not in INVARIABLE and text.endswith("s"):
            return fallback
        return lemma
    return fallback


def _plural_word(t) -> bool:
    return t.is_lower and t.is_alpha and t.lower_.endswith(("s", "x")) and t.pos_ in ("NOUN", "ADJ")


def _adjective_before_noun(tok) -> bool:
    """A plural adjective that stands before the plural noun counted: `importants` in `deux
    importants prêts`, `fidèles` in `deux fidèles et efficaces exécutants` (coordinated with
    an adjective before the noun). A noun and its adjective after it (`pays africains`)
    are not: the first word must be tagged an adjective, or be coordinated with one."""
    doc = tok.doc
    if tok is None or not _plural_word(tok) or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if tok.pos_ == "ADJ" and _plural_word(nxt):
        return True
    return nxt.lower_ == "et" and tok.i + 3 < len(doc) and doc[tok.i + 2].pos_ == "ADJ" \
        and _plural_word(doc[tok.i + 2]) and _plural_word(doc[tok.i + 3])


def _is_counted_noun(tok) -> bool:
    # hyphenated nouns count too ("vice-présidents")
    if tok is None or not tok.text.replace("-", "").isalpha() or tok.text.startswith("-"):
        return False
    low = tok.text.lower()
    _units()    # fills NOT_COUNTED
    if low in NOT_UNITS or low in _FUNCTION_WORDS or low in NOT_COUNTED:
        return False
    if tok.pos_ in ("NOUN", "PROPN"):
        return True
    # The tagger sometimes takes a plural noun after a number for an adjective or a verb.
    if tok.pos_ == "ADV":
        # ... or an adverb (`6 emprunts`), where the parse still hangs the number on it
        return tok.is_lower and low.endswith(("s", "x")) and any(
            c.dep_ == "nummod" and c.i == tok.i - 1 for c in tok.children)
    return tok.pos_ in ("ADJ", "VERB", "X") and tok.is_lower and low.endswith(("s", "x")) \
        and not tok.morph.get("VerbForm") and low not in INNER_ADJ


_FUNCTION_WORDS = {"de", "des", "du", "d'", "la", "le", "les", "l'", "à", "au", "aux", "et",
                   "ou", "en", "par", "pour", "sur", "sous", "dans", "avec", "contre", "entre",
                   "vers", "selon", "soit", "dont", "qui", "que", "qu'", "ce", "cette", "ces",
                   "se", "sa", "son", "ses", "leur", "leurs", "plus", "moins", "environ", "pas",
                   "ne", "n'", "il", "elle", "ils", "elles", "on", "y", "chacun", "chacune",
                   "ans", "an"} - {"ans", "an"}


# ---------------------------------------------------------------- first pass

def _candidates(text: str):
    """(start, end, value, kind) for every figure written in digits, words or approximation."""
    out = []
    for m in APPROX_RE.finditer(text):
        v = parse_approx(m.group(0))
        if v is not None:
            out.append((m.start(), m.end(), v, "approx"))
    for m in DIGITS_RE.finditer(text):
        v = parse_digits(m.group(0))
        if v is not None:
            out.append((m.start(), m.end(), v, "digits"))
    for m in NUMBER_WORDS_RE.finditer(text):
        v = parse_words(m.group(0))
        if v is not None:
            out.append((m.start(), m.end(), v, "words"))
    for m in PREFIXED_RE.finditer(text):
        if m.group("cur") in prefix_codes():
            out.append((m.start(), m.end(), 0.0, "prefixed"))
    out.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    return out


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w°']+)" + SP + r"*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _read_tail(doc, toks: _Tokens, text: str, lower: str, start: int, end: int, value: float,
               kind: str) -> Optional[_Fig]:
    """Read what follows a figure and decide what it is; None to drop it."""
    nxt = text[end:end + 1]
    after = text[end:end + 12]
    # Dates, times, model numbers, ordinals: "15h30", "28/04", "787-9", "8è", "2e".
    if kind == "digits":
        if re.match(r"[:/]\d|[-–]\d|h\d|H\d", after):
            return None
        if re.match(r"(?:e|è|ème|eme|ème|er|ère|re|ᵉ|ᵉʳ|nd|nde)(?!\w)", after):
            return None
    if kind == "prefixed":
        return _prefixed(text, start, end, lower)
    fig = _Fig(start, end, value, words=(kind != "digits"))
    # Percent right after the figure ("un pour cent" too).
    m = PERCENT_RE.match(text, end)
    if m and kind != "approx":
        fig.label, fig.end, fig.source = "PERCENT", m.end(), "figures.percent"
        return fig
    if kind == "words" and value == 1 and not SCALE_RE.match(text, end):
        return None  # "un"/"une" alone is an article
    raw = text[start:end]
    fig.year = kind == "digits" and re.fullmatch(r"(19|20)\d\d|2100", raw) is not None

    pos = end
    # Currency glued to the figure, or after one space ("60 MDH", "5€", "2.500 dirhams").
    cur = match_currency(text, pos, lower) or (
        match_currency(text, pos + 1, lower) if re.match(SP, text[pos:pos + 1]) else None)
    if cur:
        cend, code, cmult = cur
        fig.label, fig.end, fig.currency = "MONEY", cend, code
        fig.value, fig.mult, fig.source = value * cmult, cmult, "figures.money"
        if cmult == 1.0 and value == int(value):
            _add_cents(fig, text)
        return fig
    # Scale word ("milliards", "M", "k").
    sm = SCALE_RE.match(text, pos)
    mult = 1.0
    if sm and kind != "approx":
        mult = scale(sm.group(1)) or 1.0
        # "M" and "k" glued to an ordinary word are not scales; require a boundary (regex did).
        pos = sm.end()
        fig.mult, fig.value, fig.end = mult, value * mult, pos
        cur = match_currency(text, pos, lower, scaled=True) or (
            match_currency(text, pos + 1, lower, scaled=True)
            if re.match(SP, text[pos:pos + 1]) else None)
        if not cur:
            dm = DE_RE.match(text, pos)
            if dm:
                cur = match_currency(text, dm.end(), lower, scaled=True)
        if cur:
            cend, code, cmult = cur
            fig.label, fig.end, fig.currency = "MONEY", cend, code
            fig.value, fig.source = value * mult * cmult, "figures.money"
            return fig
    elif kind == "digits" and re.match(r"[A-Za-zÀ-ÿ]", nxt):
        # Glued letters that are neither currency nor scale: only unit abbreviations pass.
        if not any(rx.match(text, pos) for _, rx, _, _ in _units()[0]):
            return None
    # Prefix currency ("$5 millions", "€ 20").
    pm = _PREFIX_CURRENCY_RE.search(text[max(0, start - 5):start])
    if pm and kind == "digits" and not re.match(r"\w", text[max(0, start - 5) + pm.start() - 1:
                                                             max(0, start - 5) + pm.start()] or " "):
        fig.label, fig.currency = "MONEY", _PREFIX_CODES[pm.group(1)]
        fig.start = start - (len(text[max(0, start - 5):start]) - pm.start())
        fig.source = "figures.money_prefix"
        return fig

    if toks is None:
        return fig  # read without a parse (``read_amount``): counts need the tagger

    # ---- QUANTITY: the noun of what is counted.
    needs_de = mult != 1.0 or kind == "approx"
    npos = pos
    if needs_de:
        dm = DE_RE.match(text, pos)
        if dm:
            npos = dm.end()
        else:
            npos = None
    abbr, compound, money = _units()
    if npos is not None:
        sp = re.match(SP + "*", text[npos:]).end() if not needs_de else 0
        for _, rx, unit, umult in compound:
            m = rx.match(text, npos + sp)
            if m:
                return _quantity(fig, m.end(), unit, umult)
        # abbreviations directly after the figure or its scale ("4 MT", "3 millions de t/an")
        for _, rx, unit, umult in abbr:
            m = rx.match(text, npos + sp)
            if m:
                return _quantity(fig, m.end(), unit, umult)
        tok = toks.at_or_after(npos + sp)
        skipped = []
        # "deux 787-9 Dreamliners": a model number between a count and its (plural) noun
        mm = None if needs_de else re.match(r"[A-Z]{0,3}\d\w*(?:[-/]\w+)*" + SP,
                                            text[npos + sp:npos + sp + 20])
        if mm:
            t2 = toks.at_or_after(npos + sp + mm.end())
            if t2 is not None and t2.idx == npos + sp + mm.end() and t2.is_alpha \
                    and t2.text.endswith("s"):
                skipped = [t for t in doc[tok.i:t2.i]]
                tok = t2
        nominal = False
        # "15 prochaines années"; "deux importants prêts", "deux fidèles et efficaces
        # exécutants": adjectives before a plural noun stand between the count and its noun
        while tok is not None and len(skipped) < 3:
            if tok.text.lower() in INNER_ADJ:
                if tok.text.lower() in ("millions", "milliers"):
                    break
            elif not (_adjective_before_noun(tok) or (
                    tok.lower_ == "et" and skipped and _adjective_before_noun(tok.nbor(1)))):
                break
            skipped.append(tok)
            tok = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if skipped and (tok is None or tok.pos_ in ("AUX", "VERB", "PUNCT", "ADP", "CCONJ")) \
                and skipped[-1].text.lower() in NOMINAL_ADJ and skipped[-1].pos_ in ("NOUN", "ADJ"):
            # "10.000 jeunes seront enrôlés": the adjective is the noun counted
            tok, nominal = skipped.pop(), True
        if tok is not None and tok.idx - (skipped[-1].idx + len(skipped[-1]) if skipped
                                          else npos + sp) > 2:
            tok = None  # a line break or gap: not the same phrase
        low = tok.text.lower().replace("’", "'") if tok is not None else ""
        if mult != 1.0 and low in money:
            fig.after = "money"  # span stops at the scale: "20 milliards d'investissements"
            fig.unit = money[low]
            fig.extra["money_noun"] = True
            return fig
        if tok is not None and (nominal or _is_counted_noun(tok)) and not (mult == 1 and kind == "digits"
                                                              and tok.text[0].isupper()
                                                              and tok.pos_ == "PROPN"
                                                              and not skipped):
            if low in ("heures", "heure") and _prev_word(text, start) in ("à", "vers", "dès"):
                return None
            # Compound units after skipped words
            for _, rx, unit, umult in compound:
                m = rx.match(text, tok.idx)
                if m:
                    return _quantity(fig, m.end(), unit, umult)
            if value * mult >= 2 and not low.endswith(("s", "x", "z")) and low not in INVARIABLE:
                return None  # "le 787 Dreamliner": a singular noun is named, not counted
            fig.extra["noun"] = tok.text.lower()
            return _quantity(fig, tok.idx + len(tok), unit_of(tok), 1.0,
                             skipped=[s.text.lower() for s in skipped])
        if skipped and skipped[-1].text.lower() in ("autres", "autre"):
            fig.after, fig.end = "autres", skipped[-1].idx + len(skipped[-1])
            return fig
    return fig  # bare: resolved from context in the second pass, or dropped


def _add_cents(fig: _Fig, text: str) -> None:
    """"15 dollars 50", "1 USD et 23 centimes": the cents join the amount and the span."""
    m = CENTS_RE.match(text, fig.end)
    if not m:
        return
    n = m.group(1)
    cents = int(n) if n.isdigit() else parse_words(n)
    if cents is None or not 1 <= cents <= 99:
        return
    if not m.group(2):
        # bare cents: two digits or a number word after a currency written as a word, at the
        # end of the phrase ("15 dollars 50", "cinq roubles trente")
        if (n.isdigit() and len(n) != 2) or re.search(r"[A-Z$€£]", text[fig.start:fig.end]) \
                or "et" in m.group(0).split() or not CENTS_END_RE.match(text, m.end()):
            return
    fig.value += cents / 100
    fig.end = m.end()


def _prefixed(text: str, start: int, end: int, lower: Optional[str] = None) -> Optional[_Fig]:
    """A MONEY figure written after its sign or code, with a scale word after it."""
    m = PREFIXED_RE.match(text, start)
    if m is None or m.end() != end:
        return None
    code = prefix_codes().get(m.group("cur"))
    cur = match_currency(text, start, lower)
    if code is not None and cur is not None and cur[0] == m.end("cur"):
        code = cur[1]   # a form with country cues (`Rs`: Mauritian rupees in Port-Louis)
    value = parse_digits(m.group("num"))
    if code is None or value is None:
        return None
    fig = _Fig(start, end, value, label="MONEY", currency=code, source="figures.money_prefix")
    sm = SCALE_RE.match(text, end)
    if sm:
        mult = scale(sm.group(1)) or 1.0
        fig.mult, fig.value, fig.end = mult, value * mult, sm.end()
    return fig


def _quantity(fig: _Fig, end: int, unit: str, umult: float, skipped=()) -> _Fig:
    fig.label, fig.end, fig.unit = "QUANTITY", end, unit
    fig.value *= umult
    fig.source = "figures.quantity"
    fig.extra["skipped"] = list(skipped)
    return fig


# `les huit pays de l'UEMOA`, `des quinze États membres de la Cedeao`: a count whose complement
# names the group counted introduces the whole set; it does not point back at things already named
_NAMED_SET_RE = re.compile(r"(?:" + SP + r"+[a-zà-ÿ]+)?" + SP + r"*(?:de|du|des|d" + APOS + r")"
                           + SP + r"*(?:(?:la|les)" + SP + r"+|l" + APOS + r")?[A-ZÀ-Ý]")


def _keep_quantity(fig: _Fig, text: str, toks: _Tokens) -> bool:
    """ENTITIES.md exclusions for counts: anaphoric "les deux pays", numbers in names, years."""
    prev = _prev_word(text, fig.start)
    if fig.words and prev in ANAPHORIC_DETS and fig.mult == 1.0:
        skipped = fig.extra.get("skipped", [])
        if not (skipped and skipped[0] in TIME_WINDOW_ADJ) \
                and not (prev in ("les", "des") and _NAMED_SET_RE.match(text, fig.end)):
            return False
    if prev in LABEL_WORDS:
        return False
    if fig.year and not fig.extra.get("noun", "").endswith(("s", "x")):
        return False  # "en 2024 croissance": a year, not a count
    if not fig.words:
        before = toks.before(fig.start)
        # "Boeing 787", "COP 22": a proper name right before a number names it
        if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() \
                and fig.start - (before.idx + len(before)) <= 1 and before.is_alpha \
                and not before.is_sent_start:
            return False
    if fig.value == 1 and fig.words and fig.mult == 1.0:
        return False
    # "neuf" after a noun is the adjective (a new building)
    if fig.words and text[fig.start:fig.start + 4].lower() == "neuf":
        before = toks.before(fig.start)
        if before is not None and before.pos_ == "NOUN":
            return False
    return True


# ---------------------------------------------------------------- second pass

def _nearest(figs, i, pred, window=400, prefer_prior=True):
    prior = next((f for f in reversed(figs[:i]) if pred(f)
                  and figs[i].start - f.end <= window), None)
    later = next((f for f in figs[i + 1:] if pred(f) and f.start - figs[i].end <= window), None)
    if prefer_prior:
        return prior or later
    return later or prior


_CUT_SCALE_RE = re.compile(SP + r"+(mi[a-z]{0,6})\s*\Z", re.IGNORECASE)
_CONTRE_RE = re.compile(r"(?<!\w)contre" + SP + r"+\Z", re.IGNORECASE)
_NOMBRE_DE_RE = re.compile(r"(?:nombre|total|flux)" + SP + r"+(?:de" + SP + r"+|d" + APOS + r")",
                           re.IGNORECASE)


_OUT_OF_TOTAL = re.compile(SP + r"+sur" + SP + r"+(?:un" + SP + r"+total" + SP + r"+de|les)" + SP + r"+")
_PART_OF = re.compile(r"(?<!\w)dont" + SP + r"+\Z")
# `de trois à quatre régions`, `entre deux et trois millions`: the first end of a range, whose
# noun or currency the second end gives (`_resolve_one`)
_RANGE_NEXT_RE = re.compile(SP + r"+(?:à|et|ou)" + SP + r"+(?=\d|(?:" + NUMBER_WORD_RE + r")(?!\w))",
                            re.IGNORECASE)


# `31 usines en activité, dont neuf …`, `310 projets y sont implantés, dont 96 …`: a few words
# of the same clause may stand between a count and the `dont` that picks a part of it
_DONT_GAP_RE = re.compile(r"(?:[^.;:!?\n\d]{0,40}?,)?" + SP + r"*,?" + SP + r"*dont" + SP + r"+")
# `1 100 milliards de FCFA, soit environ 1,8 milliard de dollars`: the second amount converts the first
_CONVERSION_RE = re.compile(r"(?<!\w)soit" + SP + r"+(?:environ" + SP + r"+|près" + SP + r"+de" + SP
                            + r"+|quelque" + SP + r"+|plus" + SP + r"+de" + SP + r"+)?\Z", re.IGNORECASE)


def _part_of_count(text: str, start: int, end: int) -> bool:
    """A bare number that is part of a count named next to it (`neuf sur un total de 116
    propositions`, `27 membres, dont six sont …`, `de trois à quatre régions`): its noun
    stands elsewhere."""
    return bool(_OUT_OF_TOTAL.match(text, end) or _PART_OF.search(text, max(0, start - 8), start)
                or _RANGE_NEXT_RE.match(text, end))


_WORDS_THEN_TOTAL_RE = re.compile(r"[^.;:!?\n\d]{1,40}?" + SP + r"+sur" + SP + r"+(?:les" + SP
                                  + r"+|un" + SP + r"+total" + SP + r"+de" + SP + r"+)")
_AU_NOMBRE_DE_RE = re.compile(r"(?<!\w)au" + SP + r"+nombre" + SP + r"+de" + SP + r"+\Z", re.IGNORECASE)


def _counted_noun_back(text: str, toks: "_Tokens", end: int) -> Optional[str]:
    """Unit of the plural noun nearest before ``end`` in the same sentence (`les pays de
    présence, au nombre de 26`): a few tokens back, singular nouns of its complement skipped."""
    tok = toks.before(end)
    for _ in range(8):
        if tok is None or tok.text in ".;:!?\n" or tok.like_num:
            return None
        if tok.pos_ == "NOUN" and tok.is_lower and (tok.lower_.endswith(("s", "x"))
                                                    or "Plur" in tok.morph.get("Number")):
            return unit_of(tok)
        tok = tok.doc[tok.i - 1] if tok.i > 0 else None
    return None


def _counted_noun_before(text: str, toks: "_Tokens", start: int) -> Optional[str]:
    """Unit of "le nombre de touristes (10,3 millions)": the noun after the last "nombre de"
    earlier in the same sentence."""
    window = text[max(0, start - 150):start]
    cut = max(window.rfind(". "), window.rfind("\n"))
    base = max(0, start - 150) + (cut + 1 if cut >= 0 else 0)
    last = None
    for m in _NOMBRE_DE_RE.finditer(text, base, start):
        last = m
    if last is None:
        return None
    tok = toks.at_or_after(last.end())
    if tok is not None and tok.idx < start and _is_counted_noun(tok):
        return unit_of(tok)
    return None


def _resolve(figs, text, toks):
    # Scaled figures standing alone first, so that a range can lean on them afterwards.
    for phase in (1, 2):
        for i, f in enumerate(figs):
            if f.label is None and not f.year:
                scaled_alone = f.after == "money" or (f.mult >= 1e6 and f.after == "")
                if scaled_alone == (phase == 1):
                    _resolve_one(figs, i, text, toks)
    return figs


def _resolve_one(figs, i, text, toks):
    f = figs[i]
    # a text cut mid-word after a bare figure (`contre 1 442,5 mi`<end>): the cut scale word
    # is the one of the scaled figure before it that it begins
    cut = _CUT_SCALE_RE.match(text, f.end)
    if cut and f.mult == 1.0 and f.after == "":
        ref = _nearest(figs, i, lambda g: g.mult in (1e6, 1e9) and g.end < f.start, window=300)
        word = {1e6: "millions", 1e9: "milliards"}.get(ref.mult) if ref is not None else None
        if word and word.startswith(cut.group(1).lower()):
            f.value, f.mult, f.end = f.value * ref.mult, ref.mult, cut.end(1)
    nxt = figs[i + 1] if i + 1 < len(figs) else None
    gap = text[f.end:nxt.start] if nxt is not None else ""
    # Range: "de 58 à 62 millions de quintaux", "entre 5 et 10 milliards de dirhams".
    if nxt is not None and nxt.label and re.fullmatch(SP + r"*(?:à|et|-|–|ou)" + SP + "*",
                                                      gap):
        if f.mult == 1.0 and f.after == "":
            f.value *= nxt.mult
        f.label, f.currency, f.unit = nxt.label, nxt.currency, nxt.unit
        f.source = "figures.range"
        return
    # "13 des 37 projets"
    if nxt is not None and nxt.label == "QUANTITY" and f.after == "" and re.fullmatch(
            SP + r"+(?:des|d'entre|de)" + SP + r"+(?:les" + SP + r"+|ces" + SP + r"+)?", gap):
        f.label, f.unit, f.source = "QUANTITY", nxt.unit, "figures.partitive"
        return
    prev = figs[i - 1] if i > 0 else None
    pgap = text[prev.end:f.start] if prev is not None else ""
    # "9 projets sur les 13", "53 membres sur un total de 55", "53 membres du conseil sur un
    # total de 55" (a few words of the clause between the count and its total)
    if prev is not None and prev.label == "QUANTITY" and f.after == "" and (re.fullmatch(
            SP + r"+sur" + SP + r"+(?:les" + SP + r"+|un" + SP + r"+total" + SP + r"+de" + SP + r"+)?", pgap)
            or _WORDS_THEN_TOTAL_RE.fullmatch(pgap)):
        f.label, f.unit, f.source = "QUANTITY", prev.unit, "figures.out_of"
        return
    # "neuf sur un total de 116 propositions": the total names what both count
    total = _OUT_OF_TOTAL.match(text, f.end)
    whole = total and next((g for g in figs[i + 1:i + 3] if g.start == total.end()), None)
    if whole and whole.label == "QUANTITY" and f.after == "" and f.mult == 1.0:
        f.label, f.unit, f.source = "QUANTITY", whole.unit, "figures.out_of"
        return
    # "3 621 questions, dont 1 265 orales et 2 356 écrites", "27 membres, dont six sont …": a
    # part of a count just given counts the same thing (ENTITIES.md: the noun stands elsewhere)
    if (f.mult == 1.0 and f.after == "" and prev is not None and prev.label == "QUANTITY"
            and (_DONT_GAP_RE.fullmatch(pgap)
                 or prev.source == "figures.part" and re.fullmatch(SP + r"+\w+" + SP + r"+et" + SP + r"+", pgap))):
        f.label, f.unit, f.source = "QUANTITY", prev.unit, "figures.part"
        return
    # "les pays de présence, au nombre de 26": the count of the plural noun just before
    if f.mult == 1.0 and f.after == "" and not f.year and _AU_NOMBRE_DE_RE.search(
            text, max(0, f.start - 16), f.start):
        unit = _counted_noun_back(text, toks, f.start - len(_AU_NOMBRE_DE_RE.search(
            text, max(0, f.start - 16), f.start).group(0)))
        if unit:
            f.label, f.unit, f.source = "QUANTITY", unit, "figures.au_nombre_de"
            return
    # "127 écoles ont rouvert ..., avec 42 autres en réhabilitation"
    if f.after == "autres":
        ref = _nearest(figs, i, lambda g: g.label == "QUANTITY", window=250)
        if ref is not None:
            f.label, f.unit, f.source = "QUANTITY", ref.unit, "figures.autres"
        return
    # "20 milliards d'investissements": an amount in the currency of the article's figures
    if f.after == "money":
        ref = _nearest(figs, i, lambda g: g.label == "MONEY" and g.currency, window=3000)
        if ref is not None:
            f.label, f.currency, f.source = "MONEY", ref.currency, "figures.money_noun"
        else:
            f.label, f.source = "QUANTITY", "figures.quantity"
        return
    # "4 350 conteneurs en mai, contre 3 900 un an plus tôt": a bare count set against the
    # figure before it in the sentence counts the same thing (ENTITIES.md: the noun stands elsewhere)
    if (f.mult == 1.0 and f.after == "" and prev is not None and prev.label in ("QUANTITY", "MONEY")
            and _CONTRE_RE.search(text, max(0, f.start - 12), f.start)
            and f.start - prev.end <= 200 and not re.search(r"[.;!?]\s|\n", text[prev.end:f.start])):
        f.label, f.currency, f.unit, f.source = prev.label, prev.currency, prev.unit, "figures.contre"
        return
    # "un nombre total d'emplois de 2 966", "le nombre de chômeurs a diminué de 53 000": a
    # bare count after `de`/`à` in the sentence of a `nombre de NOUN` counts that noun
    if (f.mult == 1.0 and f.after == "" and not f.year
            and re.search(r"(?<!\w)(?:de|à|d" + APOS + r")" + SP + r"*\Z", text[max(0, f.start - 4):f.start])):
        unit = _counted_noun_before(text, toks, f.start)
        if unit:
            f.label, f.unit, f.source = "QUANTITY", unit, "figures.elided_count"
            return
    # "contre 64,2 milliards" / "(10,3 millions)": a scaled figure standing alone
    if f.mult >= 1e6 and f.after == "":
        unit = _counted_noun_before(text, toks, f.start)
        if unit:
            f.label, f.unit, f.source = "QUANTITY", unit, "figures.elided_count"
            return
        ref = _nearest(figs, i, lambda g: g.label in ("MONEY", "QUANTITY") and g.mult >= 1e6
                       and g.after != "money_elided", window=400)
        if nxt is not None and nxt.label == "MONEY" and re.fullmatch(SP + "*/" + SP + "*", gap):
            # "220,8 milliards / 19,6 milliards d'euros": one amount in two currencies, so the
            # first is in the other currency of the article's pairs
            other = _nearest(figs, i, lambda g: g.label == "MONEY" and g.currency != nxt.currency
                             and g.mult >= 1e6, window=400)
            ref = other or ref
        if ref is not None and ref.label == "MONEY" and ref.end <= f.start \
                and _CONVERSION_RE.search(text, max(0, ref.start - 20), ref.start):
            # `… de FCFA, soit environ 1,8 milliard de dollars, dont 837 milliards`: the part
            # is of the amount converted, in its currency
            j = figs.index(ref)
            first = next((g for g in reversed(figs[:j]) if g.label == "MONEY" and g.mult >= 1e6
                          and ref.start - g.end <= 80), None)
            ref = first or ref
        if ref is not None:
            f.label, f.currency, f.unit = ref.label, ref.currency, ref.unit
            f.source = "figures.elided"
    return figs


# ---------------------------------------------------------------- entry points

def read_amount(s: str) -> Optional[tuple[str, float, Optional[str]]]:
    """Pure reading of one written figure as a whole: ``("MONEY", amount, currency)`` or
    ``("PERCENT", value, None)``; None when ``s`` is not exactly one such figure.

    ``read_amount("16,4 millions de $ CAD")`` → ``("MONEY", 16400000.0, "CAD")``;
    ``read_amount("vingt pourcents")`` → ``("PERCENT", 20.0, None)``.  The currency cues of an
    article are those of ``s`` itself.
    """
    text = s.strip()
    lower = text.lower()
    for start, end, value, kind in _candidates(text):
        if start > 1:
            break
        fig = _read_tail(None, None, text, lower, start, end, value, kind)
        if fig is None or fig.label not in ("MONEY", "PERCENT"):
            continue
        plus = PLUS_RE.search(text, 0, fig.start)
        if (plus.start() if plus else fig.start) != 0 or fig.end != len(text):
            continue
        return fig.label, clean_float(fig.value), fig.currency
    return None


_HALF_RE = re.compile(
    r"(?<![\w-])(?P<n>\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)" + SP + r"+"
    r"(?P<u>ans?|années?|heures?|jours?|mois|semaines?|siècles?)" + SP + r"+et" + SP + r"+"
    r"(?:demie?)(?!\w)", re.IGNORECASE)
_HOURS_MINUTES_RE = re.compile(
    r"(?<![\w,.])(?P<h>\d{1,2})" + SP + r"*(?:heures?)" + SP + r"+(?:et" + SP + r"+)?"
    r"(?P<m>\d{1,2})" + SP + r"*(?:minutes?|min|mn)(?!\w)", re.IGNORECASE)


def _durations(text: str, doc) -> list[_Fig]:
    """Durations written in two parts, one QUANTITY each (ENTITIES.md counts durations):
    `une année et demie` → 1.5 année, `2 heures 30 minutes` → 150 minute."""
    out = []
    for m in _HALF_RE.finditer(text):
        n = m.group("n").lower()
        value = float(n) if n.isdigit() else parse_words(n) or (1.0 if n in ("un", "une") else None)
        if value is None:
            continue
        unit = m.group("u").lower()
        unit = "an" if unit.startswith("an") and not unit.startswith("ann") else singular(unit)
        out.append(_Fig(m.start(), m.end(), value + 0.5, label="QUANTITY", unit=unit,
                        words=not n.isdigit(), source="figures.duration"))
    for m in _HOURS_MINUTES_RE.finditer(text):
        if re.search(r"(?:à|a|vers|dès)" + SP + r"+\Z", text[max(0, m.start() - 6):m.start()]):
            # `à 10 heures 30 minutes`: a clock time, no figure at all
            out.append(_Fig(m.start(), m.end(), 0.0, source="figures.clock"))
            continue
        out.append(_Fig(m.start(), m.end(), int(m.group("h")) * 60.0 + int(m.group("m")),
                        label="QUANTITY", unit="minute", source="figures.duration"))
    return out


_REPEATED_DIGITS_RE = re.compile(r"[ \u00a0]*\((\d{1,4})\)")


_RATE_UNIT_RE = re.compile(SP + r"*pour" + SP + r"+(un|une)" + SP + r"+", re.IGNORECASE)


def _rate_units(text: str, lower: str, figs: list[_Fig]) -> list[_Fig]:
    """`3,39 dinars pour un euro`: the other side of an exchange rate is an amount of one unit
    of a currency (elsewhere `un euro` alone is too often the currency itself to count)."""
    out = []
    for f in figs:
        m = _RATE_UNIT_RE.match(text, f.end) if f.label == "MONEY" else None
        cur = match_currency(text, m.end(), lower) if m else None
        if cur is not None and cur[2] == 1:
            out.append(_Fig(m.start(1), cur[0], 1.0, label="MONEY", currency=cur[1], words=True,
                            source="figures.rate_unit"))
    return out


def find_figures(doc) -> list[Mention]:
    """MONEY, PERCENT and QUANTITY mentions of a spaCy ``Doc``."""
    text = doc_text(doc)
    lower = text.lower()
    toks = _Tokens(doc)
    figs: list[_Fig] = _durations(text, doc)
    taken = [(f.start, f.end) for f in figs]
    figs = [f for f in figs if f.label is not None]
    consumed = 0
    for start, end, value, kind in _candidates(text):
        if start < consumed or any(a <= start < b for a, b in taken):
            continue
        # `huit (8) pays`: the number repeated in digits is part of the figure
        rep = _REPEATED_DIGITS_RE.match(text, end) if kind == "words" else None
        if rep and float(rep.group(1)) == value:
            end = rep.end()
        fig = _read_tail(doc, toks, text, lower, start, end, value, kind)
        if fig is None:
            continue
        if fig.label == "QUANTITY" and not _keep_quantity(fig, text, toks):
            continue
        if fig.label is None and fig.words and fig.mult == 1.0 and not _part_of_count(text, start, end):
            continue  # a spelled-out number with no noun ("les deux", "l'un")
        figs.append(fig)
        consumed = fig.end
    figs.sort(key=lambda f: f.start)
    _resolve(figs, text, toks)
    figs.extend(_rate_units(text, lower, figs))
    out = []
    for f in figs:
        if f.label is None:
            continue
        # a "+" sign before a figure is part of it, as "-" is ("+19,5%", "+5,99 MMDH")
        plus = PLUS_RE.search(text, max(0, f.start - 3), f.start)
        if plus and f.words is False:
            f.start = plus.start()
        value = clean_float(f.value)
        if f.label == "MONEY":
            norm = f"{format_number(value)} {f.currency}"
            out.append(Mention(f.start, f.end, "MONEY", text[f.start:f.end], norm=norm,
                               amount=value, currency=f.currency, source=f.source))
        elif f.label == "PERCENT":
            out.append(Mention(f.start, f.end, "PERCENT", text[f.start:f.end],
                               norm=format_number(value), value=value, source=f.source))
        elif f.label == "QUANTITY" and f.unit:
            out.append(Mention(f.start, f.end, "QUANTITY", text[f.start:f.end],
                               norm=f"{format_number(value)} {f.unit}", value=value,
                               unit=f.unit, source=f.source))
    return out
