"""Assembling the spaCy pipeline: fr_core_news_md plus our components (components.py).

Order, and why:
  tok2vec … ner          stock fr_core_news_md: POS, lemmas, parse, sentences, PER/ORG/LOC/MISC
                         (the ner is replaced by news_learned when combine.json says so)
  news_learned           spans learned from the gold (models/ner, learned.py), kept aside in
                         doc._.learned for the resolver to combine label by label; beside
                         the stock ner, or in its place (combine.json's replaces_stock_ner)
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

Two uses, one pipeline.  ``load()`` gives the whole pipeline, as spaCy users expect it
(``token.lemma_`` set on every token, by the stock ``lemmatizer``).  The batch
extraction (``extract_batch``: ``run``, Spark, the snapshot) reads only the tables, so
it skips the stock components whose output no rule reads (``batch_skips``): the
``lemmatizer``, about a tenth of the model's CPU for a handful of tokens per article.
The rules read a lemma through ``lexicon.lemma``, which computes it on demand, with the
same lemmatizer and tables, when the pipe did not set it: same output either way
(tests/test_lemmas.py).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories and extensions)
from .components import COMPONENTS

MODEL = "fr_core_news_md"


def load(model: str = MODEL, config: Optional[dict] = None) -> Language:
    """The assembled pipeline: the model plus our components, one load per process
    for the default settings.  ``config`` maps a component name to settings that
    override its factory's default_config (``{"news_roles": {"home_country": "DZA"}}``)."""
    if not config:
        return _load_default(model)
    return _assemble(model, config)


@lru_cache(maxsize=2)
def _load_default(model: str) -> Language:
    return _assemble(model, None)


def _assemble(model: str, config: Optional[dict], learned=None) -> Language:
    """``learned``: settings of the learned recognizer (``learned.add_to``'s keywords);
    None puts the shipped one as combine.json says, when anything reads it; False
    leaves it out (the stock ner alone)."""
    nlp = spacy.load(model)
    from . import learned as lrn
    if isinstance(learned, dict):
        lrn.add_to(nlp, **learned)
    elif learned is None and lrn.model_available() and lrn.needed():
        lrn.add_to(nlp)
    for name in COMPONENTS:
        nlp.add_pipe(name, config=(config or {}).get(name, {}))
    return nlp


def batch_skips(nlp: Language) -> tuple[str, ...]:
    """The components ``extract_batch`` leaves out of ``nlp.pipe``: the stock
    ``lemmatizer``, when ``lexicon.lemma`` makes up for it exactly (fr_core_news_md's).
    Every other stock component is read: the parse, POS and morphology by the rules,
    the ``attribute_ruler``'s POS of whitespace tokens by the rules and lemmas."""
    from .lexicon import lemmatizes_like
    return ("lemmatizer",) if lemmatizes_like(nlp) else ()


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document: spaCy joins every token's text on each
    access, so a rule reading `doc.text` once per candidate made the pipeline's
    time grow with the square of the article's length."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


_TEXT = "news_text"


def make_doc(nlp: Language, prose: str, published: Optional[str]) -> Doc:
    doc = nlp.make_doc(prose)
    doc._.published = published
    return doc
