"""MINISTRY finder: spans of ministries and state secretariats in a spaCy ``Doc``.

A span runs from the head word (``ministère``, ``ministre(s)``, ``secrétaire d'État``,
``secrétariat d'État``) to the end of the portfolio: a chain of components
``de/du/des/d'/de la/de l'`` + domain noun + adjectives, joined by ``,`` / ``et``.
It stops where that chain stops: before a name, a verb, a place (``de la Côte
d'Ivoire``), a determiner that is not an article (``de ces quatre pays``), a
nationality adjective after the portfolio, a relative clause or punctuation.
The token tests use POS, morphology, NER types and two small word lists, so the
rule carries to unseen outlets.
"""
from __future__ import annotations

from typing import List, Optional

from pipeline.extraction.mention import Mention
from pipeline.extraction.normalize.text import fold_word, unify_apostrophes
from pipeline.data import read_rows
from pipeline.extraction.defaults import FUZZY_THRESHOLD, HOME_COUNTRY
from pipeline.extraction.normalize.gazetteer import demonym_country
from pipeline.extraction.normalize.ministries import mend_typos, normalize_ministry
from pipeline.extraction.nlp import doc_text
from pipeline.extraction.wordlists import AGAINST_HEADS

LABEL = "MINISTRY"

_HEADS_MIN = {"ministre", "ministres", "ministère", "ministères", "ministere", "ministeres"}
# `le département de l'Agriculture`: the Moroccan press names a ministry by its department;
# only with a capitalized portfolio (`département de Dakar` is a place, `département des
# ressources humaines` a company's)
_HEADS_DEPT = {"département", "departement"}
_HEADS_SEC = {"secrétaire", "secrétaires", "secretaire", "secretaires",
              "secrétariat", "secrétariats", "secretariat"}
_DELEGUE = {"délégué", "déléguée", "délégués", "déléguées", "delegue", "deleguee"}
_CHARGE = {"chargé", "chargée", "chargés", "chargées", "charge", "chargee"}
_AUPRES = {"auprès", "aupres"}
_PREP_FULL = {"du", "des"}                       # preposition + article in one token
_PREP_DE = {"de", "d'"}                          # may take la / l' after it
# ``secrétaire d'État aux Affaires étrangères``: à-portfolios open a state secretariat only
_PREP_A_FULL = {"au", "aux"}
_ARTICLES = {"la", "l'", "les", "le"}


def _load_words() -> dict[str, frozenset]:
    """The word lists below, by kind, from pipeline/data/ministry_words.tsv."""
    words: dict[str, set] = {}
    for word, kind in read_rows("ministry_words.tsv", ("word", "kind")):
        words.setdefault(kind.strip(), set()).add(word.strip())
    return {k: frozenset(v) for k, v in words.items()}


_WORDS = _load_words()

# Lowercase nouns that can open a portfolio component (many outlets write
# ``des finances``, ``de l'économie verte``); capitalized words need no list.
# Folded: accents stripped, lower case.
_DOMAIN = _WORDS["domain"]

# Lowercase nouns after an attached ``de`` that point outside the portfolio
# (``de l'époque``, ``du gouvernement``); other nouns there extend it
# (``Aménagement du territoire``, ``Politique de la ville``).
_ATTACHED_STOP = _WORDS["attached_stop"]

# Adjectives that qualify the office, not the portfolio (dropped by the norm).
_OFFICE_ADJ = _WORDS["office_adj"]

# Capitalized words that never open a portfolio (``ministre d'État`` is a rank).
_NOT_PORTFOLIO = _WORDS["not_portfolio"]

# ... except these where nothing names them further (``du Plan et de la Coopération``, not
# ``du Plan vert``, a programme).
_BARE_PORTFOLIO = _WORDS["bare_portfolio"]

# Adjectives that stand before their noun and open a component (``des Anciens combattants``).
_PRENOMINAL = _WORDS["prenominal"]


def _named_no_further(doc, i: int) -> bool:
    """Nothing after token i names it further: no capital, adjective or `de` complement
    (``du Plan et de …``, ``du Plan a publié``; not ``du Plan vert``, ``du Plan de relance``)."""
    if i + 1 >= len(doc):
        return True
    nxt = doc[i + 1]
    return not (nxt.text[:1].isupper() or nxt.pos_ == "ADJ"
                or _low(nxt) in ("de", "d'", "du", "des"))

# Adjective participles that end a span rather than extend it (``le ministère concerné``).
_TRAILING_ADJ_STOP = _WORDS["trailing_adj"]

# Participles that continue a component when a place phrase follows
# (``des Marocains résidant à l'étranger``).
_RESIDENT = _WORDS["resident"]
_ABROAD = _WORDS["abroad"]

# Endings of adjectives that some outlets capitalise inside a portfolio
# (``Enseignement Supérieur``, ``Recherche Scientifique``, ``Economie Verte``); the model
# tags such words NOUN or PROPN, so the ending decides. Folded (no accents).
_CAP_ADJ_ENDINGS = tuple(_WORDS["cap_adj_ending"])

_fold = fold_word


def _low(tok) -> str:
    return unify_apostrophes(tok.lower_)


def is_demonym(word: str) -> bool:
    """A nationality adjective (any inflection): the gazetteer's demonyms, the one list."""
    return demonym_country(word) is not None


def _is_place(doc, i: int) -> bool:
    """Does a known country or place name start at token i (``Sénégal``, ``Côte d'Ivoire``)?"""
    try:
        from pipeline.extraction.normalize.gazetteer import lookup
    except Exception:
        return False
    for k in range(min(len(doc), i + 4), i, -1):
        if lookup(doc[i:k].text):
            return True
    return False


def _is_upper_word(tok) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


def _at_doc_end(doc, i: int) -> bool:
    """True when only whitespace follows token i: a text cut mid-word."""
    return not doc_text(doc)[doc[i].idx + len(doc[i].text):].strip()


def _valid_head(doc, i: int) -> bool:
    """Can token i open a portfolio component?"""
    if i >= len(doc):
        return False
    tok = doc[i]
    f = _fold(mend_typos(tok.text))
    if not tok.is_alpha and "-" not in tok.text:
        return False
    if f in _NOT_PORTFOLIO and tok.text[:1].isupper() and not (
            f in _BARE_PORTFOLIO and _named_no_further(doc, i)):
        return False
    # an acronym names an organization (``de la CAA``), not a portfolio
    if tok.is_upper and len(tok.text) > 1:
        return False
    if f in _DOMAIN:
        return True
    if _is_upper_word(tok):
        # a place or a person after ``de`` ends the portfolio (``de la Côte d'Ivoire``);
        # the model also tags common nouns LOC (``Emploi``), hence the PROPN test
        if tok.ent_type_ in ("LOC", "PER", "GPE") and tok.pos_ == "PROPN":
            return False
        # the model often misses places inside a long ORG-like span: ask the gazetteer
        if _is_place(doc, i):
            return False
        return True
    # a word cut by the end of the text is kept as is
    return tok.is_alpha and tok.is_lower and _at_doc_end(doc, i)


def _prep_then_head(doc, i: int, allow_a: bool = False) -> Optional[int]:
    """If a component starts at i (preposition [+ article] + valid head), index of its head."""
    n = len(doc)
    if i >= n:
        return None
    low = _low(doc[i])
    if low in _PREP_FULL or (allow_a and low in _PREP_A_FULL):
        j = i + 1
    elif low in _PREP_DE or (allow_a and low == "à"):
        j = i + 1
        if j < n and _low(doc[j]) in _ARTICLES and _low(doc[j]) != "le":
            j += 1
    else:
        return None
    return j if _valid_head(doc, j) else None


def _component_end(doc, h: int) -> int:
    """Index just past the component whose head is h: head + adjectives (+ et + adjective)."""
    n = len(doc)
    k = h + 1
    # a prenominal adjective heads the component: ``de la Petite entreprise``, ``des Anciens
    # combattants`` (the model tags a capitalised one NOUN: the list decides)
    if (doc[h].pos_ == "ADJ" or _fold(doc[h].text) in _PRENOMINAL) and k < n and doc[k].pos_ == "NOUN" and doc[k].is_alpha \
            and (doc[k].is_lower or doc[h].text[:1].isupper()):
        k += 1
    while k < n:
        tok = doc[k]
        low = _low(tok)
        # ``des Marocains résidant à l'étranger``, ``de la Communauté nationale à l'étranger``
        abroad = _abroad_end(doc, k + 1 if low in _RESIDENT else k)
        if abroad is not None:
            k = abroad
            continue
        if low in _RESIDENT:
            break
        # ``de la Lutte contre la pauvreté``: what a portfolio fights is part of it
        if low == "contre" and _fold(doc[h].text) in AGAINST_HEADS and k + 2 < n \
                and _low(doc[k + 1]) in _ARTICLES and doc[k + 2].pos_ == "NOUN" and doc[k + 2].is_alpha:
            k += 3
            continue
        if _is_adj(tok) or _is_cap_adj(tok):
            k += 1
            continue
        # ``de la Coopération au développement``: an à-complement that is itself a portfolio
        # noun (lower case: ``au Sénégal`` is a place)
        if low in ("au", "aux", "à"):
            j = k + 1
            if low == "à" and j < n and _low(doc[j]) in ("la", "l'"):
                j += 1
            if j > k + 1 or low != "à":
                if j < n and doc[j].is_alpha and doc[j].is_lower and _fold(doc[j].text) in _DOMAIN:
                    k = j + 1
                    continue
        if low == "et" and k + 1 < n and (_is_adj(doc[k + 1]) or _is_cap_adj(doc[k + 1])
                                          or (_fold(doc[k + 1].text) in _DOMAIN
                                              and _is_upper_word(doc[k + 1]))):
            k += 2
            continue
        # ``Relations avec le Parlement``
        if low == "avec" and k + 2 < n and _low(doc[k + 1]) in _ARTICLES and _is_upper_word(doc[k + 2]) \
                and doc[k + 2].ent_type_ not in ("PER", "LOC"):
            k += 3
            # ``avec le Parlement et la société civile``: a second partner of the relations
            if k + 2 < n and _low(doc[k]) == "et" and _low(doc[k + 1]) in _ARTICLES \
                    and doc[k + 2].pos_ in ("NOUN", "PROPN") and doc[k + 2].is_alpha \
                    and doc[k + 2].ent_type_ not in ("PER", "LOC"):
                k += 3
                while k < n and (_is_adj(doc[k]) or _is_cap_adj(doc[k])):
                    k += 1
            continue
        break
    return k


def _abroad_end(doc, i: int) -> Optional[int]:
    """Index just past ``à l'étranger`` / ``à l'extérieur`` starting at token i, or None."""
    n = len(doc)
    if i + 1 >= n or _low(doc[i]) != "à":
        return None
    j = i + 1
    if _low(doc[j]) == "l'" and j + 1 < n:
        j += 1
    return j + 1 if _fold(doc[j].text) in _ABROAD else None


def _is_adj(tok) -> bool:
    if not tok.is_alpha or tok.pos_ != "ADJ" and _fold(tok.text) not in ("etrangeres", "etrangere",
                                                                          "exterieures", "exterieur"):
        return False
    if is_demonym(tok.text) or tok.lower_ in _TRAILING_ADJ_STOP:
        return False
    if "Part" in tok.morph.get("VerbForm"):
        return False
    return True


def _is_cap_adj(tok) -> bool:
    """A capitalised adjective inside a portfolio (``Supérieur``, ``Verte``), not a name."""
    if not _is_upper_word(tok) or tok.is_upper or tok.ent_type_ == "PER":
        return False
    f = _fold(tok.text)
    if f in _DOMAIN or f in _NOT_PORTFOLIO or is_demonym(tok.text):
        return False
    return f.endswith(_CAP_ADJ_ENDINGS)


def _attached_common_noun(doc, i: int) -> Optional[int]:
    """``de`` [+ article] + lowercase common noun directly after a component, or None."""
    n = len(doc)
    low = _low(doc[i])
    j = i + 1
    if low in _PREP_DE and j < n and _low(doc[j]) in ("la", "l'"):
        j += 1
    if j >= n:
        return None
    tok = doc[j]
    if tok.pos_ == "NOUN" and tok.is_alpha and tok.is_lower and _fold(tok.text) not in _ATTACHED_STOP:
        return j
    return None


def _portfolio_end(doc, i: int, allow_a: bool = False, single: bool = False) -> Optional[int]:
    """Parse the component chain from token i; index just past it, or None if none starts.
    ``single``: `les ministres de l'Energie et des Finances` are two ministers, one portfolio
    each; the office named is the first one's."""
    h = _prep_then_head(doc, i, allow_a)
    if h is None:
        return None
    end = _component_end(doc, h)
    if single:
        return end
    n = len(doc)
    while end < n:
        low = _low(doc[end])
        nxt = None
        if low in (",", "et") and end + 1 < n:
            nxt = _prep_then_head(doc, end + 1)
            # ``, et de …``
            if nxt is None and low == "," and end + 2 < n and _low(doc[end + 1]) == "et":
                nxt = _prep_then_head(doc, end + 2)
        elif low in _PREP_FULL or low in ("de", "d'"):
            nxt = _prep_then_head(doc, end)
            # an attached ``du Sénégal`` names the country, not a portfolio: without
            # a comma or ``et``, a proper noun continues only if it is a domain word
            if nxt is not None and doc[nxt].pos_ == "PROPN" \
                    and _fold(mend_typos(doc[nxt].text)) not in _DOMAIN:
                nxt = None
            if nxt is None:
                nxt = _attached_common_noun(doc, end)
        if nxt is None:
            break
        end = _component_end(doc, nxt)
    return end


def _match_at(doc, i: int):
    """(end token index, country adjective) of a MINISTRY starting at token i, or None."""
    n = len(doc)
    tok = doc[i]
    low = _low(tok)
    if low in _HEADS_DEPT:
        h = _prep_then_head(doc, i + 1)
        if h is None or not _is_upper_word(doc[h]):
            return None
        if i > 0 and doc[i - 1].text == "," and any(
                _low(t) in _HEADS_MIN for t in doc[max(0, i - 20):i - 1]):
            return None  # `ministère de la Culture et de la Communication, département de la
            # Culture`: a department inside the ministry just named
        j = i + 1
    elif low in _HEADS_MIN:
        if i > 0 and _low(doc[i - 1]) in ("premier", "première", "premiers", "premières"):
            return None
        after = doc_text(doc)[tok.idx + len(tok.text): tok.idx + len(tok.text) + 1]
        if after == "-":   # ministre-conseiller
            return None
        j = i + 1
    elif low in _HEADS_SEC:
        if i + 2 < n and _low(doc[i + 1]) == "d'" and _fold(doc[i + 2].text) == "etat":
            j = i + 3
        elif i + 1 < n and _fold(doc[i + 1].text) == "d'etat":
            j = i + 2
        else:
            return None
    else:
        return None
    country_adj = None
    # office qualifiers: délégué, d'État (rank), nationality or other adjective
    for _ in range(3):
        if j >= n:
            return None
        lj = _low(doc[j])
        if lj in _DELEGUE or lj in _OFFICE_ADJ:
            j += 1
        elif lj == "d'" and j + 1 < n and _fold(doc[j + 1].text) == "etat" and low in _HEADS_MIN:
            j += 2
        elif doc[j].is_alpha and doc[j].is_lower and is_demonym(doc[j].text):
            country_adj = doc[j].lower_
            j += 1
        else:
            break
    if j >= n:
        return None
    # ``auprès du X[,] chargé de Y``: keep the clause when a chargé portfolio follows
    if _low(doc[j]) in _AUPRES:
        k = j + 1
        while k < n and k < j + 25 and _low(doc[k]) not in _CHARGE and doc[k].text not in ".;:()\n":
            k += 1
        if k < n and _low(doc[k]) in _CHARGE:
            j = k
        else:
            return None
    delegate = any(_low(t) in _DELEGUE for t in doc[i + 1:j])
    # ``déléguée à la Présidence chargée de X``: a delegate office attached to a body that is no
    # portfolio, as with ``auprès``, keeps the clause when a chargé portfolio follows
    if delegate and _low(doc[j]) in ("à", "au", "aux") \
            and _portfolio_end(doc, j, allow_a=True) is None:
        k = j + 1
        while k < n and k < j + 8 and _low(doc[k]) not in _CHARGE and doc[k].text not in ",.;:()\n":
            k += 1
        if k < n and _low(doc[k]) in _CHARGE:
            j = k
    if _low(doc[j]) in _CHARGE:
        j += 1
    elif _low(doc[j]) == "en" and j + 1 < n and _low(doc[j + 1]) == "charge":
        j += 2
    # à-portfolios open a state secretariat and a delegate office (``délégué au Budget``)
    end = _portfolio_end(doc, j, allow_a=low in _HEADS_SEC or delegate,
                         single=low == "ministres")
    if end is None:
        return None
    # ``ministre de l'Économie, chargé de l'Industrie``: a further portfolio the same office holds
    if end + 2 < n and doc[end].text == "," and _low(doc[end + 1]) in _CHARGE:
        more = _portfolio_end(doc, end + 2)
        if more is not None:
            end = more
    return end, country_adj


def _country_after(doc, end: int) -> Optional[str]:
    """Alpha-3 of a state named right after a portfolio (`de la République arabe d'Egypte`,
    `du Sénégal`), else None."""
    from pipeline.extraction.normalize.gazetteer import country_code
    text = doc_text(doc)
    pos = doc[end - 1].idx + len(doc[end - 1].text)
    import re
    m = re.match(r"\s+(?:de la|de l['’]|du|de|d['’])\s*((?:République|Royaume|Etat|État)?[^,.;:()\n]{0,40})",
                 text[pos:pos + 60])
    if not m:
        return None
    words = m.group(1).split()
    for k in range(len(words), 0, -1):
        code = country_code(" ".join(words[:k]))
        if code:
            return code
    return None


def find_ministries(doc, home: str = HOME_COUNTRY, threshold: float = FUZZY_THRESHOLD) -> List[Mention]:
    """MINISTRY mentions of ``doc``; ``home`` is the state of a ministry named without a
    nationality adjective, ``threshold`` the registry's fuzzy-match score (0-100)."""
    out: List[Mention] = []
    i = 0
    n = len(doc)
    while i < n:
        m = _match_at(doc, i)
        if m is None:
            i += 1
            continue
        end, adj = m
        start_c = doc[i].idx
        end_c = doc[end - 1].idx + len(doc[end - 1].text)
        text = doc_text(doc)[start_c:end_c]
        mention = Mention(start=start_c, end=end_c, label=LABEL, text=text,
                          norm=normalize_ministry(text, adj, home, threshold), source="ministry_finder")
        # a text cut mid-word (``de l'E``): the article's full form may complete it
        if doc[end - 1].is_alpha and _at_doc_end(doc, end - 1):
            mention.extra["cut"] = True
        if adj:
            mention.extra["country_adj"] = adj
            code = demonym_country(adj)
            if code:
                mention.extra["country"] = code
        else:
            code = _country_after(doc, end)
            if code:
                # `ministre des affaires étrangères de la République arabe d'Egypte`: another
                # state's ministry, which no home-country name in the article completes
                mention.extra["country"] = code
        out.append(mention)
        i = end
    return out
