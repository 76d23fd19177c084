"""Named organizations (ORG) and events (EVENT) found by rules on a spaCy ``Doc``.

Rules, each a small function returning candidate ``Mention``s (the longest wins an overlap):
  * head names   ``Agence marocaine de développement des investissements et des exportations``:
                 a capitalized head noun (pipeline/data/org_heads.tsv, event_heads.tsv) and its
                 adjectives and de/des/du/pour/sur/au complements, up to where the name ends;
  * English runs ``Automotive meetings Tangier-Med``, ``AME Trade Ltd``, ``Kosmos Energy``:
                 capitalized words holding an event word or a company suffix;
  * triggers     ``le groupe Renault`` -> ``Renault``;
  * known names  pipeline/data/known_orgs.tsv (``Banque mondiale``, ``Royal Air Maroc``);
  * acronyms     all-capital words that are not units, titles, codes or plans;
  * long forms in lower case given by a bracketed acronym (``centre régional
                 d'investissement (CRI)``).
Acronyms are linked to long forms later, over the article (article_norms.py). Ministries are
someone else's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.extraction.acronyms import (acronym_matches, backtrack_long_form, canonical_name, complete_norms,
                               find_paren_acronyms, looks_like_acronym,
                               norm_apostrophes, _fold)
from pipeline.extraction.figures import currency_codes, currency_ends_at
from pipeline.extraction.mention import Mention
from pipeline.extraction.normalize.text import whole_name
from pipeline.extraction.overlaps import longest_first
from pipeline.extraction.wordlists import AGAINST_HEADS, word_set
from pipeline.data import DATA_DIR, read_rows
from pipeline.extraction.nlp import doc_text

PATTERNS = DATA_DIR

PREPS = {"de", "des", "du", "d'", "d’", "pour", "sur", "au", "aux"}
DETS = {"la", "le", "l'", "l’", "les"}
# Nouns after a preposition that mean the name is over (time, circumstance, people, ministries).
STOP_NOUNS = word_set("org_stop_nouns.tsv")
# Lowercase participles that belong to names (``Nations unies``).
NAME_PARTICIPLES = word_set("name_participles.tsv")
# All-capital words that are not organizations: units, currencies, titles, economic terms,
# plans and laws, country codes, roman numerals.
NOT_ORG_ACRONYMS = word_set("not_org_acronyms.tsv")


@dataclass
class Patterns:
    org_heads: set = field(default_factory=set)
    pre: set = field(default_factory=set)
    triggers: set = field(default_factory=set)
    suffixes: set = field(default_factory=set)
    legal_suffixes: set = field(default_factory=set)      # `Ltd`, `SA`: suffixes that are legal forms
    generic: list = field(default_factory=list)
    generic_alone: list = field(default_factory=list)     # `Direction générale` alone or of an org
    event_heads: set = field(default_factory=set)
    english_events: set = field(default_factory=set)
    legal_forms: set = field(default_factory=set)         # `SCA`, `SARL`: company legal forms
    lower_heads: list = field(default_factory=list)       # (lowercase phrase, label), longest first
    lower_whole: set = field(default_factory=set)         # lowercase event phrases named by themselves
    event_triggers: set = field(default_factory=set)      # `le salon GITEX Africa`: generic event nouns
    feasts: set = field(default_factory=set)              # `la fête du Trône`
    standing: set = field(default_factory=set)            # `Conférence permanente …` is a body
    qualifiers: set = field(default_factory=set)          # `CAN féminine 2026`: an edition's kind
    heads_by_initial: dict = field(default_factory=dict)  # first letter -> lower_heads starting so
    local_heads: set = field(default_factory=set)         # `conseil communal`: ORG with a place only
    bodies: set = field(default_factory=set)              # `Conseil`, `Direction`: bodies inside orgs
    club_words: set = field(default_factory=set)          # `sportive` in `Union sportive de X`
    scope_words: set = field(default_factory=set)         # `nationale` in `la commission nationale …`
    wrappers: set = field(default_factory=set)            # `Groupe` in `Groupe OCP`
    whole: set = field(default_factory=set)               # `Parlement`: a head that is a name alone
    lower_named: set = field(default_factory=set)         # `parti`: a lower-case head before `de` + a capital
    known_acronyms: dict = field(default_factory=dict)    # acronym -> (long form, label)
    known_names: dict = field(default_factory=dict)       # folded name -> (canonical, label)
    short_forms: dict = field(default_factory=dict)       # folded short form -> full name


_COLUMNS = {"org_heads.tsv": ("word", "kind", "label"), "event_heads.tsv": ("word", "kind"),
            "known_orgs.tsv": ("acronym", "long_form", "label"),
            "org_short_forms.tsv": ("short_form", "full_name")}


def _rows(name: str):
    return read_rows(name, _COLUMNS[name])


@lru_cache(maxsize=1)
def load_patterns() -> Patterns:
    p = Patterns()
    for word, kind, _label in _rows("org_heads.tsv"):
        {"head": p.org_heads, "pre": p.pre, "trigger": p.triggers, "suffix": p.suffixes,
         "legal": p.legal_forms, "body": p.bodies, "wrapper": p.wrappers, "whole": p.whole,
         "club": p.club_words, "scope": p.scope_words,
         "lower_named": p.lower_named}.get(kind, set()).add(word)
        if kind == "suffix_legal":
            p.suffixes.add(word)
        if kind in ("suffix", "suffix_legal") and word.replace(".", "").isupper():
            p.legal_forms.add(word.replace(".", ""))
        if kind == "suffix_legal":
            p.legal_suffixes.add(word)
        if kind in ("lower", "local"):
            p.lower_heads.append((norm_apostrophes(word).lower(), "ORG"))
        if kind == "local":
            p.local_heads.add(norm_apostrophes(word).lower())
        if kind == "generic":
            p.generic.append(_fold(norm_apostrophes(word)))
        if kind == "generic_alone":
            p.generic_alone.append(_fold(norm_apostrophes(word)))
    for word, kind in _rows("event_heads.tsv"):
        {"head": p.event_heads, "trigger": p.event_triggers, "feast": p.feasts,
         "standing": p.standing, "qualifier": p.qualifiers}.get(kind, set()).add(word)
        if kind == "english":
            p.english_events.add(word.lower())
        elif kind in ("lower", "lower_whole"):
            p.lower_heads.append((norm_apostrophes(word).lower(), "EVENT"))
            if kind == "lower_whole":
                p.lower_whole.add(norm_apostrophes(word).lower())
    p.lower_heads.sort(key=lambda x: len(x[0]), reverse=True)
    for phrase, lab in p.lower_heads:      # in the same order: the first match wins
        p.heads_by_initial.setdefault(phrase[:1], []).append((phrase, lab))
    for acr, long_form, label in _rows("known_orgs.tsv"):
        if acr:
            p.known_acronyms[acr] = (long_form, label)
        if long_form:
            p.known_names[_fold(long_form)] = (long_form, label)
    for short, full in _rows("org_short_forms.tsv"):
        p.short_forms[_fold(short)] = full
        p.known_names.setdefault(_fold(short), (short, "ORG"))
    return p


# ---------------------------------------------------------------- token predicates
def _is_cap(t) -> bool:
    return t.text[:1].isupper()


def _is_verb(t) -> bool:
    return t.pos_ in ("VERB", "AUX") and t.lower_ not in NAME_PARTICIPLES


_COMPOUND_ADJ = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def _is_adj(t) -> bool:
    # `sino-africaine`, `euro-méditerranéen`: a hyphenated adjective is one word of the name
    return (t.text.islower() and (t.is_alpha or _COMPOUND_ADJ.fullmatch(t.text))
            and (t.pos_ == "ADJ" or t.lower_ in NAME_PARTICIPLES or t.lower_ in load_patterns().club_words)
            and t.lower_ not in STOP_NOUNS)  # the tagger reads `athlétique` as a noun


def _is_noun(t) -> bool:
    return (t.is_alpha or "-" in t.text) and t.pos_ in ("NOUN", "PROPN", "ADJ", "X") \
        and t.lower_ not in STOP_NOUNS and not t.like_num


def _mention(doc, start_tok: int, end_tok: int, label: str, source: str) -> Mention:
    s, e = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
    full = doc_text(doc)[s:e]
    text = full.rstrip(".")
    e = s + len(text)
    # an abbreviation's period is part of the name (`GlobalFeed S.L.`), not of the span
    norm = full if doc[end_tok - 1].text in load_patterns().suffixes and full.endswith(".") else text
    return Mention(s, e, label, text=text, norm=norm_apostrophes(norm), source=source, priority=1)


# ---------------------------------------------------------------- head names
_COMPASS = {"ouest", "nord", "sud"}   # not `est`, also the verb
_LOCUTION_ENDS = {"de", "du", "des", "d'", "d’", "avec", "à", "au", "aux"}   # `en charge de`, `en lien avec`
_NUMBERED_GROUP = re.compile(r"[A-Z]{1,2}\d{1,2}(?:\+\d)?")
def _extend_name(doc, i: int, allow_caps: bool = True) -> int:
    """Token index one past the end of the name whose head is token ``i``."""
    n = len(doc)
    end = i + 1
    has_caps = False  # a capitalized word after the head: a later "de + Place" ends nothing more
    j = i + 1
    while j < n and j - i < 16:
        t = doc[j]
        if "\n" in doc[j - 1].whitespace_ or t.is_space:
            break  # names do not cross lines
        if t.text.endswith("o") and t.is_lower and t.is_alpha and not t.whitespace_ and j + 2 < n \
                and doc[j + 1].text == "-" and not doc[j + 1].whitespace_ and _is_adj(doc[j + 2]):
            end = j = j + 3  # `commission mixte algéro-tunisienne`: a compound of two demonyms
            continue
        if j == i + 1 and t.is_lower and t.is_alpha and j + 2 < n and doc[j + 1].text == "-" \
                and not t.whitespace_ and not doc[j + 1].whitespace_ and doc[j + 2].is_lower \
                and doc[j + 2].is_alpha:
            end = j = j + 3  # `Conseil coton-anacarde`: the sectors it serves, a compound noun
            continue
        if _is_adj(t):
            if _is_cap(doc[j - 1]) and j - 1 > i and _closing_demonym(doc, j):
                break  # `Haut conseil d'État libyen`: whose body it is, not its name
            end = j = j + 1
            continue
        if t.lower_ in _COMPASS and j + 1 < n and _is_adj(doc[j + 1]):
            end = j = j + 2  # `Union économique et monétaire ouest africaine`: a compass point
            continue         # before an adjective of place is one adjective (`ouest-africaine`)
        if t.text in ("-", "–") and j + 1 < n and not doc[j - 1].whitespace_ and not t.whitespace_ \
                and doc[j - 1].is_lower and doc[j + 1].is_lower and doc[j + 1].is_alpha and j - 1 > i:
            end = j = j + 2  # `Banque africaine d'import-export`: a compound noun split by the tokenizer
            continue
        if t.text in ("-", "–") and j + 1 < n and not doc[j - 1].whitespace_ and not t.whitespace_ \
                and _is_cap(doc[j + 1]):
            end = j = j + 2  # `Tangier-Med`, `Internationale-Afrique` split by the tokenizer
            continue
        if t.ent_type_ == "PER" and t.ent_iob_ == "B" and doc[j - 1].is_lower and j - i > 2:
            break  # `… des investissements et des exportations Ali Seddiki`: a person follows
        if allow_caps and _is_cap(t) and t.is_alpha is not None and t.pos_ != "VERB" \
                and t.lower_ not in DETS and not t.like_num and t.text not in ("L", "Le", "La", "Les") \
                and t.lower_ not in STOP_NOUNS and re.match(r"^[^\W\d_][\w&.-]*$", t.text):
            has_caps = has_caps or (t.pos_ == "PROPN" and t.text not in load_patterns().org_heads)
            end = j = j + 1
            continue
        if t.lower_ == "en" and doc[j - 1].is_lower and j + 1 < n and doc[j + 1].is_lower \
                and _is_noun(doc[j + 1]) and not _is_verb(doc[j + 1]) \
                and not (j + 2 < n and doc[j + 2].lower_ in _LOCUTION_ENDS):
            end = j = j + 2  # `… des ressources en hydrocarbures`, `… en milieu rural`: a bare
            continue         # noun after `en` is a complement of the name (`en partenariat avec` ends it)
        if t.text == "," and end == j and _listed_complement(doc, j):
            end = j = j + 1  # `Chambre de commerce, d'industrie et d'agriculture`: a list of
            continue         # complements, the comma read like `et`
        # `Comité national de lutte contre le paludisme`: `contre` after `lutte` reads like `de`
        against = t.lower_ == "contre" and doc[j - 1].lower_ in AGAINST_HEADS
        k = j
        if t.lower_ in PREPS or t.lower_ == "et" or against:
            coord = t.lower_ == "et"
            k += 1
            if coord and k < n and doc[k].lower_ in PREPS:
                k += 1
            had_det = False
            if k < n and doc[k].lower_ in DETS:
                if coord and doc[k].lower_ == "les":
                    break
                had_det = True
                k += 1
            if k >= n:
                break
            w = doc[k]
            if _NUMBERED_GROUP.fullmatch(w.text):
                end = j = k + 1  # `Sommet du G20`, `réunion du G7`: a group named by its size
                continue
            # `X et l'Agence ...`: a second entity starts; `Parti de l'Authenticité et de la
            # Modernité`: `et de la` + a capital is a second complement of the same name
            parallel = coord and doc[j + 1].lower_ in PREPS
            if coord and (w.text in load_patterns().org_heads or (had_det and _is_cap(w)
                                                                  and not parallel)):
                break
            if coord and had_det and not parallel and w.is_lower \
                    and w.text.capitalize() in load_patterns().org_heads:
                break  # `… et l'académie diplomatique émiratie`: a second body in lower case
            if coord and not had_det and not (_is_noun(w) or _is_adj(w)):
                break
            if coord and not had_det and k == j + 1 and _is_cap(w) and doc[j - 1].is_lower:
                break  # `la Banque mondiale et Sonelgaz`: a name in lower case goes on in lower
                # case (`… de l'électricité et de l'eau`); a bare capital after `et` is another name
            if not _is_noun(w) or _is_verb(w):
                break
            if had_det and w.is_lower and w.pos_ == "ADJ" and k + 1 < n and doc[k + 1].is_lower \
                    and doc[k + 1].pos_ == "NOUN":
                break  # `Conseil des ministres de la nouvelle équipe`: an adjective before its
                # noun opens a description of the body, no complement of its name
            if t.lower_ == "pour" and not had_det and not _is_cap(w):
                break  # `soumis au Parlement pour approbation`: a purpose, not `… pour la paix`
            if _is_cap(w):
                if has_caps and not coord and (w.ent_type_ in ("LOC", "PER") or w.pos_ == "PROPN"):
                    break  # `Université Mohammed VI Polytechnique de Ben Guérir`: a place after a name
                # capitalized complement: take its run of capitals, then the name ends
                m = k + 1
                while m < n and _is_cap(doc[m]) and doc[m].is_alpha and doc[m].lower_ not in STOP_NOUNS:
                    m += 1
                m = _place_run(doc, k, m)
                while m < n and (_is_adj(doc[m]) or (m < n and doc[m].text.startswith("-"))):
                    if _closing_demonym(doc, m):
                        break  # `Haut conseil d'État libyen`: whose body it is, not its name
                    m += 1
                end = j = m
                has_caps = has_caps or w.pos_ == "PROPN"
                continue
            end = j = k + 1
            # lower-case words after the capitals go on with the name's own complements: a
            # place after them is part of it (`Mission … des Nations unies pour la paix au Tchad`)
            has_caps = False
            continue
        break
    return end


def _lower_state_body(doc, i: int, pats: Patterns) -> bool:
    """Token ``i`` is a head written in lower case after `la`/`le`/`l'`, whose adjectives hold a
    nationality or `national(e)` and go on to a de/des complement in lower case (`la commission
    nationale des comptes`): a named body of the state. `la banque marocaine`, `la commission
    nationale élargie`, `une commission nationale` are any such body; a capitalized name after
    it (`la compagnie nationale des hydrocarbures X`) makes it a description of X."""
    from pipeline.extraction.normalize.gazetteer import demonym_country
    n, t = len(doc), doc[i]
    if not (t.is_lower and t.text.capitalize() in pats.org_heads and i > 0
            and doc[i - 1].lower_ in ("la", "le", "l'", "l’")):
        return False
    j, scoped = i + 1, False
    while j < n and _is_adj(doc[j]):
        scoped = scoped or doc[j].lower_ in pats.scope_words or demonym_country(doc[j].text) is not None
        j += 1
    if not (scoped and j < n and doc[j].lower_ in PREPS):
        return False
    # `la compagnie nationale des hydrocarbures Sonatrach`: a description before the name
    return not any(_is_cap(x) for x in doc[i:_extend_name(doc, i)])


def _listed_complement(doc, j: int) -> bool:
    """The comma at token ``j`` opens another de/d' complement (a lower-case noun) of a list that
    `et de`/`et d'` closes a few words on (`commerce, d'industrie et d'agriculture`)."""
    n = len(doc)
    k = j + 1
    if k >= n or doc[k].lower_ not in ("de", "d'", "d’", "du", "des"):
        return False
    k += 1
    if k < n and doc[k].lower_ in DETS:
        k += 1
    if k >= n or not doc[k].is_lower or not _is_noun(doc[k]) or _is_verb(doc[k]):
        return False
    return any(doc[x].lower_ == "et" and x + 1 < n and doc[x + 1].lower_ in PREPS
               for x in range(k + 1, min(n - 1, k + 5)))


def _closing_demonym(doc, m: int) -> bool:
    """Token ``m`` is a nationality adjective that ends the name (no de/du after it): it says
    whose the body is (`Haut conseil d'État libyen`, gold: `Haut conseil d'État`)."""
    from pipeline.extraction.normalize.gazetteer import demonym_country
    nxt = doc[m + 1].lower_ if m + 1 < len(doc) else ""
    return demonym_country(doc[m].text) is not None and nxt not in PREPS


def _inner_org(doc, i: int, end: int, pats: Patterns) -> int | None:
    """Bodies inside an organization (ENTITIES.md: `Conseil d'administration de la BCT` -> `BCT`):
    a body head with a complement of its own (`des administrateurs`, `de politique monétaire`),
    then `de [la]` and an organization (a head noun, an acronym, or a capitalized word that is
    neither a place nor a common word: `Direction de la supervision bancaire de Bank
    Al-Maghrib`). The token index where that organization starts, else None.
    `Commission de l'Union africaine` has no complement of its own and stays whole."""
    from pipeline.extraction.lexicon import is_french_word
    from pipeline.extraction.normalize.gazetteer import lookup
    own = False  # the body's own complement seen (`des administrateurs`)
    for j in range(i + 1, end - 1):
        if doc[j].lower_ not in ("de", "du", "des", "d'", "d’"):
            continue
        if not own:
            own = True
            continue
        k = j + 1
        if doc[k].lower_ in DETS and k + 1 < end:
            k += 1
        w = doc[k]
        if not _is_cap(w) or not w.is_alpha and not looks_like_acronym(w.text):
            continue
        if w.text in pats.org_heads or (looks_like_acronym(w.text) and w.text.isupper()) or (
                lookup(w.text, weak=True) is None and not is_french_word(w.text)):
            return k
    return None


def _common_word(t) -> bool:
    from pipeline.extraction.lexicon import is_french_word
    return is_french_word(t.text)


def _place_run(doc, k: int, m: int) -> int:
    """End of a place name that goes on past its first capitals with `d'`/`de l'` + a capital
    (`Côte d'Ivoire`, `Afrique de l'Ouest`): the gazetteer must know the longer name."""
    from pipeline.extraction.normalize.gazetteer import lookup
    text, n = doc_text(doc), len(doc)
    while m + 1 < n and doc[m].lower_ in ("d'", "d’", "de", "du"):
        x = m + 1
        if doc[x].lower_ in ("l'", "l’", "la") and x + 1 < n:
            x += 1
        if not _is_cap(doc[x]) or lookup(text[doc[k].idx:doc[x].idx + len(doc[x])]) is None:
            break
        m = x + 1
    return m


# the rest of a name after a generic head: an organization's name (`… de la BCT`), not a portfolio
_OF_AN_ORG = re.compile(r"\s+(?:de la|de l'|du|des|de|d')\s*[A-ZÀ-Þ]")


def _capital_complement(doc, j: int) -> bool:
    """`de l'X`, `du X`, `des X` with a capital X starts at token ``j``."""
    n = len(doc)
    if j >= n or doc[j].lower_ not in ("de", "du", "des", "d'", "d’"):
        return False
    k = j + 1
    if k < n and doc[k].lower_ in ("l'", "l’", "la"):
        k += 1
    return k < n and _is_cap(doc[k]) and doc[k].is_alpha


def _head_names(doc, pats: Patterns) -> list[Mention]:
    out = []
    n = len(doc)
    i = 0
    while i < n:
        t = doc[i]
        label = None
        head_len = 1
        phrase = None
        capitalize = False  # a name written in lower case is valued with its official capital
        if t.text in pats.org_heads:
            label = "ORG"
        elif i > 0 and doc[i - 1].text in pats.pre and t.is_lower and t.text.capitalize() in pats.org_heads:
            label = "ORG"  # `Haut conseil d'État`, `Haute autorité de …`: the capital is on `Haut`
        elif t.is_title and t.is_alpha and i + 1 < n and doc[i + 1].lower_ in pats.club_words:
            label = "ORG"  # `Étoile sportive du Sahel`: a sports club, whatever its first word
        elif _lower_state_body(doc, i, pats):
            label = "ORG"  # `la commission nationale des comptes`: one body of the state
            capitalize = True
        elif t.text in pats.lower_named and _capital_complement(doc, i + 1):
            label = "ORG"  # `le parti de l'Istiqlal`: a party named by its complement
            capitalize = True
        elif t.text in pats.event_heads:
            label = "EVENT"
        else:
            for phrase, lab in pats.heads_by_initial.get(t.text[:1].lower(), ()):
                here = norm_apostrophes(doc_text(doc)[t.idx:t.idx + len(phrase) + 5]).lower()
                if here.startswith(phrase):
                    stop = t.idx + len(phrase)
                    k = next((k for k in range(i, min(n, i + 12)) if doc[k].idx + len(doc[k].text) == stop), None)
                    if k is not None:
                        label, head_len = lab, k - i + 1
                        break
            phrase = norm_apostrophes(doc[i:i + head_len].text).lower() if label else None
            # `conseil communal de Tanger`: a local council is valued with its official capital
            capitalize = phrase in pats.local_heads
        if label is None:
            i += 1
            continue
        from pipeline.extraction.named_sites import after_division
        if after_division(doc_text(doc), t.idx):
            i += 1
            continue  # `la région du Centre`: a place, though `Centre` heads organization names
        if t.text in pats.wrappers and i + 1 < n and not _is_adj(doc[i + 1]):
            nxt = doc[i + 2] if doc[i + 1].text in ("-", "–") and i + 2 < n else doc[i + 1]
            if nxt.text in NOT_ORG_ACRONYMS:
                i += 1
                continue  # `Part du Groupe-RNPG`: a financial term
            if _is_cap(nxt) and nxt.text not in pats.org_heads and (
                    nxt.pos_ == "PROPN" or looks_like_acronym(nxt.text) or not _common_word(nxt)):
                # `Groupe OCP`, `Groupe Sonelgaz`: the company's own name is the mention
                k = nxt.i + 1
                while k < n and _is_cap(doc[k]) and doc[k].is_alpha and doc[k].text not in pats.org_heads:
                    k += 1
                out.append(_mention(doc, nxt.i, k, "ORG", "org_trigger"))
                i = k
                continue
        start = i
        if i > 0 and doc[i - 1].text in pats.pre:
            start = i - 1
        end = _extend_name(doc, i + head_len - 1)
        inner = _inner_org(doc, i, end, pats) if t.text in pats.bodies else None
        if inner is not None:
            i = inner  # a body inside an organization gives only the organization
            continue
        if head_len > 1 and end == i + head_len:
            if norm_apostrophes(doc[i:end].text).lower() in pats.local_heads:
                i = end
                continue  # `le conseil communal` alone: which one, the text said before
            if label == "EVENT" and phrase not in pats.lower_whole:
                i += 1
                continue  # `la session de la commission mixte`: the short form alone names nothing
            end = i + head_len  # the lowercase phrase itself is the name
        elif end == i + 1 and start == i and t.text not in pats.whole and not (
                label == "EVENT" and _YEAR_AFTER.match(doc_text(doc), t.idx + len(t))):
            i += 1
            continue  # a head alone is generic (`la Commission`), unless a year follows (`Mondial 2030`)
        if label == "EVENT" and i + 1 < n and doc[i + 1].lower_ in pats.standing:
            label = "ORG"  # `Conférence permanente des …`: a standing body, not a meeting
        m = _mention(doc, start, end, label, "org_head" if label == "ORG" else "event_head")
        if start < i and f"{doc[start].text}-{t.text}" in pats.org_heads:
            # `Haut Commissariat au Plan`: the head is one hyphenated word (`Haut-Commissariat`)
            m.norm = f"{doc[start].text}-{t.text}" + m.norm[len(doc[start:i + 1].text):]
        if capitalize:
            m.norm = m.norm[:1].upper() + m.norm[1:]
        folded = _fold(m.norm)
        if any(folded == g or folded.startswith(g + " ") for g in pats.generic) or any(
                folded == g or folded.startswith(g + " ") and _OF_AN_ORG.match(m.norm, len(g))
                for g in pats.generic_alone):
            i += 1
            continue
        out.append(m)
        i = end
    return out


# ---------------------------------------------------------------- English runs
def _cap_runs(doc):
    """Maximal runs of capitalized words (with `&`, hyphen-joined parts and English event words
    in lower case); yields (start, end) token indices."""
    pats = load_patterns()
    n, i = len(doc), 0

    def inside(j: int) -> bool:
        t = doc[j]
        if t.text == "&":
            return True
        if t.text in ("-", "–") and j + 1 < n and not doc[j - 1].whitespace_ and not t.whitespace_:
            return _is_cap(doc[j + 1])
        if t.is_punct:
            return False
        if t.text in ("of", "and") and j + 1 < n and _is_cap(doc[j + 1]):
            return True  # `Bank of Africa`, `Procter and Gamble`: English names
        return _is_cap(t) or t.lower_ in pats.english_events or (
            doc[j - 1].text in ("-", "–") and not doc[j - 1].whitespace_)

    while i < n:
        # a sentence's first word opens a run only when it is no French word (`Kora Logistics
        # Group emploie …`; the parser also starts sentences inside names after a colon)
        if _is_cap(doc[i]) and doc[i].is_alpha and (not doc[i].is_sent_start
                                                    or not (_common_word(doc[i]) or doc[i].is_stop)):
            j = i + 1
            while j < n and inside(j):
                j += 1
            yield i, j
            i = j
        else:
            i += 1


def _english_runs(doc, pats: Patterns) -> list[Mention]:
    out = []
    for i, j in _cap_runs(doc):
        words = [t.text for t in doc[i:j]]
        if len(words) < 2 or doc[i].lower_ in DETS or doc[i].text in pats.org_heads \
                or doc[i].text in pats.event_heads:
            continue
        if _leading_demonym(doc, i, j):
            i, words = i + 1, words[1:]   # `le Marocain X Bank`: the nationality, not the name
        k = _leading_place(doc, i, j, pats)
        if k > i:
            i, words = k, words[k - i:]   # `l'opérateur d'Abou Dhabi X Ports Group`
        if any(w.lower() in pats.english_events for w in words[1:]) and _is_cap(doc[i]):
            out.append(_mention(doc, i, j, "EVENT", "event_english"))
        elif any(w in pats.suffixes for w in words[1:]) or (words[0] in pats.suffixes
                                                             and words[1] == "of"):  # `Bank of Kigali`
            out.append(_mention(doc, i, j, "ORG", "org_company"))
    return out


# ---------------------------------------------------------------- `le groupe X`
def _trigger_names(doc, pats: Patterns) -> list[Mention]:
    out = []
    n = len(doc)
    for i, t in enumerate(doc):
        if t.text not in pats.triggers or i == 0 or doc[i - 1].pos_ not in ("DET", "ADP"):
            continue
        j = _past_qualifiers(doc, i + 1)
        k = j
        if k < n - 1 and doc[k].text in ("L'", "L’", "Le", "La", "Les") and _is_cap(doc[k + 1]):
            k += 2  # media titles keep their article: `L'Economiste`
        while k < n:
            if doc[k].text in ("-", "–") and k > j and k + 1 < n and not doc[k - 1].whitespace_ \
                    and not doc[k].whitespace_ and _is_cap(doc[k + 1]):
                k += 2  # `High-Tech`: hyphen-joined capitals are one word of the name
                continue
            if not ((_is_cap(doc[k]) or doc[k].text == "&") and not doc[k].is_punct
                    and doc[k].lower_ not in STOP_NOUNS):
                break
            k += 1
        if k > j and (k - j > 1 or doc[j].is_alpha or looks_like_acronym(doc[j].text)):
            if doc[j].text in pats.org_heads or doc[j].text in pats.event_heads:
                continue
            out.append(_mention(doc, j, k, "ORG", "org_trigger"))
    return out


def _leading_place(doc, i: int, j: int, pats: Patterns) -> int:
    """Start of a company name whose run of capitals opens with a place that complements the
    noun before it (`l'opérateur portuaire d'Abou Dhabi X Ports Group`): after `de`/`d'`, a
    place the gazetteer knows, then two words or more that do not start with a corporate word
    (`la filiale de Maroc Telecom` keeps its place, the name is the place and one word)."""
    from pipeline.extraction.normalize.gazetteer import lookup
    if i == 0 or doc[i - 1].lower_ not in ("de", "d'", "d’", "du"):
        return i
    text = doc_text(doc)
    for k in range(j - 2, i, -1):
        if doc[k].text in pats.suffixes or doc[k - 1].text in ("-", "–", "&"):
            continue
        if lookup(text[doc[i].idx:doc[k - 1].idx + len(doc[k - 1])]) is not None:
            return k
    return i


def _leading_demonym(doc, j: int, k: int) -> bool:
    """Token ``j`` is a capitalized nationality word before more of a name up to ``k``
    (`le groupe Singapourien X`, `le Marocain X Bank`): the company's nationality, not its name."""
    from pipeline.extraction.normalize.gazetteer import demonym_country
    return k - j >= 2 and _is_cap(doc[j]) and demonym_country(doc[j].text) is not None


def _past_qualifiers(doc, j: int) -> int:
    """After a trigger noun, the first token past its adjectives, up to two lower-case
    complements (`la compagnie nationale des hydrocarbures X`, `la société de gestion X`) and a
    capitalized nationality (`le groupe Singapourien X`); ``j`` itself if the name is next."""
    n, start = len(doc), j
    while j < n and _is_adj(doc[j]):
        j += 1
    for _ in range(2):
        k = j
        if k < n and doc[k].lower_ in PREPS:
            k += 1
            if k < n and doc[k].lower_ in DETS:
                k += 1
            if k < n and doc[k].is_lower and _is_noun(doc[k]) and not _is_verb(doc[k]):
                k += 1
                while k < n and _is_adj(doc[k]):
                    k += 1
                if k < n and _is_cap(doc[k]) and doc[k].is_alpha:
                    j = k
                    break
                j = k
                continue
        break
    if j < n and not _is_cap(doc[j]):
        return start if start < n and _is_cap(doc[start]) else j
    if j + 1 < n and _is_cap(doc[j + 1]) and _leading_demonym(doc, j, j + 2):
        j += 1
    return j


# ---------------------------------------------------------------- known names
@lru_cache(maxsize=None)
def _name_rx(needle: str) -> re.Pattern:
    """A known name as a whole word, compiled once (more names than re's own cache)."""
    return re.compile(r"(?<![\w-])" + re.escape(needle) + r"(?![\w-])")


def _known_names(doc, pats: Patterns) -> list[Mention]:
    out = []
    text = norm_apostrophes(doc_text(doc)) if len(norm_apostrophes(doc_text(doc))) == len(doc_text(doc)) else doc_text(doc)
    low = text.lower()
    for folded, (canon, label) in pats.known_names.items():
        if " " not in canon and not canon[:1].isupper():
            continue
        needle = canon.lower()
        if needle not in low:  # cheap test first: most names are in no article
            continue
        for m in _name_rx(needle).finditer(low):
            surface = doc_text(doc)[m.start():m.end()]
            if not surface[:1].isupper() and " " not in surface:
                continue
            if re.match(r"\s+[A-Z]?\d", doc_text(doc)[m.end():m.end() + 4]):
                continue  # `Boeing 787-9`, `Airbus A320`: a product model
            if folded in pats.short_forms and _inside_longer_name(doc, m.start(), pats):
                continue  # `Mission d'appui des Nations unies en Libye`: that name's words
            out.append(Mention(m.start(), m.end(), label, text=surface,
                               norm=canonical_name(surface, [canon]), source="org_known", priority=2))
    return out


def _inside_longer_name(doc, start: int, pats: Patterns) -> bool:
    """A short form (org_short_forms.tsv) after `des` that follows, within a few words of the
    same clause, a capitalized noun that is no title of office (`Mission d'appui des Nations
    unies`, `Conférence des Nations unies sur …`): a word of that longer name. After a title
    (`le Secrétaire général des Nations unies`) or lower-case words it is the body itself."""
    from pipeline.extraction.titles import title_words
    before = doc_text(doc)[max(0, start - 60):start]
    if not re.search(r"\bdes\s+$", before):
        return False
    clause = re.split(r"[\n,;:()«»\"“”.]", before)[-1]
    words = re.findall(r"[\w’'-]+", clause)[-5:-1]
    return any(w[:1].isupper() and w not in ("Le", "La", "Les", "L'", "L’")
               and w.lower() not in title_words() for w in words)


# ---------------------------------------------------------------- acronyms
def _shouting(doc, t) -> bool:
    """Token in a line written mostly in capitals (a headline), where capitals mean nothing."""
    s = doc_text(doc).rfind("\n", 0, t.idx) + 1
    e = doc_text(doc).find("\n", t.idx)
    line = doc_text(doc)[s:e if e >= 0 else len(doc_text(doc))]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


@lru_cache(maxsize=1)
def _honorific_caps() -> frozenset:
    """Honorifics as written in capitals (`SAR`, `SM`, `SE`, `DR`): ranks, not organizations."""
    from pipeline.data import read_words
    words = {w.replace(".", "").upper() for w in read_words("honorifics.tsv") if " " not in w}
    return frozenset(w for w in words if len(w) >= 2)


def not_an_acronym(s: str, text: str, pats: Patterns, furniture: bool = False) -> bool:
    """An all-capital word that names no organization: an honorific (`SAR`, `DR`), a legal
    form standing alone (`SA`, `SCA`), or, where it stands like page furniture (``furniture``:
    next to other capitals or opening a line), a French word of four letters or more in
    capitals (`LIRE AUSSI`, `VIDEO.`, `SUIVEZ-NOUS`). Known acronyms and acronyms the article
    defines (`Centre régional d'investissement (CRI)`, `le BIT (Bureau …)`) stay."""
    if s in pats.known_acronyms or re.search(r"[(«]\s*" + re.escape(s) + r"\s*[)»]", text) \
            or re.search(r"(?<![\w-])" + re.escape(s) + r"\s*\(\s*" + s[0], text):
        return False
    if s in _honorific_caps() or s in pats.legal_forms:
        return True
    if not furniture or len(s) < 4 or not (s.isalpha() and s.isupper()):
        return False
    from pipeline.extraction.lexicon import is_french_word
    return is_french_word(s)


def _furniture_position(doc, i: int) -> bool:
    """Token ``i`` stands among capitals or at the head of a line (`→ A LIRE AUSSI : VIDEO.`):
    the nearest word on either side, on the same line, is in capitals, or none comes before."""
    def neighbour(step):
        j = i + step
        while 0 <= j < len(doc):
            t = doc[j]
            if "\n" in (t.text_with_ws if step < 0 else doc[j - 1].text_with_ws) or t.is_space:
                return None
            if t.is_alpha:
                return t
            j += step
        return None
    prev, nxt = neighbour(-1), neighbour(1)
    return prev is None or any(t is not None and t.is_upper and len(t) > 1 for t in (prev, nxt))


def _acronyms(doc, pats: Patterns, banned: set) -> list[Mention]:
    out = []
    for i, t in enumerate(doc):
        s = t.text
        if not looks_like_acronym(s) or s in NOT_ORG_ACRONYMS or s in banned:
            continue
        if s in currency_codes() and s not in pats.known_acronyms and not _bracketed_after_name(doc, s):
            continue  # `le GHS a chuté`: a currency's ISO code
        if not_an_acronym(s, doc_text(doc), pats, _furniture_position(doc, i)):
            continue
        if s not in pats.known_acronyms:
            if not s.isupper() and not re.match(r"^[A-Z]{3,}[a-z]$", s):
                continue
            if t.ent_type_ == "PER" or _shouting(doc, t):
                continue
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        prv = doc[i - 1] if i > 0 else None
        if _stock_index(doc, i):
            continue  # `l'indice XYZ`, `le XYZ 40 a gagné`: an index, a product of the exchange
        if nxt is not None and re.match(r"^(19|20)\d\d", nxt.text) and not _event_acronym(s, pats):
            continue  # `LFI 2024`, `PND 2018-2027`: plans and laws (`CAN 2025` is an event)
        if prv is not None and prv.like_num:
            continue  # `60 MDH`, `4 MT`: units
        label = pats.known_acronyms.get(s, ("", "ORG"))[1]
        out.append(Mention(t.idx, t.idx + len(s), label, text=s, norm=s, source="org_acronym"))
    return _glue_acronyms(doc_text(doc), out)


@lru_cache(maxsize=1)
def index_words() -> dict:
    """place (`before`/`after`) -> the words of stock_indices.tsv."""
    out: dict = {"before": set(), "after": set()}
    for word, place in read_rows("stock_indices.tsv", ("word", "place")):
        out[place].add(word)
    return out


_NEXT_WORD = re.compile(r"[ \u00a0]+([\w-]+)")


def _stock_index(doc, i: int) -> bool:
    """The capitals at token ``i`` name a stock-market index: after `indice` (and its lower-case
    qualifiers), before an index word (`Composite`), or before the index's size that a verb or a
    punctuation mark follows (`le XYZ 40 a gagné 1%`, not `la XYZ 40 milliards`)."""
    words, n = index_words(), len(doc)
    k = i - 1
    while k >= max(0, i - 3) and doc[k].is_lower:
        if doc[k].lower_ in words["before"]:
            return True
        k -= 1
    after = _NEXT_WORD.match(doc_text(doc), doc[i].idx + len(doc[i]))
    if after and after.group(1).lower() in words["after"]:
        return True
    return i + 1 < n and re.fullmatch(r"\d{2,3}", doc[i + 1].text) is not None and (
        i + 2 >= n or doc[i + 2].is_punct or doc[i + 2].pos_ in ("VERB", "AUX"))


_GLUED_ACRONYM = re.compile(r"-([A-Z][A-Za-z]*[A-Z]|[A-Z][a-z]?)(?![\w-])")


def _glue_acronyms(text: str, found: list[Mention]) -> list[Mention]:
    """`BOA-BMCE`, `SGEB-UGTT`, `CCC-CI`: acronyms joined by a hyphen with no space name one
    organization (a merger, a union's branch, a body and its country code)."""
    out = []
    for m in found:
        if out and out[-1].label == "ORG" and m.label == "ORG" and text[out[-1].end:m.start] == "-" \
                and text[m.end:m.end + 1] != "-" and "-" not in out[-1].text \
                and text[out[-1].start - 1:out[-1].start] != "-":  # `PAM-PI-RNI`: a list
            prev = out[-1]
            prev.end, prev.text = m.end, text[prev.start:m.end]
            prev.norm = prev.text
            continue
        g = _GLUED_ACRONYM.match(text, m.end)
        if m.label == "ORG" and g and g.group(1).isupper() and text[g.end():g.end() + 1] != "-" \
                and text[m.start - 1:m.start] != "-":
            m.end, m.text = g.end(), text[m.start:g.end()]
            m.norm = m.text
        out.append(m)
    return out


def _bracketed_after_name(doc, acr: str) -> bool:
    """``acr`` stands in brackets after words that are no currency (`Comité d'aide au
    développement (CAD)`): the article defines it as a name, currency code or not."""
    text = doc_text(doc)
    return any(text[a0:a1].split(" ")[0] == acr
               and not currency_ends_at(text, len(text[:open_pos].rstrip()))
               for open_pos, a0, a1 in find_paren_acronyms(text))


def _paren_long_forms(doc, pats: Patterns, found: list[Mention]) -> tuple[list[Mention], set]:
    """Lowercase long forms revealed by a bracketed acronym; acronyms whose long form is not an
    organization or event (``ligne de crédit modulable (LCM)``) are banned for the article."""
    out, banned = [], set()
    ends = {m.end for m in found if m.label in ("ORG", "EVENT")}
    heads_lower = {_fold(h) for h in pats.org_heads} | {_fold(h) for h in pats.event_heads}
    for open_pos, a0, a1 in find_paren_acronyms(doc_text(doc)):
        acr = doc_text(doc)[a0:a1].split(" ")[0]
        stop = len(doc_text(doc)[:open_pos].rstrip())
        if acr in currency_codes() and currency_ends_at(doc_text(doc), stop):
            banned.add(acr)  # `francs guinéens (GNF)`: the currency's code, not an organization
            continue
        if stop in ends:
            continue
        start = backtrack_long_form(doc_text(doc), open_pos, acr)
        if start is None:
            continue
        long_text = doc_text(doc)[start:stop]
        first = _fold(long_text.split()[0])
        words = long_text.split()
        before = re.findall(r"[^\W\d_]+", doc_text(doc)[max(0, start - 40):start])
        if first in heads_lower:
            label = "EVENT" if words[0].capitalize() in pats.event_heads else "ORG"
            out.append(Mention(start, stop, label, text=long_text, norm=norm_apostrophes(long_text),
                               source="org_paren_long", priority=1))
        elif acr in pats.known_acronyms and all(w[:1].isupper() or w.lower() in ("de", "of", "&")
                                                for w in words):
            # a known organization's long form in capitals, maybe misspelt (`British Petrolum`)
            lf, label = pats.known_acronyms[acr]
            out.append(Mention(start, stop, label, text=long_text,
                               norm=canonical_name(long_text, [lf] if lf else []),
                               source="org_paren_known", priority=1))
        elif acr not in pats.known_acronyms:
            # `ligne de crédit modulable (LCM)`, `gisement gazier Grand Tortue/Ahmeyim (GTA)`:
            # the acronym names a thing, not an organization
            if first[:1].islower() or (before and before[-1].islower()
                                       and before[-1] not in pats.triggers
                                       and before[-1] not in ("de", "du", "des", "la", "le", "l",
                                                              "avec", "par", "et", "à", "au", "pour")):
                banned.add(acr)
    return out, banned


_TITLE_ACRONYM = re.compile(r"[ \u00a0]*\(([A-Z][a-z]{2,7}(?:-[A-Z][a-z]{1,3})?)\)")


def _title_case_acronyms(doc, found: list[Mention]) -> list[Mention]:
    """`Office national de l'électricité et de l'eau potable (Onee)`, `(Cci-Ci)`: some outlets
    write acronyms in title case; in brackets after a long form whose initials it spells it is
    that organization's acronym (the model reads such words as places)."""
    text, out = doc_text(doc), []
    for m in found:
        if m.label != "ORG" or looks_like_acronym(m.text) or " " not in m.text:
            continue
        a = _TITLE_ACRONYM.match(text, m.end)
        if a and acronym_matches(a.group(1).upper(), m.text):
            out.append(Mention(a.start(1), a.end(1), "ORG", text=a.group(1), norm=m.norm,
                               source="org_acronym", priority=1))
    return out


# ---------------------------------------------------------------- assembly
def _resolve(cands: list[Mention]) -> list[Mention]:
    """Longest first, then priority; no overlaps."""
    chosen = longest_first(cands, rank=lambda m: (-(m.end - m.start), -m.priority, m.start))
    return sorted(chosen, key=lambda m: m.start)


# ---------------------------------------------------------------- events: years, editions, summits
_YEAR_AFTER = re.compile(r"[ \u00a0]*(?:-[ \u00a0]*)?((?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?)(?![\w%,.]\d)")
_EDITION_AFTER = re.compile(r"[ \u00a0]?(\d{1,4})(?![\w%]|[,.]\d)")


def _event_acronym(s: str, pats: Patterns) -> bool:
    """`CAN`, `COP`, or `COP29` (a known event acronym with its edition glued on)."""
    m = re.fullmatch(r"([A-Z][A-Za-z]+?)(\d{1,4})?", s)
    return bool(m) and pats.known_acronyms.get(m.group(1), ("", ""))[1] == "EVENT"


def _event_numbers(doc, pats: Patterns, mentions: list[Mention]) -> None:
    """A year after an event name is part of the name (`Coupe du monde 2030`, `CAN 2025`), and so
    is an edition number after an event acronym (`COP 29`); ENTITIES.md keeps them in the span,
    not as a DATE. Glued editions take the acronym's label (`COP29` is an EVENT)."""
    text = doc_text(doc)
    for m in mentions:
        if m.label == "ORG" and _event_acronym(m.text, pats):
            m.label = "EVENT"
        if m.label != "EVENT":
            continue
        y = _YEAR_AFTER.match(text, m.end)
        if y is None and _event_acronym(m.text, pats):
            # `CAN féminine 2026`: an adjective between the acronym and the year is in the name
            a = re.match(r"[ \u00a0]+[a-zà-ÿ]+", text[m.end:])
            tok = doc.char_span(m.end + a.end() - len(a.group().strip()), m.end + a.end()) if a else None
            if tok is not None and len(tok) == 1 and (tok[0].pos_ == "ADJ" or tok[0].lower_ in pats.qualifiers):
                y = _YEAR_AFTER.match(text, m.end + a.end())
        if y is None and _event_acronym(m.text, pats) and not m.text[-1:].isdigit():
            y = _EDITION_AFTER.match(text, m.end)
        if y is None or "\n" in text[m.end:y.end()]:
            continue
        if any(o is not m and o.start < y.end() and m.end < o.end for o in mentions):
            continue
        m.end = y.end()
        m.text = text[m.start:m.end]
        m.norm = norm_apostrophes(m.text)


_BODY_EVENT = re.compile(
    r"\b(?:sommet|session|assemblées? annuelles?|réunion ministérielle)"
    r"(?:[ \u00a0]+(?:ordinaire|extraordinaire|annuelle?|spéciale?|inaugurale?))?"
    r"(?:[ \u00a0]+(?:des|du|de la|de l['’]|de)[ \u00a0]*[^.;:!?()\n]{0,80}?)?"
    r"[ \u00a0]+(?:de la|de l['’]|du|des|de)[ \u00a0]*$", re.I)


_SUMMIT_OF = re.compile(r"\bsommet[ \u00a0]+(?:de la|de l['’]|du|des|de)[ \u00a0]*$", re.I)


def _body_events(doc, mentions: list[Mention]) -> None:
    """`sommet de l'Union africaine`, `session ordinaire des chefs d'Etat … de l'UA`: a summit or
    session of a named body is one EVENT from the noun to the body's name (ENTITIES.md); an
    ordinal before it stays out. The body's mention becomes the event's (article_norms links
    the acronyms later; `(UA)` after it stays the body's, see acronyms.link_acronyms)."""
    text = doc_text(doc)
    for m in mentions:
        if m.label != "ORG":
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        before = text[max(line_start, m.start - 140):m.start]
        # an acronym names the body of a summit right before it (`le sommet de l'UX`), not of
        # a session or a meeting further back (`session du comité … de la BCX`)
        b = (_SUMMIT_OF if looks_like_acronym(m.text) else _BODY_EVENT).search(before)
        if b is None:
            continue
        s = m.start - len(before) + b.start()
        if any(o is not m and s < o.end and o.start < m.start for o in mentions):
            continue
        m.start, m.label, m.source = s, "EVENT", "event_body"
        m.text = text[s:m.end]
        m.norm = norm_apostrophes(m.text)


_QUOTES = {"\"": "\"", "“": "”", "«": "»", "„": "“"}


def _place_only(name: str) -> bool:
    """`Maroc-Espagne`, `Dakar`: a name made of known places only (the place finder's)."""
    from pipeline.extraction.normalize.gazetteer import lookup
    parts = [p for p in re.split(r"\s*[-–/]\s*", name) if p]
    return bool(parts) and all(lookup(p) is not None for p in parts)


def _religious(word: str) -> bool:
    from pipeline.extraction.normalize.dates import fold, lexicon
    return any(fold(p).split()[0] == fold(word) for p in lexicon()["religious_periods"])


def _event_triggers(doc, pats: Patterns) -> list[Mention]:
    """A generic event noun in lower case names the event written right after it, quoted
    or capitalized, which alone is the EVENT (`le salon GITEX Africa`, `l'opération Marhaba
    2013`, `le forum "Maroc, France, Afrique"`); a place alone after it stays a place
    (`le forum Dakar-Paris` reads as places, ENTITIES.md: a generic event noun with a place
    gives only the place). A celebration noun with a capitalized complement is one EVENT
    whole (`la fête du Trône`)."""
    out = []
    text = doc_text(doc)
    n = len(doc)
    for i, t in enumerate(doc):
        if t.text in pats.feasts and i + 2 < n and doc[i + 1].lower_ in PREPS:
            k = i + 2 + (doc[i + 2].lower_ in DETS)
            if k < n and _is_cap(doc[k]) and doc[k].is_alpha and doc[k].lower_ not in STOP_NOUNS \
                    and not _religious(doc[k].text):  # `la fête de l'Aïd` is a DATE (ENTITIES.md)
                out.append(_mention(doc, i, _extend_name(doc, i), "EVENT", "event_feast"))
            continue
        if t.text not in pats.event_triggers or i == 0 or doc[i - 1].pos_ not in ("DET", "ADP"):
            continue
        j = i + 1
        while j < n and _is_adj(doc[j]):
            j += 1
        if j >= n or "\n" in doc[j - 1].whitespace_:
            continue
        close = _QUOTES.get(doc[j].text)
        if close is not None:
            start = doc[j].idx + 1
            stop = text.find(close, start)
            inner = text[start:stop] if stop > 0 else ""
            if inner.strip() and stop - start <= 80 and "\n" not in inner and inner.strip()[:1].isupper():
                s0 = start + len(inner) - len(inner.lstrip())
                s1 = start + len(inner.rstrip())
                out.append(Mention(s0, s1, "EVENT", text=text[s0:s1], norm=norm_apostrophes(text[s0:s1]),
                                   source="event_trigger", priority=1))
            continue
        k = j
        while k < n and (_is_cap(doc[k]) and (doc[k].is_alpha or looks_like_acronym(doc[k].text))
                         and doc[k].lower_ not in STOP_NOUNS and doc[k].text not in ("L", "Le", "La", "Les")
                         or (doc[k].text in ("-", "–") and k > j and k + 1 < n and not doc[k - 1].whitespace_
                             and not doc[k].whitespace_ and _is_cap(doc[k + 1]))):
            k += 1
        if k == j or len(doc[j].text) < 2 or doc[j].text in pats.org_heads \
                or doc[j].text in pats.event_heads:
            continue  # `rencontres B to B`: a letter is no name
        m = _mention(doc, j, k, "EVENT", "event_trigger")
        if not _place_only(m.text):
            out.append(m)
        elif t.lower_ in _PARTNER_SUMMITS and re.search(r"\w[-–]\w", m.text) and j == i + 1:
            # `le sommet Russie-Afrique`: a summit series named after its two partners is one
            # EVENT, its noun in the span as in `sommet de l'Union africaine`
            out.append(_mention(doc, i, k, "EVENT", "event_trigger"))
    return out


# event nouns whose series take their partners' names (`sommet Chine-Afrique`); a forum or a fair
# after two places (`le forum Dakar-Paris`) gives the places
_PARTNER_SUMMITS = ("sommet", "sommets")


# `(CPM) de la BCX`: an acronym in brackets, then the organization the body belongs to
_ACRONYM_THEN_ORG = re.compile(r"[ \u00a0]*\(([^()\s]{2,10})\)[ \u00a0]+(?:de[ \u00a0]+la|de[ \u00a0]+l['’]|du|des|d['’])"
                               r"[ \u00a0]*[A-ZÀ-Þ]")


def _bodies_before_their_org(doc, pats: Patterns, cands: list[Mention]) -> tuple[list[Mention], set]:
    """A body with its acronym, then the organization it belongs to (`le Comité de politique
    monétaire (CPM) de la BCX`): a body inside an organization gives only the organization
    (ENTITIES.md), so neither the body's name nor its acronym is a mention. Returns the other
    candidates and the acronyms to leave out."""
    text = doc_text(doc)
    keep, acronyms = [], set()
    for m in cands:
        a = _ACRONYM_THEN_ORG.match(text, m.end)
        if m.label == "ORG" and m.text.split()[0] in pats.bodies and " " in m.text and a:
            acronyms.add(a.group(1))
            continue
        keep.append(m)
    return [m for m in keep if m.text not in acronyms], acronyms


def find_orgs_events(doc) -> list[Mention]:
    """ORG and EVENT mentions of ``doc`` (a ``fr_core_news_md`` Doc)."""
    pats = load_patterns()
    cands = _head_names(doc, pats) + _english_runs(doc, pats) + _trigger_names(doc, pats) \
        + _known_names(doc, pats) + _event_triggers(doc, pats)
    longs, banned = _paren_long_forms(doc, pats, cands)
    cands, inner = _bodies_before_their_org(doc, pats, cands + longs)
    cands += _acronyms(doc, pats, banned | inner)
    mentions = _resolve(cands)
    mentions = _resolve(mentions + _title_case_acronyms(doc, mentions))
    # `l'opération Mutandis` where `le groupe Mutandis` is written too: a company's operation
    orgs = {m.text for m in mentions if m.label == "ORG"}
    for m in mentions:
        if m.source == "event_trigger" and m.text in orgs:
            m.label, m.source = "ORG", "org_trigger"
    _event_numbers(doc, pats, mentions)
    # acronyms are linked to long forms once, over the whole article (article_norms.py)
    _body_events(doc, mentions)
    complete_norms(mentions)
    return sorted(mentions, key=lambda m: m.start)


# ---------------------------------------------------------------- lists of organizations
# a name in a list: capitalized words, `&`, hyphens, digits glued (`2M`), `de`/`du` inside
_LIST_NAME = (r"(?:[lL]['’]|[lL]es?[ \u00a0]|[lL]a[ \u00a0])?"
              r"(?P<name>[A-ZÀ-Þ0-9][\w&’'.-]*[\w&]?(?:[ \u00a0](?:(?:de|du|des|&)[ \u00a0])?"
              r"[A-ZÀ-Þ][\w&’'-]*)*)")
_AFTER = re.compile(r"[ \u00a0]*(?:,|[ \u00a0]et|[ \u00a0]ou)[ \u00a0]+" + _LIST_NAME)
_BEFORE = re.compile(_LIST_NAME + r"[ \u00a0]+(?:et|ou)[ \u00a0]+(?:[lL]['’]|[lL]es?[ \u00a0]|[lL]a[ \u00a0])?\Z")
# `parmi lesquels Xa, Yb et …`: a list's first name before a comma, after words that open a list
_BEFORE_COMMA = re.compile(r"(?:\b(?:lesquels|lesquelles|dont|comme|notamment|tels? que|telles? que)|:)"
                           r"[ \u00a0]+" + _LIST_NAME + r"[ \u00a0]*,[ \u00a0]+\Z")
_LIST_GOES_ON = re.compile(r"[ \u00a0]*(?:\)|(?:,|[ \u00a0]et|[ \u00a0]ou)[ \u00a0]+"
                           r"(?:[lL]['’]|[lL]es?[ \u00a0]|[lL]a[ \u00a0])?[A-ZÀ-Þ0-9])")


def coordinated_orgs(text: str, mentions: list[Mention]) -> list[Mention]:
    """ORG mentions for names coordinated with an organization the article names (`Natixis et
    Bpifrance`, `Axa Assurances, CNIA Saada, Wafa Gestion`): a list holds one kind of thing.
    Only where no mention stands, or a place no curated gazetteer knows; not a person of the
    article, a place, a title or common words. After a comma the list must go on past the name
    with another name (`de l'UGTT, Ali Tazi, a dit` names the body's officer, not a second body)."""
    from pipeline.extraction.lexicon import is_french_word
    from pipeline.extraction.normalize.gazetteer import lookup
    from pipeline.extraction.titles import title_words
    taken = sorted((m.start, m.end) for m in mentions)
    person_words = {w for m in mentions if m.label == "PERSON" for w in m.text.split()}
    found: list[Mention] = []

    def ok(s: int, e: int, name: str) -> bool:
        words = name.split()
        if any(a < e and s < b for a, b in taken) or lookup(name, weak=True) is not None:
            return False
        if any(w in person_words or w.lower() in title_words() for w in words):
            return False
        if len(words) == 1 and (is_french_word(name) and not name.isupper() or len(name) < 2):
            return False
        return not all(is_french_word(w) or w in ("de", "du", "des", "&") for w in words)

    # places no curated gazetteer knows, read by the model or from the bulk GeoNames list
    # (`Xa et Yb` after an organization)
    guessed = {(m.start, m.end): m for m in mentions if m.label == "LOC" and lookup(m.text) is None}
    queue = [m for m in mentions if m.label == "ORG"]
    while queue:
        m = queue.pop()
        hits = []
        a = _AFTER.match(text, m.end)
        if a and (not a.group(0).lstrip(" \u00a0").startswith(",")
                  or _LIST_GOES_ON.match(text, a.end("name"))):
            hits.append((a.start("name"), a.end("name")))
        b = _BEFORE.search(text, max(0, m.start - 80), m.start)
        if b:
            hits.append((b.start("name"), b.end("name")))
        c = _BEFORE_COMMA.search(text, max(0, m.start - 80), m.start)
        if c and _LIST_GOES_ON.match(text, m.end):
            hits.append((c.start("name"), c.end("name")))
        for s, e in hits:
            # a sentence's end closes the list (`… et Baokang. Le minerai …`)
            name = re.split(r"[.!?][ \u00a0]", text[s:e])[0].rstrip(".’'-")
            e = s + len(name)
            if (s, e) in guessed:
                place = guessed.pop((s, e))
                place.label, place.source = "ORG", "org_list"
                queue.append(place)
                continue
            if not ok(s, e, name):
                continue
            new = Mention(s, e, "ORG", text=name, norm=norm_apostrophes(name),
                          source="org_list", priority=0)
            found.append(new)
            taken.append((s, e))
            queue.append(new)
    return found


# ---------------------------------------------------------------- `X, filiale de …`
# up to four capitalized words (a hyphen or `&` inside), then a comma and a company noun
_APPOSED = re.compile(r"(?<![\w’'&-])((?:[A-ZÀ-Þ][\w’'&-]*[ \u00a0]){0,3}[A-ZÀ-Þ][\w’'&-]*),[ \u00a0]+"
                      r"(la[ \u00a0]+|le[ \u00a0]+|l['’]|une[ \u00a0]+|un[ \u00a0]+|sa[ \u00a0]+|son[ \u00a0]+)?"
                      r"([\w-]+)(?:[ \u00a0]+[a-zà-ÿ-]+)?[ \u00a0]+(?:de|du|des|d['’]|entre)(?![\w-])")


def _named_elsewhere(m: Mention, mentions: list[Mention]) -> bool:
    """A word of PERSON ``m`` names another person mention of the article (`Tazi` after `Ali
    Tazi`): a person, whatever an apposition says."""
    words = set(m.text.split())
    return any(x.label == "PERSON" and x.text != m.text and words & set(x.text.split()) for x in mentions)


# `l'espagnol Xa`, `la chinoise Xa Group`: a nationality in lower case used as a noun, then a name
_DEMONYM_THEN_NAME = re.compile(r"(?<![\w’'-])(?:[lL]['’]|[lL]e[ \u00a0]|[lL]a[ \u00a0])([a-zà-ÿ-]{4,})[ \u00a0]+"
                                r"((?:[A-ZÀ-Þ][\w’'&-]*[ \u00a0]){0,3}[A-ZÀ-Þ][\w’'&-]*)")


def demonym_companies(text: str, mentions: list[Mention]) -> list[Mention]:
    """`l'espagnol Xa`, `l'ivoirienne Xa`: a nationality adjective in lower case standing for a
    company noun (`le groupe espagnol`), then a name: the company. A person is introduced
    with a capital (`l'Espagnol Xa`), so lower case is the press's shorthand for firms. Added
    where no mention stands, or over an unknown place or a one-word person the article names
    nowhere else; not a known place, a French word or a title."""
    from pipeline.extraction.lexicon import is_french_word
    from pipeline.extraction.normalize.gazetteer import demonym_country, lookup
    from pipeline.extraction.titles import title_words
    out = list(mentions)
    for d in _DEMONYM_THEN_NAME.finditer(text):
        if demonym_country(d.group(1)) is None:
            continue
        s = d.start(2)
        words = d.group(2).split()
        # the name stops before a French word that opens the rest of the sentence
        keep = 1
        while keep < len(words) and not is_french_word(words[keep]):
            keep += 1
        words = words[:keep]
        name = " ".join(words).rstrip(".’'-")
        e = s + len(name)
        if not name or (len(words) == 1 and is_french_word(name)) or lookup(name) is not None \
                or words[0].lower() in title_words():
            continue
        inside = [m for m in out if s <= m.start and m.end <= e]
        if any(m.start < e and s < m.end for m in out if m not in inside):
            continue
        if any(m.label in ("ORG", "MINISTRY", "EVENT", "COUNTRY") or m.label == "PERSON"
               and (" " in m.text.strip() or _named_elsewhere(m, out))
               or m.label == "LOC" and lookup(m.text) is not None for m in inside):
            # (`l'ivoirien Prénom Nom`: a full name the model read stays a person)
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(s, e, "ORG", text=name, norm=norm_apostrophes(name), source="org_demonym",
                           priority=0))
    return sorted(out, key=lambda m: m.start)


# prepositions that front a phrase before the subject (`Pour Xa, la société …`)
_FRONTING = {"pour", "selon", "avec", "chez", "à", "a", "au", "aux", "en", "par", "sur", "dans",
             "après", "avant", "depuis", "pendant", "contre", "sans", "sous", "vers", "outre"}


def apposed_companies(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name with an apposition that says it is a company (`X, filiale du groupe Y`, `X, la
    marque de la société Y`, company_appositions.tsv) is an ORG: added where no mention stands,
    relabelled where the model read an unknown place or a person (whose words name no other
    person of the article; a known place stays), taking in the country that ends it
    (`X Africa Pays, filiale de …`). The noun takes a complement (`, le groupe a grandi` starts
    a clause). A sentence's first words (`Selon`, `Enfin`) are not part of the name."""
    from pipeline.extraction.lexicon import is_french_word
    from spacy.lang.fr.stop_words import STOP_WORDS
    from pipeline.extraction.normalize.gazetteer import country_code, lookup
    nouns = word_set("company_appositions.tsv")
    out = list(mentions)
    for a in _APPOSED.finditer(text):
        if a.group(3).lower() not in nouns:
            continue
        s, e = a.start(1), a.end(1)
        words = a.group(1).split()
        fronted = False
        while words and (is_french_word(words[0]) or words[0].lower() in STOP_WORDS):
            s += len(words[0]) + 1   # `Enfin Xa`, `Selon Xa`: a sentence's first words
            fronted = fronted or words[0].lower() in _FRONTING
            words = words[1:]
        if fronted and a.group(2):
            continue  # `Pour Moussa, la société de son père a …`: a fronted phrase, then the subject
        if not words or lookup(" ".join(words)) is not None or country_code(" ".join(words)):
            continue
        inside = [m for m in out if s <= m.start and m.end <= e]
        if any(m.start < e and s < m.end for m in out if m not in inside):
            continue
        if any(m.label in ("MINISTRY", "EVENT") or m.label == "ORG" and (m.start, m.end) == (s, e)
               for m in inside):
            continue  # a part read as an organization gives way (`Africa Pays` in `Xa Africa Pays`)
        if any(m.label == "PERSON" and _named_elsewhere(m, out)
               or m.label == "LOC" and lookup(m.text) is not None for m in inside):
            continue
        out = [m for m in out if m not in inside]
        name = text[s:e]
        out.append(Mention(s, e, "ORG", text=name, norm=norm_apostrophes(name), source="org_apposed",
                           priority=0))
    return sorted(out, key=lambda m: m.start)


# `le PDG de Xa, Prénom Nom,`: a head's title, the body, a comma and the head's name
_HEAD_OF_NAMED = re.compile(
    r"(?:(?<![\w’'-])(?:[pP]r[ée]sident|[pP]r[ée]sidente)[ \u00a0]+(?:de[ \u00a0]+la[ \u00a0]+|de[ \u00a0]+l['’][ \u00a0]*|du[ \u00a0]+|de[ \u00a0]+|d['’][ \u00a0]*))?"
    r"(?<![\w-])(?P<org>[A-ZÀ-Þ][\w’'&.-]*(?:[ \u00a0][A-ZÀ-Þ][\w’'&.-]*){0,3}),[ \u00a0]+"
    r"(?P<name>[A-ZÀ-Þ][\w’'-]+(?:[ \u00a0]+[A-ZÀ-Þ][\w’'-]+){1,3})(?=[ \u00a0]*[,;.]|[ \u00a0]+[a-zà-ÿ])")


def companies_before_their_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """`le directeur général de Xa, Prénom Nom,`, `le président de Xa Yb, Prénom Nom`: what a chief
    executive heads is an organization (company_context.tsv: a place has no chief executive; a
    president may head a state, so after `président` only the model's person or nothing gives
    way), and the name after the comma is the head, a person. Every occurrence of the name the
    model read as a person then reads as the organization. Not a known place or French words."""
    from pipeline.extraction.lexicon import is_french_word
    from pipeline.extraction.model_places import after_company_words
    from pipeline.extraction.normalize.gazetteer import lookup
    out = list(mentions)
    for h in _HEAD_OF_NAMED.finditer(text):
        s, e = h.span("org")
        org = h.group("org").rstrip(".")
        e = s + len(org)
        president = h.group(0)[:1] in "pP" and h.start("org") > h.start()
        if not (president or after_company_words(text, s)):
            continue
        words = org.split()
        if lookup(org) is not None or all(is_french_word(w) for w in words) \
                or _CAPITAL_ARTICLE.match(org):
            continue
        over = [m for m in out if m.start < e and s < m.end]
        same = [m for m in over if (m.start, m.end) == (s, e)]
        if over and not (len(over) == 1 and same and same[0].label == "PERSON" and same[0].source == "model"):
            if not (same and same[0].label == "ORG"):
                continue
        elif over:
            for m in out:
                if m.label == "PERSON" and m.source == "model" and m.text == org:
                    m.label, m.norm, m.source = "ORG", norm_apostrophes(org), "org_head_named"
        else:
            if president:
                continue  # `le président de Xa, Prénom Nom`: only the model's person gives way
            out.append(Mention(s, e, "ORG", text=org, norm=norm_apostrophes(org), source="org_head_named",
                               priority=0))
        ns, ne = h.span("name")
        for m in out:
            if (m.start, m.end) == (ns, ne) and m.label == "ORG" and m.source == "model_org":
                m.label, m.norm, m.source = "PERSON", norm_apostrophes(m.text), "head_named"
    return sorted(out, key=lambda m: m.start)


# capitalised function words that open a sentence, not a name
_CAPITAL_ARTICLE = re.compile(r"(?:Le|La|Les|L['’]|Un|Une|Des|Ce|Cette|Ces)(?:[ \u00a0]|\Z)")


# a capitalized word, or `de [la]` and a capital, right after a name: it goes on
_REPEAT_GOES_ON = re.compile(r"[ \u00a0]+(?:(?:de|du|des)[ \u00a0]+(?:la[ \u00a0]+|l['’])?|d['’]|l['’])?[A-ZÀ-Þ]")


def repeated_org_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Every occurrence is a mention (ENTITIES.md): a name the article reads as an organization
    once (`Zanfer, coentreprise entre …`) is one where it stands again with no mention of its
    own (`Zanfer et WCS devraient …`), or where only the model took it for an unknown place or
    a one-word person. Not after a brand noun (`la marque Xa`) or before more of a name. Not
    acronyms (acronyms.py links those), French words, known places or people of the article
    (words of a person named in two words or more)."""
    from pipeline.extraction.lexicon import is_french_word
    from pipeline.extraction.normalize.gazetteer import lookup
    person_words = {w for m in mentions if m.label == "PERSON" and " " in m.text.strip()
                    for w in m.text.split()}
    by_span = {(m.start, m.end): m for m in mentions}
    out = list(mentions)
    brand_nouns = word_set("brand_nouns.tsv")
    names: dict = {}
    for m in mentions:
        if m.label == "ORG" and m.text[:1].isupper() and not looks_like_acronym(m.text) \
                and len(m.text) >= 3 and "\n" not in m.text:
            # the model's own organizations do not outweigh a place read elsewhere
            names.setdefault(m.text, (m.norm, m.source == "model_org"))
    for name, (norm, guessed) in names.items():
        words = name.split()
        if (len(words) == 1 and is_french_word(name)) or lookup(name) is not None \
                or any(w in person_words for w in words):
            continue
        for mm in whole_name(name).finditer(text):
            s, e = mm.start(), mm.end()
            before = re.findall(r"[\w’'-]+", text[max(0, s - 30):s])
            if (before and before[-1].lower() in brand_nouns) or _REPEAT_GOES_ON.match(text, e):
                continue  # `les huiles Xa`, `la Xa Lodgy`, `le Comité X de la BCX`: a brand, a
                # model or a longer name
            cur = by_span.get((s, e))
            if cur is not None:
                if (cur.label == "LOC" and not guessed and lookup(name, weak=True) is None) \
                        or (cur.label == "PERSON" and " " not in name):
                    cur.label, cur.norm, cur.source = "ORG", norm, "org_repeat"
                continue
            if any(x.start < e and s < x.end for x in out):
                continue
            out.append(Mention(s, e, "ORG", text=name, norm=norm, source="org_repeat", priority=0))
    return sorted(out, key=lambda m: m.start)
