"""COUNTRY and LOC mentions by longest match of the gazetteers (pipeline/gazetteer.py).

The matcher walks a character trie over the folded text (case, accents,
apostrophes and hyphens folded, offsets preserved), from every word start, and
keeps the longest names that end on a word boundary. Then:
- case: a name written with a capital must be written with one (``Grenade`` the
  country, not ``grenade``), except sovereign states, which news sometimes writes
  in lower case (``algérie``); acronyms (``RDC``) match in capitals only;
- ``République …/Royaume …/Sultanat … de|du|d' <country>`` is one COUNTRY span;
- ``Royaume`` alone is Morocco when capitalized, not ``Royaume de X``, and only in
  an article that otherwise points at Morocco;
- a name glued by a hyphen to a word that is not itself a place is part of a
  longer name (``Beni Mellal-Khenifra``), except ``Maroc-UE`` style pairs;
- `Grand`/`Grande` before a place names its metropolitan area, one LOC (``Grand Tunis``);
- a place inside a person's name (spaCy PER of two tokens or more, or a next/previous
  capitalized word for names that are also first names) is dropped.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from pipeline.extraction.normalize.gazetteer import Entry, capital_homonym, demonyms, entries, fold, key, lookup
from pipeline.extraction.mention import Mention
from pipeline.extraction.model_places import after_company_words
from pipeline.extraction.overlaps import longest_first
from pipeline.extraction.nlp import doc_text
from pipeline.extraction.wordlists import generic_words

SOURCE = "geo_gazetteer"

# Country names whose lower-case form is a common word: capital required.
LOWER_STOP = {"grenade", "benin", "chili", "equateur", "panama", "argentine", "suisse",
              "maurice", "dominique", "salvador", "turquie", "guinee", "georgie",
              "congo", "niger", "jordanie", "royaume", "arabie", "coree", "emirats"}
# Places and states that are also first names or surnames.
PERSONISH = {"maurice", "dominique", "salvador", "florence", "sofia", "constantine",
             "washington", "victoria", "israel", "georgie", "jordanie", "lima", "santiago",
             "paris", "bali", "gao", "massa", "kano", "ben ahmed", "atlas", "oriental"}
# Heads of official state names: "République islamique de Mauritanie".
STATE_HEAD = re.compile(
    r"(?<![a-z])(?:republique|royaume|sultanat|etat|emirat|principaute|grand-duche|federation|"
    r"confederation|commonwealth)((?: [a-z]+){0,3}) (?:de la |de l'|de |du |d'|des )$")
WORD_AFTER = re.compile(r"[ \u00a0]+([A-ZÀ-ÖØ-Þ][\w'’-]*)")
WORD_BEFORE = re.compile(r"([A-ZÀ-ÖØ-Þ][\w'’-]*)[ \u00a0]+$")
KINGDOM_OF = re.compile(r"[ \u00a0]+(?:de |du |des |d'|d’)[ \u00a0]*[A-ZÀ-ÖØ-Þ]")

_END = ""  # trie terminal key


@lru_cache(maxsize=1)
def _trie() -> dict:
    root: dict = {}
    for k, entry in entries().items():
        node = root
        for c in k:
            node = node.setdefault(c, {})
        node[_END] = entry
    return root


def _walk(ft: str, i: int) -> list[tuple[int, Entry]]:
    """All gazetteer keys that the folded text spells from i, as (end, entry),
    longest last. Runs of spaces/hyphens match one ' ' of a key, and none right
    after an apostrophe."""
    node, j, n, last, found = _trie(), i, len(ft), "", []
    while j < n:
        c = ft[j]
        if c in " -":
            k = j
            while k < n and ft[k] in " -":
                k += 1
            if last == "'":
                j = k
                continue
            c, nxt = " ", k
        else:
            nxt = j + 1
        node = node.get(c)
        if node is None:
            break
        j, last = nxt, c
        if _END in node and c not in " '":
            found.append((j, node[_END]))
    return found


def _case_ok(raw: str, entry: Entry, k: str) -> bool:
    if entry.case_exact:
        return raw == entry.name
    if entry.label == "LOC":
        return _first_capital_kept(raw, entry.name)
    if raw[0].isupper():
        return True
    if entry.label != "COUNTRY" or len(k) < 4 or k in LOWER_STOP:
        return False
    return k not in demonyms()


_WORDS = re.compile(r"[^\W\d_]+")
_ARTICLES = {"La", "Le", "Les", "L"}


def _first_capital_kept(raw: str, name: str) -> bool:
    """The first capitalized word of a place name (articles aside) is capitalized
    in the text too: "La Réunion", not "La réunion"; "océan Atlantique" either way."""
    nw, rw = _WORDS.findall(name), _WORDS.findall(raw)
    for a, b in zip(nw, rw):
        if a[0].isupper() and a not in _ARTICLES:
            return b[0].isupper()
    return True


# Word starts (an alphanumeric character after none), in one pass: `[^\W_]` is exactly
# str.isalnum (re's \w is isalnum plus the underscore).
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")


def _personish(text: str, s: int, e: int) -> bool:
    """A first-name-like place followed or preceded by a capitalized word on the same line."""
    after = WORD_AFTER.match(text, e)
    if after and lookup(after.group(1)) is None:
        return True
    before = WORD_BEFORE.search(text[max(0, s - 40):s])
    if before and lookup(before.group(1)) is None:
        # a capitalized word right before, not at a sentence start
        pre = text[max(0, s - 40):s - len(before.group(0))].rstrip(" \u00a0")
        return bool(pre) and pre[-1] not in ".!?:;\n«\"(—–-"
    return False


# What puts a bulk-gazetteer name in place: a locative preposition or a place noun right
# before it (`à Boké`, `de Tobrouk`, `province de Figuig`, `près d'Oujda`, `dans le Haut-X`), or a facility
# noun, which names its site by a place (`le stade Adrar`, `le port de Kribi`).
_PLACE_NOUNS = (r"(?:ville|région|province|préfecture|commune|wilaya|gouvernorat|localité|village|"
                r"département|district|cercle|cité|quartier|capitale|stade|aéroport|port|gare|palais)")
_PLACED = re.compile(
    r"(?:^|[\s(])(?:à|a|au|de|d['’]|du|depuis|vers|jusqu['’]à|près\s+de|près\s+d['’]|dans\s+(?:le|la|l['’])|"
    + _PLACE_NOUNS + r"\s+(?:de\s+|d['’])?)[ \u00a0]*$", re.I)
_AFTER_PLACE_NOUN = re.compile(_PLACE_NOUNS + r"[ \u00a0]+(?:de|du|d['’])[ \u00a0]*$", re.I)


_NAME_THEN_DE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w-]*[ \u00a0]+(?:de|du|d['’])[ \u00a0]*$")


def _placed(text: str, s: int) -> bool:
    before = text[max(0, s - 30):s]
    if _NAME_THEN_DE.search(before) and not _AFTER_PLACE_NOUN.search(before):
        return False  # `Olivier de Souza`, `Charles de Gaulle`: a name particle, not a place
    return bool(_PLACED.search(before))


def _extend_state(text: str, ft: str, s: int) -> int:
    """Start of "République islamique de " before a country at s, else s."""
    m = STATE_HEAD.search(ft[max(0, s - 60):s])
    if not m:
        return s
    start = s - (len(m.group(0)))
    return start if text[start].isupper() else s


def find_spans(text: str, person_spans: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int, Entry]]:
    """(start, end, entry) of every country and place name in text, longest
    match, no overlaps. Pure: person_spans are (start, end) of multi-token person names."""
    ft = fold(text)
    persons = list(person_spans)
    cands: list[tuple[int, int, Entry]] = []
    for w in _WORD_START.finditer(text):
        i = w.start()
        for e, entry in reversed(_walk(ft, i)):
            if e < len(text) and text[e].isalnum():
                continue
            raw = text[i:e]
            k = key(raw)
            if not _case_ok(raw, entry, k):
                continue
            if k == "royaume" and (KINGDOM_OF.match(text, e) or not raw[0].isupper()):
                continue
            if k in PERSONISH and _personish(text, i, e):
                continue
            if entry.weak and raw.lower() in generic_words():
                continue  # `le baril de Brent`: a word never an entity (generic_words.tsv)
            if entry.weak and (not _placed(text, i) or after_company_words(text, i)):
                continue  # `à Boké` is placed; `la directrice générale de Kora` names a company
            if any(ps <= i and e <= pe and (ps, pe) != (i, e) for ps, pe in persons):
                continue
            s = _extend_state(text, ft, i) if entry.label == "COUNTRY" and k != "royaume" else i
            cands.append((s, e, entry))
            break
    # longest first, then leftmost
    chosen = longest_first(cands, span=lambda c: (c[0], c[1]))
    chosen.sort(key=lambda c: c[0])
    chosen = [c for c in chosen if not _glued(text, c, chosen)]
    chosen = [(_grand_start(text, s, entry), e, entry) for s, e, entry in chosen]
    chosen = _city_and_sea(text, chosen)
    chosen = _capital_beside_city(text, chosen)
    # "Royaume" stands for Morocco only where the article is about Morocco
    if any(key(text[s:e]) == "royaume" for s, e, _ in chosen) and not _about_morocco(text, chosen):
        chosen = [c for c in chosen if key(text[c[0]:c[1]]) != "royaume"]
    return chosen


def _city_and_sea(text: str, chosen: list) -> list:
    """`Dakar Atlantique`: a town and a sea written side by side name one site (a port or a zone
    on that coast), one LOC."""
    from dataclasses import replace
    out: list = []
    for c in chosen:
        if out and c[2].kind == "sea" and out[-1][2].label == "LOC" and out[-1][2].kind == "city" \
                and text[out[-1][1]:c[0]] == " " and text[c[0]].isupper():
            s, _, city = out.pop()
            out.append((s, c[1], replace(city, kind="site")))
            continue
        out.append(c)
    return out


def _capital_beside_city(text: str, chosen: list) -> list:
    """`la ligne Djibouti-Addis-Abeba`: a state's name that also names its capital, joined by a
    hyphen to a city, is that capital (a route between two cities); `Nigeria-Maroc` stays two
    states."""
    out = list(chosen)
    for n, (s, e, entry) in enumerate(out):
        if entry.label != "COUNTRY":
            continue
        beside = [o for o in out if (o[0] == e + 1 and text[e] in "-\u2010\u2011")
                  or (o[1] == s - 1 and text[s - 1] in "-\u2010\u2011")]
        if any(o[2].label == "LOC" and o[2].kind == "city" for o in beside):
            city = capital_homonym(text[s:e])
            if city is not None:
                out[n] = (s, e, city)
    return out


# `le Grand Casablanca`, `Grand Tunis`: a city's metropolitan area is one place, named with it
_GRAND_BEFORE = re.compile(r"(?<![\w-])Grande?[ \u00a0]\Z")


def _grand_start(text: str, s: int, entry: Entry) -> int:
    """Start of `Grand `/`Grande ` right before a place (not a state), else s."""
    if entry.label != "LOC":
        return s
    m = _GRAND_BEFORE.search(text, max(0, s - 7), s)
    return m.start() if m else s


def _glued(text: str, c: tuple[int, int, Entry], chosen: list) -> bool:
    """True if c is glued by a hyphen to a word that is not a chosen match (nor an acronym)."""
    s, e, _ = c
    if e + 1 < len(text) and text[e] in "-\u2010\u2011" and text[e + 1].isalnum():
        if not any(o[0] == e + 1 for o in chosen):
            m = re.match(r"[\w]+", text[e + 1:])
            if not (m and m.group(0).isupper()):
                return True
    if s >= 2 and text[s - 1] in "-\u2010\u2011" and text[s - 2].isalnum():
        if not any(o[1] == s - 1 for o in chosen):
            m = re.search(r"\w+$", text[:s - 1])
            if not (m and m.group(0).isupper()):
                return True
    return False


def _about_morocco(text: str, chosen: list) -> bool:
    if any(ent.code == "MAR" and key(text[s:e]) != "royaume" for s, e, ent in chosen):
        return True
    return any(demonyms().get(w) == "MAR" for w in map(key, re.findall(r"\w+", text)))


def _norm_loc(raw: str) -> str:
    return re.sub(r"\s+", " ", re.sub("[\u2019\u2018`\u00b4\u02bc]", "'", raw)).strip()


def _mention(text: str, s: int, e: int, entry: Entry) -> Mention:
    raw = text[s:e]
    if entry.label == "COUNTRY":
        return Mention(s, e, "COUNTRY", text=raw, norm=entry.code, country=entry.code,
                       source=SOURCE)
    return Mention(s, e, "LOC", text=raw, norm=_with_article(_norm_loc(raw)), source=SOURCE,
                   extra={"kind": entry.kind, "place_country": entry.code or None})


def _with_article(name: str) -> str:
    """`Caire` in `au Caire`, `LE CAIRE` -> `Le Caire`: a place whose name holds its article
    (places.tsv knows `Le Caire`) is valued with it; the span leaves the article out."""
    for art in ("Le ", "La ", "Les "):
        entry = lookup(art + name)
        if entry is not None and entry.label == "LOC" and not name.startswith(art):
            return entry.name if entry.name.lower().startswith(art.lower()) else art + name
    return name


def find_places(doc) -> list[Mention]:
    """COUNTRY and LOC mentions of a spaCy Doc (longest gazetteer match)."""
    persons = [(ent.start_char, ent.end_char) for ent in doc.ents
               if ent.label_ in ("PER", "PERSON") and len(ent) >= 2]
    return [_mention(doc_text(doc), s, e, entry) for s, e, entry in find_spans(doc_text(doc), persons)]
