"""MINISTRY normalization: pure string functions, no spaCy.

``normalize_ministry`` turns any written form of a ministry or state secretariat
(``ministre djiboutien des Affaires étrangères``, ``secrétaire d’Etat chargé de …``)
into the institution's name (``ministère …`` / ``secrétariat d'Etat …``), so that
the office and the institution join in one norm. A curated registry
(``pipeline/data/ministries.jsonl``) then maps a close variant to its canonical
spelling; unmatched names keep the general rule's output.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional
from pipeline.data import DATA_DIR, read_jsonl
from pipeline.extraction.defaults import FUZZY_THRESHOLD, HOME_COUNTRY
from .text import clean as clean_text, strip_accents, unify_apostrophes

REGISTRY_PATH = DATA_DIR / "ministries.jsonl"

# OCR/typing slip: a lowercase letter doubled by its capital at a word start
# (``cCompétences``): the stray lowercase letter goes.
_DOUBLED_INITIAL_RE = re.compile(r"\b([a-zà-ÿ])(?=([A-ZÀ-Ý])[a-zà-ÿ])")

_HEAD_RE = re.compile(
    r"^(?P<head>minist[eèé]res?|ministres?|d[ée]partements?|secr[ée]taires?\s+d'(?P<etat1>[EÉ]tat)"
    r"|secr[ée]tariats?\s+d'(?P<etat2>[EÉ]tat))\b",
    re.IGNORECASE,
)
_DELEGUE_RE = re.compile(r"^\s*(d[ée]l[ée]gu[ée]e?s?)\b", re.IGNORECASE)
# Words that open the portfolio: anything standing before them after the head
# (a nationality or other adjective: ``marocain``, ``sortant``) is dropped.
_PORTFOLIO_START_RE = re.compile(
    r"^\s*(?:de\b|du\b|des\b|d'|aux?\b|à\b|charg[ée]e?s?\b|en\s+charge\b|aupr[èe]s\b)", re.IGNORECASE)
_ADJ_RE = re.compile(r"^\s*([a-zà-ÿ][a-zà-ÿ-]*)\b")
# ``auprès du X, chargé de Y``: the attachment clause is dropped when a ``chargé``
# portfolio follows, so that long and short official forms join.
_AUPRES_CHARGE_RE = re.compile(
    r"^\s*aupr[èe]s\b.*?,?\s+(?=charg[ée]e?s?\s+(?:de|du|des|d')\b)", re.IGNORECASE)
# The institution is masculine (ministère, secrétariat): ``ministre chargée de`` and
# ``ministre déléguée`` name the same office as their masculine forms.
_CHARGE_RE = re.compile(r"(?<!\ben )\bcharg[ée]e?s?(?=\s+(?:de|du|des|d'|aux?|à)\b)", re.IGNORECASE)
# ``en charge de`` and ``chargé de`` are the same office: the registry is asked for both.
_EN_CHARGE_RE = re.compile(r"\ben charge(?=\s+(?:de|du|des|d')\b)", re.IGNORECASE)
# First word of a portfolio: after the preposition that opens the portfolio (right after
# the head or after ``chargé``) or one that follows ``,`` / ``et`` in an enumeration.
# ``de`` attached to a portfolio word (``Politique de la ville``) is not matched.
_PORTFOLIO_OPENING = (
    r"(?:^|(?<=,)|(?<=\bet)|(?<=\bcharg[ée])|(?<=\ben charge)|(?<=\bd[ée]l[ée]gu[ée]))"
    r"(\s*(?:de la |de l'|à la |à l'|du |des |de (?!la |l')|d'|aux |au ))")
_PORTFOLIO_WORD_RE = re.compile(_PORTFOLIO_OPENING + r"([a-zàâäéèêëîïôöùûüç])")
# The same openings before any letter: where the first portfolio word stands.
_PORTFOLIO_ANY_RE = re.compile(_PORTFOLIO_OPENING + r"([^\W\d_])")


fold_apostrophes = unify_apostrophes


def mend_typos(text: str) -> str:
    """Drop a lowercase letter doubled by its own capital (``cCompétences``)."""
    def fix(m: re.Match) -> str:
        return "" if m.group(1) == m.group(2).lower() else m.group(1)
    return _DOUBLED_INITIAL_RE.sub(fix, text)


def clean(text: str) -> str:
    return mend_typos(clean_text(text))


def fold_key(text: str) -> str:
    """Comparison key: apostrophes, accents, case and spacing folded."""
    return strip_accents(clean(text)).lower()


def demonym_stem(word: Optional[str]) -> Optional[str]:
    """Masculine singular guess of a nationality adjective (``djiboutiennes`` → ``djiboutien``)."""
    if not word:
        return None
    w = word.lower()
    for suf, rep in (("iennes", "ien"), ("ienne", "ien"), ("éennes", "éen"), ("éenne", "éen"),
                     ("aises", "ais"), ("aise", "ais"), ("oises", "ois"), ("oise", "ois"),
                     ("aines", "ain"), ("aine", "ain"), ("ains", "ain"), ("iens", "ien"),
                     ("éens", "éen"), ("ines", "in"), ("ine", "in"), ("ins", "in"),
                     ("anes", "an"), ("ane", "an"), ("ans", "an")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            return w[: -len(suf)] + rep
    return w


def institution_name(text: str) -> str:
    """General rule: office → institution, adjectives before the portfolio dropped."""
    s = clean(text)
    m = _HEAD_RE.match(s)
    if not m:
        return s
    head = m.group("head").lower()
    etat = m.group("etat1") or m.group("etat2")
    if head.startswith("secr"):
        out = f"secrétariat d'{etat}"
    else:
        out = "ministère"
    rest = s[m.end():]
    d = _DELEGUE_RE.match(rest)
    if d and not head.startswith("secr"):
        out += " délégué"
        rest = rest[d.end():]
    # one or two adjectives before the portfolio (nationality, ``sortant``…)
    for _ in range(2):
        if _PORTFOLIO_START_RE.match(rest):
            break
        a = _ADJ_RE.match(rest)
        if not a:
            break
        rest = rest[a.end():]
    rest = _AUPRES_CHARGE_RE.sub(" ", rest, count=1)
    rest = _CHARGE_RE.sub("chargé", rest)
    return capitalize_portfolios((out + " " + rest.strip()).strip())


def capitalize_portfolios(name: str) -> str:
    """Official capitals for a portfolio written all in lower case: the first word of each
    portfolio takes a capital (``ministère de l'équipement, du transport`` → ``ministère de
    l'Équipement, du Transport``). Where the writer capitalised the first portfolio word, the
    writer's case stands (``de l'Économie et des finances``); other words are never changed."""
    m = _HEAD_RE.match(name)
    if not m:
        return name
    head = name[:m.end()]
    rest = name[m.end():]
    if rest.startswith(" délégué"):
        head, rest = head + " délégué", rest[len(" délégué"):]
    first = _PORTFOLIO_ANY_RE.search(rest)
    if first is None or not first.group(2).islower():
        # the first portfolio word is not lower case: the writer gave the capitals
        return name
    return head + _PORTFOLIO_WORD_RE.sub(lambda g: g.group(1) + g.group(2).upper(), rest)


def adj_country(country_adj: Optional[str], home: str = HOME_COUNTRY) -> Optional[str]:
    """Alpha-3 a nationality adjective points to (the gazetteer's demonyms: the one
    nationality list); no adjective reads as the home country, an unknown one as None."""
    if not country_adj:
        return home
    from pipeline.extraction.normalize.gazetteer import demonym_country
    return demonym_country(country_adj)


@lru_cache(maxsize=1)
def _registry_records() -> tuple:
    p = REGISTRY_PATH
    if not p.exists():
        return tuple()
    return tuple(rec for rec in read_jsonl(p.name) if "_comment" not in rec)


@lru_cache(maxsize=1)
def load_registry() -> tuple:
    """(country alpha-3, canonical, folded key of a written form) triples."""
    rows = []
    for rec in _registry_records():
        for form in [rec["name"], *rec.get("aliases", [])]:
            rows.append((rec.get("country"), rec["name"], fold_key(institution_name(form))))
    return tuple(rows)


def _keep_writer_capital_accents(canonical: str, written: str) -> str:
    """Where the writer left a capital unaccented (``Etat``, ``Economie``), keep it so."""
    written_words = {fold_key(w): w for w in written.split()}
    out = []
    for w in canonical.split(" "):
        u = written_words.get(fold_key(w))
        if u and len(u) == len(w):
            w = "".join(b if (a.isupper() and b.isupper() and a != b
                              and strip_accents(a) == b) else a
                        for a, b in zip(w, u))
        out.append(w)
    return " ".join(out)


def registry_match(name: str, country_adj: Optional[str] = None, home: str = HOME_COUNTRY,
                   threshold: float = FUZZY_THRESHOLD) -> Optional[str]:
    """Canonical name for ``name`` (already institution form), or None."""
    code = adj_country(country_adj, home)
    if code is None:
        return None
    found = _registry_lookup(fold_key(name), code, threshold)
    if found is None and _EN_CHARGE_RE.search(name):
        found = _registry_lookup(fold_key(_EN_CHARGE_RE.sub("chargé", name)), code, threshold)
    return _keep_writer_capital_accents(found, name) if found else None


def _registry_lookup(key: str, code: str, threshold: float = FUZZY_THRESHOLD) -> Optional[str]:
    """Canonical name of the closest registry entry of country ``code`` to folded ``key``."""
    from rapidfuzz import fuzz

    best, best_score = None, 0.0
    for country, canonical, ckey in load_registry():
        if country != code:
            continue
        # cheap guard: lengths must be close for a typo-level difference
        if abs(len(ckey) - len(key)) > 3:
            continue
        score = fuzz.ratio(key, ckey)
        if score > best_score:
            best, best_score = canonical, score
    if best is not None and best_score >= threshold:
        return best
    return None


def normalize_ministry(text: str, country_adj: Optional[str] = None, home: str = HOME_COUNTRY,
                       threshold: float = FUZZY_THRESHOLD) -> str:
    """Institution name of a MINISTRY mention, registry spelling where one fits."""
    name = institution_name(text)
    return registry_match(name, country_adj, home, threshold) or name


def resolve_in_article(mentions: Iterable, home: str = HOME_COUNTRY) -> None:
    """Give a short form the fuller norm of the same ministry named in the same article.

    A MINISTRY whose norm is a word-bounded prefix of exactly one longer norm from a
    mention with the same country adjective takes that norm (``ministre djiboutien des
    Affaires étrangères`` → ``ministère des Affaires étrangères et de la Coopération
    internationale`` when the article names it so). A mention cut mid-word by the end of
    the text (``extra["cut"]``) may end inside a word of the longer norm.
    """
    ms = [m for m in mentions if getattr(m, "label", None) == "MINISTRY" and m.norm]
    def adj_key(m):
        adj = m.extra.get("country_adj")
        # a state named after the portfolio keeps the ministry apart, as an adjective does
        return (adj_country(adj, home) or demonym_stem(adj)) if adj else m.extra.get("country")

    by_adj: dict = {}
    for m in ms:
        by_adj.setdefault(adj_key(m), set()).add(m.norm)
    for m in ms:
        norms = by_adj[adj_key(m)]
        # a mention cut by the end of the text may stop mid-word
        cut = m.extra.get("cut", False)
        longer = {n for n in norms
                  if len(n) > len(m.norm) and n.startswith(m.norm)
                  and (cut or n[len(m.norm)] in " ,")}
        if len(longer) == 1:
            m.norm = next(iter(longer))
