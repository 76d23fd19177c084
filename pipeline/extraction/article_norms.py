"""Norms that need the whole article: a person's fullest name, acronyms linked to
their long forms, a ministry's fullest name."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .acronyms import company_short_names, link_acronyms
from .defaults import HOME_COUNTRY
from .mention import Mention
from .nlp import doc_text
from .ocr import mend_norms
from .normalize.ministries import resolve_in_article
from .normalize.text import clean as clean_norm, unify_apostrophes


def normalize_article(doc: Doc, mentions: list[Mention], home: str = HOME_COUNTRY) -> None:
    """Norms that need the whole article: full names, acronyms, ministries."""
    _people(mentions)
    mend_norms(doc_text(doc), mentions)                              # `Moharnmed` → `Mohammed`
    # the one place acronyms meet their long forms: every label is chosen by now
    from .org_finder import load_patterns
    pats = load_patterns()
    link_acronyms(doc_text(doc), mentions, known=pats.known_acronyms, short_forms=pats.short_forms)
    # `Tamba` for `Tamba Logistics Group` (not `Managem` for `Managem SA`: a legal form is no name)
    company_short_names(mentions, pats.suffixes - pats.legal_suffixes)
    resolve_in_article(mentions, home)


def _name_tokens(s: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", unify_apostrophes(s)) if w]


def _people(mentions: list[Mention]) -> None:
    from .people import name_case
    """A name takes the fullest form of it in the article (`Saadi` → `Lahcen Saadi`)."""
    people = [m for m in mentions if m.label == "PERSON"]
    names = sorted({clean_norm(m.text) for m in people}, key=len, reverse=True)
    for m in people:
        toks = _name_tokens(clean_norm(m.text))
        best = clean_norm(m.text)
        if m.norm and m.norm != best and ". " in best:
            best = m.norm  # a name mended across a stray period
        for cand in names:
            ct = _name_tokens(cand)
            if len(ct) <= len(toks):
                break
            # surname (last words) or first words of the fuller name
            if ct[-len(toks):] == toks or ct[:len(toks)] == toks:
                best = cand
                break
        m.norm = name_case(best)
