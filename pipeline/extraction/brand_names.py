"""Company names that run on past the word where the finders stopped.

Three shapes, read over the resolver's chosen mentions (pure functions of text and mentions):
  * brand + country: a national subsidiary is named by the brand and its country
    (`Orange Côte d'Ivoire`, `Moov Togo`): a one-word organization, or an unknown
    capitalized word mid-sentence, right before a COUNTRY mention is one ORG with it.
    A two-word brand before a country (`groupe Crédit Agricole France`) is left as it is:
    there the country says whose group it is; so is a known body's acronym (`FAO Mali`);
  * acronym + name: `XYZ Watanya`, `AB Mazembe`: an acronym ORG followed by one or two
    capitalized words that no mention covers and that are neither French words nor places
    is one ORG with them (people after an acronym are the model's PERSON, covered);
  * name + de + country: `le Crédit du Pays`: capitalized words mid-sentence, de/du and a
    COUNTRY mention are one ORG (name_of_country).
"""
from __future__ import annotations

import re

from .acronyms import looks_like_acronym, norm_apostrophes
from .mention import Mention
from .named_sites import GUESSED_ORG
from .normalize.text import opens_sentence
from .org_finder import index_words

_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][\w&’'-]*)[ \u00a0]\Z")
_WORDS_AFTER = re.compile(r"[ \u00a0]([A-ZÀ-Þ][^\W\d_]+(?:-[A-ZÀ-Þ][^\W\d_]*)*)"
                          r"(?:[ \u00a0]([A-ZÀ-Þ][^\W\d_]+(?:-[A-ZÀ-Þ][^\W\d_]*)*))?(?![\w'’-])")


def _unknown_name_word(word: str) -> bool:
    """A capitalized word that is no French word and no known place (`Moov`, `Watanya`)."""
    from .lexicon import is_french_word
    from .normalize.gazetteer import lookup
    parts = [p for p in word.split("-") if p]
    return len(word) >= 2 and not word.isupper() and lookup(word, weak=True) is None \
        and not any(is_french_word(p) for p in parts)


def _known_body(name: str) -> bool:
    """A known organization's acronym (known_orgs.tsv: mostly public and international bodies):
    `FAO Mali` is the body's office in that country, the country a mention of its own."""
    from .org_finder import load_patterns
    return name in load_patterns().known_acronyms


def _mid_sentence(text: str, start: int) -> bool:
    """Something other than a sentence end, an opening quote or dash or a line break comes
    before ``start``."""
    return not opens_sentence(text, start, ".!?:\n«\"“—–-")


# words before an unknown brand: a function word (`de Xa Pays`, `chez Xa Pays`) or a company noun
_BEFORE_BRAND = {"de", "du", "des", "d", "chez", "par", "avec", "pour", "et", "à", "au", "aux",
                 "le", "la", "les", "l", "que", "entre", "sur"}


def _brand_position(text: str, start: int) -> bool:
    """The word before ``start`` lets a company's name stand there: a function word or a
    trigger noun (`l'opérateur Xa Pays`), not a capitalized word (inside a run of names) nor
    another noun (`le projet Xa Pays`: a project and its country)."""
    from .org_finder import load_patterns
    prev = re.search(r"([^\W\d_]+)['’]?[ \u00a0]*\Z", text[max(0, start - 40):start])
    return prev is not None and (prev.group(1).lower() in _BEFORE_BRAND
                                 or prev.group(1) in load_patterns().triggers)


def _covered(taken: list[Mention], s: int, e: int) -> bool:
    return any(m.start < e and s < m.end for m in taken)


def _org(text: str, s: int, e: int, source: str) -> Mention:
    return Mention(s, e, "ORG", text=text[s:e], norm=norm_apostrophes(text[s:e]), source=source,
                   priority=0)


def org_cut_in_a_country(text: str, mentions: list[Mention]) -> list[Mention]:
    """`Banque Xa Côte d'Ivoire`: an organization's name that a rule cut inside the name of a state
    it ends with (at `Côte`, before `d'Ivoire`) runs to the end of that name."""
    from .normalize.gazetteer import country_code
    for m in mentions:
        if m.label != "ORG" or " " not in m.text.strip():
            continue
        last = m.text.rstrip().rsplit(None, 1)[-1]
        ls = m.start + m.text.rstrip().rfind(last)
        for e in sorted({w.end() for w in re.finditer(r"[\w’']+", text[m.end:m.end + 30])}, reverse=True):
            name = text[ls:m.end + e]
            if "\n" not in name and country_code(name) is not None:
                covered = [o for o in mentions if o is not m and o.start < m.end + e and m.end <= o.end]
                if not covered or all(o.label == "COUNTRY" and ls <= o.start for o in covered):
                    m.end = m.end + e
                    m.text, m.norm = text[m.start:m.end], norm_apostrophes(text[m.start:m.end])
                    mentions = [o for o in mentions if o not in covered]
                break
    return mentions


def brand_with_country(text: str, mentions: list[Mention]) -> list[Mention]:
    """`Orange Côte d'Ivoire`: a one-word brand and the country right after it, one ORG."""
    out = sorted(mentions, key=lambda m: m.start)
    for c in [m for m in out if m.label == "COUNTRY"]:
        w = _WORD_BEFORE.search(text, max(0, c.start - 40), c.start)
        if w is None:
            continue
        ws, we = w.start(1), w.end(1)
        org = next((m for m in out if m.end == we and m.start <= ws), None)
        if org is not None:
            if org.label != "ORG" or " " in org.text or "\u00a0" in org.text or _known_body(org.text):
                continue
            new = _org(text, org.start, c.end, "org_brand_country")
            out = [m for m in out if m is not org and m is not c]
        elif (not _covered(out, ws, we) and _mid_sentence(text, ws)
              and _unknown_name_word(w.group(1)) and _brand_position(text, ws)):
            new = _org(text, ws, c.end, "org_brand_country")
            out = [m for m in out if m is not c]
        else:
            continue
        out.append(new)
        out.sort(key=lambda m: m.start)
    return out


def acronym_with_name(text: str, mentions: list[Mention]) -> list[Mention]:
    """`XYZ Watanya`: an acronym ORG and the unknown capitalized words glued after it."""
    for m in mentions:
        if m.label != "ORG" or not looks_like_acronym(m.text):
            continue
        a = _WORDS_AFTER.match(text, m.end)
        if a is None or a.group(1).lower() in index_words()["after"]:
            continue  # `XYZ All-Share`: an index, not the company's name
        end = None
        for g in (1, 2):
            if a.group(g) is None or _covered(mentions, a.start(g), a.end(g)) \
                    or not _unknown_name_word(a.group(g)):
                break
            end = a.end(g)
        if end is None:
            continue
        m.end, m.text, m.source = end, text[m.start:end], "org_acronym_name"
        m.norm = norm_apostrophes(m.text)
    return mentions


# capitalized words, then de/du/de la/d' right before a country (group 1: the words)
_NAME_OF = re.compile(r"(?<![\w’'-])((?:[A-ZÀ-Þ][\w’'-]*[ \u00a0]+){1,4}?)"
                      r"(?:de[ \u00a0]+la[ \u00a0]+|de[ \u00a0]+l['’]|du[ \u00a0]+|de[ \u00a0]+|d['’])\Z")


def _not_a_name_word(word: str) -> bool:
    """A title (`Ambassadeur`), a generic or compass word (`Est`, `Dame`), an honorific."""
    from .titles import title_words
    from .wordlists import generic_words, honorifics
    w = word.lower()
    return w in title_words() or w in generic_words() or w in honorifics()


def name_of_country(text: str, mentions: list[Mention]) -> list[Mention]:
    """`le Crédit du Pays`, `Gaz de Pays`: capitalized words mid-sentence, then de/du and a
    COUNTRY mention, name one organization of that country, whole (the gold keeps `Banque
    centrale de Tunisie`-like names whole). Not after a title or a compass word (`Ambassadeur
    d'Algérie`, `Est de la RDC`), nor over a person, a place or a rule's mention."""
    from .normalize.gazetteer import lookup
    out = sorted(mentions, key=lambda m: m.start)
    for c in [m for m in out if m.label == "COUNTRY"]:
        r = _NAME_OF.search(text, max(0, c.start - 80), c.start)
        if r is None:
            continue
        s = r.start(1)
        words = r.group(1).split()
        if not _mid_sentence(text, s) or words[0].isupper() or any(_not_a_name_word(w) for w in words) \
                or lookup(" ".join(words), weak=True) is not None or lookup(words[0], weak=True) is not None:
            continue
        inside = [m for m in out if m.start < r.end(1) and s < m.end]
        if any(m.label != "ORG" or m.source not in GUESSED_ORG for m in inside):
            continue
        out = [m for m in out if m is not c and m not in inside]
        out.append(_org(text, s, c.end, "org_of_country"))
        out.sort(key=lambda m: m.start)
    return out
