"""Pure helpers for French numbers: parse written figures, scale words, format values.

No spaCy here: these functions take strings and are shared by the figure extractor
(MONEY, PERCENT, QUANTITY) and anyone who needs to read a French number.
"""
from __future__ import annotations

import re
from typing import Optional

try:  # text2num parses spelled-out numbers ("cinquante et un", "deux cents")
    from text_to_num import text2num as _text2num
except ImportError:  # pragma: no cover - the venv installs it
    _text2num = None

# All the spaces French typography puts inside a number: plain, no-break, thin, narrow no-break.
GROUP_SPACES = " \u00a0\u2009\u202f"
_SPACE_CLASS = "[ \u00a0\u2009\u202f]"

# A figure written in digits: grouped thousands ("1.300", "1 300", "6 614,8") or plain ("4075",
# "3,7262"); a leading minus sign belongs to the figure, "+" does not (ENTITIES.md keeps "-9,6%").
DIGITS_RE = re.compile(
    r"(?<![\w.,\-−])(?<!\S/)"   # a slash glued to what precedes ("28/04") is a date or code
    r"[-−]?"
    r"(?:\d{1,3}(?:(?:" + _SPACE_CLASS + r"|\.)\d{3})+(?![\d])(?:,\d+)?"  # grouped thousands
    r"|\d+(?:[.,]\d+)?)"                                                       # plain / decimal
    r"(?![\d])"
)

# Spelled-out numbers (cardinal words only; ordinals such as "deuxième" are not in the list).
UNITS_WORDS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80,
    "octante": 80, "nonante": 90, "cent": 100, "cents": 100, "mille": 1000,
}
NUMBER_WORD_RE = "(?:" + "|".join(sorted(UNITS_WORDS, key=len, reverse=True)) + ")"
# "vingt et un", "quatre-vingt-dix", "deux cents", "trois mille cinq cents"; a hyphen may join
# the scale word after it ("deux-millions", the 1990 spelling). "et" joins only before "un",
# "une", "onze" ("soixante et onze"): "deux et trois" is a range of two figures, not five
NUMBER_WORDS_RE = re.compile(
    r"(?<![\w\-])" + NUMBER_WORD_RE + r"(?:(?:-|" + _SPACE_CLASS + r"+)" + NUMBER_WORD_RE
    + r"|(?:" + _SPACE_CLASS + r"+et" + _SPACE_CLASS + r"+|-et-)(?:une?|onze)(?![\w]))*"
    r"(?![\w]|-(?!(?:millions?|milliards?)(?![\w-])))",   # "deux-millions": the scale is read after
    re.IGNORECASE,
)

# Approximate amounts: "une cinquantaine" counts as 50 (ENTITIES.md: approximations at their
# round value).
APPROX = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}
APPROX_RE = re.compile(
    r"(?<![\w\-])(une?|" + NUMBER_WORD_RE + r"|\d+)" + _SPACE_CLASS + r"+("
    + "|".join(APPROX) + r")s?(?![\w\-])",
    re.IGNORECASE,
)

# Scale words after a figure. Case matters for the abbreviations ("M" million, "m" metre).
_SCALES_CI = {
    "mille": 1e3, "millier": 1e3, "milliers": 1e3,
    "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
    "billion": 1e12, "billions": 1e12,  # French "billion" = 10^12
    "mds": 1e9, "md": 1e9, "mrd": 1e9, "mrds": 1e9, "mln": 1e6, "mio": 1e6,
}
_SCALES_CS = {"M": 1e6, "k": 1e3, "K": 1e3, "Mds": 1e9, "Md": 1e9, "MM": 1e9, "Mrd": 1e9}


def scale(word: str) -> Optional[float]:
    """Multiplier of a scale word (``"milliards"`` → 1e9, ``"M"`` → 1e6), else None."""
    if not word:
        return None
    w = word.strip().rstrip(".")
    if w in _SCALES_CS:
        return _SCALES_CS[w]
    if len(w) >= 3 or w.lower() in ("md",):
        return _SCALES_CI.get(w.lower())
    return None


def _strip_spaces(s: str) -> str:
    return "".join(ch for ch in s if ch not in GROUP_SPACES)


def parse_digits(s: str) -> Optional[float]:
    """A figure in digits, French style: ``1.300`` → 1300, ``6,4`` → 6.4, ``1 300,5`` → 1300.5."""
    t = _strip_spaces(s.strip()).replace("−", "-")
    if not t:
        return None
    sign = -1.0 if t.startswith("-") else 1.0
    t = t.lstrip("+-")
    if not re.fullmatch(r"[\d.,]+", t) or not t[0].isdigit():
        return None
    if "," in t:
        intpart, _, dec = t.rpartition(",")
        if "," in intpart:  # "1,300,000": English grouping
            if re.fullmatch(r"\d{1,3}(,\d{3})+", t):
                return sign * float(t.replace(",", ""))
            return None
        intpart = intpart.replace(".", "")  # "1.300,5": dots group thousands
        if not intpart.isdigit() or not dec.isdigit():
            return None
        return sign * float(f"{intpart}.{dec}")
    if "." in t:
        # A dot before groups of exactly three digits groups thousands ("1.300", "2.500.000");
        # otherwise it is a decimal point ("3.5").
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", t):
            return sign * float(t.replace(".", ""))
        if re.fullmatch(r"\d+\.\d+", t):
            return sign * float(t)
        return None
    return sign * float(t)


def parse_words(s: str) -> Optional[float]:
    """A spelled-out number: ``trois`` → 3, ``cinquante et un`` → 51, ``deux cents`` → 200."""
    t = re.sub(r"[" + GROUP_SPACES + r"]+", " ", s.strip().lower())
    if not t:
        return None
    if t in UNITS_WORDS:
        return float(UNITS_WORDS[t])
    if _text2num is not None:
        for cand in (t, t.replace(" et ", " ").replace("-et-", "-")):
            try:
                return float(_text2num(cand, "fr"))
            except (ValueError, TypeError):
                continue
    return _parse_words_fallback(t)


def _parse_words_fallback(t: str) -> Optional[float]:
    """Small additive parser for when text2num refuses a form (e.g. "une" in "vingt et une")."""
    total, current = 0, 0
    for w in re.split(r"[\s\-]+", t):
        if w in ("et", ""):
            continue
        if w not in UNITS_WORDS:
            return None
        v = UNITS_WORDS[w]
        if v == 100:
            current = max(current, 1) * 100
        elif v == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif v == 20 and current and current % 100 == 4:  # quatre-vingt(s)
            current = current - 4 + 80
        else:
            current += v
    return float(total + current)


def parse_approx(s: str) -> Optional[float]:
    """``une cinquantaine`` → 50, ``deux centaines`` → 200, ``un millier`` → 1000."""
    m = APPROX_RE.fullmatch(s.strip())
    if not m:
        return None
    head = m.group(1)
    n = parse_digits(head) if head[0].isdigit() else parse_words(head)
    base = APPROX[m.group(2).lower()]
    return None if n is None else n * base


def parse_number(s: str) -> Optional[float]:
    """Any French figure: digits (``1.300``, ``1 300``, ``6,4``), words (``trois``,
    ``cinquante et un``), approximations (``une cinquantaine``); None if it is not one."""
    if s is None:
        return None
    t = s.strip()
    if not t:
        return None
    if t[0].isdigit() or t[0] in "-−+":
        return parse_digits(t)
    approx = parse_approx(t)
    if approx is not None:
        return approx
    return parse_words(t)


def clean_float(x: float) -> float:
    """Drop the binary noise of decimal arithmetic: 4359.6 * 1e9 → 4359600000000.0."""
    return float(f"{x:.15g}") if x is not None else None


def format_number(x: float) -> str:
    """``157000000000.0`` → ``157000000000``; ``6.4`` → ``6.4`` (shortest repr, no exponent)."""
    if x is None:
        return ""
    rx = clean_float(x)
    if rx == int(rx):
        return str(int(rx))
    r = repr(float(rx))
    if "e" in r or "E" in r:
        r = f"{rx:.10f}".rstrip("0").rstrip(".")
    return r
