"""Titles of office (pipeline/data/titles.tsv): matching them, their normalized form,
and the names the model missed right after them (`le président Xi Jinping`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from .mention import Mention
from .nlp import doc_text
from .normalize.text import clean as clean_norm
from .wordlists import NAME_PARTICLES, data_lines as _data_lines, honorifics


@lru_cache(maxsize=1)
def _titles_rx() -> re.Pattern:
    titles = sorted(_data_lines("titles.tsv", "title"), key=len, reverse=True)
    alts = "|".join(re.escape(t).replace("'", "['’]").replace(r"\ ", r"\s+")
                    .replace(r"du\s+roi", r"(?:du|de\s+(?:Sa\s+Majesté|S\.?\s?M\.?)\s+le)\s+roi")  # `conseiller de SM le Roi`
                    .replace(r"du\s+", r"(?:du|de\s+son)\s+").replace(r"de\s+la\s+", r"(?:de\s+la|de\s+sa)\s+")
                    .replace("état", "[ée]tat")  # `ministre d'Etat` as often as `ministre d'État`
                    for t in titles)
    # `l'ex-Premier ministre`: a title may follow the prefix `ex-`
    return re.compile(rf"(?:(?<![\w-])|(?<=\bex-))(?P<title>{alts})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _title_vocab() -> frozenset:
    """Words that are lower case in a normalized title; others keep their case."""
    return frozenset(w for t in _data_lines("titles.tsv", "title") for w in re.split(r"[\s']+", t) if w.islower())


def is_title(text: str) -> bool:
    """The whole text is a title of office (`Garde des Sceaux`, `Directeur Général`)."""
    t = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    return bool(_titles_rx().fullmatch(t))


@lru_cache(maxsize=1)
def title_words() -> frozenset:
    """Lower-case content words of the titles of office (`directeur`, `général`, `ministre`)."""
    return frozenset(w.lower() for t in _data_lines("titles.tsv", "title")
                     for w in re.split(r"[\s']+", t) if len(w) > 3)


def titles_pattern() -> str:
    """The regex source of every title of office (group `title`)."""
    return _titles_rx().pattern


def title_end(text: str, start: int, end: int) -> Optional[int]:
    """End offset of a title of office that opens text[start:end], else None."""
    m = _titles_rx().match(text, start, end)
    return m.end() if m else None


def title_norm(raw: str) -> str:
    raw = re.sub(r"\s+", " ", raw.replace("’", "'")).strip()
    # `le chef de son gouvernement` holds the office `chef du gouvernement`
    raw = re.sub(r"\bde son\b", "du", re.sub(r"\bde sa\b", "de la", raw))
    # `conseiller de Sa Majesté le Roi` holds the office `conseiller du roi`
    raw = re.sub(r"\bde\s+(?:sa\s+majesté|s\.?\s?m\.?)\s+le\s+roi$", "du roi", raw, flags=re.I)
    # the state goes to `country`: `vice-président de la République` is a vice-president
    raw = re.sub(r"\s+de\s+la\s+République$", "", raw, flags=re.I)
    # `secrétaire d'État` keeps État's case as written (the contract's examples do)
    m = re.match(r"(secrétaire d')(état|etat)", raw, re.I)
    if m:
        return "secrétaire d'" + m.group(2)
    vocab = _title_vocab()
    out = []
    for i, w in enumerate(raw.split(" ")):
        if w.isupper() and len(w) > 1:
            out.append(w)  # acronyms: PDG, DG, CEO
        elif i == 0 or w.lower() in vocab or "-" in w and w.lower().split("-")[0] in vocab:
            out.append(w.lower())
        else:
            out.append(w)  # proper nouns inside a title: `de la République`, `Sceaux`
    return " ".join(out)


_NAME_WORD = r"(?:[A-ZÉÈÀÂÎÔÛ][\w’'-]+|[IVX]{1,4})"
_PARTICLE = r"(?:\s+(?:" + "|".join(sorted(NAME_PARTICLES)) + r"))?"


@lru_cache(maxsize=1)
def _title_name_rx(titles: str) -> re.Pattern:
    hon = "|".join(re.escape(h) for h in sorted(honorifics(), key=len, reverse=True))
    return re.compile(titles + r"(?:\s+(?P<adj>[a-zéèï-]+))?\s+(?:(?:" + hon + r")\.?\s+)?"
                      r"(?P<name>(?-i:" + _NAME_WORD + r"(?:" + _PARTICLE + r"\s+" + _NAME_WORD + r"){1,3}))"
                      r"(?![\w’'-])", re.I)


@lru_cache(maxsize=1)
def _scope_written() -> frozenset:
    from pipeline.data import read_rows
    return frozenset(w.strip() for w, _ in read_rows("scope_titles.tsv", ("written", "title")))


def _scoped(title: str, adj: str) -> bool:
    """`commissaire européen`: an adjective that names the office's body (scope_titles.tsv)."""
    return re.sub(r"\s+", " ", f"{title} {adj}".lower()) in _scope_written()


def names_after_titles(doc: Doc) -> list[Mention]:
    """A name the model missed right after a title: `Le Premier ministre espagnol Pedro
    Sánchez`, `son directeur général Mme Amina Benkhadra` (two to four capitalized words)."""
    from .normalize.gazetteer import demonym_country, lookup
    from .org_finder import load_patterns
    tw = title_words()
    heads = load_patterns().org_heads
    out = []
    for m in _title_name_rx(titles_pattern()).finditer(doc_text(doc)):
        if m.group("adj") and not demonym_country(m.group("adj")) and not _scoped(m.group("title"), m.group("adj")):
            continue
        name = m.group("name")
        words = name.split()
        # the case-blind match must still see capitals where a name has them
        if not all(w[:1].isupper() for w in words if w.lower() not in NAME_PARTICLES):
            continue
        if any(w in heads or lookup(w) is not None or w.lower() in tw for w in words):
            continue  # `l'administrateur Directeur Général (ADG)`: titles, not a name
        out.append(Mention(m.start("name"), m.end("name"), "PERSON", name, norm=clean_norm(name),
                           source="title+name", priority=2))
    return out
