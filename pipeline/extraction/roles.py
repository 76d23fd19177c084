"""Roles: person → title → ministry or organization → country.

Two shapes cover French news prose, read off the resolved mentions and the
words between them rather than from fixed sentences:
  TITLE [demonym] [de|du ORG] [,] PERSON     `la ministre de X, Leila Benali`,
                                             `le Vice-président américain JD Vance`
  PERSON, [le|la] TITLE [demonym] [de ORG]   `Rachid Benaïssa, ministre de X`
A MINISTRY mention that names the office (`ministre de X`) carries its own title.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from .defaults import HOME_COUNTRY
from .lexicon import lemma
from .mention import Mention
from .normalize.text import clean as clean_norm
from .wordlists import word_set
from .titles import _titles_rx, is_title, title_norm as _title_norm
from pipeline.data import read_rows

from .wordlists import data_lines as _data_lines
from .nlp import doc_text

_GOV_TITLES = word_set("gov_titles.tsv")


@lru_cache(maxsize=64)
def _rx(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern built around the titles' alternation (several KB), compiled once: `re`'s own
    512-entry cache, which the per-name patterns of every article pass through, evicted and
    recompiled them (about 3% of the batch time)."""
    return re.compile(pattern, flags)


def _ministry_title(text: str) -> str:
    t = clean_norm(text)
    m = re.match(r"(secrétaire d'(?:État|Etat|état|etat))", t, re.I)
    if m:
        return _title_norm(m.group(1))
    m = re.match(r"(ministres?(?: délégué(?:e)?| d'(?:État|Etat|état|etat))?)", t, re.I)
    if m:
        return _title_norm(m.group(1).replace("ministres", "ministre").replace("Ministre", "ministre"))
    return "ministre"


def _country_of_adj(words: str) -> Optional[str]:
    from .normalize.gazetteer import demonym_country
    for w in re.findall(r"[\w-]+", words):
        code = demonym_country(w) or demonym_country(w.lower())
        if code:
            return code
    return None


def _country_in_name(name: str) -> Optional[str]:
    """`Royal Air Maroc` → MAR: an organization named after its state."""
    from .normalize.gazetteer import country_code, lookup
    words = re.findall(r"[\w-]+", name)
    for w in words:
        code = country_code(w) if w[:1].isupper() else None
        if code:
            return code
    # `Conseil communal de Tanger`: a body of a known place belongs to its state
    m = re.search(r"\b(?:de|d['’]|du)\s*([A-ZÉ][\w'’ -]+)$", name)
    if m:
        e = lookup(m.group(1))
        if e is not None and e.code:
            return e.code
    return _country_of_adj(name)


# A capitalised demonym names a people after a plural determiner (`les Sénégalais`, `85 % de
# Sénégalais`); elsewhere it may open a name (`Marocaine des Jeux`).
_PEOPLE = re.compile(r"(?:\b(?:les|des|aux|de|d['’])\s*)$", re.I)


def _demonym_countries(text: str, ms: list[Mention] = ()) -> Counter:
    """States the text names by a nationality word: an adjective (`le port sénégalais`) or,
    outside names, a people (`85 % de Sénégalais`)."""
    from .normalize.gazetteer import demonym_country
    names = [(m.start, m.end) for m in ms if m.label not in ("MONEY", "QUANTITY", "PERCENT")]

    def people(w: re.Match) -> bool:
        return bool(_PEOPLE.search(text[max(0, w.start() - 8):w.start()])) and not any(
            s <= w.start() < e for s, e in names)

    return Counter(c for w in re.finditer(r"\w+", text) if w.group()[:1].islower() or people(w)
                   for c in [demonym_country(w.group())] if c)


def _first_named(text: str, ms: list[Mention]) -> dict:
    """Where the text first names each state, by a COUNTRY mention or a nationality adjective."""
    from .normalize.gazetteer import demonym_country
    first: dict = {}
    for w in re.finditer(r"\w+", text):
        c = demonym_country(w.group()) if w.group()[:1].islower() else None
        if c:
            first.setdefault(c, w.start())
    for m in ms:
        if m.label == "COUNTRY" and m.norm and m.start < first.get(m.norm, len(text)):
            first[m.norm] = m.start
    return first


def _office_demonyms(text: str, ms: list[Mention]) -> Counter:
    """States named by a demonym right after a title of office or a guest noun, in a
    minister's office or as the complement of a title (`le président sénégalais`, `ministre
    français de l'Industrie`, `une délégation nigérienne`, `l'ambassadeur de France`)."""
    out, at = Counter(), []
    for m in _rx(_titles_rx().pattern + r"\s+([a-zéèêëïô-]+)", re.I).finditer(text):
        c = _country_of_adj(m.group(m.lastindex))
        if c:
            out[c] += 1
            at.append(m.start(m.lastindex))
    # the visitors (`une délégation nigérienne`) are guests too
    guests = "|".join(re.escape(w) for w in word_set("guest_nouns.tsv"))
    out.update(c for m in re.finditer(rf"\b(?:{guests})\s+([a-zéèêëïô-]+)", text, re.I)
               for c in [_country_of_adj(m.group(1))] if c)
    # a minister's office the pattern above has not read already (`ministre turc des
    # Affaires étrangères` is one demonym, not two)
    out.update(m.extra["country"] for m in ms if m.label == "MINISTRY" and m.extra.get("country_adj")
               and m.extra.get("country") and not any(m.start <= a < m.end for a in at))
    # `l'ambassadeur de France`: the state an office is of
    out.update(m.norm for m in ms if m.label == "COUNTRY" and m.norm and _rx(_titles_rx().pattern + r"\s+(?:de|d['’]|du)\s*$", re.I).search(text[max(0, m.start - 60):m.start]))
    return out


def _org_demonyms(ms: list[Mention]) -> Counter:
    """States named by a capitalised demonym inside an organization's name (lower-case
    ones are counted with the text's)."""
    from .normalize.gazetteer import demonym_country
    return Counter(c for m in ms if m.label in ("ORG", "EVENT")
                   for c in (demonym_country(w.lower()) for w in re.findall(r"\w+", m.text) if w[:1].isupper())
                   if c)


def _place_countries(ms: list[Mention]) -> Counter:
    """States of the known places an article names (`Rabat` → MAR)."""
    from .normalize.gazetteer import lookup
    out = Counter()
    for m in ms:
        if m.label == "LOC":
            e = lookup(m.norm or m.text)
            if e is not None and e.code:
                out[e.code] += 1
    return out


# An article naming its states at most this often, by name or nationality word, names few:
# its known places then count as names (`Dakar` five times, `le Mali` once in passing).
FEW_NAMES = 2
# The votes of the place the article's event was held at (`a reçu mardi à Ankara`): as many
# as a state named twice.
VENUE_WEIGHT = 2
# `a reçu mardi à`, `ont signé hier à`: an event told in the past, active, at a place
_EVENT_AT = re.compile(r"\b(?:a|ont)\s+(?:été\s+)?[a-zéèêàç]+(?:é|i|u|t)(?:e?s?)\b[^.;:!?\n,]{0,30}?\bà\s+$")


def _venue(text: str, ms: list[Mention]) -> Optional[str]:
    """The state of the first place the text says an event was held at (`X a reçu mardi à
    Ankara son homologue`, `a signé à Brazzaville`): where the event is, the bare offices are
    its host's. Not a meeting to come (`se réuniront à`), a convention's name (`signée à La
    Haye`) nor a seat (`installé à Niamey`)."""
    from .normalize.gazetteer import lookup
    for m in ms:
        if m.label in ("LOC", "COUNTRY") and _EVENT_AT.search(text[max(0, m.start - 60):m.start]):
            if m.label == "COUNTRY":
                return m.norm
            e = lookup(m.norm or m.text)
            return e.code if e is not None and e.code else None
    return None


def _state_votes(text: str, ms: list[Mention], mentioned: Counter) -> tuple[Counter, Counter]:
    """How often the article names each state by a name (``mentioned``), a nationality word
    or the place of its event, and by its known places."""
    places = _place_countries(ms)
    demonyms = _shared_demonyms(_demonym_countries(text, ms) + _org_demonyms(ms), mentioned + places)
    countries = mentioned + demonyms
    # `X, ministre français de l'Industrie`: a demonym on an office names that one
    # official's state, a foreign guest's as often as the article's own; it decides only
    # where the text names no other state
    countries = (countries - _office_demonyms(text, ms)) or countries
    venue = _venue(text, ms)
    if venue:
        countries[venue] += VENUE_WEIGHT
    return countries, places


@lru_cache(maxsize=1)
def _shared_demonym_states() -> tuple:
    return tuple((r[0], r[1]) for r in read_rows("shared_demonyms.tsv", ("state", "other")))


def _shared_demonyms(demonyms: Counter, named: Counter) -> Counter:
    """``demonyms`` with the votes of a nationality word two states share (`congolais`) moved
    to the other state where the article names (``named``) only that one (`RDC`, `Kinshasa`)."""
    out = Counter(demonyms)
    for state, other in _shared_demonym_states():
        if out[state] and named[other] and not named[state]:
            out[other] += out.pop(state)
    return out


def _article_state(countries: Counter, places: Counter, first: dict, home: str) -> str:
    """The state an office belongs to when the text implies it: the home country (Morocco
    for the Moroccan press this pipeline reads, or the dateline's), else the article's main
    state, read off its countries and nationality words (``countries``), its known places
    (``places``) and where it first names each (``first``)."""
    # Morocco's press names Morocco in passing in articles about its neighbours; other
    # outlets name it as one partner among others: it is home only where the article
    # names it at least a third as often as the state it names most
    top = max((countries[c] + places[c] for c in set(countries) | set(places)), default=0)
    near = countries[home] + places[home]
    if near and 3 * near >= top:
        return home
    # a lone foreign place (`la Convention de La Haye`) does not make a home
    placed = Counter({c: n for c, n in places.items() if n >= 2})
    if not countries:
        return (placed or Counter({home: 1})).most_common(1)[0][0]
    if max(countries.values()) <= FEW_NAMES:
        # few names: an article on Senegal may name it only through Dakar and its ministers,
        # and Mali once as a client; places weigh as names
        return max(set(countries) | set(placed), key=lambda c: (
            countries[c] + places[c], countries[c], -first.get(c, 1 << 30)))
    # known places break a tie (`le Ghana voisin` once in an article on Côte d'Ivoire,
    # its demonym and Abidjan); they are venues too often to outvote names; then the
    # state named first (the lead names the subject; the byline that named the city
    # is furniture)
    return max(countries, key=lambda c: (countries[c], places[c], -first.get(c, 1 << 30)))


def _demonym_after(text: str, pos: int) -> Optional[str]:
    """The state of a lower-case nationality adjective right after ``pos``, the end of a
    body's name (`le Haut conseil d'État libyen`, `du parlement libyen`)."""
    m = re.match(r"\s+([a-zéèêëïîôûç-]+)", text[pos:pos + 40])
    return _country_of_adj(m.group(1)) if m else None


def _state_across(ms: list[Mention], end: int) -> Optional[str]:
    """The state of a COUNTRY mention that a title's match ends inside (the title `président
    de la République` read in `président de la République du Niger`)."""
    return next((m.norm for m in ms if m.label == "COUNTRY" and m.start < end < m.end), None)


# `le chef de l'État congolais`, `le Président émirati`: a head of state by his state's
# demonym
_HEAD_DEMONYM = re.compile(r"\b(?:président(?:\s+de\s+la\s+république)?|chef\s+de\s+l['’]\s*[ée]tat)"
                           r"\s+([a-zéèêëïîôûç-]+)", re.I)


def _unnamed_heads(text: str, ms: list[Mention]) -> list:
    """(start, state) of each head of state the text names by a demonym and no name (a
    back-reference), not `le président sénégalais, X` nor `le président sénégalais X`."""
    people = [m.start for m in ms if m.label == "PERSON"]
    out = []
    for m in _HEAD_DEMONYM.finditer(text):
        c = _country_of_adj(m.group(1))
        if c and not any(m.end() <= s <= m.end() + 30 for s in people):
            out.append((m.start(), c))
    return out


def _head_named_later(R: _Roles) -> None:
    """`le président de la République, X` … later `le chef de l'État congolais`: the one head of
    state the text left to the home country is the head of the state a later back-reference
    names, where the text gives that state no other head."""
    from .normalize.text import fold_text
    heads = word_set("head_of_state_titles.tsv")
    is_head = [r for r in R.roles if fold_text(r["title"]) in heads]
    implied = [r for r in is_head if r["_implied"]]
    if len(implied) != 1:
        return
    role = implied[0]
    headed = {r["country"] for r in is_head if r is not role}
    later = {c for start, c in _unnamed_heads(R.text, R.ms) if start > role["start"]} - headed
    if len(later) == 1:
        role["country"] = later.pop()


# `X, ministre de A, et Y, ministre français de B`: the partner of an office, after `et`, up to
# its name and the office after it
_PARTNER = re.compile(r"\s*,?\s+et\s+((?:[^,;.:!?\n]+,){0,2}[^,;.:!?\n]*)")


def _other_side(R: _Roles) -> None:
    """`les ministres des deux pays, X, ministre de l'Énergie, et Y, ministre français de
    l'Industrie`: an office the text left to the article's state, paired by `et` with one
    it marks as of that same state, is the other party's, the state the article names most
    after it."""
    for role in R.roles:
        if not role["_home"]:
            continue
        m = _PARTNER.match(R.text, role["end"])
        partner = _demonym_countries(m.group(1)) if m else Counter()
        if set(partner) != {role["country"]}:
            continue
        others = [c for c, _ in R.votes.most_common() if c != role["country"]]
        if others:
            role["country"] = others[0]


def _sides(text: str) -> list:
    """(end, state) of each `côté <demonym>` (`du côté émirati`, OCR's `c6té émirati` too):
    the side the signatories after it stand for."""
    from .ocr import reads_as
    return [(m.end(), c) for m in re.finditer(r"\bc\w{2,3}\s+([\w-]+)", text, re.I)
            if reads_as(m.group().split()[0].lower(), "côté")
            for c in [_country_of_adj(m.group(1).lower())] if c]


@lru_cache(maxsize=1)
def _public_heads() -> tuple:
    return tuple(sorted(_data_lines("public_heads.tsv"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _org_kinds() -> dict:
    """name → (kind, state or None)."""
    out = {}
    for name, kind, state in read_rows("org_kinds.tsv", ("name", "kind", "state")):
        out[name.strip().lower()] = (kind.strip(), state.strip() or None)
    return out


def _known_state(org: Mention) -> Optional[str]:
    for name in (org.norm or org.text, org.text):
        kind = _org_kinds().get(clean_norm(name).lower())
        if kind:
            return kind[1]
    return None


def _public_body(org: Mention) -> bool:
    """An office of a state (`Office national …`, `Chambre des représentants`, a central bank),
    by its name's first words or its known long form."""
    if org.label != "ORG":
        return False
    from .org_finder import load_patterns
    names = [org.norm or org.text, org.text]
    names.append(load_patterns().known_acronyms.get(names[0], ("", ""))[0])
    for name in names:
        kind = _org_kinds().get(clean_norm(name).lower())
        if kind:
            return kind[0] == "public"
    for name in names:
        low = clean_norm(name).lower()
        if any(low == h or low.startswith(h + " ") or low.startswith(h + "-") for h in _public_heads()):
            return True
        if any(low.startswith(w + " ") if where == "first" else low.endswith(" " + w)
               for w, where in _public_heads_en()):
            return True
    return False


@lru_cache(maxsize=1)
def _public_heads_en() -> tuple:
    return tuple((w.strip().lower(), where.strip()) for w, where in read_rows("public_heads_en.tsv", ("words", "where")))


def _generic_org(ms: list[Mention], head: str, before: int, text: str = "") -> Optional[Mention]:
    """`du Groupe` / `du Congrès` standing for the organization named earlier: the nearest one
    whose name opens with that noun, or that the text introduced with it (`le groupe Sonatel`,
    `le groupe sénégalais Sonatel`, then `le directeur général du groupe, X`)."""
    head = head.lower()
    # `la commune` for `le Conseil communal de X` (back_reference_nouns.tsv)
    heads = (head,) + _back_reference_heads().get(head, ())
    for m in reversed([m for m in ms if m.end <= before and m.label in ("ORG", "EVENT")]):
        name = (m.norm or m.text).lower()
        last = name.split()[-1]
        # `Xinhua Textile Group`: the kind noun in English closes the name; a bare `Conseil
        # communal` is itself a back-reference, not the name pointed at
        if name.startswith(head) or any(name.startswith(h + " ") for h in heads[1:]) \
                or len(last) >= 4 and head.startswith(last) \
                and len(head) - len(last) <= 1 or (text and re.search(
                # `le groupe burkinabè X`, `le groupe bancaire X`: an adjective may come between
                r"(?<![\w-])" + re.escape(head) + r"(?:\s+(?-i:[a-zéèêëïç-]+))?\s+\Z", text[max(0, m.start - 40):m.start], re.I)):
            return m
    return None


@lru_cache(maxsize=1)
def _scope_titles() -> dict:
    """`commissaire européen` → its title: offices whose adjective names their body."""
    return {w.strip(): t.strip() for w, t in read_rows("scope_titles.tsv", ("written", "title"))}


@lru_cache(maxsize=1)
def _back_reference_heads() -> dict:
    """noun → heads of the names it points back at (`commune` → `conseil communal`)."""
    out: dict = {}
    for noun, head in read_rows("back_reference_nouns.tsv", ("noun", "head")):
        out[noun.strip()] = out.get(noun.strip(), ()) + (head.strip(),)
    return out


def _article_org(ms: list[Mention], before: int) -> Optional[Mention]:
    """The organization the article is about: named at least three times and more often than any
    other; its last mention before `before`, if any."""
    counts = Counter(m.norm or m.text for m in ms if m.label == "ORG")
    top = counts.most_common(2)
    if not top or top[0][1] < 3 or len(top) > 1 and top[1][1] == top[0][1]:
        return None
    return next((m for m in reversed(ms) if m.end <= before and m.label == "ORG"
                 and (m.norm or m.text) == top[0][0]), None)


@lru_cache(maxsize=1)
def _title_countries() -> dict:
    return {t.strip().lower(): c.strip() for t, c in read_rows("title_countries.tsv", ("title", "alpha3"))}


@lru_cache(maxsize=1)
def _international_words() -> frozenset:
    return frozenset(_data_lines("international_words.tsv"))


@lru_cache(maxsize=1)
def _hon() -> str:
    """Honorifics that may stand between a title and the name (`son directeur général Mme X`)."""
    words = [w for w in _data_lines("honorifics.tsv")
             if w not in ("son", "sa", "se") and not is_title(w)]
    # ranks of several words (ranks.tsv) are no office either, whatever their first word
    words += [w for w in _data_lines("ranks.tsv")]
    words.sort(key=len, reverse=True)
    alts = "|".join(re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+") for w in words)
    # protocol forms (`le Chef de l'Etat, Son Excellence, Monsieur X`, `SA Cheikh X`): `son`/`sa`
    # only before a style, `SA`/`SE` in capitals
    styles = r"(?:(?:son|sa)\s+(?:excellence|altesse|majesté)|(?-i:S\.?A|S\.?E|S\.?M)\.?|cheikh|sheikh)"
    return rf"(?:(?:{alts})(?<=\.)\s*,?\s*|(?:{alts}|{styles})\s*,?\s+)*"


def _international(org: Mention) -> bool:
    from .org_finder import load_patterns
    name = org.norm or org.text
    long_form = load_patterns().known_acronyms.get(name, ("", ""))[0]
    words = set(re.findall(r"[\w-]+", f"{name} {long_form}"))
    return bool(words & _international_words())


@lru_cache(maxsize=1)
def _kind_link() -> str:
    """An optional kind noun, with its adjective, between `de` and an organization's name
    (`président du groupe Sunrise`, `PDG de la compagnie aérienne X`)."""
    return rf"(?:(?:{_kind_words()})(?-i:\s+[a-zéèêàç-]+)?\s+)?"


@lru_cache(maxsize=1)
def _kind_words() -> str:
    return "|".join(re.escape(w) for w in sorted(_data_lines("org_kind_nouns.tsv"), key=len, reverse=True))


_CORPORATE = re.compile(r"(directeur|directrice|PDG|DG|CEO|administrat|président-directeur)", re.I)
_QUALIFIER = re.compile(r"\s+((?:chargée?s?|en\s+charge|pour|responsable)\b[^.;:!?«»()\n]*?)\s*,\s*$", re.I)
_LINK = r"(?:de\s+la|de\s+l['’]|du|des|de|d['’])"


class _Roles:
    """Collects roles for one document; `add` fills the country the text implies."""

    def __init__(self, doc: Doc, mentions: list[Mention], home: str = HOME_COUNTRY):
        self.text = doc_text(doc)
        self.doc = doc
        self.ms = sorted(mentions, key=lambda m: m.start)
        mentioned = Counter(m.norm for m in self.ms if m.label == "COUNTRY" and m.norm)
        # the state an office belongs to when the text implies it: the home country
        # (Morocco for the Moroccan press this pipeline reads), else the article's main
        # country, read off its countries, nationality adjectives and known places alike
        # (`l'Autorité Marocaine des Marchés de Capitaux` names its state too)
        countries, places = _state_votes(self.text, self.ms, mentioned)
        self.votes = countries + places  # the other party of a pair of offices (_other_side)
        self.home = _article_state(countries, places, _first_named(self.text, self.ms), home)
        # a national body in an article about one country only belongs to that country
        self.single = next(iter(mentioned)) if len(mentioned) == 1 and self.home in mentioned else None
        # `du côté émirati, par X, ministre de l'Intérieur`: the side a signatory stands for
        self.sides = _sides(self.text)
        self.roles: list[dict] = []
        self.seen: dict = {}
        self.calls = 0

    def add(self, person: Mention, title: str, org: Optional[Mention], country, start, end):
        self.calls += 1
        title = re.sub(r"\s+", " ", title.replace("’", "'")).strip()
        both = re.fullmatch(r"(.+?) et (.+)", title)
        if both and all(is_title(t) for t in both.groups()):
            # `fondateur et PDG de X`: two offices of one organization
            first = self.add(person, both.group(1), org, country, start, end)
            second = self.add(person, _title_norm(both.group(2)), org, country, start, end)
            return first or second
        # a qualifier written before the title stays in it (`l'ancien président`, `l'ex-Premier ministre`)
        q = re.search(r"(?:\b(ancien|ancienne)\s+|\b(ex)-)$", self.text[max(0, start - 10):start], re.I)
        if q and not re.match(r"(?:ancienn?e? |ex-)", title):
            title = (q.group(1).lower() + " " if q.group(1) else "ex-") + title
        key = (person.norm, title, org.norm if org else None)
        if key in self.seen:
            old = self.seen[key]
            if country and old.get("_implied"):
                old["country"], old["_implied"], old["_home"] = country, False, False
            return None
        bare = re.sub(r"^(?:ancienn?e? |ex-)", "", title.lower())
        if country is None and (bare in _GOV_TITLES or org is not None and (org.label == "MINISTRY" or _public_body(org))):
            # `côté tunisien, le ministre X`: a side stands for its state, whose offices only it gives
            country = self.side(start)
        if country is None:
            country = _title_countries().get(title.lower())
        home = False  # the country is the article's, the text naming none for this office
        if country is None and org is not None and org.label == "MINISTRY":
            country = org.extra.get("country") or _country_of_adj(org.text)
            home = country is None
            country = country or self.home
        if org is not None and org.label != "MINISTRY":
            # only offices of a state have one; companies (state-owned included), parties,
            # unions, associations and international bodies have none
            if not _public_body(org) or _international(org) and not _country_of_adj(org.norm or org.text):
                country = None
            elif country is None:
                country = (_known_state(org) or _country_in_name(org.norm or org.text)
                           or _demonym_after(self.text, org.end) or self.single)
                home = country is None
                country = country or self.home
        implied = country is None and org is None and bare in _GOV_TITLES
        if implied:
            country, home = self.home, True
        if org is None and country is None and not _jurisdiction_title(bare) and bare not in _scope_titles().values():
            return None  # `le nouveau patron X`: an office of nothing the text names
        role = {"person": person.norm or person.text, "title": title,
                "org": org.norm if org else None, "org_label": org.label if org else None,
                "country": country, "start": start, "end": end, "_implied": implied, "_home": home}
        self.seen[key] = role
        self.roles.append(role)
        return role

    def side(self, pos: int) -> Optional[str]:
        """The state named by the last `côté <demonym>` before pos in its sentence."""
        last = next(((end, c) for end, c in reversed(self.sides) if end <= pos), None)
        if last is None or re.search(r"[.!?\n]", self.text[last[0]:pos]):
            return None
        return last[1]

    def after(self, pos: int) -> Optional[Mention]:
        return next((x for x in self.ms if x.start >= pos), None)


def _org_before_person(R: _Roles, i: int):
    """Shape 1: `TITLE [adj] [(ACR)] de ORG [(ACR)] [de LOC] [qualifier] [,] PERSON`.
    Returns (title, org, country, start) or None."""
    text, ms, p = R.text, R.ms, R.ms[i]
    # `le directeur général de la BAD pour l'Afrique du Nord, Nom`: the office's remit
    # (it may name places) runs from the organization to the comma before the name
    for j in range(i - 1, max(-1, i - 6), -1):
        q = ms[j]
        if q.label == "PERSON" or p.start - q.end > 200:
            break
        if q.label in ("ORG", "EVENT", "MINISTRY"):
            mq = _QUALIFIER.fullmatch(text, q.end, p.start)
            if mq:
                found = _title_of_org(R, q)
                if found and _posting(R, mq.start(1), mq.end(1)):
                    return found[0], q, found[1], found[2]  # `… de l'ONU pour la Côte d'Ivoire`: the posting is no part of the title
                if found:
                    return found[0] + " " + re.sub(r"\s+", " ", mq.group(1)), q, found[1], found[2]
            break
    j = i - 1
    gap_end = p.start
    place = None
    dated = None
    while j >= 0:
        q = ms[j]
        gap = text[q.end:gap_end]
        # `le ministre de l'Intérieur, M. X`, `le Premier ministre, le général X`: honorifics
        # and ranks stand between the office and the name
        if q.label == "DATE" and re.fullmatch(r"\s*\)\s*", gap) and re.search(r"\(\s*$", text[max(0, q.start - 3):q.start]):
            # the years of a past office: `l'ancien ministre de X (1988-1991) Y`
            gap_end = text.rindex("(", 0, q.start)
            j -= 1
            dated = j
            continue
        if not _rx(r"[\s,()«»\"]*(?:(?:de|d['’])\s*)?(?:(?:le|la)\s+|l['’])?(?:(?:professeur|docteur)\s+)?" + _hon(), re.I).fullmatch(_drop_nationality(gap)):
            break
        # acronyms and `de Marrakech` between the organization and the name
        if q.label == "ORG" and q.text.isupper() and j > 0 and ms[j - 1].label == "ORG" \
                and re.fullmatch(r"\s*[(«\"]\s*", text[ms[j - 1].end:q.start]):
            gap_end = q.start
            j -= 1
            continue
        if q.label == "LOC" and re.search(r"(?<!\w)(de|d['’]|du)\s*$", text[max(0, q.start - 4):q.start]):
            place = place or q
            gap_end = q.start
            j -= 1
            continue
        if q.label == "COUNTRY" and j > 0 and ms[j - 1].label in ("ORG", "MINISTRY") and re.fullmatch(
                r"\s+" + _LINK + r"\s*", text[ms[j - 1].end:q.start]):
            # `le ministre des Affaires étrangères de la République arabe d'Égypte, X`
            o = ms[j - 1]
            if _minister_office(o):
                return _ministry_title(o.text), o, q.norm, o.start
            found = _title_of_org(R, o)
            if found:
                return found[0], o, q.norm, found[2]
            break
        if q.label in ("ORG", "EVENT", "MINISTRY"):
            if j in (i - 1, dated) and _minister_office(q):
                _title_before_ministry(R, p, q)
                return _ministry_title(q.text), q, None, q.start
            found = _title_of_org(R, q)
            if found:
                return found[0], q, found[1], found[2]
        break
    if place is not None and dated is None:
        # `le prince héritier d'Abou Dhabi, cheikh X`, `le maire de Fès, M. X`: an office of the
        # place it governs, the place in the title (ENTITIES.md, Roles)
        lo = max(0, place.start - 80)
        mj = _rx(_titles_rx().pattern + _jurisdiction_link() + "$", re.I).search(text[lo:place.start])
        if mj and _jurisdiction_title(_title_norm(mj.group("title")).lower()):
            return (_jurisdiction(text, mj.group("title"), place, lo + mj.end("title")), None,
                    _place_state(place) or R.home, lo + mj.start())
    # a place heads a company's name only for corporate offices (`directeur général de Nador West Med`)
    if place is not None:
        found = _title_of_org(R, place)
        if found and _CORPORATE.match(found[0]):
            return found[0], place, found[1], found[2]
    return None


def _posting(R: _Roles, start: int, end: int) -> bool:
    """text[start:end] is `pour|en|au STATE` and nothing else: the state an office is posted to
    (ENTITIES.md, Roles: the title drops the posting), unlike a remit (`pour l'Afrique du Nord`)."""
    inside = [x for x in R.ms if start <= x.start and x.end <= end]
    return len(inside) == 1 and inside[0].label == "COUNTRY" and inside[0].end == end and re.fullmatch(
        r"(?:pour|en|au|aux)\s+(?:(?:le|la|les)\s+|l['’])?", R.text[start:inside[0].start], re.I) is not None


def _drop_nationality(gap: str) -> str:
    """`…, le Danois ` → `…, le `: a nationality noun before a name describes the holder
    (`l'entraîneur du club, le Portugais X`)."""
    m = re.search(r"(?:\ble|\bla|\bl['’])\s*(?P<n>(?-i:[A-ZÉ][a-zéèëïô-]+))\s+$", gap, re.I)
    if m and _country_of_adj(m.group("n").lower()):
        return gap[:m.start("n")]
    return gap


def _after_name(R: _Roles, at: int) -> bool:
    """`X, Président de l'ACAPS, Mme Y`, `X (ministre de Y), Z`: a title right after `NAME,` (no
    determiner) or `NAME (` is that name's apposition, not an announcement of the next name."""
    prev = next((x for x in reversed(R.ms) if x.end <= at), None)
    return prev is not None and prev.label == "PERSON" and re.fullmatch(r"\s*[,(]\s*", R.text[prev.end:at]) is not None


@lru_cache(maxsize=1)
def _jurisdiction_link() -> str:
    """What ties a governing title to its place: `de`, `du` (`gouverneur du Lualaba`), or an
    administrative division between them (`gouverneur de la province de X`, place_nouns.tsv)."""
    units = "|".join(re.escape(w) for w, kind in read_rows("place_nouns.tsv", ("noun", "kind"))
                     if kind in ("admin", "shared"))
    link = r"(?:du|de\s+la|de\s+l['’]|de|d['’])"
    return rf"\s+{link}\s*(?:(?:{units})\s+{link}\s*)?"


def _jurisdiction(text: str, title: str, place: Mention, link_start: int) -> str:
    """`maire de Fès`, `prince héritier d'Abou Dhabi`, `préfet du département de X`: a title
    with the place it governs, linked as the text links them (text[link_start:place.start])."""
    link = re.sub(r"\s+", " ", text[link_start:place.start].replace("’", "'")).lower()
    return f"{_title_norm(title)}{link}{place.norm or place.text}"


def _place_state(place: Mention) -> Optional[str]:
    from .normalize.gazetteer import lookup
    e = lookup(place.norm or place.text)
    return e.code if e is not None and e.code else None


def _adjective(R: _Roles, start: int, end: int) -> bool:
    """text[start:end] is one lower-case adjective in the parse."""
    span = R.doc.char_span(start, end)
    return span is not None and len(span) == 1 and span[0].pos_ == "ADJ" and span[0].text.islower()


def _title_of_org(R: _Roles, org: Mention):
    """`TITLE [adj] [(ACR)] de` right before an organization: (title, country, start)."""
    left = R.text[max(0, org.start - 120):org.start]
    # a department in lower case between the title and the organization is part of the office
    # (`directeur de la communication de X`), not a kind noun (`directeur de la filiale de X`)
    unit = (r"(?P<unit>\s+(?:de\s+la|de\s+l['’]|du|des)\s*(?!(?:" + _kind_words() + r")\b)"
            r"(?-i:[a-zéèêàçô][\w'’-]*(?:\s+[a-zéèêàçô][\w'’-]*){0,5}))?")
    m = _rx(_titles_rx().pattern + r"(?P<adj>(?:\s+[\w-]+)?)" + unit + r"(?:\s*\([A-Z]{2,6}\))?\s+"
                  + _LINK + r"\s*" + _kind_link() + "$", re.I).search(left)
    if not m:
        return None
    start = org.start - (len(left) - m.start())
    title = m.group("title")
    adj = m.group("adj").strip()
    if adj and adj.islower() and not _country_of_adj(adj) and adj not in (
            "de", "du", "des", "d", "actuel", "actuelle", "nouveau", "nouvelle", "même"):
        # a qualifier stays in the title (ENTITIES.md, Roles): `directeur régional`, `responsable pays`
        title = title + " " + adj
    if m.group("unit") and not _country_of_adj(m.group("unit")):
        title = title + m.group("unit")
    outer = _rx(_titles_rx().pattern + r"(?-i:\s+[a-zéè]+)?\s+(?:du|de\s+la)\s+$", re.I).search(R.text[max(0, start - 50):start])
    if outer and not _country_of_adj(m.group("adj")):
        # `le représentant spécial du secrétaire général de l'ONU, X`: the office at the side of
        # the organization's head is X's
        start -= len(R.text[max(0, start - 50):start]) - outer.start()
        title = R.text[start:org.start - (len(left) - m.end("title"))]
    return _title_norm(title), _country_of_adj(m.group("adj")), start


def _office_at(R: _Roles, after: int, qualifier: str = "", ends=r"[,.;:)»\]]|et\b|$"):
    """The office written from `after`: `TITLE [demonym|qualifier] [de ORG|COUNTRY|LOC]` or a
    ministry named by its minister. Returns (title, org, country, end) or None; a bare title
    must be followed by one of `ends` (`X, le chef de l'État a rassuré …` starts a clause)."""
    text = R.text
    nxt = R.after(after)
    if nxt is not None and nxt.start == after and _minister_office(nxt):
        end = nxt.end
        country = None
        mc = re.match(r"\s+" + _LINK + r"\s*", text[end:end + 12])
        nxt2 = R.after(end)
        if mc and nxt2 is not None and nxt2.label == "COUNTRY" and nxt2.start == end + mc.end():
            country, end = nxt2.norm, nxt2.end
        return qualifier + _ministry_title(nxt.text), nxt, country, end
    mt = _titles_rx().match(text, after)
    if not mt:
        return None
    rest_start = mt.end()
    nxt2 = R.after(rest_start)
    between = text[rest_start:nxt2.start] if nxt2 else ""
    # the words between the title and `de ORG` stay on its line (a headline ends at the newline)
    mb = re.fullmatch(r"(?P<more>(?:[^\S\n]+[\w-]+){0,6}?)\s+" + _LINK + r"\s*" + _kind_link(), between)
    if mb is None and nxt2 is not None and nxt2.label == "ORG":
        # `le patron de la société publique d'électricité et de gaz, Sonelgaz`: the kind noun,
        # described, then the name in apposition
        mb = re.fullmatch(r"(?P<more>)\s+" + _LINK + r"\s*(?:" + _kind_words() + r")\b[^,;.()«»\n]{0,60},\s*",
                          between)
    if nxt2 is not None and nxt2.label in ("ORG", "MINISTRY", "EVENT") and mb:
        # `ministre délégué auprès du ministre de X`: the office is the delegate's, of X
        more = re.sub(r"\s+auprès(?:\s+du\s+ministre|\s+de\s+la\s+ministre)?$", "", mb.group("more"))
        country = _country_of_adj(more)
        title = mt.group("title") + ("" if country else more)
        return qualifier + _title_norm(title), nxt2, country, nxt2.end
    mu = re.fullmatch(r"(?P<unit>\s+" + _LINK + r"\s*[^,;.()«»]{2,60}?)\s+(?:au|à\s+la|à\s+l['’])\s*", between)
    if nxt2 is not None and nxt2.label in ("ORG", "MINISTRY") and mu and not mb:
        # `directeur général de la Monétique au ministère des Finances`: the unit is part of the office
        return qualifier + _title_norm(mt.group("title") + mu.group("unit")), nxt2, None, nxt2.end
    # the remit may also end at the `de` of the organization (`directeur général adjoint chargé des
    # opérations et du développement commercial de la Compagnie X`): the last `de` before its name
    # and may name places (`chargé de l'Afrique de l'Ouest chez Orange`): the organization is the
    # first one after the title with only places before it
    body = next((x for x in R.ms if x.start >= rest_start and x.label not in ("LOC", "COUNTRY")), None)
    if body is not None:
        between_body = text[rest_start:body.start]
        mr = re.fullmatch(r"(?P<remit>(?-i:\s+[a-zéèê]+)?\s+(?:chargée?|en\s+charge)\s+" + _LINK
                          + r"\s*[^,;.()«»\n]{2,80}?)\s+(?:à\s+la|à\s+l['’]|au|auprès\s+d[eu](?:\s+la|\s+l['’])?|chez|"
                          + _LINK + r")\s*", between_body, re.I)
        if body.label in ("ORG", "MINISTRY") and mr:
            # `directeur adjoint chargé de la stratégie à l'Agence X`: the remit stays in the title
            return qualifier + _title_norm(mt.group("title") + mr.group("remit")), body, None, body.end
    mc = re.fullmatch(r"(?P<more>(?:\s+[a-zéèêàç-]+){0,3}?)\s+chez\s+", between)
    if nxt2 is not None and nxt2.label == "ORG" and mc:
        # `directrice marketing chez Renault`: `chez` ties an office to a company as `de` does
        return qualifier + _title_norm(mt.group("title") + mc.group("more")), nxt2, None, nxt2.end
    if nxt2 is not None and nxt2.label == "COUNTRY" and re.fullmatch(r"\s+(de|d['’]|du)\s*", between):
        return qualifier + _title_norm(mt.group("title")), None, nxt2.norm, nxt2.end
    if nxt2 is not None and nxt2.label == "LOC" and re.fullmatch(_jurisdiction_link(), between, re.I) \
            and _title_norm(mt.group("title")).lower() in _JURISDICTION_TITLES:
        # `X, maire de Fès`, `X, prince héritier d'Abou Dhabi`: the place is part of the office
        return (qualifier + _jurisdiction(text, mt.group("title"), nxt2, nxt2.start - len(between)), None,
                _place_state(nxt2) or R.home, nxt2.end)
    mh = re.match(r"(?P<more>(?-i:\s+[a-zéèê]+)?)\s+(?P<inner>(?:du|de\s+la)\s+(?P<head>[\w' -]{3,30}?))\s+(?P<adj>[\w-]+)\s*(?=[,.;:)»\]]|et\b|$)",
                  text[rest_start:rest_start + 60])
    if mh and _title_norm(mh.group("head")).lower() in _GOV_TITLES and _country_of_adj(mh.group("adj")) \
            and not _country_of_adj(mh.group("more")) \
            and not _title_norm(mt.group("title")).lower().endswith(("du roi", "de la reine")):
        # `X, conseiller spécial du président sénégalais`: an office at a head of state's side, of
        # the state the demonym names
        return (qualifier + _title_norm(mt.group("title") + mh.group("more") + " " + mh.group("inner")), None,
                _country_of_adj(mh.group("adj")), rest_start + mh.end())
    adj = re.match(r"\s+([\w-]+)", text[rest_start:rest_start + 30])
    country = _country_of_adj(adj.group(1)) if adj else None
    end = rest_start + (adj.end() if adj and country else 0)
    title = mt.group("title")
    if adj and not country and _adjective(R, rest_start + adj.start(1), rest_start + adj.end(1)) \
            and re.match(r"\s*[,.;:)»]", text[rest_start + adj.end():rest_start + adj.end() + 3]):
        # `X, chef de la junte militaire,`: a qualifier stays in the title
        title, end = text[after:rest_start + adj.end()], rest_start + adj.end()
        if _title_norm(mt.group("title")).lower() in _GOV_TITLES:
            country = R.home  # the office of a government, as without the qualifier
    if not re.match(r"\s*(?:" + ends + ")", text[end:end + 5]):
        return None
    return qualifier + _title_norm(title), None, country, end


def _appositions(R: _Roles, i: int) -> list:
    """Shape 2: `PERSON, [le|la] TITLE [demonym] [de ORG|COUNTRY]` and its chains
    (`Nicole Belloubet, Garde des Sceaux, ministre de la Justice`)."""
    text, ms, p = R.text, R.ms, R.ms[i]
    out = []
    pos = p.end
    while True:
        # `X (photo), le patron de …`, `X (PAM), président de …`: a short parenthesis first
        # a second office follows a comma or `et` (`X, Premier ministre et ministre des Finances`)
        sep = r"(?:\s*,\s*|\s+et\s+)" if out else r"\s*,\s*"
        # `X, par ailleurs ministre de Y`: an adverb that adds an office to one already given
        m = re.match(r"(?:\s*\([^()\n]{1,20}\))?" + sep + r"(?:(?:par\s+ailleurs|également|aussi)\s+)?(?:l['’]|le\s+|la\s+)?(?:(?P<q>ancienn?e?)\s+|(?P<ex>ex)-|(?:nouveau|nouvelle|"
                     r"actuel|actuelle)\s+)?", text[pos:pos + 45], re.I)
        if not m:
            break
        qualifier = m.group("q").lower() + " " if m.group("q") else "ex-" if m.group("ex") else ""
        found = _office_at(R, pos + m.end(), qualifier)
        if found is None:
            break
        title, org, country, pos = found
        out.append([title, org, country, p.start, pos])
        # `X, le directeur de la BAD, Y`: a title followed by another name is that name's
        nxt3 = next((x for x in ms if x.start >= pos and x.label == "PERSON"), None)
        # (`X, le président de la République, le maréchal Y`: a rank with its article too)
        if nxt3 is not None and m.group(0).strip(" ,") and (
                _rx(r"\s*,\s*(?:(?:le|la)\s+(?=[a-zéè]))?" + _hon(), 0).fullmatch(text[pos:nxt3.start])
                or _QUALIFIER.fullmatch(text, pos, nxt3.start)):
            out.pop()
            break
    # one office's country holds for the chain (`Garde des Sceaux, ministre de la Justice`)
    known = next((c or _title_countries().get(t.lower()) for t, _, c, _, _ in out
                  if c or _title_countries().get(t.lower())), None)
    for r in out:
        r[2] = r[2] or (known if len(out) > 1 else None)
    return out


def find_roles(doc: Doc, mentions: list[Mention], home: str = HOME_COUNTRY) -> list[dict]:
    R = _Roles(doc, mentions, home)
    for i, p in enumerate(R.ms):
        if p.label != "PERSON":
            continue
        calls = R.calls
        found = _org_before_person(R, i)
        if found and _after_name(R, found[3]):
            found = None
        if found:
            title, org, country, start = found
            R.add(p, title, org, country, start, p.end)
            _minister_and(R, p, start)
        else:
            _before_person(R, i, R.ms[i - 1] if i > 0 else None)
            _chained_before(R, i)
        for title, org, country, start, end in _appositions(R, i):
            R.add(p, title, org, country, start, end)
        _appointed(R, doc, i)
        if R.calls == calls:
            _parsed(R, doc, p)
    _respectively(R)
    _appointed_respectively(R)
    _office_of_body(R)
    _title_then_name(R)
    _pronoun_office(R)
    _delegation_head(R)
    _possessive_office(R)
    _whose_office(R)
    _led_by(R)
    _led_by_holder(R)
    _enumerated(R)
    _counterparts(R)
    _enumerations(R)
    _line_up(R)
    _bracketed(R)
    _head_named_later(R)
    _other_side(R)
    # `le ministre ivoirien X` after `X, ministre des Affaires étrangères`: the bare title
    # repeats the office already given
    full = {(r["person"], r["title"]) for r in R.roles if r["org"]}
    # `son chef de la diplomatie, X, ministre des Affaires étrangères`: the paraphrase repeats
    # the ministry's office (minister_paraphrases.tsv)
    ministers = {r["person"] for r in R.roles if r["org_label"] == "MINISTRY"}
    paraphrases = word_set("minister_paraphrases.tsv")
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in R.roles
            if r["org"] or (r["person"], r["title"]) not in full
            and not (r["person"] in ministers and r["title"].lower() in paraphrases)]


# `X a été nommé`, `X, nommé`, `X, 86 ans, nommé`, `X est devenu`: from the name to the verb,
# without or with an incise between commas; not the active `X a nommé Y …`
_AUX = (r"\s*(?:(?:(?:a|ont|avait|avaient|aura|auront)\s+été|est|sont|sera|seront|était|étaient|vient\s+d['’]être)\s+"
        r"(?:(?:même|aussi|également|ensuite|finalement|officiellement|désormais)\s+)?)?")
_TO_VERB = (re.compile(r"\s*,?" + _AUX), re.compile(r"\s*,[^,.;:«»\n]{1,100},?" + _AUX))
# a name governed by a preposition is no subject (`… de l'ex-président X, est nommé`)
_GOVERNED = re.compile(r"\b(?:de|du|des|d['’]|à|au|aux|par|avec|pour|sur|chez|contre)\s+"
                       r"(?:(?:l['’]|le\s+|la\s+|les\s+)?[\w’'-]+\s+)?$", re.I)
# from the verb to the office: an incise (`élu, lundi 20 septembre, président`), a time
# (`nommé depuis 2012 ministre`), a determiner and `nouveau`
# and the post's frame (`nommé au poste de directeur`, `élevé au rang de ministre d'État`)
_TO_OFFICE = re.compile(r"(?:\s*,[^,.;:()«»]{1,40},)?\s+(?:(?:depuis|en|dès)\s+\d{4}\s+)?"
                        r"(?:(?:au|aux)\s+(?:poste|rang|grade|fonctions?)\s+(?:de|d['’])\s*)?"
                        r"(?:(?:le|la|l['’])\s*)?(?:(?:nouveau|nouvelle|nouvel)\s+)?")
# `élevé au rang de`: a participle the parser reads as an adjective, made a verb by its frame
_RAISED = re.compile(r"(?:élevée?s?|promue?s?|hissée?s?)\s+au\s+(?:rang|poste|grade)\b", re.I)
# `Au ministère de X, NAME a été nommé …`: the body a list of appointments is grouped under
_FRONTED = re.compile(r"(?:^|[.\n]\s*)(?:au|à\s+la|à\s+l['’]|au\s+niveau\s+d[eu](?:\s+la|\s+l['’])?|"
                      r"au\s+sein\s+d[eu](?:\s+la|\s+l['’])?)\s*$", re.I)


def _appointed(R: _Roles, doc: Doc, i: int) -> None:
    """`X a été nommé TITLE de Y`, `X, élu lundi président de Y`: the office after an
    appointment verb (appointment_verbs.tsv, by the parse's lemma) whose subject is the name."""
    text, p = R.text, R.ms[i]
    # `Le roi a nommé X ambassadeur au Japon`: the object of the verb, the office right after it
    mb = _rx(r"(?P<v>[\w-]+)\s+" + _hon() + r"$", re.I).search(text[max(0, p.start - 40):p.start])
    v = _token_at(doc, p.start - 40 + mb.start("v") if p.start >= 40 else mb.start("v")) if mb else None
    if v is not None and v.pos_ == "VERB" and lemma(v).lower() in _appointment_verbs() \
            and re.match(r"\s+\S", text[p.end:p.end + 3]):
        found = _office_at(R, p.end + 1, ends=r"[,.;:)»\]]|et\b|$|(?:à|au|lors|pour|par|en)\b")
        if found is not None:
            title, org, country, end = found
            R.add(p, title, org, country, p.start, end)
            return
    tok = None
    for rx in _TO_VERB:
        mv = rx.match(text, p.end)
        t = _token_at(doc, mv.end()) if mv else None
        if t is not None and (t.pos_ in ("VERB", "AUX") and lemma(t).lower() in _appointment_verbs()
                              or _RAISED.match(text, t.idx)):
            line = max(text.rfind("\n", 0, p.start), text.rfind(".", 0, p.start), p.start - 40) + 1
            if re.search(r"\w\s*$", mv.group(0)) and _GOVERNED.search(text, max(0, line), p.start):
                return  # a finite verb whose subject is not this name
            tok = t
            break
    if tok is None:
        return
    mo = _TO_OFFICE.match(text, tok.idx + len(tok.text))
    if not mo:
        return
    # a participle agrees with its subject (`nommés` for two names is not this one's)
    if tok.text.lower().endswith("s") and re.search(r"\bet\s*$", text[max(0, p.start - 8):p.start]):
        return
    found = _office_at(R, mo.end(), ends=r"[,.;:)»\]]|et\b|$|(?:à|au|lors|pour|par|en|depuis)\b")
    fronted = _fronted_body(R, p)
    if found is None and fronted is not None:
        # `Au ministère de X, Y a été nommé directeur du Patrimoine culturel`: the title keeps its complement
        mt = _titles_rx().match(text, mo.end())
        tail = re.match(r"(?:\s+" + _LINK + r"\s*[^,;.()«»\n]{2,60}?)?(?=\s*(?:[,;.()\n]|$))", text[mt.end():]) if mt else None
        if mt and tail:
            found = _title_norm(mt.group("title") + tail.group(0)), fronted, None, mt.end() + tail.end()
    if found is None:
        return
    title, org, country, end = found
    if org is None and fronted is not None:
        org = fronted
    R.add(p, title, org, country, p.start, end)


def _token_at(doc: Doc, idx: int):
    """The token that starts at character idx, else None."""
    span = doc.char_span(idx, idx + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx == idx else None


def _fronted_body(R: _Roles, p: Mention) -> Optional[Mention]:
    """The ministry or organization a sentence opens with (`Au ministère de X, NAME …`)."""
    for x in reversed(R.ms):
        if x.end > p.start:
            continue
        if x.label not in ("ORG", "MINISTRY") or not re.fullmatch(r"[^.;:\n]{0,80}?,\s*", R.text[x.end:p.start]):
            return None
        return x if _FRONTED.search(R.text, max(0, x.start - 40), x.start) else None
    return None


def _before_person(R: _Roles, i: int, prev: Optional[Mention]) -> bool:
    """Titles right before the name with no organization after them."""
    text, ms, p = R.text, R.ms, R.ms[i]
    hon = _hon()
    # `la Société X «SX» représentée par son directeur général [Mme] Nom`
    left = text[max(0, p.start - 80):p.start]
    m = _rx(r"représentée?s?\s+par\s+(?:son|sa|leur)\s+" + _titles_rx().pattern + r"\s*,?\s*"
                  + hon + r"$", re.I).search(left)
    if m:
        at = p.start - (len(left) - m.start())
        org = next((x for x in reversed(ms) if x.end <= at and x.label in ("ORG", "EVENT")), None)
        if org is not None and re.fullmatch(r"[\s«»\"(),\w]*", text[org.end:at]) and at - org.end < 20:
            R.add(p, _title_norm(m.group("title")), org, None, org.start, p.end)
            return True
    left_start = max(prev.end if prev else 0, p.start - 80)
    left = text[left_start:p.start]
    g = _rx(_titles_rx().pattern + r"\s+(?:du|de\s+la|de\s+l['’])\s*(?P<head>[A-ZÉ][\w-]+)\s*,\s*$", 0).search(left)
    if g:
        org = _generic_org(ms, g.group("head"), left_start + g.start())
        if org is not None:
            R.add(p, _title_norm(g.group("title")), org, None, left_start + g.start(), p.end)
            return True
    # `le gouverneur de la banque centrale, X` after `la Banque des Etats de l'Afrique centrale`: a
    # kind noun (org_kind_nouns.tsv) in lower case, with an adjective the name holds, points back
    g = _rx(_titles_rx().pattern + r"\s+(?:du|de\s+la|de\s+l['’])\s*(?P<head>(?-i:" + _kind_words() + "|"
                  + "|".join(map(re.escape, _back_reference_heads()))
                  + r"))(?:\s+(?P<adj>(?-i:[a-zéè-]+)))?\s*,\s*$", re.I).search(left)
    if g:
        org = _generic_org(ms, g.group("head"), left_start + g.start(), text)
        if org is None and not g.group("adj"):
            # `le président de l'instance, X`, `le patron du groupe, X`: the organization the article is about
            org = _article_org(ms, left_start + g.start())
        name = (org.norm or org.text).lower() if org is not None else ""
        if org is not None and (not g.group("adj") or re.search(r"\b" + re.escape(g.group("adj")) + r"\b", name)):
            R.add(p, _title_norm(g.group("title")), org, None, left_start + g.start(), p.end)
            return True
    # `le secrétaire général de la Présidence, X`: an office of the head of state's (or
    # government's) own services, named by no mention, is the article state's
    g = _rx(_titles_rx().pattern + r"\s+de\s+la\s+(?P<seat>(?-i:Présidence|Primature))"
                  r"(?:\s+de\s+la\s+République)?\s*,\s*" + hon + r"$", re.I).search(left)
    if g:
        R.add(p, _title_norm(g.group("title") + " de la " + g.group("seat")), None, R.home,
              left_start + g.start(), p.end)
        return True
    if prev is not None and prev.label == "COUNTRY":
        # `l'ambassadeur d'Algérie au Burundi Hamid Boukrif`: the office is the first state's
        c = prev
        k = i - 1
        if k > 0 and ms[k - 1].label == "COUNTRY" and re.fullmatch(
                r"\s+(?:au|en|aux|auprès\s+d[eu](?:\s+la|\s+l['’])?)\s*", text[ms[k - 1].end:prev.start]):
            c = ms[k - 1]
        lc = text[max(0, c.start - 60):c.start]
        # `des` for the states named in the plural (`le président des Émirats arabes unis, cheikh X`)
        mc = _rx(_titles_rx().pattern + r"\s+(?:de|d['’]|du|des)\s*$", re.I).search(lc)
        tail = text[c.end:p.start]
        if mc and _rx(r"(\s+(?:au|en|à|aux|auprès\s+de(?:\s+la|\s+l['’])?)\s*[\w’'-]+)?\s*,?\s*" + hon, re.I).fullmatch(tail):
            R.add(p, _title_norm(mc.group("title")), None, c.norm, c.start - (len(lc) - mc.start()), p.end)
            return True
        # `le président du Faso, chef de l'État, le capitaine X`: a second office in apposition, of the
        # same state, then a rank
        m2 = _rx(r"\s*,\s*(?:(?:le|la)\s+|l['’])?" + _titles_rx().pattern
                          + r"\s*,\s*(?:(?:le|la)\s+(?=\S+\s))?" + hon, re.I).fullmatch(tail)
        if mc and m2:
            R.add(p, _title_norm(mc.group("title")), None, c.norm, c.start - (len(lc) - mc.start()), p.end)
            R.add(p, _title_norm(m2.group("title")), None, c.norm, c.end + m2.start("title"), p.end)
            return True
    # `le président de la Transition, le général X`: a rank with its article before the name
    m = _rx(_titles_rx().pattern + r"(?P<adj>(?:\s+[\w-]+){0,2}?)\s*,?\s*(?:(?:le|la)\s+(?=\S+\s))?" + hon + r"$", re.I).search(left)
    if m and "\n" not in left[m.start():]:
        adj = m.group("adj")
        scoped = _scope_titles().get(re.sub(r"\s+", " ", (m.group("title") + adj).lower()).strip())
        if scoped:
            # `le commissaire européen X`: the adjective names the office's body
            R.add(p, scoped, None, None, left_start + m.start(), p.end)
            return True
        country = _country_of_adj(adj)
        # `la députée conservatrice X`: an adjective on a government office describes the holder
        described = bool(adj.strip()) and _title_norm(m.group("title")).lower() in _GOV_TITLES and all(
            _adjective(R, left_start + m.start("adj") + w.start(), left_start + m.start("adj") + w.end())
            for w in re.finditer(r"[\w-]+", adj)) and not re.search(r",", left[m.end("title"):])
        if "," in left[m.end("title"):] and re.search(
                r"\b(?:devant|selon|pour|avec|après|avant|chez|contre|sans)\s+(?:le|la|l['’])\s*$",
                text[max(0, left_start + m.start() - 20):left_start + m.start()], re.I) \
                and _subject_after_comma(R, p):
            return False  # `Dans son allocution devant le Roi, X a souligné`: X opens the clause
        if not adj.strip() or country or described:
            title, start = m.group("title"), left_start + m.start()
            outer = _rx(_titles_rx().pattern + r"(?P<more>(?-i:\s+[a-zéè]+)?)\s+(?:du|de\s+la)\s+$", re.I).search(text[max(0, start - 50):start])
            if outer and country and _title_norm(title).lower() in _GOV_TITLES:
                # `le conseiller du président gabonais, X`: X holds the office at the head of
                # state's side, of the state the demonym names (as after the name, _office_at)
                start -= len(text[max(0, start - 50):start]) - outer.start()
                title = text[start:left_start + m.end("title")]
            inner = re.search(r"\s(?:du|de\s+la)\s+(?P<inner>\S.*)$", title)
            if inner and is_title(inner.group("inner")) and not adj.strip() \
                    and "," not in left[m.end("title"):] and _inner_holder(p.text):
                # `conseiller du roi Mohammed VI`, `conseiller du président Tebboune`: the name is
                # the inner office's; `le conseiller du roi, X` or `conseiller du roi Fouad Ali
                # El Himma` (a full name with no regnal number) is the adviser's
                title, start = inner.group("inner"), left_start + m.start() + inner.start("inner")
            ministry = _ministry_named_before(R, start) if not adj.strip() and re.fullmatch(
                r"ministres?(?: délégué(?:e)?)?", _title_norm(title).lower()) else None
            R.add(p, _title_norm(title), ministry, country, start, p.end)
            first = _first_of_chain(R, start, title)
            if first is not None and ministry is None:
                R.add(p, _title_norm(first.group("title")), None, country, first.start(), p.end)
            return True
    return False


def _first_of_chain(R: _Roles, start: int, title: str) -> Optional[re.Match]:
    """`le président de la République, chef de l'État, le général X`, `le Premier ministre, chef
    du gouvernement, X`: two offices of a government in apposition, the name holding both.
    The match of the first (positions in R.text) when the office at ``start`` is the second."""
    if _title_norm(title).lower() not in _GOV_TITLES:
        return None
    lo = max(0, start - 60)
    m = None
    for m in _rx(_titles_rx().pattern + r"\s*,\s*$", re.I).finditer(R.text[lo:start]):
        pass
    if m is None or _title_norm(m.group("title")).lower() not in _GOV_TITLES \
            or any(lo + m.start() < x.end and x.start < start for x in R.ms):
        return None
    # not the complement of another office (`le conseiller du président, chef de …`)
    if re.search(r"(?:\b(?:de|du|des)|d['’])\s*(?:(?:le|la)\s+|l['’])?$", R.text[max(0, lo + m.start() - 12):lo + m.start()], re.I):
        return None
    return re.compile(_titles_rx().pattern, re.I).match(R.text, lo + m.start())


def _ministry_named_before(R: _Roles, at: int) -> Optional[Mention]:
    """`… selon le ministère du Numérique. La ministre X a annoncé …`: a bare minister's title
    points back at the one ministry named as an institution in its sentence or the one before,
    with no other name or ministry between."""
    tok = _token_at(R.doc, at)
    if tok is None:
        return None
    sent = tok.sent
    start = R.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    inside = [x for x in R.ms if start <= x.start and x.end <= at and x.label in ("PERSON", "MINISTRY")]
    if len(inside) != 1 or inside[0].label != "MINISTRY" or _minister_office(inside[0]):
        return None
    return inside[0]


# the prefix of a compound title stays singular (`vice-présidents`, `co-présidents`)
_INVARIABLE_PREFIXES = frozenset({"vice", "ex", "co", "sous", "porte"})


def _inner_holder(name: str) -> bool:
    """A name that fits the inner office of `conseiller du roi NAME`: a sovereign's regnal name
    (`Mohammed VI`) or a surname alone (`Tebboune`)."""
    words = name.split()
    return len(words) == 1 or re.fullmatch(r"[IVX]{1,4}", words[-1]) is not None


def _plural_word(w: str) -> str:
    if w.isupper() or re.search(r"[sxz]$", w) or w.lower() in _INVARIABLE_PREFIXES:
        return w
    if w.endswith("al"):
        return w[:-2] + "aux"
    return w + "s"


@lru_cache(maxsize=1)
def _plural_titles() -> dict:
    """Plural → singular of the titles of office (`directeurs généraux` → `directeur général`):
    the words before a complement take the plural."""
    out = {}
    for t in _data_lines("titles.tsv", "title"):
        head = re.split(r"\s+(?:de|du|des|d')\b", t)[0]
        plural = " ".join("-".join(_plural_word(x) for x in w.split("-")) for w in head.split(" "))
        if plural != head:
            out[plural + t[len(head):]] = t
    return out


@lru_cache(maxsize=1)
def _plural_rx() -> re.Pattern:
    alts = "|".join(re.escape(t).replace("'", "['’]").replace(r"\ ", r"\s+")
                    for t in sorted(_plural_titles(), key=len, reverse=True))
    # a determiner, a count or both (`les deux`, `ses 9`, `Trois`)
    count = r"(?:\d{1,3}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze)"
    return re.compile(rf"\b(?:(?:les|des|ses|leurs|ces)(?:\s+{count})?|{count})\s+(?:(?P<q>anciens|anciennes|ex)[\s-]+)?"
                      rf"(?P<title>{alts})(?![\w-])(?P<adj>\s+[a-zéèï-]+)?", re.I)


# What announces the names an office in the plural applies to, after it (`les trois ministres,
# à savoir X, Y et Z`, `… notamment X et Y`, `… que sont X et Y`, `les ministres : X, Y`), with a
# short incise in between (`les deux députés de l'opposition, en l'occurrence X et Y`); or the
# next sentence naming them (`Deux députés ont voté contre. Il s'agit de X et de Y.`)
_LIST_LEAD = re.compile(r"\s*,?\s*(?:[^.;:!?«»()\n]{0,80}?[\s,]\s*(?P<w>à\s+savoir|en\s+l['’]occurrence|notamment|que\s+sont|dont)"
                        r"|\s*(?P<c>:)|[^.;:!?«»()\n]{0,120}[.]\s+(?P<s>il\s+s['’]agit|ce\s+sont))\s*,?\s*(?:(?:de|d['’])\s*)?",
                        re.I)


def _finite_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in span)


@lru_cache(maxsize=1)
def _member_titles() -> frozenset:
    """Offices several people hold in one state's body (`député`, `ministre`): in the plural with
    no organization they are the home country's, unlike `les deux présidents X et Y`."""
    return frozenset(w.lower() for w in word_set("member_titles.tsv"))


def _enumerated(R: _Roles) -> None:
    """`les anciens présidents de la Chambre de commerce (CCI), X et Y`, `les ministres marocain
    et espagnol … ` no: one office in the plural, then the names it applies to, coordinated."""
    text, ms = R.text, R.ms
    for m in _plural_rx().finditer(text):
        written = re.sub(r"\s+", " ", m.group("title").replace("’", "'"))
        title = _plural_titles().get(written.lower())
        if title is None:
            continue
        # the complement keeps its case as written (`ministres d'État` → `ministre d'État`)
        tail = len(title) - len(re.split(r"\s+(?:de|du|des|d')\b", title)[0])
        if tail:
            title = title[:len(title) - tail] + written[len(written) - tail:]
        country = _country_of_adj(m.group("adj") or "")
        pos = m.end() if country else m.end("title")
        org = None
        nxt = R.after(pos)
        if nxt is not None and nxt.label in ("ORG", "MINISTRY", "EVENT") \
                and re.fullmatch(r"\s+" + _LINK + r"\s*" + _kind_link(), text[pos:nxt.start], re.I):
            org, pos = nxt, nxt.end
            acr = re.match(r"\s*\([^()\n]{1,20}\)", text[pos:])
            pos += acr.end() if acr else 0
        if org is None and country is None:
            # `les vice-présidents de la commune, à savoir X, Y et Z`: a lower-case noun pointing
            # back at the organization named before
            back = re.match(r"\s+(?:du|de\s+la|de\s+l['’])\s*(?P<head>(?-i:" + _kind_words() + "|"
                            + "|".join(map(re.escape, _back_reference_heads())) + r"))\b", text[pos:], re.I)
            found = _generic_org(ms, back.group("head"), m.start(), text) if back else None
            if found is not None:
                org, pos = found, pos + back.end()
            elif re.match(r"(?:ses|leurs)\b", m.group(0), re.I):
                # `La Fédération a élu son bureau. Ses vice-présidents : X, Y et Z`: the offices of the
                # organization named last in the paragraph, as for one office (_possessive_office)
                last = next((x for x in reversed(ms) if x.end <= m.start()
                             and x.label in ("ORG", "EVENT", "PERSON", "MINISTRY")), None)
                if last is not None and last.label in ("ORG", "EVENT") and m.start() - last.end <= 400 \
                        and "\n" not in text[last.end:m.start()]:
                    org = last
        lead = _LIST_LEAD.match(text, pos)
        if lead and not (lead.group("w") or lead.group("c") or lead.group("s")):
            lead = None
        if lead and any(x.label == "PERSON" and pos <= x.start < lead.end() for x in ms):
            lead = None  # the incise names someone else: the list is not the office's
        if lead and lead.group("w") and _finite_verb(R.doc, pos, lead.start("w")):
            lead = None  # `les ministres ont reçu les élus, notamment X et Y`: the list is the object's
        pos = lead.end() if lead else pos + re.match(r"\s*,?\s*", text[pos:]).end()
        names = []
        for x in ms:
            if x.start < pos:
                continue
            # `X, Y et Z`, `d'X et de Y`: names in a coordination, an honorific before each
            if x.label != "PERSON" or not _rx(r"(?:\s*(?:,|\bet\b)\s*(?:(?:de|d['’])\s*)?)?" + _hon(), re.I).fullmatch(text[pos:x.start]):
                break
            if names and not re.search(r",|\bet\b", text[pos:x.start]):
                break
            names.append(x)
            pos = x.end
        member = lead is not None and _title_norm(title).lower() in _member_titles()
        if len(names) < 2 or org is None and country is None and not member:
            continue  # `les deux présidents X et Y`: offices of two states
        q = (m.group("q") or "").lower()
        prefix = {"anciens": "ancien ", "anciennes": "ancienne ", "ex": "ex-"}.get(q, "")
        for x in names:
            R.add(x, prefix + _title_norm(title), org, country, m.start(), x.end)


def _subject_after_comma(R: _Roles, p: Mention) -> bool:
    """The name is the subject of a verb that follows it, not an apposition to what precedes."""
    a, span = _anchor(R.doc, p)
    return a is not None and a.dep_.startswith("nsubj") and a.head.i >= span.end


def _chained_before(R: _Roles, i: int) -> None:
    """`le ministre délégué chargé de X, porte-parole du gouvernement, NAME`: a ministry's office
    and a second title in apposition both before the name."""
    if i < 1:
        return
    p, x = R.ms[i], R.ms[i - 1]
    if not _minister_office(x):
        return
    g = _rx(r"\s*,\s*(?P<t>[^,;.()\n]{3,60}?)\s*,\s*" + _hon(), re.I).fullmatch(R.text[x.end:p.start])
    if g and _titles_rx().match(g.group("t")) and not _after_name(R, x.start):
        R.add(p, _ministry_title(x.text), x, None, x.start, p.end)


def _led_by(R: _Roles) -> None:
    """`le ministère de X, dirigé par Y`: Y is the minister of X."""
    for i, x in enumerate(R.ms):
        if x.label != "MINISTRY" or not x.text.lower().startswith("ministère") or i + 1 >= len(R.ms):
            continue
        p = R.ms[i + 1]
        if p.label == "PERSON" and _rx(r"\s*,?\s*(?:dirigée?|conduite?|piloté|présidée?)\s+par\s+"
                                                + _hon(), re.I).fullmatch(R.text[x.end:p.start]):
            R.add(p, "ministre", x, None, x.start, p.end)


_LED_BY = re.compile(r"[\s()]*,?\s*(?:dirigée?s?|présidée?s?|pilotée?s?|conduite?s?)\s+"
                     r"(?:depuis\s+[^,;.:()\n]{1,25}?\s+)?par\s+", re.I)


def _led_by_holder(R: _Roles) -> None:
    """`la Société X (SX), dirigée depuis 2024 par Y, son directeur général`: Y holds the
    office the possessive names, of the organization led."""
    for i, x in enumerate(R.ms):
        if x.label not in ("ORG", "EVENT"):
            continue
        j = i + 1
        if j < len(R.ms) and R.ms[j].label == "ORG" and re.fullmatch(r"\s*\(\s*", R.text[x.end:R.ms[j].start]):
            j += 1  # the acronym in brackets after the name
        end = R.ms[j - 1].end
        while j < len(R.ms) and R.ms[j].label == "DATE":
            j += 1  # `depuis 2024`
        if j >= len(R.ms) or R.ms[j].label != "PERSON":
            continue
        p = R.ms[j]
        if not _rx(_LED_BY.pattern + _hon(), re.I).fullmatch(R.text[end:p.start]):
            continue
        m = _rx(r"\s*,\s*(?:son|sa)\s+" + _titles_rx().pattern + r"(?=\s*[,;.)]|\s+(?:a|doit|est|va)\b)", re.I).match(R.text[p.end:p.end + 60])
        if m:
            R.add(p, _title_norm(m.group("title")), x, None, x.start, p.end + m.end())


def _respectively(R: _Roles) -> None:
    """`X et Y, respectivement ambassadeur de D auprès de l'OCI et ambassadeur de D au Maroc`."""
    text, ms = R.text, R.ms
    for i, p in enumerate(ms):
        if p.label != "PERSON" or i == 0:
            continue
        m = re.match(r"\s*,\s*respectivement\s+", text[p.end:p.end + 30])
        if not m or not re.fullmatch(r"\s+et\s+", text[ms[i - 1].end:p.start]):
            continue
        start = p.end + m.end()
        stop = re.search(r"[.;:!?\n]", text[start:])
        clause = text[start:start + (stop.start() if stop else len(text))]
        # `… et TITLE …`: exactly one second office
        seps = [x for x in re.finditer(r"\s+et\s+", clause) if _titles_rx().match(clause, x.end())]
        if len(seps) != 1:
            continue
        parts = [clause[:seps[0].start()], clause[seps[0].end():]]
        offs = [start, start + seps[0].end()]
        for person, part, off in zip((ms[i - 1], p), parts, offs):
            if person.label != "PERSON":
                continue
            mt = _titles_rx().match(part)
            if not mt:
                continue
            inside = [x for x in ms if off <= x.start and x.end <= off + len(part)]
            country = next((x.norm for x in inside if x.label == "COUNTRY" and re.match(
                r"\s+" + _LINK + r"\s*$", text[off + mt.end():x.start])), None)
            org = next((x for x in inside if x.label in ("ORG", "EVENT", "MINISTRY") and re.search(
                r"(?:auprès\s+)?" + _LINK + r"\s*$", text[off:x.start])), None)
            if org is not None and country and re.search(r"auprès\s+" + _LINK + r"\s*$", text[off:org.start]):
                org = None  # `ambassadeur de D auprès de l'OCI`: the body the envoy is posted to
            R.add(person, _title_norm(mt.group("title")), org, country, off, off + len(part))


def _counterparts(R: _Roles) -> None:
    """`X, ministre de Y, et son homologue sénégalais, Z`: Z holds the same office."""
    text, ms = R.text, R.ms
    for i, p in enumerate(ms):
        if p.label != "PERSON":
            continue
        left = text[max(0, p.start - 60):p.start]
        m = re.search(r"(?:son|sa|leur)\s+homologues?(?P<adj>(?:\s+[\w-]+)?)\s*,?\s*$", left, re.I)
        if not m:
            continue
        at = p.start - (len(left) - m.start())
        country = _country_of_adj(m.group("adj"))
        before = [r for r in R.roles if r["end"] <= at and r["person"] != (p.norm or p.text)]
        title = _unnamed_office(R, at)
        if title is None:
            if not before:
                continue
            # `ministre d'État, ministre de X, NAME … son homologue`: of one name's offices, the
            # minister's of a ministry is the one a counterpart holds
            title = max(before, key=lambda r: (r["end"], r["org_label"] == "MINISTRY"))["title"]
        # the counterpart's own ministry is not the one named before (ENTITIES.md, Roles)
        R.add(p, title, None, country, at, p.end)


def _unnamed_office(R: _Roles, at: int) -> Optional[str]:
    """`Le président sénégalais a reçu son homologue …`: the office the sentence opens with,
    held by no name there, is the one a counterpart after it holds."""
    tok = _token_at(R.doc, at)
    if tok is None:
        return None
    sent = tok.sent
    if any(x.label == "PERSON" and sent.start_char <= x.start < at for x in R.ms):
        return None  # a named holder before: his office is among the roles already read
    head = re.match(r"\s*(?:[\w’'-]+[\s,]+){0,6}?(?:le|la|l['’])\s*", R.text[sent.start_char:at], re.I)
    if head is None:
        return None
    pos = sent.start_char + head.end()
    ministry = R.after(pos)
    if ministry is not None and ministry.start == pos and _minister_office(ministry):
        return _ministry_title(ministry.text)
    mt = _titles_rx().match(R.text, pos)
    return _title_norm(mt.group("title")) if mt else None


def _enumerations(R: _Roles) -> None:
    """`les ministres des Affaires étrangères malien, nigérien et burkinabé …
    Le Malien X, le Nigérien Y et le Burkinabé Z`: each named by the demonym of his office."""
    from .normalize.gazetteer import demonym_country
    text, ms = R.text, R.ms
    for mi in ms:
        if mi.label != "MINISTRY" or not re.match(r"ministres\b", mi.text, re.I):
            continue
        tail = re.match(r"((?:\s*,?\s*(?:et\s+)?[a-zéèï-]+){2,6})", text[mi.end:mi.end + 120])
        if not tail:
            continue
        codes = [c for c in (demonym_country(w) for w in re.findall(r"[\w-]+", tail.group(1))) if c]
        if len(codes) < 2:
            continue
        for p in ms:
            if p.label != "PERSON" or not (mi.end < p.start < mi.end + 600):
                continue
            m = re.search(r"\b(?:le|la)\s+([A-ZÉ][\w-]+)\s*$", text[max(0, p.start - 30):p.start], re.I)
            code = demonym_country(m.group(1)) if m else None
            if code in codes:
                R.add(p, _ministry_title(mi.text), mi, code, p.start, p.end)


# --- Line-ups: `Ministre des Mines : X`, `X (ministre des Mines)` ------------------------

def _line_up(R: _Roles) -> None:
    """A government line-up, one entry a line or a sentence: `- Ministre de l'Économie : X`,
    `Premier ministre : X`. The office opens its entry and a colon gives the name."""
    text = R.text
    for p in R.ms:
        if p.label != "PERSON":
            continue
        mc = _rx(r"[^\S\n]*:[^\S\n]*" + _hon() + r"$", re.I).search(text[max(0, p.start - 40):p.start])
        if not mc:
            continue
        colon = p.start - (min(40, p.start) - mc.start())
        # the entry opens at the last boundary before the colon on its line, after a bullet
        line = text.rfind("\n", 0, colon) + 1
        at = line + max((m.end() for m in re.finditer(r"[.;:]", text[line:colon])), default=0)
        at += re.match(r"\s*(?:[-–—•*·]\s*)?", text[at:colon]).end()
        # `Ministre d'État, ministre de l'Intérieur : X`: offices chained by commas or `et`
        offices, pos = [], at
        while True:
            found = _office_at(R, pos, ends=r"\s*[:,]|\s+et\b")
            if found is None:
                break
            offices.append(found)
            sep = re.match(r"\s*,\s*|\s+et\s+", text[found[3]:colon])
            if sep is None:
                break
            pos = found[3] + sep.end()
        if not offices or text[offices[-1][3]:colon].strip():
            continue  # the offices must fill the entry up to the colon
        for title, org, country, end in offices:
            R.add(p, title, org, country, at, p.end)
    # `- Moussa Traoré : ministre des Mines`: the name first, the office filling the entry
    for p in R.ms:
        mc = re.match(r"[^\S\n]*:[^\S\n]*", text[p.end:p.end + 4]) if p.label == "PERSON" else None
        if not mc or not _rx(r"(?:^|.*[\n.;])\s*(?:[-–—•*·]\s*)?" + _hon(), re.I | re.S).fullmatch(text[max(0, p.start - 40):p.start]):
            continue  # the name must open its entry
        found = _office_at(R, p.end + mc.end(), ends=r"[^\S\n]*(?:[;.\n]|$)")
        if found is not None and re.match(r"[^\S\n]*(?:[;.\n]|$)", text[found[3]:found[3] + 3]):
            title, org, country, end = found
            R.add(p, title, org, country, p.start, end)


def _bracketed(R: _Roles) -> None:
    """`X (ministre de l'Énergie)`, `X (PDG de Y)`: the office in brackets right after the name."""
    text = R.text
    for p in R.ms:
        if p.label != "PERSON":
            continue
        mo = re.match(r"[^\S\n]*\([^\S\n]*", text[p.end:p.end + 4])
        if not mo:
            continue
        at = p.end + mo.end()
        found = _office_at(R, at, ends=r"\s*\)")
        if found is None or not re.match(r"\s*\)", text[found[3]:found[3] + 3]):
            continue
        title, org, country, end = found
        R.add(p, title, org, country, p.start, end)


# --- Offices read off the dependency parse -------------------------------------------
# The word shapes above miss what the parse sees plainly: a title and a name tied by an
# apposition across an honorific (`le ministre de l'Intérieur, M. X`), a rank (`le général
# X`), qualifiers (`le nouveau Premier ministre algérien`), the complement of an appointment
# (`X a été nommé président de Y`) or a copula (`X est le président de Y`).

_NAME_DEPS = ("appos", "nmod", "flat:name", "flat", "conj", "dep", "compound")
# offices whose place is part of the office, not a posting (`maire de Fès`)
_JURISDICTION_TITLES = word_set("jurisdiction_titles.tsv")


@lru_cache(maxsize=1)
def _appointment_verbs() -> frozenset:
    return frozenset(_data_lines("appointment_verbs.tsv"))


@lru_cache(maxsize=1)
def _ranks() -> frozenset:
    """Honorifics and ranks that are no office (`M.`, `général`, `cheikh`, `prince`)."""
    from .wordlists import honorifics
    return frozenset(w.rstrip(".") for w in honorifics() if not is_title(w)) | {"cheikh", "prince", "sar",
                                                                                "lieutenant-colonel"}


def _minister_office(m: Mention) -> bool:
    """A MINISTRY mention written as its office (`ministre de X`, `secrétaire d'État …`), which
    a person holds, not as the institution (`ministère de X`)."""
    return m.label == "MINISTRY" and re.match(r"(ministre|secrétaire)", m.text, re.I) is not None


def _jurisdiction_title(title: str) -> bool:
    """`maire de Fès`, `prince héritier d'Abou Dhabi`: an office of the place it names."""
    return any(title == j or title.startswith(j + " ") for j in _JURISDICTION_TITLES)


def _is_rank(t) -> bool:
    # `prince héritier` is an office (ENTITIES.md), `prince` alone a rank
    return t.lower_.rstrip(".") in _ranks() and not any(
        c.dep_ == "amod" and c.lower_.startswith("héritier") for c in t.children)


def _span(doc: Doc, m: Mention):
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _anchor(doc: Doc, p: Mention):
    """The token that carries a name in the parse: the name's root, or the honorific or
    rank the parser hangs it on (`M. Ahmed Bouari`, `le général X`)."""
    span = _span(doc, p)
    if span is None or not len(span):
        return None, None
    a = span.root
    while a.head is not a and a.head.i < a.i and _is_rank(a.head) and a.dep_ in _NAME_DEPS + ("amod",):
        a = a.head
    return a, span


def _title_tokens(a, span) -> list:
    """Head nouns the parse ties to a name as its office."""
    out = []
    h = a.head
    coordinated = lambda t: any(c.dep_ == "cc" for c in t.children)
    # a name governed by a preposition is the office's complement, not its holder (`le Premier
    # ministre de M. X` is X's prime minister)
    governed = any(c.dep_ == "case" and c.i < a.i for c in a.children)
    if h is not a and h.i < a.i and a.dep_ in _NAME_DEPS and not coordinated(a) and not governed:
        out.append(h)                                   # `le ministre …, [M.] X`
    for c in a.children:                                # `X, [le] directeur général de …`
        if c.i >= span.end and c.dep_ in ("appos", "conj", "nmod") and not coordinated(c) \
                and any(t.text == "," for t in a.doc[span.end:c.i]):
            out.append(c)
    # `L'industriel X a été élu …`: the name stands in apposition to the subject
    subj = h if a.dep_ == "appos" and h.dep_ in ("nsubj", "nsubj:pass") and h.i < a.i else a
    v = subj.head
    if subj.dep_ in ("nsubj", "nsubj:pass") and v.i > a.i:
        if lemma(v).lower() in _appointment_verbs():     # `X a été nommé directeur de …`
            out += [c for c in v.children if c.dep_ in ("xcomp", "obj") and c.i > a.i]
        elif any(c.dep_ == "cop" for c in v.children):   # `X est le président de …`
            out.append(v)
    for c in a.children:                                # `X, 86 ans, nommé ministre d'État`
        if c.dep_ == "acl" and c.i > a.i and lemma(c).lower() in _appointment_verbs():
            out += [d for d in c.children if d.dep_ in ("xcomp", "obj") and d.i > c.i]
    return out


def _title_match(doc: Doc, t):
    """The title of office written around token t, with its qualifier (`ancien`, `ex-`)."""
    sent = t.sent
    for m in _titles_rx().finditer(doc.text, sent.start_char, sent.end_char):
        if m.start() <= t.idx < m.end():
            q = re.search(r"(?:\b(ancien|ancienne)\s+|(?<![\w-])(ex)-)$", doc.text[max(0, m.start() - 10):m.start()],
                          re.I)
            return m, (q.group(1).lower() + " " if q and q.group(1) else "ex-" if q else "")
        if m.start() > t.idx:
            break
    return None, ""


def _tied_to(tok, t, limit: int = 4) -> bool:
    """tok hangs on t through complements (`président du parti X`, `PDG du groupe X`)."""
    for _ in range(limit):
        if tok.dep_ not in ("nmod", "flat:name", "flat", "amod", "appos", "compound") or tok.head is tok:
            return False
        tok = tok.head
        if tok == t:
            return True
    return False


def _parsed(R: _Roles, doc: Doc, p: Mention) -> None:
    a, span = _anchor(doc, p)
    if a is None:
        return
    for t in _title_tokens(a, span):
        if span.start <= t.i < span.end:
            continue
        lo, hi = sorted((t.idx, p.start))
        if "\n" in R.text[lo:hi]:
            continue  # the parse runs across the lines of a list; an office and its name share one

        if any(x.label == "PERSON" and lo < x.start < hi and not x.overlaps(p) for x in R.ms):
            continue  # `le ministre de X, Y, et son homologue, Z`: the office is the nearer name's
        if t.idx < p.start and re.search(r"\bhomologues?\b|\bet\s+(?:son|sa|leur)\s", R.text[t.idx:p.start], re.I):
            continue  # `X, ministre de Y, et son homologue, Z`: a counterpart (see _counterparts)
        ministry = next((x for x in R.ms if x.label == "MINISTRY" and x.start <= t.idx < x.end), None)
        if ministry is not None:
            if not _minister_office(ministry):
                continue
            title, org, end = _ministry_title(ministry.text), ministry, ministry.end
            start = ministry.start
        else:
            m, qualifier = _title_match(doc, t)
            if m is None:
                continue
            title, org, start, end = _title_norm(m.group("title")), None, m.start(), m.end()
            if m.start() > p.start:
                title = qualifier + title  # add() reads qualifiers before the role's start only
        # `président de la République du Niger`: the title's République opens the state's name
        country = _state_across(R.ms, end)
        for x in R.ms:
            if x.start < end or x.overlaps(p) or x.start > t.sent.end_char or "\n" in R.text[end:x.start]:
                continue
            xs = _span(doc, x)
            if xs is None or not _tied_to(xs.root, t):
                continue
            if x.label == "COUNTRY" and country is None:
                country = x.norm
            elif org is None and _minister_office(x):
                pass  # `ministre d'État, ministre de X`: a minister's office is one of its own
            elif x.label in ("ORG", "EVENT", "MINISTRY") and org is None:
                org = x
            elif x.label == "LOC" and org is None and title in _JURISDICTION_TITLES \
                    and re.fullmatch(_jurisdiction_link(), doc.text[end:x.start], re.I):
                title = _jurisdiction(doc.text, title, x, end)
                country = _place_state(x)
            break
        # a nationality adjective on the title names its state (`le Premier ministre algérien`)
        country = country or _country_of_adj(" ".join(c.text for c in t.children if c.dep_ == "amod"))
        if country is None and org is None:
            # `le président du parlement libyen, X`: the adjective sits on the office's complement
            country = _country_of_adj(" ".join(c.text for c in t.subtree if c.dep_ == "amod" and _tied_to(c.head, t)
                                               and not (span.start <= c.i < span.end)))
        bare = re.sub(r"^(?:ancienn?e? |ex-)", "", title).lower()
        if org is None and country is None and bare not in _GOV_TITLES and not _jurisdiction_title(bare):
            continue  # `nommé directeur` of a body the text does not name: no office to tie
        if org is None and country is None and re.match(r"\s+(?:du|de\s+la|de\s+l['’]|des|d['’]une?\s)\s*(?-i:[a-zéè])",
                                                        doc.text[end:end + 12], re.I):
            continue  # `le président du jury : X`, `président d'une coopérative`: the office of a body
            # named by a common noun, not the state's
        R.add(p, title, org, country, min(start, p.start), max(end, p.end))


# --- Offices given away from the name ---------------------------------------------------

@lru_cache(maxsize=1)
def _office_nouns() -> dict:
    return {n.strip(): t.strip() for n, t in read_rows("office_nouns.tsv", ("noun", "title"))}


@lru_cache(maxsize=1)
def _office_noun_rx() -> re.Pattern:
    alts = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(_office_nouns(), key=len, reverse=True))
    return re.compile(rf"\b(?:à\s+la|la|sa)\s+(?P<noun>{alts})\s+" + _LINK + r"\s*$", re.I)


def _office_of_body(R: _Roles) -> None:
    """`X a été élu à la présidence de Y`, `… ont désigné X à la présidence de Y`, `X, qui a
    remporté la présidence de Y`: the office named by its function noun (office_nouns.tsv), taken
    by a verb (office_taking_verbs.tsv, by the parse's lemma) around the name, in one sentence."""
    text, doc = R.text, R.doc
    verbs = word_set("office_taking_verbs.tsv")
    for x in R.ms:
        if x.label not in ("ORG", "EVENT"):
            continue
        left_at = max(0, x.start - 60)
        m = _office_noun_rx().search(text, left_at, x.start)
        if not m:
            continue
        at = m.start()
        tok = _token_at(doc, m.start("noun"))
        if tok is None:
            continue
        sent = tok.sent
        p = next((q for q in reversed(R.ms) if q.end <= at and q.start >= sent.start_char
                  and q.label in ("PERSON", "ORG", "MINISTRY", "EVENT")), None)
        if p is None or p.label != "PERSON" or at - p.end > 80 or re.search(r"[;:«»()]", text[p.end:at]):
            continue
        # the verb between the name and the office (`X a été élu`, `X, qui a remporté`), or
        # just before the name (`ont désigné le Djiboutien X`)
        around = [t for t in doc[sent.start:sent.end] if p.end <= t.idx < at or 0 < p.start - t.idx <= 30]
        if not any(t.pos_ in ("VERB", "AUX") and lemma(t).lower() in verbs for t in around):
            continue
        title = _office_nouns()[re.sub(r"\s+", " ", m.group("noun")).lower()]
        R.add(p, title, x, None, p.start, x.end)


def _title_then_name(R: _Roles) -> None:
    """`… a affirmé le gouverneur de la BCEAO. Koné Tiémoko a aussi …`, `Le ministre de
    l'Industrie a présenté … . Ryad Mezzour a souligné …`: a sentence names an office held by no
    name, and the next one opens on a name the article has not given before, as its subject
    (the reader is meant to join them). The name must get no office of its own."""
    text, doc = R.text, R.doc
    holders = {r["person"] for r in R.roles}
    seen = set()
    for i, p in enumerate(R.ms):
        if p.label != "PERSON":
            continue
        key = p.norm or p.text
        first = key not in seen
        seen.add(key)
        if not first or key in holders or len(key.split()) < 2:
            continue
        a, span = _anchor(doc, p)
        if a is None or not a.dep_.startswith("nsubj") or a.head.i < span.end:
            continue
        sent = span[0].sent
        if not re.fullmatch(r"\s*(?:(?:M|Mme|Mlle)\.?\s+)?", text[sent.start_char:p.start]):
            continue  # the name opens its sentence
        if sent.start == 0:
            continue
        prev = doc[sent.start - 1].sent
        if "\n" in text[prev.end_char:sent.start_char] and len(prev) < 4:
            continue
        inside = [q for q in R.ms if prev.start_char <= q.start and q.end <= prev.end_char]
        if any(q.label == "PERSON" for q in inside):
            continue  # the office's holder is named in its own sentence
        offices = []
        for q in inside:
            if q.label == "MINISTRY" and re.match(r"(ministre|secrétaire)\b", q.text, re.I):
                offices.append((_ministry_title(q.text), q, None, q.start))
            elif q.label in ("ORG", "EVENT"):
                found = _title_of_org(R, q)
                if found:
                    offices.append((found[0], q, found[1], found[2]))
        # one office only, written with its definite article (`le gouverneur de`, not `un
        # conseiller du ministre de`)
        offices = [o for o in offices if re.search(r"\b(?:le|la|l['’])\s*(?:(?:nouveau|nouvelle|nouvel)\s+)?$",
                                                   text[max(0, o[3] - 20):o[3]], re.I)]
        if len(offices) != 1:
            continue
        title, org, country, start = offices[0]
        R.add(p, title, org, country, start, p.end)


_PRONOUN_OFFICE = re.compile(
    r"(?:Il|Elle)\s+(?:(?:est|était|fut|sera|a\s+été|avait\s+été|est\s+devenue?|devient)\s+)"
    r"(?:(?:\w+ment|aussi|également|déjà|alors|toujours)\s+)?"
    r"(?:(?:nommée?|élue?|désignée?|reconduite?)\s+)?(?:(?:au|aux)\s+(?:poste|rang|fonctions?)\s+(?:de|d['’])\s*)?"
    r"(?:(?:le|la|l['’])\s*)?(?:(?:nouveau|nouvelle|nouvel|actuel|actuelle)\s+)?")


def _pronoun_office(R: _Roles) -> None:
    """`X a quitté le gouvernement. Il était le patron de Sonelgaz.`: a sentence opening on `Il`
    or `Elle` and a copula or an appointment gives the office of the one person the sentence
    before names; the office must name its body or state."""
    text, doc = R.text, R.doc
    sents = list(doc.sents)
    for k in range(1, len(sents)):
        m = _PRONOUN_OFFICE.match(text, sents[k].start_char)
        if not m:
            continue
        prev = sents[k - 1]
        people = {q.norm or q.text: q for q in R.ms
                  if q.label == "PERSON" and prev.start_char <= q.start and q.end <= prev.end_char}
        if len(people) != 1:
            continue
        found = _office_at(R, m.end())
        if found is None or found[1] is None and found[2] is None:
            continue
        title, org, country, end = found
        if end > sents[k].end_char:
            continue
        R.add(next(iter(people.values())), title, org, country, m.start(), end)


_DELEGATION = re.compile(r"\b(?:la|une|sa|leur)\s+délégation(?P<adj>\s+(?!(?:de|du|des|d)\b)[a-zéèëï-]+)?(?P<of>\s+" + _LINK + r"\s*)?", re.I)
_LED = re.compile(r"\s*,?\s*(?:(?:(?:qui\s+)?(?:était|est)\s+)?(?:conduite|présidée|menée|dirigée)\s+par"
                  r"|à\s+la\s+tête\s+de\s+laquelle\s+(?:se\s+trouv\w+|figur\w+|était|est))\s+", re.I)


def _delegation_head(R: _Roles) -> None:
    """`la délégation sénégalaise, conduite par X`, `X, à la tête d'une délégation marocaine`,
    `la délégation du FMI conduite par X`: X heads the delegation of the state or body named."""
    text = R.text
    for m in _DELEGATION.finditer(text):
        country = _country_of_adj(m.group("adj") or "")
        org = None
        pos = m.end("adj") if m.group("adj") else m.start() + len(m.group(0)) - len(m.group("of") or "")
        nxt = R.after(m.end())
        if m.group("of") and nxt is not None and nxt.start == m.end():
            if nxt.label == "COUNTRY":
                country, pos = nxt.norm, nxt.end
            elif nxt.label in ("ORG", "EVENT"):
                org, pos = nxt, nxt.end
        if country is None and org is None:
            continue
        # `X, à la tête de la délégation marocaine`: the name before
        before = next((x for x in reversed(R.ms) if x.end <= m.start()), None)
        if before is not None and before.label == "PERSON" and re.fullmatch(
                r"\s*,\s*(?:(?:qui\s+(?:était|est)\s+)?à\s+la\s+tête\s+(?:de|d['’])"
                r"|qui\s+(?:a\s+)?(?:conduit|conduisait|dirige|dirigé|dirigeait|présid[eé]|présidait|mène|mené|menait))\s*",
                text[before.end:m.start()], re.I):
            R.add(before, "chef de la délégation", org, country, before.start, pos)
            continue
        led = _LED.match(text, pos)
        p = R.after(pos)
        if led and p is not None and p.label == "PERSON" and _rx(_hon(), re.I).fullmatch(text[led.end():p.start]):
            R.add(p, "chef de la délégation", org, country, m.start(), p.end)


_APPOINTED_RESP = re.compile(r"\s*(?:ont\s+été|sont|seront)\s+(?:(?P<r1>respectivement)\s+)?"
                             r"(?:nommée?s|désignée?s|élue?s|reconduite?s|promue?s)\s*,?\s*(?:(?P<r2>respectivement)\s+)?", re.I)


def _appointed_respectively(R: _Roles) -> None:
    """`Au niveau du HCP, X et Y ont été nommés respectivement directeur de A, et inspectrice
    générale`: coordinated names, then as many offices in the same order."""
    text, ms = R.text, R.ms
    for i, p in enumerate(ms):
        if p.label != "PERSON" or i == 0:
            continue
        m = _APPOINTED_RESP.match(text, p.end)
        if not m or not (m.group("r1") or m.group("r2")):
            continue
        names = [p]
        for q in reversed(ms[:i]):
            if q.label != "PERSON" or not _rx(r"\s*(?:,|\bet\b)\s*" + _hon(), re.I).fullmatch(text[q.end:names[0].start]):
                break
            names.insert(0, q)
        if len(names) < 2:
            continue
        start = m.end()
        stop = re.search(r"[.;:!?\n]|,\s*(?:a|ont)\s+(?:indiqué|annoncé|précisé|ajouté)", text[start:])
        clause = text[start:start + (stop.start() if stop else len(text) - start)]
        # cut before each office that opens after a comma or `et`
        cuts = [x for x in re.finditer(r"\s*,\s*(?:et\s+)?|\s+et\s+", clause)
                if _titles_rx().match(clause, x.end()) and x.start() > 0]
        if len(cuts) != len(names) - 1:
            continue
        bounds = [0] + [x.start() for x in cuts] + [len(clause)]
        starts = [0] + [x.end() for x in cuts]
        fronted = _fronted_body(R, names[0])
        for person, a, b in zip(names, starts, bounds[1:]):
            off, part = start + a, clause[a:b]
            found = _office_at(R, off, ends=r"[,.;:)»\]]|et\b|$|(?:à|au|lors|pour|par|en|depuis)\b")
            if found is not None and found[3] <= start + b:
                title, org, country, end = found
                R.add(person, title, org or fronted, country, person.start, end)
            elif fronted is not None and _titles_rx().match(part):
                # the office with its complement, in the body the sentence opens with
                R.add(person, _title_norm(part.strip()), fronted, None, person.start, off + len(part))


def _minister_and(R: _Roles, p: Mention, start: int) -> None:
    """`le ministre malien des Mines et président du conseil de X, NAME`: a minister's office
    coordinated before the office the name was given holds for the same name."""
    x = next((x for x in reversed(R.ms) if x.end <= start), None)
    if x is not None and _minister_office(x) \
            and re.fullmatch(r"\s+et\s+", R.text[x.end:start]) and not _after_name(R, x.start):
        R.add(p, _ministry_title(x.text), x, None, x.start, p.end)


def _title_before_ministry(R: _Roles, p: Mention, ministry: Mention) -> None:
    """`le ministre d'Etat, ministre de l'Agriculture, X`: a first office in apposition before the
    ministry's holds for the same name."""
    left = R.text[max(0, ministry.start - 60):ministry.start]
    m = _rx(r"(?:\b(?:le|la|du|au)\s+|\bl['’])" + _titles_rx().pattern + r"(?:\s*,\s*|\s+et\s+)$", re.I).search(left)
    if m is None or R.after(ministry.start - (len(left) - m.start())) is not ministry:
        return
    R.add(p, _title_norm(m.group("title")), None, None, ministry.start - (len(left) - m.start("title")), p.end)


def _possessive_office(R: _Roles) -> None:
    """`La BCE a relevé ses taux. Sa présidente, Christine Lagarde, a …`, `… a indiqué son président,
    X`: `son|sa TITLE, NAME` is the office of the organization named last, in the same paragraph."""
    text = R.text
    for i, p in enumerate(R.ms):
        if p.label != "PERSON" or any(r["person"] == (p.norm or p.text) and r["org"] for r in R.roles):
            continue
        left = text[max(0, p.start - 60):p.start]
        m = _rx(r"\b(?:son|sa)\s+(?:(?:nouveau|nouvelle|nouvel|actuel|actuelle)\s+)?" + _titles_rx().pattern
                      + r"\s*,\s*" + _hon() + r"$", re.I).search(left)
        if not m:
            continue
        at = p.start - (len(left) - m.start())
        org = next((x for x in reversed(R.ms) if x.end <= at and x.label in ("ORG", "EVENT", "PERSON", "MINISTRY")), None)
        if org is None or org.label not in ("ORG", "EVENT") or at - org.end > 400 or "\n" in text[org.end:at] \
                or any(x.label == "PERSON" for x in R.ms if org.end <= x.start < at):
            continue
        org = _subject_org(R, org)
        # the bare office without the organization, read before, is replaced by this one
        R.roles = [r for r in R.roles if not (r["person"] == (p.norm or p.text) and r["org"] is None
                                              and r["title"] == _title_norm(m.group("title")))]
        R.seen = {k: v for k, v in R.seen.items() if v in R.roles}
        R.add(p, _title_norm(m.group("title")), org, None, at, p.end)


def _subject_org(R: _Roles, org: Mention) -> Mention:
    """`La Banque centrale a été sollicitée, un mécanisme critiqué par le FMI. Son gouverneur, X`:
    a possessive points back to the subject of the sentence before, where an organization is
    that subject, rather than to an organization named after it."""
    span = _span(R.doc, org)
    if span is None:
        return org
    sent = span.sent
    first = next((x for x in R.ms if sent.start_char <= x.start < org.start and x.label in ("ORG", "EVENT")
                  and not x.text.isupper()), None)
    if first is None or any(x.label == "PERSON" for x in R.ms if first.end <= x.start < org.end):
        return org
    fs = _span(R.doc, first)
    root = fs.root if fs is not None else None
    if root is not None and root.dep_ in ("nsubj", "nsubj:pass") and root.head.sent.root == root.head:
        return first
    return org


def _whose_office(R: _Roles) -> None:
    """`Selon la Banque africaine de développement (BAD), dont le nouveau président, le Mauritanien
    X, …`: a relative `dont` gives the office of the organization it hangs on."""
    text = R.text
    for p in R.ms:
        if p.label != "PERSON":
            continue
        left = _drop_nationality(text[max(0, p.start - 80):p.start])
        m = _rx(r",\s*dont\s+(?:le|la|l['’])\s*(?:(?:nouveau|nouvelle|nouvel|actuel|actuelle)\s+)?"
                      + _titles_rx().pattern + r"\s*,?\s*(?:(?:le|la)\s+|l['’])?" + _hon() + r"$", re.I).search(left)
        if not m:
            continue
        at = p.start - (min(80, p.start) - m.start())
        org = next((x for x in reversed(R.ms) if x.end <= at), None)
        if org is None or org.label not in ("ORG", "EVENT") or text[org.end:at].strip(" )»\"”"):
            continue  # the acronym's bracket may close between the name and `dont`
        R.add(p, _title_norm(m.group("title")), org, None, org.start, p.end)
